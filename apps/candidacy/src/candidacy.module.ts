import { documentStorageProvider } from '@admissions/documents';
import {
  AccessJournalModule,
  DeadLettersModule,
  ErasureModule,
  ErasurePropagationModule,
  EventSourcingModule,
  PersonalDataController,
  personalDataSource,
  PlatformModule,
} from '@admissions/platform';
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
import { CandidacyPersonalData } from './application/candidacy-personal-data';
import { CandidacyWriter } from './application/candidacy-writer';
import { AttachDocumentHandler, DocumentContents } from './application/document.handlers';
import { ChangeProgrammeHandler, CreateProgrammeHandler } from './application/programme.handlers';
import { SubmissionRanking } from './application/submission-ranking.process-manager';
import { PersonDocumentsErasure } from './application/person-erasure.reaction';
import { CandidacyEnv } from './config';
import { DemoCatalogueSeeder } from './infrastructure/demo-catalogue';
import { ProgrammeRepository } from './infrastructure/programme.repository';
import { eventSourcing } from './event-sourcing';
import { CandidacyPublicStream } from './application/candidacy-public-stream';

export const SERVICE = eventSourcing.service;

@Module({
  imports: [
    PlatformModule.forService({ name: SERVICE, envClass: CandidacyEnv }),
    AccessJournalModule,
    CqrsModule.forRoot(),
    EventSourcingModule.forService(eventSourcing),
    DeadLettersModule,
    ErasureModule,
    ErasurePropagationModule,
  ],
  controllers: [ProgrammesController, CandidaciesController, PersonalDataController],
  providers: [
    CandidacyPublicStream,
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
    PersonDocumentsErasure,
    DemoCatalogueSeeder,
    personalDataSource(CandidacyPersonalData),
  ],
})
export class CandidacyModule {}
