import { DeadlinesModule } from '@admissions/deadlines';
import { documentStorageProvider } from '@admissions/documents';
import { EventStore } from '@admissions/event-store';
import {
  type Db,
  DeadLettersModule,
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
import { AdmissionsIntake } from './application/admissions-intake.process-manager';
import { DeadlineHandlers } from './application/deadline.handlers';
import { DecisionExplanations } from './application/decision-explanations';
import { DecisionStream } from './application/decision-stream.process-manager';
import { JuryDeadlinesFromLog } from './application/jury-deadlines-from-log.reaction';
import { JuryQueries } from './application/jury.queries';
import { JuryPersonalData } from './application/jury-personal-data';
import { ActOnProgrammeHandler } from './application/programme-admissions.handlers';
import { ProgrammeAdmissionsWriter } from './application/programme-admissions.writer';
import { ProgrammeCatalogue } from './application/programme-catalogue.process-manager';
import { REFERRAL_COMMAND_HANDLERS } from './application/referral.handlers';
import { ReferralProcess } from './application/referral-process.process-manager';
import { ReferralSeatSettlement } from './application/referral-seat-settlement.reaction';
import { ReferralTranscripts } from './application/referral-transcripts';
import { ReferralWriter } from './application/referral.writer';
import { DecisionsController } from './api/decisions.controller';
import { OffersController } from './api/offers.controller';
import { ProgrammesController } from './api/programmes.controller';
import { ReferralsController } from './api/referrals.controller';
import { JuryEnv, retentionPolicyOf } from './config';
import { JuryRetention } from './application/jury-retention';
import { ParkedIntakeRepository } from './infrastructure/parked-intake.repository';
import { eventSourcing } from './event-sourcing';

export const SERVICE = eventSourcing.service;

@Module({
  imports: [
    PlatformModule.forService({ name: SERVICE, envClass: JuryEnv }),
    CqrsModule.forRoot(),
    EventSourcingModule.forService(eventSourcing),
    DeadLettersModule,
    DeadlinesModule.forService({ queueName: `deadlines-${SERVICE}` }),
  ],
  controllers: [
    ProgrammesController,
    OffersController,
    ReferralsController,
    DecisionsController,
    PersonalDataController,
  ],
  providers: [
    ProgrammeAdmissionsWriter,
    ReferralWriter,
    documentStorageProvider('jury_documents'),
    ReferralTranscripts,
    ParkedIntakeRepository,
    JuryQueries,
    DecisionExplanations,
    ActOnProgrammeHandler,
    ...REFERRAL_COMMAND_HANDLERS,
    ProgrammeCatalogue,
    AdmissionsIntake,
    ReferralProcess,
    DecisionStream,
    DeadlineHandlers,
    JuryDeadlinesFromLog,
    ReferralSeatSettlement,
    personalDataSource(JuryPersonalData),
    {
      provide: RetentionSelector,
      inject: [MONGO_DB, EventStore, JuryEnv],
      useFactory: (db: Db, store: EventStore, env: JuryEnv) => new JuryRetention(db, store, retentionPolicyOf(env)),
    },
    { provide: RETENTION_SCHEDULE, inject: [JuryEnv], useFactory: (env: JuryEnv) => env.RETENTION_SCHEDULE },
    ...retentionProviders,
  ],
})
export class JuryModule {}
