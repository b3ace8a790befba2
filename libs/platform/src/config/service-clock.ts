import { type Clock, ShiftedClock, SystemClock } from '@admissions/domain-kernel';
import type { BaseEnv } from './base-env';

/** The service's clock: the system's, run ahead by CLOCK_SHIFT_DAYS on a workstation. */
export const serviceClock = (env: BaseEnv): Clock =>
  env.CLOCK_SHIFT_DAYS ? new ShiftedClock(env.CLOCK_SHIFT_DAYS * 86_400_000) : new SystemClock();
