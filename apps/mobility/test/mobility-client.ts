/** The mobility service's HTTP API as the integration tests call it. */
import type { Role } from '@admissions/platform';
import type { ServiceUnderTest } from '@admissions/testing';

interface Answer {
  readonly status: number;
  readonly contentType: string;
  // Test reads of JSON answers; each assertion states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

const STAFF = {
  office: ['international-office', 'dri-1'],
  directorate: ['training-directorate', 'dfi-1'],
  advisor: ['study-advisor', 'advisor-1'],
} as const satisfies Record<string, readonly [Role, string]>;

export const courses = (prefix: string, ...ects: number[]) =>
  ects.map((value, i) => ({ code: `${prefix}${i + 1}`, title: `Course ${prefix}${i + 1}`, ects: value }));

export function client(svc: ServiceUnderTest) {
  const call = async (method: string, path: string, token: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(svc.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      body: text ? JSON.parse(text) : null,
    };
  };
  const staff = (who: keyof typeof STAFF) => {
    const [role, subject] = STAFF[who];
    return svc.token(role, subject);
  };
  return { call, staff, student: (id: string) => svc.token('student', id) };
}

export const exchangePlan = (partnerId: string, plannedEcts = 30) => ({
  student: { regime: 'REGULAR', yearOfStudy: 2, track: 'Data science' },
  kind: 'EXCHANGE_SEMESTER',
  host: { partnerId },
  startOn: '2026-09-01',
  endOn: '2027-01-31',
  plannedEcts,
});
