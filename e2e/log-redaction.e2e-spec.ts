// No log line carries a person's data or a token: a candidate's journey through candidacy, review
// and notification, every service logging at debug into one capture, then a grep of every line.
import { BaseEnv, createRootLogger, ROOT_LOGGER } from '@admissions/platform';
import { eventually, samplePdf, startService, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import type { TestingModuleBuilder } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { Client, identity, m1, openProgramme, uniqueCode } from '../apps/candidacy/src/candidacy.int-helpers';
import { CandidacyModule } from '../apps/candidacy/src/candidacy.module';
import { newSink, startNotification } from '../apps/notification/test/notification-under-test';
import type { SmtpSink } from '../apps/notification/test/smtp-sink';
import { ReviewModule } from '../apps/review/src/review.module';

/** Letters only, so that the name passes validation and is found as it was typed. */
const letters = (count: number) =>
  Array.from({ length: count }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

describe('log redaction', () => {
  const lines: string[] = [];
  const capture = { write: (line: string) => void lines.push(line) };
  const capturing = (builder: TestingModuleBuilder) =>
    builder
      .overrideProvider(ROOT_LOGGER)
      .useFactory({ factory: (env: BaseEnv) => createRootLogger(env, capture), inject: [BaseEnv] });
  const services: ServiceUnderTest[] = [];
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = newSink();
    await sink.start();
    const deployment = { DEPLOYMENT_NAMESPACE: uniqueName('redaction'), LOG_LEVEL: 'debug' };
    services.push(
      await startService('candidacy', CandidacyModule, deployment, capturing),
      await startService('review', ReviewModule, deployment, capturing),
      await startNotification(sink, deployment, true, capturing),
    );
    // As bootstrapService does: Nest's own loggers (the error filter's, the start-up steps') write through pino.
    for (const svc of services) svc.app.useLogger(svc.app.get(Logger));
  });

  afterAll(async () => {
    for (const svc of services.reverse()) await svc.close();
    await sink?.stop();
  });

  it("finds neither the candidate's name, nor their email, nor a token in any line of a journey", async () => {
    const [candidacy, review] = services;
    const tag = letters(10);
    const personal = {
      ...identity.personal,
      firstName: `Zoe${tag}`,
      lastName: `Redactee${tag}`,
      email: `zoe.${tag}@example.org`,
    };
    const programmeCode = uniqueCode('MS-LOGS');
    const officerToken = candidacy.token('admissions-officer', 'officer-1');
    const officer = new Client(candidacy, officerToken);
    expect((await officer.post('/v1/programmes', openProgramme(programmeCode))).status).toBe(201);

    const candidateToken = candidacy.token('candidate', uniqueName('cand'));
    const candidate = new Client(candidacy, candidateToken);
    const candidacyId = String((await candidate.post('/v1/candidacies')).body.candidacyId);
    const path = `/v1/candidacies/${candidacyId}`;
    // A refused identity first: the request's body must not reach the logs either.
    const refused = await candidate.put(`${path}/identity`, { ...identity, personal: { ...personal, email: tag } });
    expect(refused.status).toBe(400);
    expect((await candidate.put(`${path}/identity`, { ...identity, personal })).status).toBe(200);
    await candidate.put(`${path}/diplomas`, { diplomas: [m1] });
    await candidate.put(`${path}/experience`, { months: 40 });
    await candidate.put(`${path}/programme`, { programmeCode });
    const cvName = `CV ${personal.firstName} ${personal.lastName}.pdf`;
    expect((await candidate.attach(candidacyId, 'CV', await samplePdf(personal.lastName), cvName)).status).toBe(201);
    await candidate.attach(candidacyId, 'MOTIVATION_LETTER', await samplePdf(`letter ${candidacyId}`));
    expect((await candidate.post(`${path}/submission`)).status).toBe(200);
    expect((await officer.get(path)).status).toBe(200);

    // The file reaches the lead, and the receipt the candidate's address: every service handled it.
    const lead = new Client(review, review.token('pedagogical-lead', `lead-${programmeCode.toLowerCase()}`));
    await eventually(async () => (await lead.get(`/v1/reviews/${candidacyId}`)).status === 200 || undefined, 60_000);
    await eventually(async () => sink.to(personal.email)[0], 60_000);

    const log = lines.join('');
    // The capture works: the requests of the journey are in it, their credentials redacted.
    expect(log).toContain(`"url":"${path}/identity"`);
    expect(log).toContain('"authorization":"[redacted]"');
    const found = [personal.firstName, personal.lastName, personal.email, tag, candidateToken, officerToken].filter(
      (secret) => log.toLowerCase().includes(secret.toLowerCase()),
    );
    expect(found).toEqual([]);
  });
});
