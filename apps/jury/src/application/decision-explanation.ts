import { assertNever } from '@admissions/domain-kernel';
import type { StoredEvent } from '@admissions/event-store';
import type {
  AdmissionDecided,
  AdmissionFileEvent,
  EligibilityAssessment,
  JuryDecisionKind,
  LeadOpinion,
  ProgrammeAdmissionsEvent,
} from '../domain';
import { decisionIdOf } from './decision-mapper';

/** Where an item of an explanation comes from. */
export interface Citation {
  /** The jury's event, in its own store, the item is read from. */
  readonly eventId: string;
  /** The other service's event (its Kafka ce_id) the jury took the fact in from; null for the jury's own. */
  readonly sourceEventId: string | null;
}

export interface ExplainedDecision extends Citation {
  readonly outcome: JuryDecisionKind;
  readonly reason: string;
  readonly sessionId: string;
  readonly decidedAt: string;
}

export interface ExplainedEligibility extends EligibilityAssessment, Citation {
  /** ELIG-5: when the reviewer confirmed the foreign diploma's level, if it was to be confirmed. */
  readonly equivalence: (Citation & { readonly confirmedAt: string }) | null;
}

export interface ExplainedInterview extends Citation {
  readonly startsAt: string;
  readonly conclusive: boolean;
  readonly notes: string;
}

export interface ExplainedOpinion extends LeadOpinion, Citation {
  readonly givenAt: string;
  /** Set when the opinion the jury had was a correction (REV-3). */
  readonly correctionReason: string | null;
}

export interface ExplainedRank extends Citation {
  /** CAND-3: the file's place in its programme's submission order. */
  readonly submissionRank: number;
  /** JURY-5: the rank given on the waiting list, when waitlisted. */
  readonly waitingListRank: number | null;
}

export interface SeatHolder {
  readonly kind: 'OFFER' | 'ENROLMENT' | 'REFERRAL';
  /** The event that made the seat taken (other candidates are not named). */
  readonly eventId: string;
}

/** JURY-5, just before the decision: free = places − offers held − enrolled − referral seats. */
export interface ExplainedSeats {
  readonly places: number;
  readonly placesEventId: string;
  readonly taken: number;
  readonly free: number;
  readonly holders: readonly SeatHolder[];
}

export interface DecisionExplanation {
  readonly decisionId: string;
  readonly candidateId: string;
  readonly candidacyId: string;
  readonly programmeCode: string;
  readonly decision: ExplainedDecision;
  /** Null when the jury never received the file's opening (a candidate taken in before it kept files). */
  readonly eligibility: ExplainedEligibility | null;
  /** Null when no interview was held before the decision (REV-4: an opinion on the file alone). */
  readonly interview: ExplainedInterview | null;
  readonly leadOpinion: ExplainedOpinion;
  readonly rank: ExplainedRank;
  readonly seats: ExplainedSeats;
}

/** The jury's streams a decision is explained from. */
export interface DecisionHistory {
  readonly decisionEventId: string;
  /** `programme-<code>`, at least up to the decision; what follows it is ignored. */
  readonly programme: readonly StoredEvent[];
  /** `admission-file-<candidacyId>`; only its first `fileVersion` events were known at the decision. */
  readonly file: readonly StoredEvent[];
  readonly fileVersion: number;
}

const cite = (event: StoredEvent): Citation => ({
  eventId: event.metadata.eventId,
  sourceEventId: event.metadata.causationId ?? null,
});

/**
 * What the jury had when it decided, replayed from its own streams up to the decision: the
 * programme's stream before the AdmissionDecided event (rank, opinion on the agenda, seats), and
 * the file's facts recorded before it (eligibility, interview, latest opinion). Later events —
 * a corrected opinion, a seat freed — do not change it. Undefined when the id is no decision.
 */
export function explainDecision(history: DecisionHistory): DecisionExplanation | undefined {
  const at = history.programme.findIndex((event) => event.metadata.eventId === history.decisionEventId);
  const decided = history.programme[at] as StoredEvent<AdmissionDecided> | undefined;
  if (decided?.type !== 'AdmissionDecided') return undefined;
  const before = history.programme.slice(0, at);
  const file = history.file.filter(
    (event) => event.metadata.version <= history.fileVersion,
  ) as StoredEvent<AdmissionFileEvent>[];
  const { candidateId, candidacyId, programmeCode, decision, reason, sessionId, decidedAt, waitingListRank } =
    decided.data;
  const agenda = agendaEntryOf(before, candidacyId);
  return {
    decisionId: decisionIdOf(decided.metadata.eventId),
    candidateId,
    candidacyId,
    programmeCode,
    decision: { outcome: decision, reason, sessionId, decidedAt, ...cite(decided) },
    eligibility: eligibilityOf(file),
    interview: lastOf(file, 'InterviewOutcomeRecorded', (event) => {
      const { startsAt, conclusive, notes } = event.data;
      return { startsAt, conclusive, notes, ...cite(event) };
    }),
    leadOpinion:
      lastOf(file, 'LeadOpinionRecorded', (event) => {
        const { leadOpinion, givenAt, correctionReason } = event.data;
        return { ...leadOpinion, givenAt, correctionReason, ...cite(event) };
      }) ?? agendaOpinion(agenda),
    rank: { submissionRank: agenda.arrival.data.submissionRank, waitingListRank, ...cite(agenda.stored) },
    seats: seatsOf(before),
  };
}

type Arrival = Extract<ProgrammeAdmissionsEvent, { type: 'CandidateAddedToAgenda' | 'CandidateAwaitingSession' }>;

interface AgendaEntryEvent {
  readonly stored: StoredEvent;
  readonly arrival: Arrival;
}

const asDomain = (event: StoredEvent) => ({ type: event.type, data: event.data }) as ProgrammeAdmissionsEvent;

/** The candidate's first arrival on the book: it carries the rank and opinion review declared them with. */
function agendaEntryOf(events: readonly StoredEvent[], candidacyId: string): AgendaEntryEvent {
  for (const stored of events) {
    const arrival = asDomain(stored);
    if (
      (arrival.type === 'CandidateAddedToAgenda' || arrival.type === 'CandidateAwaitingSession') &&
      arrival.data.candidacyId === candidacyId
    )
      return { stored, arrival };
  }
  // JURY-2 decides only a candidate on the agenda: a decision without one is a corrupt stream.
  throw new Error(`no agenda entry before the decision of ${candidacyId}`);
}

/** The opinion on the agenda, for a file whose opinion events the jury never received. */
function agendaOpinion({ stored, arrival }: AgendaEntryEvent): ExplainedOpinion {
  const givenAt = arrival.type === 'CandidateAddedToAgenda' ? arrival.data.addedAt : arrival.data.queuedAt;
  return { ...arrival.data.leadOpinion, givenAt, correctionReason: null, ...cite(stored) };
}

function lastOf<T extends AdmissionFileEvent['type'], R>(
  file: readonly StoredEvent<AdmissionFileEvent>[],
  type: T,
  read: (event: StoredEvent<Extract<AdmissionFileEvent, { type: T }>>) => R,
): R | null {
  const found = file.filter(
    (event): event is StoredEvent<Extract<AdmissionFileEvent, { type: T }>> => event.type === type,
  );
  const last = found[found.length - 1];
  return last === undefined ? null : read(last);
}

function eligibilityOf(file: readonly StoredEvent<AdmissionFileEvent>[]): ExplainedEligibility | null {
  const equivalence = lastOf(file, 'EquivalenceConfirmationRecorded', (event) => ({
    confirmedAt: event.data.confirmedAt,
    ...cite(event),
  }));
  return lastOf(file, 'EligibilityRecorded', (event) => ({ ...event.data.eligibility, equivalence, ...cite(event) }));
}

/** JURY-5 as the decider counts it (programme-admissions.state seatsTaken), with the event behind each seat. */
function seatsOf(events: readonly StoredEvent[]): ExplainedSeats {
  let places = 0;
  let placesEventId = '';
  const held = new Map<string, SeatHolder>();
  for (const stored of events) {
    const { eventId } = stored.metadata;
    const event = asDomain(stored);
    switch (event.type) {
      case 'ProgrammeDefined':
      case 'PlacesChanged':
        places = event.data.places;
        placesEventId = eventId;
        break;
      case 'OfferMade':
        held.set(event.data.offerId, { kind: 'OFFER', eventId });
        break;
      case 'CandidateEnrolled':
        held.set(event.data.offerId, { kind: 'ENROLMENT', eventId });
        break;
      case 'OfferExpired':
      case 'OfferDeclined':
        held.delete(event.data.offerId);
        break;
      case 'ReferralSeatHeld':
        held.set(`referral:${event.data.referralId}`, { kind: 'REFERRAL', eventId });
        break;
      case 'ReferralSeatReleased':
        held.delete(`referral:${event.data.referralId}`);
        break;
      case 'CandidateAddedToAgenda':
      case 'CandidateAwaitingSession':
      case 'JurySessionScheduled':
      case 'AdmissionDecided':
      case 'SessionClosed':
        break;
      default:
        assertNever(event);
    }
  }
  const holders = [...held.values()];
  return { places, placesEventId, taken: holders.length, free: places - holders.length, holders };
}
