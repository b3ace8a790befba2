import { BaseEnv } from '@admissions/platform';

/** The mobility service's settings: the platform's, with its own default port. */
export class MobilityEnv extends BaseEnv {
  override PORT = 3005;
}
