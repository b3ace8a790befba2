import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A browser's cookies, enough for one site: names are unique across the paths used here. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.header());
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.take(response);
    return response;
  }

  /** Follows redirects as a browser would (a 303 after a POST becomes a GET); returns the last response. */
  async follow(url: string, init: RequestInit = {}): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.fetch(current, init);
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops++) {
      current = new URL(String(response.headers.get('location')), current).href;
      response = await this.fetch(current);
    }
    return { response, url: current };
  }
}

/** Signs a demo account in through the gateway and the development provider's form, as a browser. */
export async function signIn(gatewayUrl: string, login: string, password = 'demo'): Promise<CookieJar> {
  const jar = new CookieJar();
  const form = await jar.follow(`${gatewayUrl}/auth/login?returnTo=/%23/space`);
  if (form.response.status !== 200) throw new Error(`no sign-in form: ${form.response.status} at ${form.url}`);
  const action = /action="([^"]+)"/.exec(await form.response.text())?.[1]?.replace(/&amp;/g, '&');
  if (action === undefined) throw new Error('sign-in form has no action');
  const done = await jar.follow(new URL(action, form.url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password }).toString(),
  });
  if (done.url !== `${gatewayUrl}/#/space`) throw new Error(`sign-in ended at ${done.url} (${done.response.status})`);
  return jar;
}

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A plain HTTP server standing where a service would, that keeps every request it receives. */
export async function recordingServer(): Promise<{ server: Server; url: string; received: Recorded[] }> {
  const received: Recorded[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += String(chunk)));
    req.on('end', () => {
      received.push({ method: String(req.method), url: String(req.url), headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'upstream=1' });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, received };
}
