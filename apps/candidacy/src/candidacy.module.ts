import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlatformModule } from '@admissions/platform';
import { CandidacyEnv } from './config';

export const SERVICE = 'candidacy';

@Module({
  imports: [PlatformModule.forService({ name: SERVICE, envClass: CandidacyEnv }), CqrsModule.forRoot()],
})
export class CandidacyModule {}
