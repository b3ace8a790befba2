import { BaseEnv } from '@admissions/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, Matches } from 'class-validator';

/** The candidacy service's settings: the platform's, with its own port and switches. */
export class CandidacyEnv extends BaseEnv {
  override PORT = 3001;

  /** `npm start` sets it so that a fresh machine shows a realistic catalogue (idempotent). */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value === 'true' : value))
  @IsBoolean({ message: 'SEED_DEMO_CATALOGUE must be true or false' })
  SEED_DEMO_CATALOGUE = false;

  /** The CAND-3 process manager's consumer group; tests give each service instance its own. */
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'SUBMISSION_RANKING_GROUP must be a Kafka group id' })
  SUBMISSION_RANKING_GROUP = 'candidacy.submission-ranking';
}
