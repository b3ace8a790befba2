import {
  assertNever,
  CommandMetadata,
  Decider,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  parisDate,
  ValidationError,
  windowEnd,
  INPUT,
} from '@admissions/domain-kernel';
import type {
  AddToAgenda,
  ChangePlaces,
  DecisionInput,
  DeclineOffer,
  DefineProgramme,
  Enrol,
  HoldReferralSeat,
  ProgrammeAdmissionsCommand,
  RecordDecision,
  RecordDecisions,
  ReleaseReferralSeat,
  ScheduleSession,
} from './programme-admissions.commands';
import type { ProgrammeAdmissionsEvent } from './programme-admissions.events';
import {
  DefinedProgramme,
  evolveDefined,
  evolveProgrammeAdmissions,
  freeSeats,
  initialProgrammeAdmissionsState,
  Offer,
  offerIdFor,
  ProgrammeAdmissionsState,
  seatsTaken,
  WaitingListEntry,
} from './programme-admissions.state';

/** JURY-4: days of enrolment priority of an offer. */
export const OFFER_WINDOW_DAYS = 10;
/** JURY-1: sessions sit from January (1) to July (7). */
export const LAST_SESSION_MONTH = 7;
export const JURY_ROLES: readonly string[] = ['jury-member', 'admin'];

type Events = ProgrammeAdmissionsEvent[];

/**
 * Pure decider of a programme's admissions (one stream per programme): sessions, agenda,
 * decisions, offers, waiting list, enrolments and referral seats, so that JURY-5 (held offers +
 * enrolled + referral seats <= places) is one decider's invariant under optimistic concurrency.
 *
 * Every command first expires the offers whose window has ended (and promotes from the waiting
 * list), so a lost deadline job never leaves a deadline unenforced. A refused command throws and
 * so appends nothing, those expiries included; the next accepted command or the job records them.
 */
export function decideProgrammeAdmissions(
  command: ProgrammeAdmissionsCommand,
  state: ProgrammeAdmissionsState,
): Events {
  switch (state.status) {
    case 'UNDEFINED':
      if (command.type !== 'DefineProgramme') throw new NotFoundError('programme not found', INPUT);
      return defineProgramme(command);
    case 'DEFINED': {
      const swept = expireOverdueOffers(draftOf(state), command.metadata.now);
      return [...swept.events, ...decideDefined(command, swept.state)];
    }
    default:
      return assertNever(state);
  }
}

export const programmeAdmissionsDecider: Decider<
  ProgrammeAdmissionsCommand,
  ProgrammeAdmissionsEvent,
  ProgrammeAdmissionsState
> = {
  initialState: initialProgrammeAdmissionsState,
  decide: decideProgrammeAdmissions,
  evolve: evolveProgrammeAdmissions,
};

function decideDefined(command: ProgrammeAdmissionsCommand, state: DefinedProgramme): Events {
  switch (command.type) {
    case 'DefineProgramme':
      return []; // a duplicate definition; places change through ChangePlaces
    case 'ChangePlaces':
      return changePlaces(command, state);
    case 'AddToAgenda':
      return addToAgenda(command, state);
    case 'ScheduleSession':
      return scheduleSession(command, state);
    case 'RecordDecision':
      return recordDecision(command, state);
    case 'RecordDecisions':
      return recordDecisions(command, state);
    case 'Enrol':
      return enrol(command, state);
    case 'DeclineOffer':
      return declineOffer(command, state);
    case 'ExpireOffer':
      return []; // the sweep above already expired it if it was held and overdue
    case 'HoldReferralSeat':
      return holdReferralSeat(command, state);
    case 'ReleaseReferralSeat':
      return releaseReferralSeat(command, state);
    default:
      return assertNever(command);
  }
}

// ---- programme and places -------------------------------------------------------------------

function defineProgramme({ data, metadata }: DefineProgramme): Events {
  if ((data.programmeCode ?? '').trim() === '')
    throw new ValidationError('programmeCode is required', INPUT, 'programmeCode');
  requirePlaces(data.places);
  return [
    {
      type: 'ProgrammeDefined',
      data: {
        programmeCode: data.programmeCode,
        places: data.places,
        definedAt: metadata.now.toISOString(),
      },
    },
  ];
}

/** JURY-5: places never drop below the seats taken; added places go to the waiting list first. */
function changePlaces({ data, metadata }: ChangePlaces, state: DefinedProgramme): Events {
  requirePlaces(data.places);
  if (data.places === state.places) return [];
  if (data.places < seatsTaken(state)) {
    throw new IllegalStateError(
      `${seatsTaken(state)} seats are taken: places cannot drop to ${data.places}`,
      'JURY-5',
      'places',
    );
  }
  const changed = append(draftOf(state), {
    type: 'PlacesChanged',
    data: {
      programmeCode: state.programmeCode,
      places: data.places,
      previousPlaces: state.places,
      changedAt: metadata.now.toISOString(),
    },
  });
  return promoteFromWaitingList(changed, data.places - state.places, metadata.now).events;
}

// ---- agenda and sessions (JURY-1) -------------------------------------------------------------

/** JURY-2: an admissible candidate joins the next session to sit, or waits for one to be scheduled. */
function addToAgenda({ data, metadata }: AddToAgenda, state: DefinedProgramme): Events {
  if (isKnownCandidate(state, data.candidateId)) return [];
  if ((data.leadOpinion?.motivation ?? '').trim() === '') {
    throw new ValidationError("the jury decides in view of the lead's reasoned opinion", 'JURY-2', 'leadOpinion');
  }
  const { candidateId, candidacyId, submissionRank, leadOpinion } = data;
  const candidate = {
    programmeCode: state.programmeCode,
    candidateId,
    candidacyId,
    submissionRank,
    leadOpinion,
  };
  const now = metadata.now.getTime();
  const next = state.sessions
    .filter((session) => session.status === 'OPEN' && Date.parse(session.sitsAt) > now)
    .sort((a, b) => Date.parse(a.sitsAt) - Date.parse(b.sitsAt))[0];
  const at = metadata.now.toISOString();
  return next === undefined
    ? [
        {
          type: 'CandidateAwaitingSession',
          data: { ...candidate, queuedAt: at },
        },
      ]
    : [
        {
          type: 'CandidateAddedToAgenda',
          data: { ...candidate, sessionId: next.sessionId, addedAt: at },
        },
      ];
}

/** JURY-1: January to July only, at most one session per programme per month. */
function scheduleSession({ data, metadata }: ScheduleSession, state: DefinedProgramme): Events {
  requireJury(metadata);
  if (state.sessions.some((session) => session.sessionId === data.sessionId)) return [];
  const sitsAt = Date.parse(data.at);
  if (Number.isNaN(sitsAt)) throw new ValidationError('the session time is not an ISO instant', 'JURY-1', 'at');
  if (sitsAt <= metadata.now.getTime())
    throw new ValidationError('a session is scheduled in the future', 'JURY-1', 'at');
  const day = parisDate(new Date(sitsAt));
  if (day.month > LAST_SESSION_MONTH) throw new ValidationError('juries sit from January to July only', 'JURY-1', 'at');
  const month = `${day.year}-${String(day.month).padStart(2, '0')}`;
  if (state.sessions.some((session) => session.month === month)) {
    throw new IllegalStateError(`a session is already scheduled in ${month}`, 'JURY-1', 'at');
  }
  const at = metadata.now.toISOString();
  const { programmeCode } = state;
  const scheduled: ProgrammeAdmissionsEvent = {
    type: 'JurySessionScheduled',
    data: {
      programmeCode,
      sessionId: data.sessionId,
      month,
      sitsAt: new Date(sitsAt).toISOString(),
      scheduledAt: at,
    },
  };
  const joining: Events = [...state.awaitingSession]
    .sort((a, b) => a.submissionRank - b.submissionRank)
    .map((entry) => ({
      type: 'CandidateAddedToAgenda',
      data: { programmeCode, ...entry, sessionId: data.sessionId, addedAt: at },
    }));
  return [scheduled, ...joining];
}

// ---- decisions (JURY-2, JURY-5) -----------------------------------------------------------------

function recordDecision({ data, metadata }: RecordDecision, state: DefinedProgramme): Events {
  requireJury(metadata);
  return decideCandidate(draftOf(state), data.sessionId, data, metadata.now).events;
}

/** JURY-2: the whole session at once, all or nothing (any refusal refuses the batch). */
function recordDecisions({ data, metadata }: RecordDecisions, state: DefinedProgramme): Events {
  requireJury(metadata);
  const session = state.sessions.find((s) => s.sessionId === data.sessionId);
  if (session === undefined) throw new NotFoundError('session not found', INPUT);
  const undecided = session.agenda.filter((entry) => !isDecided(state, entry.candidateId)).map((e) => e.candidateId);
  const given = data.decisions.map((d) => d.candidateId);
  if (
    new Set(given).size !== given.length ||
    given.length !== undecided.length ||
    !undecided.every((id) => given.includes(id))
  ) {
    throw new ValidationError(
      "the batch must decide each of the session's undecided candidates once",
      'JURY-2',
      'decisions',
    );
  }
  return data.decisions.reduce(
    (draft, input) => decideCandidate(draft, data.sessionId, input, metadata.now),
    draftOf(state),
  ).events;
}

function decideCandidate(draft: Draft, sessionId: string, input: DecisionInput, now: Date): Draft {
  const { session, entry } = decidable(draft.state, sessionId, input, now);
  const decided = append(draft, admissionDecided(draft.state, sessionId, entry, input, now));
  const offered =
    input.decision === 'ADMITTED' ? append(decided, offerMade(draft.state, entry, 'ADMISSION', now)) : decided;
  if (!session.agenda.every((e) => isDecided(offered.state, e.candidateId))) return offered;
  const { programmeCode } = draft.state;
  return append(offered, { type: 'SessionClosed', data: { programmeCode, sessionId, closedAt: now.toISOString() } });
}

/** JURY-2: on this session's agenda, not decided yet, once the session sits; JURY-5: a seat to admit. */
function decidable(state: DefinedProgramme, sessionId: string, input: DecisionInput, now: Date) {
  const session = state.sessions.find((s) => s.sessionId === sessionId);
  if (session === undefined) throw new NotFoundError('session not found', INPUT);
  requireDecision(input);
  const entry = session.agenda.find((e) => e.candidateId === input.candidateId);
  if (entry === undefined) {
    throw new IllegalStateError('the candidate is not on this session agenda', 'JURY-2', 'candidateId');
  }
  if (isDecided(state, input.candidateId)) {
    throw new IllegalStateError('the candidate is already decided', 'JURY-2', 'candidateId');
  }
  if (now.getTime() < Date.parse(session.sitsAt)) throw new IllegalStateError('the session has not sat yet', 'JURY-2');
  if (input.decision === 'ADMITTED' && freeSeats(state) < 1) {
    throw new IllegalStateError('no free seat: waitlist the candidate instead', 'JURY-5', 'decision');
  }
  return { session, entry };
}

/** JURY-3: what the candidate is told, by email and in their space. */
function admissionDecided(
  state: DefinedProgramme,
  sessionId: string,
  entry: WaitingListEntry,
  input: DecisionInput,
  now: Date,
): ProgrammeAdmissionsEvent {
  return {
    type: 'AdmissionDecided',
    data: {
      programmeCode: state.programmeCode,
      sessionId,
      candidateId: entry.candidateId,
      candidacyId: entry.candidacyId,
      decision: input.decision,
      reason: input.reason.trim(),
      waitingListRank: input.decision === 'WAITLISTED' ? state.waitingList.length + 1 : null,
      decidedAt: now.toISOString(),
    },
  };
}

// ---- offers (JURY-4, JURY-5) ------------------------------------------------------------------

/** JURY-4: enrolment within the window always succeeds (the sweep expired it otherwise). */
function enrol({ data, metadata }: Enrol, state: DefinedProgramme): Events {
  const offer = candidatesOffer(state, data.offerId, metadata);
  switch (offer.status) {
    case 'HELD':
      return [
        {
          type: 'CandidateEnrolled',
          data: {
            ...offerRef(state, offer),
            enrolledAt: metadata.now.toISOString(),
          },
        },
      ];
    case 'ENROLLED':
      return [];
    case 'EXPIRED':
      throw new IllegalStateError(`the offer expired at ${offer.expiresAt}`, 'JURY-4');
    case 'DECLINED':
      throw new IllegalStateError('the offer was declined', 'JURY-4');
    default:
      return assertNever(offer.status);
  }
}

/** JURY-5: a declined offer's seat goes to the first candidate on the waiting list. */
function declineOffer({ data, metadata }: DeclineOffer, state: DefinedProgramme): Events {
  const offer = candidatesOffer(state, data.offerId, metadata);
  switch (offer.status) {
    case 'HELD': {
      const declined = append(draftOf(state), {
        type: 'OfferDeclined',
        data: {
          ...offerRef(state, offer),
          declinedAt: metadata.now.toISOString(),
        },
      });
      return promoteFromWaitingList(declined, 1, metadata.now).events;
    }
    case 'DECLINED':
      return [];
    case 'ENROLLED':
      throw new IllegalStateError('the candidate is enrolled', 'JURY-4');
    case 'EXPIRED':
      throw new IllegalStateError(`the offer expired at ${offer.expiresAt}`, 'JURY-4');
    default:
      return assertNever(offer.status);
  }
}

/** JURY-4/JURY-5: every held offer past its window expires and its seat is offered on. */
function expireOverdueOffers(draft: Draft, now: Date): Draft {
  return draft.state.offers
    .filter((offer) => offer.status === 'HELD' && Date.parse(offer.expiresAt) < now.getTime())
    .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt))
    .reduce((current, offer) => {
      const expired = append(current, {
        type: 'OfferExpired',
        data: {
          ...offerRef(current.state, offer),
          expiredAt: now.toISOString(),
        },
      });
      return promoteFromWaitingList(expired, 1, now);
    }, draft);
}

/** JURY-5: one offer per released seat, first waitlisted first, never beyond the free seats. */
function promoteFromWaitingList(draft: Draft, released: number, now: Date): Draft {
  let current = draft;
  for (let i = 0; i < released; i += 1) {
    const next: WaitingListEntry | undefined = current.state.waitingList[0];
    if (next === undefined || freeSeats(current.state) < 1) break;
    current = append(current, offerMade(current.state, next, 'WAITING_LIST', now));
  }
  return current;
}

function offerMade(
  state: DefinedProgramme,
  candidate: WaitingListEntry,
  origin: 'ADMISSION' | 'WAITING_LIST',
  now: Date,
): ProgrammeAdmissionsEvent {
  const { candidateId, candidacyId } = candidate;
  return {
    type: 'OfferMade',
    data: {
      programmeCode: state.programmeCode,
      offerId: offerIdFor(candidacyId),
      candidateId,
      candidacyId,
      origin,
      madeAt: now.toISOString(),
      expiresAt: windowEnd(now, OFFER_WINDOW_DAYS).toISOString(),
    },
  };
}

// ---- referral seats (REC-5, REC-7) ------------------------------------------------------------

function holdReferralSeat({ data, metadata }: HoldReferralSeat, state: DefinedProgramme): Events {
  if (state.referralSeats.includes(data.referralId)) return [];
  if (freeSeats(state) < 1) throw new IllegalStateError('no free seat on this programme', 'REC-5');
  return [
    {
      type: 'ReferralSeatHeld',
      data: {
        programmeCode: state.programmeCode,
        referralId: data.referralId,
        heldAt: metadata.now.toISOString(),
        ...data.proposal,
      },
    },
  ];
}

function releaseReferralSeat({ data, metadata }: ReleaseReferralSeat, state: DefinedProgramme): Events {
  if (!state.referralSeats.includes(data.referralId)) return [];
  const released = append(draftOf(state), {
    type: 'ReferralSeatReleased',
    data: {
      programmeCode: state.programmeCode,
      referralId: data.referralId,
      releasedAt: metadata.now.toISOString(),
    },
  });
  return promoteFromWaitingList(released, 1, metadata.now).events;
}

// ---- helpers ----------------------------------------------------------------------------------

/** Events decided so far and the state they lead to, so that one command can chain steps. */
interface Draft {
  readonly state: DefinedProgramme;
  readonly events: Events;
}

const draftOf = (state: DefinedProgramme): Draft => ({ state, events: [] });

function append(draft: Draft, ...events: ProgrammeAdmissionsEvent[]): Draft {
  return {
    state: events.reduce(evolveDefined, draft.state),
    events: [...draft.events, ...events],
  };
}

/** Someone else's offer (or none) is not found: the candidate may only see their own. */
function candidatesOffer(state: DefinedProgramme, offerId: string, metadata: CommandMetadata): Offer {
  const offer = state.offers.find((o) => o.offerId === offerId);
  if (offer === undefined || offer.candidateId !== metadata.actor.id) {
    throw new NotFoundError('offer not found', 'JURY-4', 'offerId');
  }
  return offer;
}

function offerRef(state: DefinedProgramme, offer: Offer) {
  const { offerId, candidateId, candidacyId } = offer;
  return {
    programmeCode: state.programmeCode,
    offerId,
    candidateId,
    candidacyId,
  };
}

function isDecided(state: DefinedProgramme, candidateId: string): boolean {
  return state.decisions.some((d) => d.candidateId === candidateId);
}

function isKnownCandidate(state: DefinedProgramme, candidateId: string): boolean {
  return (
    state.awaitingSession.some((e) => e.candidateId === candidateId) ||
    state.sessions.some((s) => s.agenda.some((e) => e.candidateId === candidateId))
  );
}

function requireJury(metadata: CommandMetadata): void {
  if (!metadata.actor.roles.some((role) => JURY_ROLES.includes(role))) {
    throw new ForbiddenError('only the jury may do this', INPUT);
  }
}

function requireDecision(input: DecisionInput): void {
  if (input.decision !== 'ADMITTED' && input.decision !== 'WAITLISTED' && input.decision !== 'REJECTED') {
    throw new ValidationError('decision must be ADMITTED, WAITLISTED or REJECTED', 'JURY-2', 'decision');
  }
  if ((input.reason ?? '').trim() === '') throw new ValidationError('a decision needs a reason', 'JURY-2', 'reason');
}

function requirePlaces(places: number): void {
  if (!Number.isInteger(places) || places < 0) {
    throw new ValidationError('places must be a whole number, zero or more', 'JURY-5', 'places');
  }
}
