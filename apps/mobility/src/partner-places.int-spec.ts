import { foldEvents } from '@admissions/domain-kernel';
import { CommandRunner, EventStore } from '@admissions/event-store';
import { startService, uniqueName, type ServiceUnderTest } from '@admissions/testing';
import { client, exchangePlan } from '../test/mobility-client';
import { partnerPlacesStreamId, planStreamId } from './application/streams';
import { type MobilityPlanCommand, mobilityPlanDecider, type PartnerPlacesEvent, partnerPlacesDecider } from './domain';
import { MobilityModule } from './mobility.module';

describe('MOB-10 partner places over HTTP, against the real servers', () => {
  let svc: ServiceUnderTest;
  let api: ReturnType<typeof client>;
  let partnerId: string;

  const proposeExchange = async (): Promise<{ planId: string; student: string }> => {
    const student = api.student(uniqueName('student'));
    const proposed = await api.call('POST', '/v1/plans', student, exchangePlan(partnerId));
    expect(proposed.status).toBe(201);
    return { planId: proposed.body.planId, student };
  };
  const approveByOffice = (planId: string) =>
    api.call('POST', `/v1/plans/${planId}/approvals/dri`, api.staff('office'));
  const holders = async () => {
    const { events } = await svc.app.get(EventStore).readStream(partnerPlacesStreamId(partnerId, '2026-2027'));
    return foldEvents(partnerPlacesDecider, events as unknown as PartnerPlacesEvent[]).holders.map((h) => h.planId);
  };

  beforeAll(async () => {
    svc = await startService('mobility', MobilityModule, { SEED_DEMO_PARTNERS: 'false' });
    api = client(svc);
    const partner = await api.call('POST', '/v1/partners', api.staff('office'), {
      name: 'Politecnico di Milano',
      country: 'IT',
      agreements: [{ kind: 'EXCHANGE', placesPerAcademicYear: 3, startsOn: '2024-09-01', endsOn: '2030-08-31' }],
    });
    expect(partner.status).toBe(201);
    partnerId = partner.body.partnerId;
  });

  afterAll(async () => {
    await svc?.close();
  });

  it('MOB-10: 20 concurrent approvals on a partner with 3 places approve exactly 3; a refused or cancelled plan frees its place', async () => {
    const plans: { planId: string; student: string }[] = [];
    for (let i = 0; i < 20; i += 1) plans.push(await proposeExchange());

    const answers = await Promise.all(plans.map(({ planId }) => approveByOffice(planId)));
    const approved = plans.filter((_plan, i) => answers[i]?.status === 200).map((plan) => plan.planId);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(approved).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const answer of refused) {
      expect(answer.status).toBe(422);
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ ruleId: 'MOB-10', detail: expect.stringContaining('3 of 3 taken') });
    }
    expect((await holders()).sort()).toEqual([...approved].sort());

    // A refusal after the approval gives the place back; the next approval takes it.
    const waiting = plans.filter((plan) => !approved.includes(plan.planId));
    const [first, second, third] = waiting;
    if (!first || !second || !third) throw new Error('17 plans wait for a place');
    const refusal = { authority: 'study-advisor', reason: 'Courses outside the track' };
    expect((await api.call('POST', `/v1/plans/${approved[0]}/refusals`, api.staff('advisor'), refusal)).status).toBe(
      200,
    );
    expect((await approveByOffice(first.planId)).status).toBe(200);
    expect((await approveByOffice(second.planId)).body).toMatchObject({ ruleId: 'MOB-10' });

    // So does a cancellation by the student.
    const cancelling = plans.find((plan) => plan.planId === approved[1]);
    expect((await api.call('POST', `/v1/plans/${approved[1]}/cancel`, cancelling?.student ?? '')).body).toMatchObject({
      status: 'cancelled',
    });
    expect((await approveByOffice(second.planId)).status).toBe(200);
    expect((await approveByOffice(third.planId)).status).toBe(422);
    expect((await holders()).sort()).toEqual([approved[2], first.planId, second.planId].sort());
  });

  it('MOB-10: a plan changed after its approval gives its place back; approving it again takes one', async () => {
    const before = await holders();
    const [approvedPlan] = before;
    if (approvedPlan === undefined) throw new Error('the partner is full after the race');
    const owner = await api.call('GET', `/v1/plans/${approvedPlan}`, api.staff('office'));
    const student = api.student(owner.body.studentId);
    const changed = await api.call('PUT', `/v1/plans/${approvedPlan}`, student, exchangePlan(partnerId));
    expect(changed.body).toMatchObject({ status: 'proposed', approvals: { internationalOffice: null } });
    expect(await holders()).not.toContain(approvedPlan);
    expect((await approveByOffice(approvedPlan)).status).toBe(200);
    expect((await holders()).sort()).toEqual([...before].sort());
  });

  it('MOB-10: a place whose release was lost (a stop between the refusal and the release) is freed when the partner is found full', async () => {
    const [held] = await holders();
    if (held === undefined) throw new Error('the partner is full after the race');
    // The refusal is appended as the service would, and the service stops before the release.
    const refusal: MobilityPlanCommand = {
      type: 'RefuseByInternationalOffice',
      data: { planId: held, reason: 'Visa refused' },
      metadata: { now: new Date(), actor: { id: 'dri-1', roles: ['international-office'] } },
    };
    await svc.app.get(CommandRunner).run(mobilityPlanDecider, planStreamId(held), refusal, { correlationId: 'lost' });
    expect(await holders()).toContain(held);

    const next = await proposeExchange();
    expect((await approveByOffice(next.planId)).status).toBe(200);
    expect(await holders()).not.toContain(held);
    expect(await holders()).toHaveLength(3);
  });
});
