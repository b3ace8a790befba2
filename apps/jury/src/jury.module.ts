import { candidacyContracts, juryContracts, reviewContracts, type EventContract } from '@admissions/contracts';
import { DeadlinesModule } from '@admissions/deadlines';
import { documentStorageProvider } from '@admissions/documents';
import { DECISIONS_TOPIC, EventSourcingModule, PlatformModule } from '@admissions/platform';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdmissionsIntake } from './application/admissions-intake.process-manager';
import { DeadlineHandlers } from './application/deadline.handlers';
import { DecisionStream } from './application/decision-stream.process-manager';
import { JuryQueries } from './application/jury.queries';
import { PROGRAMME_COMMAND_HANDLERS } from './application/programme-admissions.handlers';
import { ProgrammeAdmissionsWriter } from './application/programme-admissions.writer';
import { ProgrammeCatalogue } from './application/programme-catalogue.process-manager';
import { REFERRAL_COMMAND_HANDLERS } from './application/referral.handlers';
import { ReferralProcess } from './application/referral-process.process-manager';
import { ReferralTranscripts } from './application/referral-transcripts';
import { ReferralWriter } from './application/referral.writer';
import { OffersController } from './api/offers.controller';
import { ProgrammesController } from './api/programmes.controller';
import { ReferralsController } from './api/referrals.controller';
import { JuryEnv } from './config';
import { ParkedIntakeRepository } from './infrastructure/parked-intake.repository';
import { candidateApplications } from './projections/candidate-applications.projection';
import { seatLedger } from './projections/seat-ledger.projection';
import { waitingList } from './projections/waiting-list.projection';

export const SERVICE = 'jury';

/** The other services' events the jury reacts to, validated against their contracts. */
const CONSUMED: readonly string[] = ['ProgrammeCreated', 'ProgrammeChanged', 'CandidateDeclaredAdmissible'];
const consumedContracts: EventContract[] = [...candidacyContracts, ...reviewContracts].filter((contract) =>
  CONSUMED.includes(contract.type),
);

@Module({
  imports: [
    PlatformModule.forService({ name: SERVICE, envClass: JuryEnv }),
    CqrsModule.forRoot(),
    EventSourcingModule.forService({
      service: SERVICE,
      contracts: [...juryContracts, ...consumedContracts],
      projections: [seatLedger, candidateApplications, waitingList],
      publishes: [DECISIONS_TOPIC],
    }),
    DeadlinesModule.forService({ queueName: `deadlines-${SERVICE}` }),
  ],
  controllers: [ProgrammesController, OffersController, ReferralsController],
  providers: [
    ProgrammeAdmissionsWriter,
    ReferralWriter,
    documentStorageProvider('jury_documents'),
    ReferralTranscripts,
    ParkedIntakeRepository,
    JuryQueries,
    ...PROGRAMME_COMMAND_HANDLERS,
    ...REFERRAL_COMMAND_HANDLERS,
    ProgrammeCatalogue,
    AdmissionsIntake,
    ReferralProcess,
    DecisionStream,
    DeadlineHandlers,
  ],
})
export class JuryModule {}
