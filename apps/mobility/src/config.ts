import { BaseEnv } from '@admissions/platform';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** The mobility service's settings: the platform's, with its own default port. */
export class MobilityEnv extends BaseEnv {
  override PORT = 3005;

  /** Registers the demo catalogue of double-degree partners at start-up (idempotent). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'SEED_DEMO_PARTNERS must be true or false' })
  SEED_DEMO_PARTNERS: boolean = false;
}
