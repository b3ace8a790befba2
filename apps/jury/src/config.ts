import { BaseEnv } from '@admissions/platform';

/** The jury service's settings: the platform's, with its own default port. */
export class JuryEnv extends BaseEnv {
  override PORT = 3003;
}
