import { RETENTION_MONTHS, RetentionEnv } from '@admissions/platform';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import type { RetentionPolicy } from './domain';

const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value);

/** The jury service's settings: the platform's, with its own default port, and its retention policy. */
export class JuryEnv extends RetentionEnv {
  override PORT = 3003;

  /**
   * Admission files of enrolled students are erased this many months after their season's last
   * jury: their enrolment went to the student records (admissions.decisions.v1) when it happened.
   */
  @Transform(toNumber)
  @IsInt(RETENTION_MONTHS('RETENTION_ENROLLED_MONTHS'))
  @Min(1, RETENTION_MONTHS('RETENTION_ENROLLED_MONTHS'))
  @Max(120, RETENTION_MONTHS('RETENTION_ENROLLED_MONTHS'))
  RETENTION_ENROLLED_MONTHS = 3;
}

export const retentionPolicyOf = (env: JuryEnv): RetentionPolicy => ({
  notAdmittedMonths: env.RETENTION_NOT_ADMITTED_MONTHS,
  enrolledMonths: env.RETENTION_ENROLLED_MONTHS,
});
