import {
  DeadLettersModule,
  ErasurePropagationModule,
  EventSourcingModule,
  PersonalDataController,
  personalDataSource,
  PlatformModule,
} from '@admissions/platform';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LearningAgreementController } from './api/learning-agreement.controller';
import { PartnersController } from './api/partners.controller';
import { PlansController } from './api/plans.controller';
import { StudentsController } from './api/students.controller';
import { MobilityQueries } from './application/mobility.queries';
import { MobilityPersonalData } from './application/mobility-personal-data';
import { ChangePartnerHandler, RegisterPartnerHandler } from './application/partner.handlers';
import { PartnerPlaces } from './application/partner-places';
import { PartnerReader } from './application/partner-reader';
import { ActOnPlanHandler } from './application/plan-action.handler';
import { ChangePlanHandler, ProposePlanHandler } from './application/plan-draft.handlers';
import { PlanReader } from './application/plan-reader';
import { RecordStudentContactHandler } from './application/student-contact.handler';
import { MobilityEnv } from './config';
import { DemoPartnersSeeder } from './infrastructure/demo-partners.seeder';
import { eventSourcing } from './event-sourcing';
import { MobilityPublicStream } from './application/mobility-public-stream';

export const SERVICE = eventSourcing.service;

@Module({
  imports: [
    PlatformModule.forService({ name: SERVICE, envClass: MobilityEnv }),
    CqrsModule.forRoot(),
    EventSourcingModule.forService(eventSourcing),
    DeadLettersModule,
    ErasurePropagationModule,
  ],
  controllers: [
    PartnersController,
    PlansController,
    LearningAgreementController,
    StudentsController,
    PersonalDataController,
  ],
  providers: [
    MobilityPublicStream,
    PartnerReader,
    PartnerPlaces,
    PlanReader,
    MobilityQueries,
    RegisterPartnerHandler,
    ChangePartnerHandler,
    ProposePlanHandler,
    ChangePlanHandler,
    ActOnPlanHandler,
    RecordStudentContactHandler,
    DemoPartnersSeeder,
    personalDataSource(MobilityPersonalData),
  ],
})
export class MobilityModule {}
