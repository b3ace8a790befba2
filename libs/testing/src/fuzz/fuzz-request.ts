import { request } from 'node:http';
import { toJsonText } from './hostile-values';
import type { BodyPlan, MultipartPart, ParamValue, RequestPlan } from './request-plans';

/** The ids a service handed out in its replies so far: path parameters draw from them to reach past a 404. */
export class IdPool {
  private readonly ids: string[] = [];

  /** Keeps the string values of `id`, `…Id`, `…Ref` and `code` fields of a reply, up to a bound. */
  collect(body: unknown): void {
    if (Array.isArray(body)) return body.forEach((item) => this.collect(item));
    if (typeof body !== 'object' || body === null) return;
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string' && /^(id|code)$|(Id|Ref)$/.test(key) && !this.ids.includes(value)) {
        this.ids.push(value);
        if (this.ids.length > 500) this.ids.shift();
      } else this.collect(value);
    }
  }

  pick(index: number): string | undefined {
    return this.ids.length === 0 ? undefined : this.ids[index % this.ids.length];
  }
}

/** A surrogate without its pair, which `encodeURIComponent` refuses. */
const LONE_SURROGATE = /([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;

/** The three bytes a sloppy encoder writes for a lone surrogate (as if it were a code point). */
function sloppyBytes(surrogate: string): string {
  const code = surrogate.charCodeAt(0);
  return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
    .map((byte) => `%${byte.toString(16).toUpperCase()}`)
    .join('');
}

/**
 * Percent-encodes every code point, dots included, a lone surrogate as the three bytes a sloppy
 * encoder writes. Whole runs at once: a 200 kB value one character at a time cost the fuzz a
 * third of its time.
 */
export function percentEncode(value: string): string {
  return value
    .split(LONE_SURROGATE)
    .map((piece, index) => (index % 2 === 1 ? sloppyBytes(piece) : encodeURIComponent(piece).replace(/\./g, '%2E')))
    .join('');
}

export interface FuzzReply {
  readonly status: number;
  readonly contentType: string;
  readonly correlationId: string;
  readonly body: unknown;
  readonly retryAfter?: string;
}

export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
}

const BOUNDARY = 'fuzz-boundary-7MA4YWxkTrZu0gW';

function multipart(parts: readonly MultipartPart[]): Buffer {
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"` +
        (part.fileName === undefined ? '' : `; filename="${part.fileName}"`) +
        (part.contentType === undefined ? '' : `\r\nContent-Type: ${part.contentType}`) +
        '\r\n\r\n',
    ),
    typeof part.content === 'string' ? Buffer.from(part.content) : Buffer.from(part.content),
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

function bodyOf(plan: BodyPlan): { contentType?: string; body?: Buffer } {
  switch (plan.kind) {
    case 'none':
      return {};
    case 'json':
      return { contentType: plan.contentType, body: Buffer.from(toJsonText(plan.value)) };
    case 'raw':
      return { contentType: plan.contentType, body: Buffer.from(plan.text) };
    case 'multipart':
      return { contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: multipart(plan.parts) };
  }
}

/** The request a plan stands for, with pooled ids picked now (a fresh id when none was handed out yet). */
export function materialise(
  method: string,
  documentedPath: string,
  plan: RequestPlan,
  pool: IdPool,
  token: string | undefined,
): SentRequest {
  const valueOf = (param: ParamValue) =>
    'value' in param ? param.value : (pool.pick(param.pooled) ?? `fuzz-${param.pooled}`);
  const path = documentedPath.replace(/\{(\w+)\}/g, (_whole, name: string) =>
    percentEncode(valueOf(plan.pathParams[name] ?? { pooled: 0 })),
  );
  const query = plan.query.map(([name, value]) => `${percentEncode(name)}=${percentEncode(valueOf(value))}`).join('&');
  const { contentType, body } = bodyOf(plan.body);
  return {
    method,
    path: query === '' ? path : `${path}?${query}`,
    headers: {
      ...Object.fromEntries(
        Object.entries(plan.headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(contentType === undefined ? {} : { 'content-type': contentType }),
      // Framed explicitly: Node sends a GET's body unframed otherwise.
      ...(body === undefined ? {} : { 'content-length': String(body.length) }),
    },
    ...(body === undefined ? {} : { body }),
  };
}

/** Sends the request as written (node:http: no URL normalisation), and reads the reply. */
export function send(baseUrl: string, sent: SentRequest): Promise<FuzzReply> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { hostname, port, method: sent.method, path: sent.path, headers: sent.headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const contentType = String(incoming.headers['content-type'] ?? '');
          let body: unknown = text;
          if (/json/.test(contentType) && text !== '') {
            try {
              body = JSON.parse(text);
            } catch {
              body = text;
            }
          }
          resolve({
            status: incoming.statusCode ?? 0,
            contentType,
            correlationId: String(incoming.headers['x-correlation-id'] ?? ''),
            body,
            ...(incoming.headers['retry-after'] === undefined
              ? {}
              : { retryAfter: String(incoming.headers['retry-after']) }),
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(sent.body);
  });
}
