import {
  AccessJournalModule,
  DeadLettersModule,
  ErasurePropagationModule,
  type Db,
  EventSourcingModule,
  MONGO_DB,
  PersonalDataController,
  personalDataSource,
  PlatformModule,
  RETENTION_SCHEDULE,
  RetentionSelector,
  retentionProviders,
} from '@admissions/platform';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReviewQueries } from './application/review.queries';
import { ReviewPersonalData } from './application/review-personal-data';
import { ReviewRetention } from './application/review-retention';
import { ReviewsController } from './api/reviews.controller';
import { ActOnReviewHandler } from './application/act-on-review';
import { CandidacyIntake } from './application/candidacy-intake.process-manager';
import { ProgrammeLeads } from './application/programme-leads.process-manager';
import { ReviewAssignment } from './application/review-assignment';
import { ReviewEnv } from './config';
import { eventSourcing } from './event-sourcing';
import { AdmissibilityPublicStream } from './application/admissibility-public-stream';

export const SERVICE = eventSourcing.service;

@Module({
  imports: [
    PlatformModule.forService({ name: SERVICE, envClass: ReviewEnv }),
    AccessJournalModule,
    CqrsModule.forRoot(),
    EventSourcingModule.forService(eventSourcing),
    DeadLettersModule,
    ErasurePropagationModule,
  ],
  controllers: [ReviewsController, PersonalDataController],
  providers: [
    AdmissibilityPublicStream,
    ActOnReviewHandler,
    ReviewAssignment,
    CandidacyIntake,
    ProgrammeLeads,
    ReviewQueries,
    personalDataSource(ReviewPersonalData),
    {
      provide: RetentionSelector,
      inject: [MONGO_DB, ReviewEnv],
      useFactory: (db: Db, env: ReviewEnv) => new ReviewRetention(db, env.RETENTION_NOT_ADMITTED_MONTHS),
    },
    { provide: RETENTION_SCHEDULE, inject: [ReviewEnv], useFactory: (env: ReviewEnv) => env.RETENTION_SCHEDULE },
    ...retentionProviders,
  ],
})
export class ReviewModule {}
