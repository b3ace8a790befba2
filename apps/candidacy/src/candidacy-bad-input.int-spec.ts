import {
  type ServiceUnderTest,
  eventually,
  pdfSignatureThenGarbage,
  samplePdf,
  startService,
  uniqueName,
} from '@admissions/testing';
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { CandidacyModule } from './candidacy.module';
import {
  type Answer,
  Client,
  cti,
  identity,
  m1,
  openProgramme,
  streamVersion,
  uniqueCode,
} from './candidacy.int-helpers';
import { MAX_DOCUMENT_BYTES } from './domain';

/**
 * Every refusal is a 4xx application/problem+json naming the field or the rule, and appends
 * nothing to the file's stream. No input gets a 5xx.
 */
describe('candidacy service refuses bad input', () => {
  let svc: ServiceUnderTest;
  let owner: Client;
  let stranger: Client;
  let draft: string; // a draft with identity, an M1 and 40 months, the open programme, a CV
  let submitted: string; // a complete file, submitted
  let ineligible: string; // complete but for eligibility (an OTHER diploma)
  const programmeCode = uniqueCode('MS-BAD');
  const closedCode = uniqueCode('MS-CLOSED');

  beforeAll(async () => {
    svc = await startService('candidacy', CandidacyModule, {
      SEED_DEMO_CATALOGUE: 'false',
    });
    const admin = new Client(svc, svc.token('admin', 'admin-1'));
    expect((await admin.post('/v1/programmes', openProgramme(programmeCode))).status).toBe(201);
    const year = new Date().getUTCFullYear();
    const closed = {
      ...openProgramme(closedCode),
      intakeDate: `${year - 1}-09-14`,
      applicationWindow: { opensAt: `${year - 2}-10-01T07:00:00.000Z`, closesAt: `${year - 1}-06-30T21:59:59.999Z` },
    };
    expect((await admin.post('/v1/programmes', closed)).status).toBe(201);

    owner = new Client(svc, svc.token('candidate', uniqueName('owner')));
    stranger = new Client(svc, svc.token('candidate', uniqueName('stranger')));
    draft = await fileWith(owner, [m1], ['CV']);
    submitted = await fileWith(owner, [cti], ['CV', 'MOTIVATION_LETTER']);
    expect((await owner.post(`/v1/candidacies/${submitted}/submission`)).status).toBe(200);
    // The owner sees the draft, so the stranger's 404 below is the access rule, not a lagging read model.
    await eventually(async () => ((await owner.get(`/v1/candidacies/${draft}`)).status === 200 ? true : undefined));
    ineligible = await fileWith(
      owner,
      [{ kind: 'OTHER', title: 'BTS SIO', country: 'FR', year: 2018 }],
      ['CV', 'MOTIVATION_LETTER'],
    );
  });

  afterAll(async () => {
    await svc?.close();
  });

  async function fileWith(candidate: Client, diplomas: object[], documents: string[]): Promise<string> {
    const candidacyId = String((await candidate.post('/v1/candidacies')).body.candidacyId);
    await candidate.put(`/v1/candidacies/${candidacyId}/identity`, identity);
    await candidate.put(`/v1/candidacies/${candidacyId}/diplomas`, { diplomas });
    await candidate.put(`/v1/candidacies/${candidacyId}/experience`, { months: 40 });
    await candidate.put(`/v1/candidacies/${candidacyId}/programme`, { programmeCode });
    for (const kind of documents)
      expect((await candidate.attach(candidacyId, kind, await samplePdf(kind))).status).toBe(201);
    return candidacyId;
  }

  interface Case {
    readonly name: string;
    readonly file: () => string;
    readonly send: (id: string) => Promise<Answer>;
    readonly status: number;
    /** The field or rule the problem must name (in `field`, `ruleId` or `errors[].field`). */
    readonly field?: string;
    readonly ruleId?: string;
  }

  const forgedToken = () => {
    const [header, , signature] = svc.token('candidate', 'someone').split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'owner', roles: ['admin'] })).toString('base64url');
    return `${header}.${payload}.${signature}`;
  };
  const foreignKeyToken = () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return jwt.sign({ sub: 'x', roles: ['candidate'] }, privateKey, { algorithm: 'RS256', expiresIn: '1h' });
  };

  const cases: Case[] = [
    {
      name: 'missing field: identity without preferredLanguage',
      file: () => draft,
      send: (id) => owner.put(`/v1/candidacies/${id}/identity`, { personal: identity.personal }),
      status: 400,
      field: 'preferredLanguage',
    },
    {
      name: 'missing nested object: identity without personal',
      file: () => draft,
      send: (id) => owner.put(`/v1/candidacies/${id}/identity`, { preferredLanguage: 'en' }),
      status: 400,
      field: 'personal',
    },
    {
      name: 'malformed field: an email that is not one',
      file: () => draft,
      send: (id) =>
        owner.put(`/v1/candidacies/${id}/identity`, {
          ...identity,
          personal: { ...identity.personal, email: 'marie@' },
        }),
      status: 400,
      field: 'personal.email',
    },
    {
      name: 'malformed JSON body',
      file: () => draft,
      send: (id) => owner.put(`/v1/candidacies/${id}/experience`, '{"months": 4'),
      status: 400,
    },
    {
      name: 'unknown field',
      file: () => draft,
      send: (id) => owner.put(`/v1/candidacies/${id}/experience`, { months: 40, salary: 1 }),
      status: 400,
      field: 'salary',
    },
    {
      name: 'a body that is a list, not an object',
      file: () => draft,
      send: (id) => owner.put(`/v1/candidacies/${id}/experience`, [40]),
      status: 400,
    },
    {
      name: 'wrong diploma kind',
      file: () => draft,
      send: (id) => owner.put(`/v1/candidacies/${id}/diplomas`, { diplomas: [{ ...m1, kind: 'PHD' }] }),
      status: 400,
      field: 'diplomas[0].kind',
    },
    {
      name: 'CAND-2: a foreign diploma without its declared level',
      file: () => draft,
      send: (id) =>
        owner.put(`/v1/candidacies/${id}/diplomas`, { diplomas: [{ ...m1, kind: 'FOREIGN', country: 'DE' }] }),
      status: 400,
      field: 'diplomas[0].declaredLevel',
      ruleId: 'CAND-2',
    },
    {
      name: 'negative experience',
      file: () => draft,
      send: (id) => owner.put(`/v1/candidacies/${id}/experience`, { months: -1 }),
      status: 400,
      field: 'months',
    },
    {
      name: 'experience as text',
      file: () => draft,
      send: (id) => owner.put(`/v1/candidacies/${id}/experience`, { months: '40' }),
      status: 400,
      field: 'months',
    },
    {
      name: 'unknown programme',
      file: () => draft,
      send: (id) => owner.put(`/v1/candidacies/${id}/programme`, { programmeCode: 'MS-NOPE' }),
      status: 400,
      field: 'programmeCode',
    },
    {
      name: 'CAND-4: a programme whose application window has closed',
      file: () => draft,
      send: (id) => owner.put(`/v1/candidacies/${id}/programme`, { programmeCode: closedCode }),
      status: 422,
      field: 'applicationWindow.closesAt',
      ruleId: 'CAND-4',
    },
    {
      name: 'CAND-2: a document that is not a PDF (even when labelled application/pdf)',
      file: () => draft,
      send: (id) => owner.attach(id, 'MOTIVATION_LETTER', Buffer.from('PK\u0003\u0004 a zip file'), 'letter.pdf'),
      status: 400,
      field: 'file',
      ruleId: 'CAND-2',
    },
    {
      name: 'CAND-2: a file that starts with %PDF- followed by arbitrary bytes',
      file: () => draft,
      send: (id) => owner.attach(id, 'MOTIVATION_LETTER', pdfSignatureThenGarbage('letter')),
      status: 400,
      field: 'file',
      ruleId: 'CAND-2',
    },
    {
      name: 'CAND-2: an encrypted (password-protected) PDF',
      file: () => draft,
      send: async (id) => owner.attach(id, 'MOTIVATION_LETTER', await samplePdf('locked', { userPassword: 'secret' })),
      status: 400,
      field: 'file',
      ruleId: 'CAND-2',
    },
    {
      name: 'CAND-2: a PDF of 10 MB + 1 byte',
      file: () => draft,
      send: async (id) =>
        owner.attach(id, 'MOTIVATION_LETTER', await samplePdf('big', { padTo: MAX_DOCUMENT_BYTES + 1 })),
      status: 400,
      field: 'file',
      ruleId: 'CAND-2',
    },
    {
      name: 'CAND-2: a PDF of 12 MB (multer stops reading)',
      file: () => draft,
      send: async (id) => owner.attach(id, 'MOTIVATION_LETTER', await samplePdf('bigger', { padTo: 12 * 1024 * 1024 })),
      status: 400,
      field: 'file',
      ruleId: 'CAND-2',
    },
    {
      name: 'a document upload without the file',
      file: () => draft,
      send: (id) => {
        const form = new FormData();
        form.append('kind', 'CV');
        return owner.post(`/v1/candidacies/${id}/documents`, form);
      },
      status: 400,
      field: 'file',
    },
    {
      name: 'a document of an unknown kind',
      file: () => draft,
      send: async (id) => owner.attach(id, 'PASSPORT', await samplePdf('passport')),
      status: 400,
      field: 'kind',
    },
    {
      name: 'CAND-2: submitting an incomplete file (no motivation letter)',
      file: () => draft,
      send: (id) => owner.post(`/v1/candidacies/${id}/submission`),
      status: 422,
      field: 'documents.MOTIVATION_LETTER',
      ruleId: 'CAND-2',
    },
    {
      name: 'CAND-2: submitting an ineligible file (ELIG-6)',
      file: () => ineligible,
      send: (id) => owner.post(`/v1/candidacies/${id}/submission`),
      status: 422,
      field: 'eligibility',
      ruleId: 'CAND-2',
    },
    {
      name: 'CAND-2: editing a submitted file',
      file: () => submitted,
      send: (id) => owner.put(`/v1/candidacies/${id}/experience`, { months: 50 }),
      status: 422,
      ruleId: 'CAND-2',
    },
    {
      name: 'CAND-2: attaching to a submitted file',
      file: () => submitted,
      send: async (id) => owner.attach(id, 'TRANSCRIPT', await samplePdf('late transcript')),
      status: 422,
      ruleId: 'CAND-2',
    },
    {
      name: "another candidate's file: read",
      file: () => draft,
      send: (id) => stranger.get(`/v1/candidacies/${id}`),
      status: 404,
    },
    {
      name: "another candidate's file: change",
      file: () => draft,
      send: (id) => stranger.put(`/v1/candidacies/${id}/experience`, { months: 1 }),
      status: 404,
    },
    {
      name: "another candidate's file: attach",
      file: () => draft,
      send: async (id) => stranger.attach(id, 'MOTIVATION_LETTER', await samplePdf('intruder')),
      status: 404,
    },
    {
      name: "another candidate's file: withdraw",
      file: () => draft,
      send: (id) => stranger.post(`/v1/candidacies/${id}/withdrawal`),
      status: 404,
    },
    {
      name: 'missing token',
      file: () => draft,
      send: (id) => owner.as(undefined).put(`/v1/candidacies/${id}/experience`, { months: 1 }),
      status: 401,
    },
    {
      name: 'forged token (payload changed, signature kept)',
      file: () => draft,
      send: (id) => owner.as(forgedToken()).put(`/v1/candidacies/${id}/experience`, { months: 1 }),
      status: 401,
    },
    {
      name: 'token signed by another key',
      file: () => draft,
      send: (id) => owner.as(foreignKeyToken()).get(`/v1/candidacies/${id}`),
      status: 401,
    },
    {
      name: 'a staff-only route for a candidate',
      file: () => draft,
      send: () => owner.get(`/v1/programmes/${programmeCode}/pipeline`),
      status: 403,
    },
  ];

  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const candidacyId = testCase.file();
    const before = await streamVersion(svc, `candidacy-${candidacyId}`);
    const answer = await testCase.send(candidacyId);

    expect(answer.status).toBe(testCase.status);
    expect(answer.contentType).toContain('application/problem+json');
    const problem = answer.body as { detail: string; field?: string; ruleId?: string; errors?: { field: string }[] };
    expect(problem.detail).toBeTruthy();
    if (testCase.field) {
      const fields = [problem.field, ...(problem.errors ?? []).map((error) => error.field)];
      expect(fields).toContain(testCase.field);
    }
    if (testCase.ruleId) expect(problem.ruleId).toBe(testCase.ruleId);
    if (testCase.status === 404) expect(JSON.stringify(problem)).not.toContain(identity.personal.email);
    expect(await streamVersion(svc, `candidacy-${candidacyId}`)).toBe(before);
  });

  it('a candidate cannot create a programme (403), and a bad programme names its field (CAND-4)', async () => {
    const programme = openProgramme(uniqueCode('MS-X'));
    expect((await owner.post('/v1/programmes', programme)).status).toBe(403);
    const admin = owner.as(svc.token('admin', 'admin-1'));
    const october = await admin.post('/v1/programmes', { ...programme, intake: 'OCTOBER' });
    expect(october).toMatchObject({ status: 400, body: { ruleId: 'CAND-4', field: 'intakeDate' } });
    const january = await admin.post('/v1/programmes', { ...programme, intake: 'JANUARY' });
    expect(january.status).toBe(400);
    expect(await streamVersion(svc, `programme-${programme.code}`)).toBe(0);
  });

  it('a malformed file id answers 404, not 500', async () => {
    expect((await owner.get('/v1/candidacies/not-a-uuid')).status).toBe(404);
    expect((await owner.post('/v1/candidacies/../../etc/submission')).status).toBe(404);
  });
});
