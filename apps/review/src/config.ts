import { RetentionEnv } from '@admissions/platform';

/** The review service's settings: the platform's, with its own default port, and its retention policy. */
export class ReviewEnv extends RetentionEnv {
  override PORT = 3002;
}
