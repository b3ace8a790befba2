import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { BaseEnv } from '../config/base-env';

const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value);
export const RETENTION_MONTHS = (name: string) => ({
  message: `${name} must be a whole number of months from 1 to 120`,
});

/** The settings of a service that holds files of candidates not admitted, and erases them in time. */
export class RetentionEnv extends BaseEnv {
  /** Files of candidates not admitted are erased this many months after their season's last jury. */
  @Transform(toNumber)
  @IsInt(RETENTION_MONTHS('RETENTION_NOT_ADMITTED_MONTHS'))
  @Min(1, RETENTION_MONTHS('RETENTION_NOT_ADMITTED_MONTHS'))
  @Max(120, RETENTION_MONTHS('RETENTION_NOT_ADMITTED_MONTHS'))
  RETENTION_NOT_ADMITTED_MONTHS = 6;

  /** When the daily retention job runs: a cron pattern in Europe/Paris time, or `off`. */
  @Matches(/^(off|\S+( \S+){4})$/, { message: 'RETENTION_SCHEDULE must be a cron pattern of five fields, or off' })
  RETENTION_SCHEDULE = '30 3 * * *';
}
