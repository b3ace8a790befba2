import { candidacyContracts } from '@admissions/contracts';
import { documentStorageProvider } from '@admissions/documents';
import { EventSourcingModule, PlatformModule } from '@admissions/platform';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CandidaciesController } from './api/candidacies.controller';
import { ProgrammesController } from './api/programmes.controller';
import {
  ChooseProgrammeHandler,
  EditCandidacyHandler,
  OpenCandidacyHandler,
  SubmitCandidacyHandler,
} from './application/candidacy.handlers';
import { CandidacyQueries } from './application/candidacy.queries';
import { CandidacyWriter } from './application/candidacy-writer';
import { AttachDocumentHandler, DocumentContents } from './application/document.handlers';
import { ChangeProgrammeHandler, CreateProgrammeHandler } from './application/programme.handlers';
import { SubmissionRanking } from './application/submission-ranking.process-manager';
import { CandidacyEnv } from './config';
import { DemoCatalogueSeeder } from './infrastructure/demo-catalogue';
import { ProgrammeRepository } from './infrastructure/programme.repository';
import { candidacyProjections } from './projections';

export const SERVICE = 'candidacy';

@Module({
  imports: [
    PlatformModule.forService({ name: SERVICE, envClass: CandidacyEnv }),
    CqrsModule.forRoot(),
    EventSourcingModule.forService({
      service: SERVICE,
      contracts: candidacyContracts,
      projections: candidacyProjections,
    }),
  ],
  controllers: [ProgrammesController, CandidaciesController],
  providers: [
    CandidacyWriter,
    CandidacyQueries,
    ProgrammeRepository,
    documentStorageProvider('candidacy_documents'),
    DocumentContents,
    CreateProgrammeHandler,
    ChangeProgrammeHandler,
    OpenCandidacyHandler,
    EditCandidacyHandler,
    ChooseProgrammeHandler,
    SubmitCandidacyHandler,
    AttachDocumentHandler,
    SubmissionRanking,
    DemoCatalogueSeeder,
  ],
})
export class CandidacyModule {}
