import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the services under test leave their OpenAPI document and the exchanges they served. */
export const OBSERVATIONS_DIR = join(__dirname, '..', '..', '..', '.local', 'openapi-observations');

export interface Observation {
  readonly method: string;
  /** The matched route as OpenAPI writes it, e.g. /v1/plans/{id}. */
  readonly path: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly body?: unknown;
}

const JSON_TYPE = /^application\/([a-z.+-]*\+)?json\b/;
// A larger reply is a report nobody needs to see twice; its status and type are still checked.
const MAX_BODY_BYTES = 1 << 20;

function observe(file: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > MAX_BODY_BYTES) return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      size += buffer.length;
      chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((...args: unknown[]) => (keep(args[0], args[1]), write(...args))) as typeof res.write;
    res.end = ((...args: unknown[]) => (keep(args[0], args[1]), end(...args))) as typeof res.end;
    res.on('finish', () => {
      // Only routed requests are operations; an unknown path ends at the router's catch-all.
      const route = (req.route as { path?: unknown } | undefined)?.path;
      if (typeof route !== 'string' || route.includes('*')) return;
      const contentType = res.getHeader('content-type');
      const type = typeof contentType === 'string' ? contentType : null;
      const text = Buffer.concat(chunks).toString('utf8');
      const body =
        type !== null && JSON_TYPE.test(type) && text !== '' && size <= MAX_BODY_BYTES ? JSON.parse(text) : undefined;
      const observation: Observation = {
        method: req.method,
        path: route.replace(/:(\w+)/g, '{$1}'),
        status: res.statusCode,
        contentType: type,
        ...(body === undefined ? {} : { body }),
      };
      appendFileSync(file, `${JSON.stringify(observation)}\n`);
    });
    next();
  };
}

/**
 * Records every HTTP exchange of a service under test, so that a check after the tests can hold
 * each reply against the operation's documented responses (scripts/check-openapi.ts).
 */
export function recordExchanges(app: INestApplication, service: string): void {
  mkdirSync(OBSERVATIONS_DIR, { recursive: true });
  app.use(observe(join(OBSERVATIONS_DIR, `${service}.jsonl`)));
}

/** Keeps the document the service serves, the one its replies are checked against. */
export async function keepOpenApiDocument(url: string, service: string): Promise<void> {
  const response = await fetch(`${url}/docs-json`);
  writeFileSync(join(OBSERVATIONS_DIR, `${service}.openapi.json`), await response.text());
}
