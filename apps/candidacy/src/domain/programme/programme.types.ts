/** CAND-4: intakes are in September or October, depending on the programme. */
export type Intake = 'SEPTEMBER' | 'OCTOBER';
export const INTAKES: readonly Intake[] = ['SEPTEMBER', 'OCTOBER'];
export const INTAKE_MONTH: Readonly<Record<Intake, number>> = { SEPTEMBER: 9, OCTOBER: 10 };

/** When files may be submitted, both ends inclusive, as ISO instants (UTC). */
export interface ApplicationWindow {
  readonly opensAt: string;
  readonly closesAt: string;
}

/** A Mastère Spécialisé as the candidacy service knows it (CAND-4: intake date and places). */
export interface ProgrammeDetails {
  readonly code: string;
  readonly nameFr: string;
  readonly nameEn: string;
  readonly places: number;
  readonly intake: Intake;
  /** Paris calendar date YYYY-MM-DD, in the intake's month. */
  readonly intakeDate: string;
  readonly applicationWindow: ApplicationWindow;
  readonly pedagogicalLeadId: string;
}

export type ProgrammeField = Exclude<keyof ProgrammeDetails, 'code'>;
export const PROGRAMME_FIELDS: readonly ProgrammeField[] = [
  'nameFr',
  'nameEn',
  'places',
  'intake',
  'intakeDate',
  'applicationWindow',
  'pedagogicalLeadId',
];

/**
 * What a candidacy needs to know of its programme, read by the application layer from the
 * programme's stream and passed in ChooseProgramme / SubmitCandidacy.
 */
export type ProgrammeSnapshot = Pick<ProgrammeDetails, 'code' | 'applicationWindow' | 'pedagogicalLeadId'>;
