import { BaseEnv } from '@admissions/platform';
import { Matches } from 'class-validator';

const GROUP_ID = /^[A-Za-z0-9._-]{1,200}$/;
const GROUP_MESSAGE = (name: string) => `${name} must be a Kafka group id`;

/**
 * The jury service's settings: the platform's, with its own default port and the consumer group
 * of each reacting component (tests give each service instance its own groups, since the topics
 * are shared).
 */
export class JuryEnv extends BaseEnv {
  override PORT = 3003;

  /** Candidacy's programmes (places) → DefineProgramme / ChangePlaces. */
  @Matches(GROUP_ID, { message: GROUP_MESSAGE('PROGRAMME_CATALOGUE_GROUP') })
  PROGRAMME_CATALOGUE_GROUP = 'jury.programme-catalogue';

  /** Review's CandidateDeclaredAdmissible → AddToAgenda (REV-4, JURY-2). */
  @Matches(GROUP_ID, { message: GROUP_MESSAGE('ADMISSIONS_INTAKE_GROUP') })
  ADMISSIONS_INTAKE_GROUP = 'jury.admissions-intake';

  /** The jury's own referral events → acknowledgement (REC-4) and referral seat releases (REC-7). */
  @Matches(GROUP_ID, { message: GROUP_MESSAGE('REFERRAL_PROCESS_GROUP') })
  REFERRAL_PROCESS_GROUP = 'jury.referral-process';

  /** The jury's own events → the public `admissions.decisions.v1` stream. */
  @Matches(GROUP_ID, { message: GROUP_MESSAGE('DECISION_STREAM_GROUP') })
  DECISION_STREAM_GROUP = 'jury.decision-stream';
}
