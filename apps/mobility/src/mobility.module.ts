import { mobilityContracts } from '@admissions/contracts';
import { EventSourcingModule, PlatformModule } from '@admissions/platform';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LearningAgreementController } from './api/learning-agreement.controller';
import { PartnersController } from './api/partners.controller';
import { PlansController } from './api/plans.controller';
import { StudentsController } from './api/students.controller';
import { CommandContext } from './application/command-context';
import { MobilityQueries } from './application/mobility-queries';
import { ChangePartnerHandler, RegisterPartnerHandler } from './application/partner.handlers';
import { PartnerPlaces } from './application/partner-places';
import { PartnerReader } from './application/partner-reader';
import { ActOnPlanHandler } from './application/plan-action.handler';
import { ChangePlanHandler, ProposePlanHandler } from './application/plan-draft.handlers';
import { PlanReader } from './application/plan-reader';
import { RecordStudentContactHandler } from './application/student-contact.handler';
import { MobilityEnv } from './config';
import { DemoPartnersSeeder } from './infrastructure/demo-partners.seeder';
import { mobilityProjections } from './projections';

export const SERVICE = 'mobility';

@Module({
  imports: [
    PlatformModule.forService({ name: SERVICE, envClass: MobilityEnv }),
    CqrsModule.forRoot(),
    EventSourcingModule.forService({
      service: SERVICE,
      contracts: mobilityContracts,
      projections: mobilityProjections,
    }),
  ],
  controllers: [PartnersController, PlansController, LearningAgreementController, StudentsController],
  providers: [
    CommandContext,
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
  ],
})
export class MobilityModule {}
