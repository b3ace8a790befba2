// Shared by the candidacy HTTP tests: a small client over fetch, and valid bodies to start from.
import { EventStore } from '@admissions/event-store';
import { samplePdf, type ServiceUnderTest } from '@admissions/testing';

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly body: T;
}

export class Client {
  constructor(
    private readonly svc: ServiceUnderTest,
    private readonly token?: string,
  ) {}

  as(token: string | undefined): Client {
    return new Client(this.svc, token);
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (this.token !== undefined) headers.authorization = `Bearer ${this.token}`;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (typeof body === 'string') {
      headers['content-type'] = 'application/json';
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(this.svc.url + path, { method, headers, body: payload });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      contentType,
      body: (text && contentType.includes('json') ? JSON.parse(text) : text) as T,
    };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  patch<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** A PDF upload as a browser form sends it. */
  attach(candidacyId: string, kind: string, content: Buffer, fileName = `${kind}.pdf`, type = 'application/pdf') {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([new Uint8Array(content)], { type }), fileName);
    return this.post(`/v1/candidacies/${candidacyId}/documents`, form);
  }
}

export const identity = {
  personal: {
    firstName: 'Marie',
    lastName: 'Curie',
    email: 'marie.curie@example.org',
    phone: '+33 6 12 34 56 78',
    birthDate: '1995-11-07',
    address: { street: '1 rue Descartes', postalCode: '75005', city: 'Paris', country: 'FR' },
  },
  preferredLanguage: 'fr',
};

export const m1 = { kind: 'UNIVERSITY_M1', title: 'Maîtrise de physique', country: 'FR', year: 2015 };
export const cti = { kind: 'CTI_ENGINEERING', title: "Diplôme d'ingénieur", country: 'FR', year: 2020 };

/** A programme whose window is open now and closes before next year's September intake. */
export function openProgramme(code: string, now = new Date()) {
  const year = now.getUTCFullYear() + 1;
  return {
    code,
    nameFr: `Mastère Spécialisé ${code}`,
    nameEn: `Specialised Master ${code}`,
    places: 20,
    intake: 'SEPTEMBER',
    intakeDate: `${year}-09-13`,
    applicationWindow: {
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closesAt: `${year}-06-30T21:59:59.999Z`,
    },
    pedagogicalLeadId: `lead-${code.toLowerCase()}`,
  };
}

/** create → complete → attach, as a candidate does it; answers the file id. */
export async function completeFile(candidate: Client, programmeCode: string, diplomas = [m1], months = 40) {
  const opened = await candidate.post('/v1/candidacies');
  expect(opened.status).toBe(201);
  const candidacyId = String(opened.body.candidacyId);
  expect((await candidate.put(`/v1/candidacies/${candidacyId}/identity`, identity)).status).toBe(200);
  expect((await candidate.put(`/v1/candidacies/${candidacyId}/diplomas`, { diplomas })).status).toBe(200);
  expect((await candidate.put(`/v1/candidacies/${candidacyId}/experience`, { months })).status).toBe(200);
  expect((await candidate.put(`/v1/candidacies/${candidacyId}/programme`, { programmeCode })).status).toBe(200);
  expect((await candidate.attach(candidacyId, 'CV', await samplePdf(`cv ${candidacyId}`))).status).toBe(201);
  const letter = await samplePdf(`letter ${candidacyId}`);
  expect((await candidate.attach(candidacyId, 'MOTIVATION_LETTER', letter)).status).toBe(201);
  return candidacyId;
}

export function uniqueCode(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
}

/** How many events a stream holds, to prove that a refused request appended nothing. */
export async function streamVersion(svc: ServiceUnderTest, streamId: string): Promise<number> {
  return (await svc.app.get(EventStore).readStream(streamId)).version;
}
