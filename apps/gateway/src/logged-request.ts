/** A request as pino-http writes it, before this serializer. */
export interface SerializedRequest {
  readonly url: string;
  readonly query?: unknown;
  readonly [key: string]: unknown;
}

const CREDENTIALS = /([?&](?:code|state|id_token_hint)=)[^&]*/g;

/**
 * The callback's authorization code and state, and an ID token hint, are credentials for a while:
 * the request line is written without them, and without the parsed query that repeats them.
 * (The root logger already redacts the cookie and authorization headers.)
 */
export function loggedRequest({ query: _query, ...request }: SerializedRequest): SerializedRequest {
  return { ...request, url: request.url.replace(CREDENTIALS, '$1[redacted]') };
}
