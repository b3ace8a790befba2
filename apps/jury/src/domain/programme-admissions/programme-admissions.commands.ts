import type { Command } from '@admissions/domain-kernel';

/** REC-5: the rectorate proposal a referral seat is held for. */
export interface ProposalOfSeat {
  readonly proposalId: string;
  readonly candidateId: string;
}

export type JuryDecisionKind = 'ADMITTED' | 'WAITLISTED' | 'REJECTED';

export interface LeadOpinion {
  readonly opinion: 'FAVOURABLE' | 'UNFAVOURABLE';
  readonly motivation: string;
}

/** From the candidacy service's programme events. System command. */
export type DefineProgramme = Command<'DefineProgramme', { readonly programmeCode: string; readonly places: number }>;
export type ChangePlaces = Command<'ChangePlaces', { readonly places: number }>;

/** From CandidateDeclaredAdmissible (REV-4). System command. */
export type AddToAgenda = Command<
  'AddToAgenda',
  {
    readonly candidateId: string;
    readonly candidacyId: string;
    readonly submissionRank: number;
    readonly leadOpinion: LeadOpinion;
  }
>;

/** JURY-1: `at` is the ISO instant the jury sits (January to July, one per month). */
export type ScheduleSession = Command<'ScheduleSession', { readonly sessionId: string; readonly at: string }>;

export interface DecisionInput {
  readonly candidateId: string;
  readonly decision: JuryDecisionKind;
  readonly reason: string;
}

/** JURY-2: one decision, for a candidate on the session's agenda. */
export type RecordDecision = Command<'RecordDecision', DecisionInput & { readonly sessionId: string }>;
/** JURY-2: the decisions of every undecided candidate of a session, all or nothing. */
export type RecordDecisions = Command<
  'RecordDecisions',
  { readonly sessionId: string; readonly decisions: readonly DecisionInput[] }
>;

/** JURY-4: by the candidate the offer was made to (actor.id === candidateId). */
export type Enrol = Command<'Enrol', { readonly offerId: string }>;
export type DeclineOffer = Command<'DeclineOffer', { readonly offerId: string }>;
/** From the offer's deadline job (JURY-4). System command; a no-op unless the offer is held and overdue. */
export type ExpireOffer = Command<'ExpireOffer', { readonly offerId: string }>;

/** REC-5: a rectorate proposal holds one of the programme's seats (counted in JURY-5). */
export type HoldReferralSeat = Command<
  'HoldReferralSeat',
  {
    readonly referralId: string;
    /** The proposal the seat is for: it is recorded after a crash between the hold and its append. */
    readonly proposal?: ProposalOfSeat;
  }
>;
/** REC-7: a declined or lapsed proposal gives its seat back. */
export type ReleaseReferralSeat = Command<'ReleaseReferralSeat', { readonly referralId: string }>;

export type ProgrammeAdmissionsCommand =
  | DefineProgramme
  | ChangePlaces
  | AddToAgenda
  | ScheduleSession
  | RecordDecision
  | RecordDecisions
  | Enrol
  | DeclineOffer
  | ExpireOffer
  | HoldReferralSeat
  | ReleaseReferralSeat;
