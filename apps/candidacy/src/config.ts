import { BaseEnv } from '@admissions/platform';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/** The candidacy service's settings: the platform's, with its own port and switches. */
export class CandidacyEnv extends BaseEnv {
  override PORT = 3001;

  /** `npm start` sets it so that a fresh machine shows a realistic catalogue (idempotent). */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value === 'true' : value))
  @IsBoolean({ message: 'SEED_DEMO_CATALOGUE must be true or false' })
  SEED_DEMO_CATALOGUE = false;
}
