import { candidacyContracts, reviewContracts } from '@admissions/contracts';
import { EventSourcingModule, PlatformModule } from '@admissions/platform';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReviewQueries } from './api/review-queries';
import { ReviewsController } from './api/reviews.controller';
import { ActOnReviewHandler } from './application/act-on-review';
import { CandidacyIntake } from './application/candidacy-intake.process-manager';
import { ProgrammeLeads } from './application/programme-leads.process-manager';
import { ReviewAssignment } from './application/review-assignment';
import { ReviewEnv } from './config';
import { reviewViews } from './projections/review-view.projection';
import { worklists } from './projections/worklist.projection';

export const SERVICE = 'review';

@Module({
  imports: [
    PlatformModule.forService({ name: SERVICE, envClass: ReviewEnv }),
    CqrsModule.forRoot(),
    EventSourcingModule.forService({
      service: SERVICE,
      // What it reads from the candidacy service (validated on arrival) and what it publishes.
      contracts: [...candidacyContracts, ...reviewContracts],
      projections: [reviewViews, worklists],
    }),
  ],
  controllers: [ReviewsController],
  providers: [ActOnReviewHandler, ReviewAssignment, CandidacyIntake, ProgrammeLeads, ReviewQueries],
})
export class ReviewModule {}
