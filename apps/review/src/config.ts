import { BaseEnv } from '@admissions/platform';

/** The review service's settings: the platform's, with its own default port. */
export class ReviewEnv extends BaseEnv {
  override PORT = 3002;
}
