import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrorsAsProblems } from './client-errors';

describe('requests refused by Node before Express sees them', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('routed'));
    answerClientErrorsAsProblems(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  // Found by e2e/fuzz.e2e-spec.ts: a 20 kB path parameter was answered 431 with no body at all.
  it('answers a URL over 16 kB with 431 problem+json', async () => {
    const reply = await new Promise<{ status?: number; type?: string; body: string }>((resolve, reject) => {
      const outgoing = request({ port, host: '127.0.0.1', path: `/v1/plans/${'A'.repeat(20_000)}` }, (incoming) => {
        let body = '';
        incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode, type: incoming.headers['content-type'], body }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(reply.status).toBe(431);
    expect(reply.type).toBe('application/problem+json');
    expect(JSON.parse(reply.body)).toMatchObject({ status: 431, type: 'urn:admissions:problem:headers-too-large' });
  });
});
