import { EventStore } from '@admissions/event-store';
import { CommandGateway, CONSISTENCY_HEADER } from '@admissions/platform';
import { eventually, type ServiceUnderTest, uniqueName } from '@admissions/testing';
import { recipientStream } from './application/recipient-directory';
import type { InboxDto } from './api/inbox.dto';
import { notificationDecider, notificationIdOf, recipientDecider } from './domain';
import { candidacyEvents, juryEvents, mobilityEvents, person, reviewEvents } from '../test/journey-events';
import {
  getJson,
  isolatedSettings,
  MAIL_DOMAIN,
  newSink,
  pause,
  post,
  sourcesFor,
  startNotification,
} from '../test/notification-under-test';
import type { SmtpSink } from '../test/smtp-sink';
import type { SourceEvents } from '../test/source-events';

const DAY = 24 * 60 * 60 * 1000;

describe('notification service: email over SMTP and the candidate-space inbox', () => {
  let sink: SmtpSink;
  let svc: ServiceUnderTest;
  let events: SourceEvents;

  beforeAll(async () => {
    sink = newSink();
    await sink.start();
    const settings = isolatedSettings();
    svc = await startNotification(sink, settings);
    events = sourcesFor(settings);
  });

  afterAll(async () => {
    await events?.close();
    await svc?.close();
    await sink?.stop();
  });

  const mailsTo = (address: string, count: number) =>
    eventually(async () => (sink.to(address).length >= count ? sink.to(address) : undefined), 30_000);

  const inboxOf = async (candidateId: string) =>
    (await getJson<InboxDto>(svc, '/v1/inbox', svc.token('candidate', candidateId))).body;

  it('sends the receipt to the right address in the language the candidate prefers (fr, en)', async () => {
    const camille = person('fr', 'Camille');
    const alex = person('en', 'Alex');
    const submittedAt = '2026-03-15T09:30:00.000Z';
    for (const p of [camille, alex]) {
      const stream = `candidacy-${p.candidacyId}`;
      await events.publish('candidacy', stream, 'CandidacyOpened', candidacyEvents.opened(p));
      await events.publish('candidacy', stream, 'CandidacySubmitted', candidacyEvents.submitted(p, submittedAt));
    }

    const [fr] = await mailsTo(camille.email, 1);
    expect(fr.subject).toBe('Candidature reçue : MS-DATA');
    expect(fr.text).toContain('Bonjour Camille,');
    expect(fr.text).toContain('reçue le 15 mars 2026 à 10:30'); // Paris, winter time
    expect(fr.language).toBe('fr');
    expect(fr.from).toBe(`admissions@${MAIL_DOMAIN}`);
    expect(fr.messageId).toMatch(new RegExp(`^<notification-[0-9A-Z]+-SUBMISSION_RECEIPT@${MAIL_DOMAIN}>$`));

    const [en] = await mailsTo(alex.email, 1);
    expect(en.subject).toBe('Application received: MS-DATA');
    expect(en.text).toContain('Dear Alex,');
    expect(en.text).toContain('received on 15 March 2026 at 10:30');
    expect(en.language).toBe('en');
    expect(sink.to(alex.email)).toHaveLength(1);
    expect(sink.to(camille.email)).toHaveLength(1);
  });

  it('files every message in the candidate’s own inbox, which only they list and mark read', async () => {
    const p = person('fr');
    const stream = `candidacy-${p.candidacyId}`;
    await events.publish('candidacy', stream, 'CandidacySubmitted', candidacyEvents.submitted(p));

    const inbox = await eventually(async () => {
      const current = await inboxOf(p.candidateId);
      return current.items.length === 1 ? current : undefined;
    });
    expect(inbox.unread).toBe(1);
    const [item] = inbox.items;
    expect(item).toMatchObject({
      kind: 'SUBMISSION_RECEIPT',
      title: 'Candidature reçue : MS-DATA',
      read: false,
      readAt: null,
    });
    expect(item.body).toContain('Mastère Spécialisé MS-DATA');

    // Someone else sees nothing of it and cannot mark it read.
    expect((await inboxOf(uniqueName('someone-else'))).items).toEqual([]);
    expect(await post(svc, `/v1/inbox/${item.id}/read`, svc.token('candidate', 'someone-else'))).toBe(404);
    expect(await post(svc, `/v1/inbox/not-a-notification/read`, svc.token('candidate', p.candidateId))).toBe(404);
    // Staff have no inbox route; a candidate has no staff route.
    expect((await getJson(svc, '/v1/inbox', svc.token('admissions-officer', 'officer-1'))).status).toBe(403);

    expect(await post(svc, `/v1/inbox/${item.id}/read`, svc.token('candidate', p.candidateId))).toBe(204);
    expect(await post(svc, `/v1/inbox/${item.id}/read`, svc.token('candidate', p.candidateId))).toBe(204);
    const read = await eventually(async () => {
      const current = await inboxOf(p.candidateId);
      return current.items[0]?.read ? current : undefined;
    });
    expect(read.unread).toBe(0);
    expect(read.items[0].readAt).toEqual(expect.any(String));
  });

  it("read-your-writes: an item marked read is read in the inbox on the first read given the reply's token", async () => {
    const p = person('en');
    const stream = `candidacy-${p.candidacyId}`;
    await events.publish('candidacy', stream, 'CandidacySubmitted', candidacyEvents.submitted(p));
    const token = svc.token('candidate', p.candidateId);
    const [item] = (
      await eventually(async () => {
        const current = await inboxOf(p.candidateId);
        return current.items.length === 1 ? current : undefined;
      })
    ).items;

    const marked = await fetch(`${svc.url}/v1/inbox/${item.id}/read`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(marked.status).toBe(204);
    const consistency = marked.headers.get(CONSISTENCY_HEADER);
    expect(consistency).toMatch(/^[A-Za-z0-9_-]+$/);
    const inbox = await fetch(`${svc.url}/v1/inbox`, {
      headers: { authorization: `Bearer ${token}`, [CONSISTENCY_HEADER]: consistency ?? '' },
    });
    expect(inbox.status).toBe(200);
    const body = (await inbox.json()) as InboxDto;
    expect(body.unread).toBe(0);
    expect(body.items[0]).toMatchObject({ id: item.id, read: true });
  });

  it('sends one email and writes one inbox item for an event delivered twice', async () => {
    const p = person('en');
    const stream = `candidacy-${p.candidacyId}`;
    const submitted = candidacyEvents.submitted(p);
    const { eventId } = await events.publish('candidacy', stream, 'CandidacySubmitted', submitted);
    await mailsTo(p.email, 1);
    // The relay publishes the same event again (same ce_id), then the review goes on.
    await events.publish('candidacy', stream, 'CandidacySubmitted', submitted, eventId);
    await events.publish(
      'review',
      `review-${p.candidacyId}`,
      'CandidateDeclaredAdmissible',
      reviewEvents.admissible(p),
    );
    await mailsTo(p.email, 2);
    await pause(1500);

    expect(sink.to(p.email).map((m) => m.subject)).toEqual([
      'Application received: MS-DATA',
      'You are admissible: MS-DATA',
    ]);
    const inbox = await eventually(async () => {
      const current = await inboxOf(p.candidateId);
      return current.items.length >= 2 ? current : undefined;
    });
    expect(inbox.items.map((i) => i.kind)).toEqual(['ADMISSIBLE', 'SUBMISSION_RECEIPT']);
  });

  it('a full journey (submit → interview → admissible → admitted → offer → reminder → enrolled) produces the messages in order', async () => {
    const p = person('en', 'Sam');
    const candidacy = `candidacy-${p.candidacyId}`;
    const review = `review-${p.candidacyId}`;
    const programme = 'programme-admissions-MS-DATA';
    const offerId = uniqueName('offer');
    const expected: string[] = [];
    // Each step once the previous message arrived, as a real journey spreads over weeks.
    const step = async (publish: () => Promise<unknown>, subject: string) => {
      await publish();
      expected.push(subject);
      const mails = await mailsTo(p.email, expected.length);
      expect(mails.map((m) => m.subject)).toEqual(expected);
      return mails[mails.length - 1];
    };

    await events.publish('candidacy', candidacy, 'CandidacyOpened', candidacyEvents.opened(p));
    await events.publish('candidacy', candidacy, 'IdentityUpdated', candidacyEvents.identityUpdated(p));
    await step(
      () => events.publish('candidacy', candidacy, 'CandidacySubmitted', candidacyEvents.submitted(p)),
      'Application received: MS-DATA',
    );
    await events.publish('review', review, 'ReviewOpened', reviewEvents.opened(p));
    const invitation = await step(
      () =>
        events.publish(
          'review',
          review,
          'InterviewScheduled',
          reviewEvents.interviewScheduled(p, '2026-04-02T08:00:00.000Z'),
        ),
      'Invitation to an interview',
    );
    expect(invitation.text).toContain('on 2 April 2026 at 10:00'); // summer time in Paris
    expect(invitation.text).toContain('By video: https://visio.example.org/abc');
    await step(
      () => events.publish('review', review, 'CandidateDeclaredAdmissible', reviewEvents.admissible(p)),
      'You are admissible: MS-DATA',
    );
    const decision = await step(
      () => events.publish('jury', programme, 'AdmissionDecided', juryEvents.decided(p, 'ADMITTED')),
      'Jury decision: admitted (MS-DATA)',
    );
    expect(decision.text).toContain('Reason: Excellent file and interview.');
    // The offer expires in two days and three seconds: its reminder falls due three seconds later.
    const expiresAt = new Date(Date.now() + 2 * DAY + 3000).toISOString();
    const offer = await step(
      () => events.publish('jury', programme, 'OfferMade', juryEvents.offerMade(p, offerId, expiresAt)),
      'Enrolment offer: MS-DATA',
    );
    expect(offer.text).toContain('(Paris time)');
    const reminder = await step(() => Promise.resolve(), 'Reminder: your offer expires soon (MS-DATA)');
    expect(reminder.messageId).toContain('-OFFER_REMINDER@');
    await step(
      () => events.publish('jury', programme, 'CandidateEnrolled', juryEvents.enrolled(p, offerId)),
      'Enrolment confirmed: MS-DATA',
    );

    // The inbox follows the writes asynchronously.
    const inbox = await eventually(async () => {
      const current = await inboxOf(p.candidateId);
      return current.items.length === 7 ? current : undefined;
    });
    expect(inbox.items.map((i) => i.kind).reverse()).toEqual([
      'SUBMISSION_RECEIPT',
      'INTERVIEW_INVITATION',
      'ADMISSIBLE',
      'JURY_DECISION',
      'OFFER_MADE',
      'OFFER_REMINDER',
      'ENROLMENT_CONFIRMED',
    ]);
  });

  it('tells the other turns of a candidacy: interview moved or cancelled, not admissible, waiting list, offer expired', async () => {
    const p = person('fr', 'Léa');
    const review = `review-${p.candidacyId}`;
    const programme = 'programme-admissions-MS-DATA';
    const offerId = uniqueName('offer');
    await events.publish('candidacy', `candidacy-${p.candidacyId}`, 'CandidacySubmitted', candidacyEvents.submitted(p));
    await mailsTo(p.email, 1);
    await events.publish('review', review, 'ReviewOpened', reviewEvents.opened(p));
    await events.publish(
      'review',
      review,
      'InterviewScheduled',
      reviewEvents.interviewScheduled(p, '2026-04-02T08:00:00.000Z'),
    );
    await events.publish(
      'review',
      review,
      'InterviewRescheduled',
      reviewEvents.interviewRescheduled(p, '2026-04-03T12:30:00.000Z', '2026-04-02T08:00:00.000Z'),
    );
    await events.publish('review', review, 'InterviewCancelled', reviewEvents.interviewCancelled(p));
    await events.publish('review', review, 'CandidateDeclaredNotAdmissible', reviewEvents.notAdmissible(p));
    await events.publish('jury', programme, 'AdmissionDecided', juryEvents.decided(p, 'WAITLISTED', 2));
    const expiresAt = '2026-03-25T22:59:59.999Z';
    await events.publish('jury', programme, 'OfferMade', juryEvents.offerMade(p, offerId, expiresAt, 'WAITING_LIST'));
    await events.publish('jury', programme, 'OfferExpired', juryEvents.offerExpired(p, offerId));

    const mails = await mailsTo(p.email, 8);
    const bySubject = (start: string) => mails.find((m) => m.subject.startsWith(start))?.text ?? '';
    expect(bySubject('Votre entretien change de date')).toContain(
      'prévu le 2 avril 2026 à 10:00 aura lieu le 3 avril 2026 à 14:30',
    );
    expect(bySubject('Votre entretien change de date')).toContain('Sur place, salle B-204.');
    expect(bySubject('Entretien annulé')).toContain('Motif : Lead unavailable');
    expect(bySubject('Candidature non retenue')).toContain('Motif : The project does not fit the programme.');
    expect(bySubject('Décision du jury : liste d’attente')).toContain('(rang 2)');
    expect(bySubject('Une place s’est libérée')).toContain('jusqu’au 25 mars 2026 à 23:59 (heure de Paris)');
    expect(bySubject('Offre expirée')).toContain('la place a été libérée');
    // The offer expired long before its reminder could be due: no reminder.
    await pause(1000);
    expect(sink.to(p.email).filter((m) => m.subject.startsWith('Rappel'))).toEqual([]);
    expect(sink.to(p.email)).toHaveLength(8);
  });

  it('REC-4: acknowledges a referral by email, then tells the proposals and the outcome', async () => {
    const p = person('fr', 'Inès');
    const referralId = uniqueName('referral');
    const referral = `referral-${referralId}`;
    await events.publish(
      'candidacy',
      `candidacy-${p.candidacyId}`,
      'IdentityUpdated',
      candidacyEvents.identityUpdated(p),
    );
    await events.publish('candidacy', `candidacy-${p.candidacyId}`, 'CandidacyOpened', candidacyEvents.opened(p));
    await events.publish('candidacy', `candidacy-${p.candidacyId}`, 'CandidacySubmitted', candidacyEvents.submitted(p));
    await mailsTo(p.email, 1);
    await events.publish('jury', referral, 'ReferralAcknowledged', juryEvents.referralAcknowledged(p, referralId));
    const [, ack] = await mailsTo(p.email, 2);
    expect(ack.subject).toBe('Accusé de réception de votre saisine du rectorat');
    expect(ack.text).toContain(`référence ${referralId}`);

    await events.publish(
      'jury',
      referral,
      'ProposalsMade',
      juryEvents.proposalsMade(p, referralId, '2026-10-16T21:59:59.999Z'),
    );
    await events.publish('jury', referral, 'ProposalAccepted', juryEvents.proposalAccepted(p, referralId));
    const mails = await mailsTo(p.email, 4);
    expect(mails[2].text).toContain('M1-INFO-LYON, M1-MATH-GRENOBLE et M1-DATA-CLERMONT');
    expect(mails[2].text).toContain('jusqu’au 16 octobre 2026 à 23:59');
    expect(mails[3].subject).toBe('Votre réponse au rectorat est enregistrée');
  });

  it('MOBILITY_APPROVED / MOBILITY_REFUSED reach a student by email in their language (fr, en), the address from the mobility service', async () => {
    const students = (['fr', 'en'] as const).map((language) => {
      const studentId = uniqueName('student');
      return { studentId, language, email: `${studentId}@student.example.org`, planId: uniqueName('plan') };
    });
    const store = svc.app.get(EventStore);
    for (const { studentId, email, language } of students) {
      const contact = mobilityEvents.contactRecorded(studentId, email, language);
      await events.publish('mobility', `student-contact-${studentId}`, 'StudentContactRecorded', contact);
      // The contact and the decisions sit on different streams (keys): wait until the directory knows it.
      await eventually(async () =>
        (await store.readStream(recipientStream(studentId))).version > 0 ? true : undefined,
      );
    }
    for (const { studentId, planId } of students) {
      const plan = `mobility-plan-${planId}`;
      await events.publish('mobility', plan, 'MobilityApproved', mobilityEvents.approved(studentId, planId));
      await events.publish('mobility', plan, 'MobilityRefused', mobilityEvents.refused(studentId, planId));
    }

    const [fr, en] = students;
    if (!fr || !en) throw new Error('two students');
    const frMails = await mailsTo(fr.email, 2);
    expect(frMails.map((mail) => [mail.subject, mail.language])).toEqual(
      expect.arrayContaining([
        ['Projet de mobilité approuvé', 'fr'],
        ['Projet de mobilité refusé', 'fr'],
      ]),
    );
    const enMails = await mailsTo(en.email, 2);
    expect(enMails.map((mail) => [mail.subject, mail.language])).toEqual(
      expect.arrayContaining([
        ['Mobility plan approved', 'en'],
        ['Mobility plan refused', 'en'],
      ]),
    );
    expect(enMails.find((mail) => mail.subject === 'Mobility plan approved')?.text).toContain(
      `Your mobility plan (${en.planId}) was approved by the international relations directorate (DRI).`,
    );
    // The refusal's reason stays in the mobility service: the email points to the plan.
    expect(enMails.find((mail) => mail.subject === 'Mobility plan refused')?.text).not.toContain('partner');
  });

  it('a person whose address is unknown still gets the inbox item; the email is failed for staff to see', async () => {
    const studentId = uniqueName('student');
    const planId = uniqueName('plan');
    await events.publish(
      'mobility',
      `mobility-plan-${planId}`,
      'MobilityRefused',
      mobilityEvents.refused(studentId, planId),
    );

    const inbox = await eventually(async () => {
      const current = (await getJson<InboxDto>(svc, '/v1/inbox', svc.token('student', studentId))).body;
      return current.items.length === 1 ? current : undefined;
    });
    expect(inbox.items[0]).toMatchObject({ kind: 'MOBILITY_REFUSED', title: 'Projet de mobilité refusé' });
    expect(inbox.items[0].body).toContain('la direction des relations internationales (DRI)');
    expect(inbox.items[0].body).not.toContain('partner'); // the refusal's reason stays in the mobility service

    const officer = svc.token('admissions-officer', 'officer-1');
    const failed = await eventually(async () => {
      const { body } = await getJson<{ items: { id: string; recipientId: string; error: string }[] }>(
        svc,
        '/v1/notifications/failed',
        officer,
      );
      return body.items.find((item) => item.recipientId === studentId);
    });
    expect(failed.error).toBe('no email address is known for this person');
    expect(failed.id).toBe(inbox.items[0].id);
    expect((await getJson(svc, '/v1/notifications/failed', svc.token('candidate', studentId))).status).toBe(403);
  });
  it('a notification whose person’s contact comes after it is sent once by itself when the contact arrives', async () => {
    const studentId = uniqueName('student');
    const email = `${studentId}@student.example.org`;
    const planId = uniqueName('plan');
    const officer = svc.token('admissions-officer', 'officer-1');
    const failedList = async () =>
      (
        await getJson<{ items: { id: string; recipientId: string; error: string }[] }>(
          svc,
          '/v1/notifications/failed',
          officer,
        )
      ).body.items;
    // The approval overtakes the contact (another partition): no address yet, staff see it failed.
    await events.publish(
      'mobility',
      `mobility-plan-${planId}`,
      'MobilityApproved',
      mobilityEvents.approved(studentId, planId),
    );
    const failed = await eventually(async () => (await failedList()).find((item) => item.recipientId === studentId));
    expect(failed.error).toBe('no email address is known for this person');

    const contact = mobilityEvents.contactRecorded(studentId, email, 'fr');
    await events.publish('mobility', `student-contact-${studentId}`, 'StudentContactRecorded', contact);
    const [mail] = await mailsTo(email, 1);
    expect(mail.subject).toBe('Projet de mobilité approuvé');
    expect(mail.messageId).toBe(`<${failed.id}@${MAIL_DOMAIN}>`);
    await eventually(async () => ((await failedList()).some((item) => item.id === failed.id) ? undefined : true));
    await pause(1500);
    expect(sink.to(email)).toHaveLength(1);
  });

  it('a notification failed just after its person’s contact was handled is sent all the same', async () => {
    // The window the log order leaves: marked as waiting, then the contact (whose reaction finds
    // the notification still being sent), then only the failure. Played step by step.
    const gateway = svc.app.get(CommandGateway);
    const store = svc.app.get(EventStore);
    const studentId = uniqueName('student');
    const email = `${studentId}@student.example.org`;
    const sourceEventId = uniqueName('event');
    const notificationId = notificationIdOf(sourceEventId, 'MOBILITY_APPROVED');
    const content = {
      kind: 'MOBILITY_APPROVED',
      params: { planId: uniqueName('plan'), authority: 'STUDY_ADVISOR' },
    } as const;
    const data = {
      notificationId,
      recipientId: studentId,
      language: 'en',
      content,
      sourceEventId,
      sourceType: 'MobilityApproved',
    } as const;
    await gateway.handle(notificationDecider, notificationId, { type: 'RequestNotification', data }, gateway.system);
    const recipient = recipientStream(studentId);
    await gateway.handle(
      recipientDecider,
      recipient,
      { type: 'AwaitContact', data: { recipientId: studentId, notificationId } },
      gateway.system,
    );
    await gateway.handle(
      recipientDecider,
      recipient,
      { type: 'RecordContact', data: { recipientId: studentId, email } },
      gateway.system,
    );
    await pause(1500);
    expect((await store.readStream(notificationId)).events.map((event) => event.type)).toEqual([
      'NotificationRequested',
    ]);

    const failure = { round: 0, attempts: 1, error: 'no email address is known for this person' };
    await gateway.handle(notificationDecider, notificationId, { type: 'RecordFailure', data: failure }, gateway.system);
    const [mail] = await mailsTo(email, 1);
    expect(mail.messageId).toBe(`<${notificationId}@${MAIL_DOMAIN}>`);
    await pause(1500);
    expect(sink.to(email)).toHaveLength(1);
  });

  it('an erased person gets no more email: after PersonErased their address is unknown', async () => {
    const p = person('fr', 'Oubliée');
    await events.publish('candidacy', `candidacy-${p.candidacyId}`, 'CandidacySubmitted', candidacyEvents.submitted(p));
    await mailsTo(p.email, 1);
    await events.publish('candidacy', `person-${p.candidateId}`, 'PersonErased', {
      personId: p.candidateId,
      erasedAt: new Date().toISOString(),
    });
    const store = svc.app.get(EventStore);
    await eventually(async () =>
      (await store.readStream(`person-${p.candidateId}`)).version === 1 ? true : undefined,
    );

    await events.publish('review', `review-${p.candidacyId}`, 'ReviewOpened', reviewEvents.opened(p));
    await events.publish(
      'review',
      `review-${p.candidacyId}`,
      'CandidateDeclaredNotAdmissible',
      reviewEvents.notAdmissible(p),
    );
    const officer = svc.token('admissions-officer', 'officer-1');
    const failed = await eventually(async () => {
      const { body } = await getJson<{ items: { recipientId: string; error: string }[] }>(
        svc,
        '/v1/notifications/failed',
        officer,
      );
      return body.items.find((item) => item.recipientId === p.candidateId);
    });
    expect(failed.error).toBe('no email address is known for this person');
    expect(sink.to(p.email)).toHaveLength(1);
  });
});
