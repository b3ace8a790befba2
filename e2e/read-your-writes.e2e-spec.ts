import { CONSISTENCY_HEADER } from '@admissions/platform';
import { startService, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import { CandidacyModule } from '../apps/candidacy/src/candidacy.module';
import { openProgramme } from '../apps/candidacy/src/candidacy.int-helpers';
import { MobilityModule } from '../apps/mobility/src/mobility.module';

// Read-your-writes through each service's own routes: the token a command answers makes the next
// query show its effect on the first read, with no polling (the jury's: referral-journey.int-spec.ts).
async function send(
  svc: ServiceUnderTest,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  after?: string,
) {
  const response = await fetch(svc.url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(after === undefined ? {} : { [CONSISTENCY_HEADER]: after }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, token: response.headers.get(CONSISTENCY_HEADER), body: await response.json() };
}

describe('read-your-writes at the API', () => {
  it('candidacy: a programme created is in the catalogue (a read model) on the first read given its token', async () => {
    const svc = await startService('candidacy', CandidacyModule);
    try {
      const admin = svc.token('admissions-officer', 'officer-1');
      for (let round = 0; round < 5; round += 1) {
        const code = uniqueName('MS-RYW')
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, '-');
        const created = await send(svc, admin, 'POST', '/v1/programmes', openProgramme(code));
        expect(created.status).toBe(201);
        expect(created.token).toMatch(/^[A-Za-z0-9_-]+$/);
        const catalogue = await send(svc, admin, 'GET', '/v1/programmes', undefined, created.token ?? '');
        expect(catalogue.status).toBe(200);
        expect((catalogue.body as { code: string }[]).map((programme) => programme.code)).toContain(code);
        expect(catalogue.token).toBeNull();
      }
    } finally {
      await svc.close();
    }
  }, 120_000);

  it('mobility: a partner created is in the partner list (a read model) on the first read given its token', async () => {
    const svc = await startService('mobility', MobilityModule);
    try {
      const office = svc.token('international-office', 'office-1');
      for (let round = 0; round < 5; round += 1) {
        const name = uniqueName('Universität');
        const created = await send(svc, office, 'POST', '/v1/partners', {
          name,
          country: 'DE',
          agreements: [{ kind: 'EXCHANGE', placesPerAcademicYear: 2, startsOn: '2024-09-01', endsOn: '2030-08-31' }],
        });
        expect(created.status).toBe(201);
        const list = await send(svc, office, 'GET', '/v1/partners', undefined, created.token ?? '');
        expect(list.status).toBe(200);
        expect((list.body as { name: string }[]).map((partner) => partner.name)).toContain(name);
      }
    } finally {
      await svc.close();
    }
  }, 120_000);
});
