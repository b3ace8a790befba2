import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlatformModule } from '@admissions/platform';
import { MobilityEnv } from './config';

export const SERVICE = 'mobility';

@Module({
  imports: [PlatformModule.forService({ name: SERVICE, envClass: MobilityEnv }), CqrsModule.forRoot()],
})
export class MobilityModule {}
