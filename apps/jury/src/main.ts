import { bootstrapService } from '@admissions/platform';
import { JuryModule, SERVICE } from './jury.module';

void bootstrapService(JuryModule, SERVICE);
