import type { AsyncApiDocument } from './asyncapi-document';

type Json = Record<string, unknown>;

const escape = (text: unknown): string => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A page for people of what an AsyncAPI document of this platform says: each topic, whether it
 * is public or internal, its partitions and retention, and each message with its description,
 * its schema's link and an example. The document itself stays the reference.
 */
export function streamsPageOf(document: AsyncApiDocument): string {
  const info = document.info as Json;
  const channels = Object.values((document.channels ?? {}) as Record<string, Json>);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escape(info.title)}</title>`,
    '<style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}',
    'table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}',
    'pre{margin:0;font-size:12px;white-space:pre-wrap}.public{color:#06623b}.internal{color:#8a5a00}</style>',
    '</head><body>',
    `<h1>${escape(info.title)}</h1>`,
    `<p>${escape(info.description)} Machine-readable: <a href="asyncapi.json">asyncapi.json</a>.</p>`,
    ...channels.map(channelSection),
    '</body></html>',
    '',
  ].join('\n');
}

function channelSection(channel: Json): string {
  const [tag] = (channel.tags ?? []) as { name: string }[];
  const kafka = ((channel.bindings ?? {}) as Json).kafka as Json | undefined;
  const retention = (kafka?.topicConfiguration as Json | undefined)?.['retention.ms'];
  const settings = kafka
    ? ` · ${String(kafka.partitions)} partitions · retention ${retention === -1 ? 'unlimited' : `${String(retention)} ms`}`
    : '';
  const messages = Object.values((channel.messages ?? {}) as Record<string, Json>);
  return [
    `<h2><code>${escape(channel.address)}</code> <span class="${escape(tag?.name)}">${escape(tag?.name)}</span></h2>`,
    `<p>${escape(channel.description)}${escape(settings)}</p>`,
    '<table><tr><th>message</th><th>what it says</th><th>example body</th></tr>',
    ...messages.map(messageRow),
    '</table>',
  ].join('\n');
}

function messageRow(message: Json): string {
  const headers = (message.headers as Json).properties as Record<string, Json>;
  const schemaUrl = String(headers.ce_dataschema.const);
  const [example] = (message.examples ?? []) as Json[];
  return (
    `<tr><td><code>${escape(message.title)}</code><br><a href="${escape(schemaUrl)}">schema</a></td>` +
    `<td>${escape(message.summary ?? '')}</td>` +
    `<td><pre>${escape(JSON.stringify(example?.payload ?? {}, null, 2))}</pre></td></tr>`
  );
}
