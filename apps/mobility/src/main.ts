import { bootstrapService } from '@admissions/platform';
import { MobilityModule, SERVICE } from './mobility.module';

void bootstrapService(MobilityModule, SERVICE);
