import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  Citation,
  ExplainedDecision,
  ExplainedEligibility,
  ExplainedInterview,
  ExplainedOpinion,
  ExplainedRank,
  ExplainedSeats,
  SeatHolder,
} from '../application/decision-explanation';
import type { ExplanationView } from '../application/decision-explanations';
import type { ExplanationStatements } from '../application/explanation-wording';
import type { ApplicationView, ProgrammeSessionsView, SeatLedgerView } from '../application/jury.queries';
import type {
  DecisionSummary,
  DecisionView,
  OfferView,
  OfferWindow,
  ScheduledSessionView,
  SessionDecisionsView,
} from '../application/programme-admissions.replies';
import type {
  AgendaEntry,
  ApplicationOutcomeKind,
  EligibilityCheck,
  JuryDecisionKind,
  FiledReferral,
  JurySession,
  LeadOpinion,
  OfferStatus,
  ProposalRef,
} from '../domain';
import type { LedgerChange, LedgerFigure } from '../projections/seat-ledger.projection';

// The replies of the jury API, as the OpenAPI document shows them; each class implements the
// type the application returns, so that a change there fails to compile here.

const OUTCOMES: readonly ApplicationOutcomeKind[] = [
  'ADMITTED',
  'ENROLLED',
  'REJECTED',
  'OFFER_EXPIRED',
  'OFFER_DECLINED',
  'WAITLISTED',
  'PENDING',
];
const DECISIONS: readonly JuryDecisionKind[] = ['ADMITTED', 'WAITLISTED', 'REJECTED'];
const SESSION_STATUSES: readonly JurySession['status'][] = ['OPEN', 'CLOSED'];
const OFFER_STATUSES: readonly OfferStatus[] = ['HELD', 'ENROLLED', 'DECLINED', 'EXPIRED'];
export const REFERRAL_STATUSES: readonly FiledReferral['status'][] = ['FILED', 'AWAITING_ANSWER', 'ACCEPTED', 'LAPSED'];

export class LeadOpinionDto implements LeadOpinion {
  @ApiProperty({ enum: ['FAVOURABLE', 'UNFAVOURABLE'] }) opinion!: LeadOpinion['opinion'];
  @ApiProperty() motivation!: string;
}

export class AgendaEntryDto implements AgendaEntry {
  @ApiProperty() candidateId!: string;
  @ApiProperty() candidacyId!: string;
  @ApiProperty({ type: 'integer', description: 'CAND-3: position in submission order' }) submissionRank!: number;
  @ApiProperty({ type: LeadOpinionDto }) leadOpinion!: LeadOpinionDto;
}

export class JurySessionDto implements JurySession {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ example: '2026-03', description: 'JURY-1: one session a month' }) month!: string;
  @ApiProperty({ format: 'date-time' }) sitsAt!: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: JurySession['status'];
  @ApiProperty({ type: [AgendaEntryDto], description: 'In submission order (CAND-3)' }) agenda!: AgendaEntryDto[];
  @ApiProperty({ type: [String], description: 'The candidates of the agenda already decided' }) decided!: string[];
}

// ---- What the writes answer: the change in business terms, never the events ----------------

export class ScheduledSessionDto implements ScheduledSessionView {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ example: '2026-03', description: 'JURY-1: one session a month' }) month!: string;
  @ApiProperty({ format: 'date-time' }) sitsAt!: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: JurySession['status'];
  @ApiProperty({
    type: [AgendaEntryDto],
    description: 'The admissible candidates waiting for a session, who joined it',
  })
  agenda!: AgendaEntryDto[];
}

export class OfferWindowDto implements OfferWindow {
  @ApiProperty() offerId!: string;
  @ApiProperty({ format: 'date-time', description: 'JURY-4: the last moment to enrol (10 days, Paris time)' })
  enrolBy!: string;
}

export class DecisionSummaryDto implements DecisionSummary {
  @ApiProperty({
    example: 'decision-01JQ5S8Z7H2W3X4Y5Z6A7B8C9D',
    description: "The decision's ce_id on admissions.decisions.v1 (GET /v1/decisions/{decisionId}/explanation)",
  })
  decisionId!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty() candidacyId!: string;
  @ApiProperty({ enum: DECISIONS }) outcome!: JuryDecisionKind;
  @ApiProperty({ description: "JURY-2: the jury's reason" }) reason!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'JURY-5: rank on the waiting list when waitlisted' })
  waitingListRank!: number | null;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ type: OfferWindowDto, nullable: true, description: 'JURY-4: the offer made when admitted' })
  offer!: OfferWindowDto | null;
}

export class DecisionReplyDto extends DecisionSummaryDto implements DecisionView {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ enum: SESSION_STATUSES, description: 'CLOSED once every candidate of its agenda is decided' })
  sessionStatus!: JurySession['status'];
}

export class SessionDecisionsDto implements SessionDecisionsView {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ enum: SESSION_STATUSES, description: 'CLOSED: every candidate of its agenda is decided' })
  sessionStatus!: JurySession['status'];
  @ApiProperty({ type: [DecisionSummaryDto], description: 'In the order given' }) decisions!: DecisionSummaryDto[];
}

export class OfferDto implements OfferView {
  @ApiProperty() programmeCode!: string;
  @ApiProperty() offerId!: string;
  @ApiProperty() candidacyId!: string;
  @ApiProperty({ enum: OFFER_STATUSES }) status!: OfferStatus;
  @ApiProperty({ format: 'date-time', description: 'JURY-4: the end of its enrolment window' }) enrolBy!: string;
}

export class ProgrammeSessionsDto implements ProgrammeSessionsView {
  @ApiProperty() programmeCode!: string;
  @ApiProperty({ type: 'integer' }) places!: number;
  @ApiProperty({ type: [JurySessionDto] }) sessions!: JurySessionDto[];
  @ApiProperty({ type: [String], description: 'Admissible candidates waiting for a session' })
  awaitingSession!: string[];
}

export class LedgerChangeDto implements LedgerChange {
  @ApiProperty() eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class LedgerChangesDto implements Partial<Record<LedgerFigure, LedgerChange>> {
  @ApiPropertyOptional({ type: LedgerChangeDto }) places?: LedgerChangeDto;
  @ApiPropertyOptional({ type: LedgerChangeDto }) offersHeld?: LedgerChangeDto;
  @ApiPropertyOptional({ type: LedgerChangeDto }) enrolled?: LedgerChangeDto;
  @ApiPropertyOptional({ type: LedgerChangeDto }) referralSeats?: LedgerChangeDto;
}

/** JURY-5: free = places − offers held − enrolled − referral seats. */
export class SeatLedgerDto implements SeatLedgerView {
  @ApiProperty() programmeCode!: string;
  @ApiProperty({ type: 'integer' }) places!: number;
  @ApiProperty({ type: 'integer' }) offersHeld!: number;
  @ApiProperty({ type: 'integer' }) enrolled!: number;
  @ApiProperty({ type: 'integer' }) referralSeats!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) free!: number;
  @ApiProperty({ type: LedgerChangesDto, description: 'The event that last changed each figure' })
  changedBy!: LedgerChangesDto;
}

export class ApplicationDto implements ApplicationView {
  @ApiProperty() programmeCode!: string;
  @ApiProperty() candidacyId!: string;
  @ApiProperty({ enum: OUTCOMES }) outcome!: ApplicationOutcomeKind;
  @ApiProperty({ format: 'date-time', description: 'When the current outcome was given' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) offerId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'JURY-4' }) enrolBy!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'JURY-5: rank on the waiting list when waitlisted' })
  waitingListRank!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The decision (GET /v1/decisions/{decisionId}/explanation); null until decided',
  })
  decisionId!: string | null;
}

export class ProposalRefDto implements ProposalRef {
  @ApiProperty() proposalId!: string;
  @ApiProperty() programmeCode!: string;
}

/** A referral and where it stands (REC-4..7); the fields of a later status appear with it. */
export class ReferralDto {
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: FiledReferral['status'];
  @ApiProperty() referralId!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty({ description: 'REC-3: the uploaded bachelor transcript (GET /v1/referrals/{candidateId}/transcript)' })
  transcriptDocumentRef!: string;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiProperty({ format: 'date-time' }) proposalsDueBy!: string;
  @ApiProperty({ description: 'REC-4' }) acknowledged!: boolean;
  @ApiProperty({ type: [ProposalRefDto] }) proposals!: ProposalRefDto[];
  @ApiPropertyOptional({ format: 'date-time' }) proposalsMadeAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'REC-7' }) answerDueAt?: string;
  @ApiPropertyOptional() acceptedProposalId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) lapsedAt?: string;
}

/** REC-5: the referral after the proposal, and the proposal's id. */
export class RecordedProposalDto extends ReferralDto {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
}

// ---- "Why this decision" --------------------------------------------------------------------

class CitationDto implements Citation {
  @ApiProperty({ description: "The jury's event, in its own store, the item is read from" }) eventId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The other service's event (its ce_id) the jury took the fact in from; null for the jury's own",
  })
  sourceEventId!: string | null;
}

export class ExplainedDecisionDto extends CitationDto implements ExplainedDecision {
  @ApiProperty({ enum: DECISIONS }) outcome!: JuryDecisionKind;
  @ApiProperty({ description: "JURY-2: the jury's reason" }) reason!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
}

export class EligibilityCheckDto implements EligibilityCheck {
  @ApiProperty({ example: 'ELIG-3' }) ruleId!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty() reason!: string;
}

export class EquivalenceDto extends CitationDto {
  @ApiProperty({ format: 'date-time' }) confirmedAt!: string;
}

export class ExplainedEligibilityDto extends CitationDto implements ExplainedEligibility {
  @ApiProperty({ enum: ['ELIGIBLE', 'PENDING_EQUIVALENCE'] }) status!: ExplainedEligibility['status'];
  @ApiProperty({ example: 'ELIG-3', description: 'The ELIG-* rule that matched' }) matchedRule!: string;
  @ApiProperty({ description: 'ELIG-6: why' }) reason!: string;
  @ApiProperty({ type: [EligibilityCheckDto], description: 'ELIG-6: every condition checked' })
  checks!: EligibilityCheckDto[];
  @ApiProperty({ type: EquivalenceDto, nullable: true, description: 'ELIG-5: the confirmed equivalence, if any' })
  equivalence!: EquivalenceDto | null;
}

export class ExplainedInterviewDto extends CitationDto implements ExplainedInterview {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ description: 'REV-4' }) conclusive!: boolean;
  @ApiProperty() notes!: string;
}

export class ExplainedOpinionDto extends CitationDto implements ExplainedOpinion {
  @ApiProperty({ enum: ['FAVOURABLE', 'UNFAVOURABLE'] }) opinion!: LeadOpinion['opinion'];
  @ApiProperty({ description: 'REV-3: the reasons' }) motivation!: string;
  @ApiProperty({ format: 'date-time', description: 'When given, or corrected' }) givenAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'REV-3: the reason of the correction, when corrected' })
  correctionReason!: string | null;
}

export class ExplainedRankDto extends CitationDto implements ExplainedRank {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'CAND-3: place in submission order' })
  submissionRank!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'JURY-5: rank given on the waiting list' })
  waitingListRank!: number | null;
}

export class SeatHolderDto implements SeatHolder {
  @ApiProperty({ enum: ['OFFER', 'ENROLMENT', 'REFERRAL'] }) kind!: SeatHolder['kind'];
  @ApiProperty({ description: 'The event that took the seat' }) eventId!: string;
}

export class ExplainedSeatsDto implements ExplainedSeats {
  @ApiProperty({ type: 'integer' }) places!: number;
  @ApiProperty({ description: 'The event that set the places' }) placesEventId!: string;
  @ApiProperty({ type: 'integer', description: 'Offers held + enrolled + referral seats' }) taken!: number;
  @ApiProperty({ type: 'integer' }) free!: number;
  @ApiProperty({ type: [SeatHolderDto] }) holders!: SeatHolderDto[];
}

export class ExplanationStatementsDto implements ExplanationStatements {
  @ApiProperty() decision!: string;
  @ApiProperty() eligibility!: string;
  @ApiProperty() interview!: string;
  @ApiProperty() leadOpinion!: string;
  @ApiProperty() rank!: string;
  @ApiProperty() seats!: string;
}

/** What the jury had when it decided, as of the decision (later events do not change it). */
export class DecisionExplanationDto implements ExplanationView {
  @ApiProperty({ example: 'decision-01JQ5S8Z7H2W3X4Y5Z6A7B8C9D' }) decisionId!: string;
  @ApiProperty() candidateId!: string;
  @ApiProperty() candidacyId!: string;
  @ApiProperty() programmeCode!: string;
  @ApiProperty({ enum: ['fr', 'en'] }) language!: ExplanationView['language'];
  @ApiProperty({ type: ExplainedDecisionDto }) decision!: ExplainedDecisionDto;
  @ApiProperty({
    type: ExplainedEligibilityDto,
    nullable: true,
    description: 'Null when the jury never received the file opening (files taken in before it kept them)',
  })
  eligibility!: ExplainedEligibilityDto | null;
  @ApiProperty({
    type: ExplainedInterviewDto,
    nullable: true,
    description: 'Null when no interview was held before the decision',
  })
  interview!: ExplainedInterviewDto | null;
  @ApiProperty({
    type: ExplainedOpinionDto,
    description: "REV-3: the latest opinion the jury had (the agenda's when it received no other)",
  })
  leadOpinion!: ExplainedOpinionDto;
  @ApiProperty({ type: ExplainedRankDto }) rank!: ExplainedRankDto;
  @ApiProperty({ type: ExplainedSeatsDto, description: 'JURY-5: seats just before the decision' })
  seats!: ExplainedSeatsDto;
  @ApiProperty({ type: ExplanationStatementsDto, description: 'Each item as a sentence in `language`' })
  statements!: ExplanationStatementsDto;
}
