import { foldEvents } from '@admissions/domain-kernel';
import { EventStore } from '@admissions/event-store';
import {
  leaseHolder,
  oneDeployment,
  settledDeployment,
  SETTLED_DEPLOYMENT,
  startService,
  uniqueName,
  type ServiceUnderTest,
} from '@admissions/testing';
import { client, exchangePlan } from '../test/mobility-client';
import { partnerPlacesStreamId } from './application/streams';
import { type PartnerPlacesEvent, partnerPlacesDecider } from './domain';
import { MobilityModule } from './mobility.module';
import { mobilityProjections } from './projections';

// Two replicas of the mobility service, as a Deployment with replicas: 2 runs them: one database,
// one namespace, requests spread over both. Mobility consumes no topic: what must hold is MOB-10
// under approvals raced over both, and one lease holder relaying and folding.
describe('mobility service with two replicas on the same servers', () => {
  const deployment = { ...oneDeployment('mobility'), SEED_DEMO_PARTNERS: 'false' };
  let replicas: ServiceUnderTest[] = [];
  let partnerId: string;
  const plans: { planId: string; student: string }[] = [];
  let approved: string[] = [];

  const api = (replica: ServiceUnderTest) => client(replica);
  const approveOn = (replica: ServiceUnderTest, planId: string) =>
    api(replica).call('POST', `/v1/plans/${planId}/approvals/dri`, api(replica).staff('office'));
  /** The plans holding a place, from the partner's places stream (the write side). */
  const holders = async () => {
    const { events } = await replicas[0].app.get(EventStore).readStream(partnerPlacesStreamId(partnerId, '2026-2027'));
    return foldEvents(partnerPlacesDecider, events as unknown as PartnerPlacesEvent[]).holders.map((h) => h.planId);
  };
  /** The places read model, as the international office reads it on a replica. */
  const placesOn = async (replica: ServiceUnderTest) =>
    (await api(replica).call('GET', `/v1/partners/${partnerId}/places?year=2026-2027`, api(replica).staff('office')))
      .body as { agreements: { used: number; plans: { planId: string }[] }[] };

  beforeAll(async () => {
    const first = await startService('mobility', MobilityModule, deployment);
    replicas = [first, await startService('mobility', MobilityModule, deployment)];
    const partner = await api(first).call('POST', '/v1/partners', api(first).staff('office'), {
      name: 'Universidad Politécnica de Madrid',
      country: 'ES',
      agreements: [{ kind: 'EXCHANGE', placesPerAcademicYear: 3, startsOn: '2024-09-01', endsOn: '2030-08-31' }],
    });
    expect(partner.status).toBe(201);
    partnerId = partner.body.partnerId;
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('MOB-10: 24 approvals raced over both replicas on a partner with 3 places approve exactly 3; one replica relays and folds, each event reaching Kafka once', async () => {
    const proposed = await Promise.all(
      Array.from({ length: 24 }, async (_value, i) => {
        const replica = replicas[i % 2];
        const student = api(replica).student(uniqueName('student'));
        const answer = await api(replica).call('POST', '/v1/plans', student, exchangePlan(partnerId));
        expect(answer.status).toBe(201);
        return { planId: answer.body.planId as string, student };
      }),
    );
    plans.push(...proposed);

    // Each plan approved through the replica that did not take its proposal.
    const answers = await Promise.all(plans.map(({ planId }, i) => approveOn(replicas[(i + 1) % 2], planId)));
    approved = plans.filter((_plan, i) => answers[i].status === 200).map((plan) => plan.planId);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(approved).toHaveLength(3);
    for (const answer of refused) expect(answer.body).toMatchObject({ status: 422, ruleId: 'MOB-10' });
    expect((await holders()).sort()).toEqual([...approved].sort());

    expect(await settledDeployment(replicas, 'mobility', mobilityProjections)).toMatchObject({
      ...SETTLED_DEPLOYMENT,
      replicasThatPublished: 1,
    });
    // Either replica serves the read model the holder folded: each proposed plan listed once.
    for (const replica of replicas) {
      const [exchange] = (await placesOn(replica)).agreements;
      expect(exchange.used).toBe(24);
      expect(exchange.plans.map((plan) => plan.planId).sort()).toEqual(plans.map((plan) => plan.planId).sort());
    }
  });

  it('MOB-10: while the lease holder stops, a refusal and a cancellation free two places that 21 raced approvals take exactly; nothing relayed is lost or repeated', async () => {
    const holder = await leaseHolder(replicas);
    const survivor = replicas.find((replica) => replica !== holder);
    if (!survivor) throw new Error('two replicas');
    const [refusedPlan, cancelledPlan, keptPlan] = approved;
    const waiting = plans.filter((plan) => !approved.includes(plan.planId));

    const stopping = holder.close();
    const refusal = { authority: 'study-advisor', reason: 'Courses outside the track' };
    const office = api(survivor);
    expect(
      (await office.call('POST', `/v1/plans/${refusedPlan}/refusals`, office.staff('advisor'), refusal)).status,
    ).toBe(200);
    const owner = plans.find((plan) => plan.planId === cancelledPlan)?.student ?? '';
    expect((await office.call('POST', `/v1/plans/${cancelledPlan}/cancel`, owner)).status).toBe(200);
    const answers = await Promise.all(waiting.map(({ planId }) => approveOn(survivor, planId)));
    await stopping;
    replicas = [survivor];

    const newlyApproved = waiting.filter((_plan, i) => answers[i].status === 200).map((plan) => plan.planId);
    expect(newlyApproved).toHaveLength(2);
    expect((await holders()).sort()).toEqual([keptPlan, ...newlyApproved].sort());

    expect(await leaseHolder(replicas)).toBe(survivor);
    expect(await settledDeployment([survivor], 'mobility', mobilityProjections)).toMatchObject(SETTLED_DEPLOYMENT);
    const [exchange] = (await placesOn(survivor)).agreements;
    expect(exchange.used).toBe(22);
  });
});
