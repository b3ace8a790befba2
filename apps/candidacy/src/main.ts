import { bootstrapService } from '@admissions/platform';
import { CandidacyModule, SERVICE } from './candidacy.module';

void bootstrapService(CandidacyModule, SERVICE);
