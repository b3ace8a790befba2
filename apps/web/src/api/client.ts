/** RFC 9457 problem details as the services (and the gateway) answer them. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly ruleId?: string;
  readonly field?: string;
  readonly errors?: readonly { field: string; message: string }[];
  /** The gateway's 503: which service does not answer. */
  readonly service?: string;
}

export type Service = 'candidacy' | 'review' | 'jury' | 'notification' | 'mobility';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** The session ended (expired, or signed out elsewhere): the app sends the user to sign in again. */
export class SignedOutError extends Error {}
export const SIGNED_OUT_EVENT = 'admissions:signed-out';

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => (csrfToken = token);

// Read your writes: a query to a service after a command there waits until the command shows.
const consistencyTokens = new Map<Service, string>();

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) return (await response.json()) as Problem;
  return { type: 'about:blank', title: response.statusText, status: response.status, detail: response.statusText };
}

export interface Call {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly json?: unknown;
}

/** A call to a service through the gateway: `/api/<service><path>`, with the CSRF token on commands. */
export async function api<T>(service: Service, path: string, call: Call = {}): Promise<T> {
  const method = call.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  if (call.json !== undefined) headers['content-type'] = 'application/json';
  const pending = consistencyTokens.get(service);
  if (method === 'GET' && pending !== undefined) headers['x-consistency-token'] = pending;
  const response = await fetch(`/api/${service}${path}`, {
    method,
    headers,
    body: call.json === undefined ? undefined : JSON.stringify(call.json),
    credentials: 'same-origin',
  });
  return settle<T>(service, method, response);
}

async function settle<T>(service: Service, method: string, response: Response): Promise<T> {
  if (response.status === 401) {
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw new SignedOutError();
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  const token = response.headers.get('x-consistency-token');
  if (method !== 'GET' && token !== null) consistencyTokens.set(service, token);
  if (method === 'GET') consistencyTokens.delete(service);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A multipart upload with its progress (fetch reports none), CSRF token included. */
export function upload<T>(
  service: Service,
  path: string,
  form: FormData,
  onProgress: (ratio: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/${service}${path}`);
    if (csrfToken !== undefined) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onerror = () =>
      reject(new ApiError({ type: 'about:blank', title: 'Network', status: 0, detail: 'network error' }));
    xhr.onload = () => {
      const headers = new Headers();
      const type = xhr.getResponseHeader('content-type');
      const token = xhr.getResponseHeader('x-consistency-token');
      if (type !== null) headers.set('content-type', type);
      if (token !== null) headers.set('x-consistency-token', token);
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers });
      settle<T>(service, 'POST', response).then(resolve, reject);
    };
    xhr.send(form);
  });
}
