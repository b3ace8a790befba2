import { BaseEnv } from '@admissions/platform';

/** The candidacy service's settings: the platform's, with its own default port. */
export class CandidacyEnv extends BaseEnv {
  override PORT = 3001;
}
