import { EventStore, LOG_START } from '@admissions/event-store';
import {
  eventually,
  leaseHolder,
  oneDeployment,
  settledDeployment,
  SETTLED_DEPLOYMENT,
  startService,
  uniqueName,
  type ServiceUnderTest,
} from '@admissions/testing';
import { CandidacyModule } from './candidacy.module';
import { Client, completeFile, openProgramme, uniqueCode } from './candidacy.int-helpers';
import { candidacyProjections } from './projections';

// Two replicas of the candidacy service, as a Deployment with replicas: 2 runs them: one
// database, one namespace, requests spread over both. Candidacy consumes only its own topic (its
// public stream's group shares it like any group); what must not run twice is its lease holder's
// work: the CAND-3 ranking, the relay and the read models.
describe('candidacy service with two replicas on the same servers', () => {
  const deployment = oneDeployment('candidacy');
  let replicas: ServiceUnderTest[] = [];
  const programme = uniqueCode('MS-REPLICAS');

  beforeAll(async () => {
    const first = await startService('candidacy', CandidacyModule, deployment);
    replicas = [first, await startService('candidacy', CandidacyModule, deployment)];
    const admin = new Client(first, first.token('admin', 'admin-1'));
    expect((await admin.post('/v1/programmes', openProgramme(programme))).status).toBe(201);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  const as = (replica: ServiceUnderTest, candidateId: string) =>
    new Client(replica, replica.token('candidate', candidateId));

  /** Files completed on `completeOn`, ready to be submitted by their owners. */
  async function readyFiles(count: number, completeOn: (i: number) => ServiceUnderTest) {
    const owners = Array.from({ length: count }, () => uniqueName('two'));
    const files = await Promise.all(owners.map((owner, i) => completeFile(as(completeOn(i), owner), programme)));
    return owners.map((owner, i) => ({ owner, candidacyId: files[i] }));
  }

  /** Each file's rank, read on any replica once it has one. */
  const ranksOf = (files: readonly { owner: string; candidacyId: string }[], on: readonly ServiceUnderTest[]) =>
    eventually(async () => {
      const read = await Promise.all(
        files.map(({ owner, candidacyId }, i) =>
          as(on[i % on.length], owner).get<{ rank?: number }>(`/v1/candidacies/${candidacyId}`),
        ),
      );
      const ranks = read.map((answer) => answer.body.rank);
      return ranks.every((rank) => rank !== undefined) ? ranks : undefined;
    }, 60_000);

  /** The programme's files in the order of their submissions in the log. */
  async function submittedInLogOrder(replica: ServiceUnderTest): Promise<string[]> {
    const { events } = await replica.app.get(EventStore).readLog(LOG_START, Number.MAX_SAFE_INTEGER);
    return events
      .filter((event) => event.type === 'CandidacySubmitted')
      .map((event) => event.data as { candidacyId: string; programmeCode: string })
      .filter((data) => data.programmeCode === programme)
      .map((data) => data.candidacyId);
  }

  const pipelineOf = (replica: ServiceUnderTest) =>
    new Client(replica, replica.token('admissions-officer', 'officer-1')).get<{
      submitted: { candidacyId: string; rank?: number }[];
    }>(`/v1/programmes/${programme}/pipeline`);

  it('CAND-3: files submitted at once through both replicas get ranks 1..n once, in log order; one replica relays and folds, each event reaching Kafka once', async () => {
    // Completed on one replica, submitted through the other: each reads what the other wrote.
    const files = await readyFiles(12, (i) => replicas[i % 2]);
    const answers = await Promise.all(
      files.map(({ owner, candidacyId }, i) =>
        as(replicas[(i + 1) % 2], owner).post(`/v1/candidacies/${candidacyId}/submission`),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(files.map(() => 200));

    const ranks = await ranksOf(files, replicas);
    const inLogOrder = await submittedInLogOrder(replicas[0]);
    expect(inLogOrder.map((id) => ranks[files.findIndex((file) => file.candidacyId === id)])).toEqual(
      files.map((_file, i) => i + 1),
    );

    expect(await settledDeployment(replicas, 'candidacy', candidacyProjections)).toMatchObject({
      ...SETTLED_DEPLOYMENT,
      replicasThatPublished: 1,
    });

    // Either replica serves the read model the lease holder folded.
    for (const replica of replicas) {
      const pipeline = (await pipelineOf(replica)).body.submitted;
      expect(pipeline.map((file) => file.rank)).toEqual(files.map((_file, i) => i + 1));
    }
  });

  it('the lease holder stops during submissions: the other ranks on from where it stood, and relays and folds losing and repeating nothing', async () => {
    const holder = await leaseHolder(replicas);
    const survivor = replicas.find((replica) => replica !== holder);
    if (!survivor) throw new Error('two replicas');
    const files = await readyFiles(6, (i) => replicas[i % 2]);

    // Half submitted while the holder still leads, half while it shuts down.
    const submit = ({ owner, candidacyId }: { owner: string; candidacyId: string }) =>
      as(survivor, owner).post(`/v1/candidacies/${candidacyId}/submission`);
    const before = await Promise.all(files.slice(0, 3).map(submit));
    const [during] = await Promise.all([Promise.all(files.slice(3).map(submit)), holder.close()]);
    replicas = [survivor];
    expect([...before, ...during].map((answer) => answer.status)).toEqual(files.map(() => 200));
    expect(await leaseHolder(replicas)).toBe(survivor);

    // 12 ranked by the first test: these come next, each once.
    const ranks = await ranksOf(files, replicas);
    const inLogOrder = (await submittedInLogOrder(survivor)).slice(12);
    expect(inLogOrder.map((id) => ranks[files.findIndex((file) => file.candidacyId === id)])).toEqual(
      files.map((_file, i) => 13 + i),
    );

    expect(await settledDeployment([survivor], 'candidacy', candidacyProjections)).toMatchObject(SETTLED_DEPLOYMENT);
    const pipeline = (await pipelineOf(survivor)).body.submitted;
    expect(pipeline.map((file) => file.rank)).toEqual(Array.from({ length: 18 }, (_value, i) => i + 1));
  });
});
