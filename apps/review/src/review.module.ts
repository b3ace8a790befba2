import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PlatformModule } from '@admissions/platform';
import { ReviewEnv } from './config';

export const SERVICE = 'review';

@Module({
  imports: [PlatformModule.forService({ name: SERVICE, envClass: ReviewEnv }), CqrsModule.forRoot()],
})
export class ReviewModule {}
