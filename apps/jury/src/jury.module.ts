import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlatformModule } from '@admissions/platform';
import { JuryEnv } from './config';

export const SERVICE = 'jury';

@Module({
  imports: [PlatformModule.forService({ name: SERVICE, envClass: JuryEnv }), CqrsModule.forRoot()],
})
export class JuryModule {}
