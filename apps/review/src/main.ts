import { bootstrapService } from '@admissions/platform';
import { ReviewModule, SERVICE } from './review.module';

void bootstrapService(ReviewModule, SERVICE);
