import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

// The latest-version hint is a suggestion: the documents are AsyncAPI 3.0 on purpose.
const IGNORED = new Set(['asyncapi-latest-version']);

/**
 * What is wrong with an AsyncAPI document, one line each (none: it is valid): what
 * @asyncapi/parser reports as an error or a warning, and every message example whose headers or
 * payload its own schemas refuse (the parser does not check examples).
 */
export async function asyncApiProblems(document: Json): Promise<string[]> {
  const { diagnostics } = await new Parser().parse(JSON.stringify(document));
  const reported = diagnostics
    .filter((d) => d.severity <= DiagnosticSeverity.Warning && !IGNORED.has(String(d.code)))
    .map((d) => `${String(d.code)} at ${d.path.join('.')}: ${d.message}`);
  return [...reported, ...exampleProblems(document)];
}

function exampleProblems(document: Json): string[] {
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  const problems: string[] = [];
  for (const [channelId, channel] of Object.entries((document.channels ?? {}) as Record<string, Json>)) {
    for (const [messageId, message] of Object.entries((channel.messages ?? {}) as Record<string, Json>)) {
      for (const example of (message.examples ?? []) as Json[]) {
        for (const part of ['headers', 'payload'] as const) {
          const schema = message[part] as Json | undefined;
          if (schema === undefined || example[part] === undefined) continue;
          const validate = ajv.compile(schema);
          if (!validate(example[part])) {
            problems.push(`${channelId} ${messageId}: example ${part} ${ajv.errorsText(validate.errors)}`);
          }
        }
      }
    }
  }
  return problems;
}
