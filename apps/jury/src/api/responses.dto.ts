import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApplicationView, ProgrammeSessionsView, SeatLedgerView } from '../application/jury.queries';
import type { Appended } from '../application/programme-admissions.handlers';
import type {
  AgendaEntry,
  ApplicationOutcomeKind,
  FiledReferral,
  JurySession,
  LeadOpinion,
  ProgrammeAdmissionsEvent,
  ProposalRef,
  ReferralEvent,
} from '../domain';
import type { LedgerChange, LedgerFigure } from '../projections/seat-ledger.projection';

// The replies of the jury API, as the OpenAPI document shows them; each class implements the
// type the application returns, so that a change there fails to compile here.

const EVENT_TYPES: readonly (ProgrammeAdmissionsEvent['type'] | ReferralEvent['type'])[] = [
  'ProgrammeDefined',
  'PlacesChanged',
  'CandidateAddedToAgenda',
  'CandidateAwaitingSession',
  'JurySessionScheduled',
  'AdmissionDecided',
  'SessionClosed',
  'OfferMade',
  'OfferExpired',
  'OfferDeclined',
  'CandidateEnrolled',
  'ReferralSeatHeld',
  'ReferralSeatReleased',
  'ReferralFiled',
  'ReferralAcknowledged',
  'ProposalRecorded',
  'ProposalsMade',
  'ProposalAccepted',
  'ProposalDeclined',
  'ReferralLapsed',
];
const OUTCOMES: readonly ApplicationOutcomeKind[] = [
  'ADMITTED',
  'ENROLLED',
  'REJECTED',
  'OFFER_EXPIRED',
  'OFFER_DECLINED',
  'WAITLISTED',
  'PENDING',
];
const REFERRAL_STATUSES: readonly FiledReferral['status'][] = ['FILED', 'AWAITING_ANSWER', 'ACCEPTED', 'LAPSED'];

export class RecordedEventDto {
  @ApiProperty({ enum: EVENT_TYPES }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's facts, by its type" })
  data!: Record<string, unknown>;
}

/** What a write answers: what it recorded, in order (nothing for a repeat of the same request). */
export class AppendedDto implements Appended {
  @ApiProperty({ type: [RecordedEventDto] }) events!: RecordedEventDto[];
}

export class ScheduledSessionDto extends AppendedDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
}

export class FiledReferralDto extends AppendedDto {
  @ApiProperty({ description: 'The referral filed; empty when a referral was already filed by this request' })
  referralId!: string;
}

export class RecordedProposalDto extends AppendedDto {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
}

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
  @ApiProperty({ enum: ['OPEN', 'CLOSED'] }) status!: JurySession['status'];
  @ApiProperty({ type: [AgendaEntryDto], description: 'In submission order (CAND-3)' }) agenda!: AgendaEntryDto[];
  @ApiProperty({ type: [String], description: 'The candidates of the agenda already decided' }) decided!: string[];
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
