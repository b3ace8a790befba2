import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlatformModule } from '@admissions/platform';
import { NotificationEnv } from './config';

export const SERVICE = 'notification';

@Module({
  imports: [PlatformModule.forService({ name: SERVICE, envClass: NotificationEnv }), CqrsModule.forRoot()],
})
export class NotificationModule {}
