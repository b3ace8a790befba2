import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details';

/** What Node's HTTP parser refused, by its error code: headers (the URL among them) over 16 kB, or a slow client. */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** The raw HTTP answer to a request Node refused before Express saw it, as problem+json like every other refusal. */
export function clientErrorAnswer(code: string | undefined): string {
  const status = STATUS_OF_CODE[code ?? ''] ?? 400;
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const body = JSON.stringify({
    type: `urn:admissions:problem:${status === 431 ? 'headers-too-large' : 'malformed-request'}`,
    title,
    status,
    detail:
      status === 431
        ? 'The request line and headers are over the 16 kB Node reads; a URL this long carries no valid input.'
        : `The request is not valid HTTP/1.1 (${code ?? 'parse error'}).`,
    instance: '',
  });
  return [
    `HTTP/1.1 ${status} ${title}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Node answers such requests with a bare status line; this answers them with a problem, then closes. */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorAnswer(error.code));
  });
}
