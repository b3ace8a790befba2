import { bootstrapService } from '@admissions/platform';
import { NotificationModule, SERVICE } from './notification.module';

void bootstrapService(NotificationModule, SERVICE);
