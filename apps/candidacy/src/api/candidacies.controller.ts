import { type Actor, INPUT, NotFoundError } from '@admissions/domain-kernel';
import { PdfUploadInterceptor, requireUpload, UPLOAD_FIELD, type UploadedPdf } from '@admissions/documents';
import { CurrentActor, JournalledRead, Roles } from '@admissions/platform';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import {
  ChooseProgrammeCommand,
  EditCandidacyCommand,
  OpenCandidacyCommand,
  SubmitCandidacyCommand,
} from '../application/candidacy.handlers';
import { type CandidateSpaceView, CandidacyQueries } from '../application/candidacy.queries';
import type { FileSummary } from '../application/candidacy-writer';
import {
  AttachDocumentCommand,
  type AttachedDocumentSummary,
  DocumentContents,
} from '../application/document.handlers';
import { MAX_DOCUMENT_BYTES } from '../domain';
import type { CandidateFileEntry } from '../projections';
import { AttachDocumentDto, ChooseProgrammeDto, DiplomasDto, ExperienceDto, IdentityDto } from './candidacy.dto';
import { AttachedDocumentSummaryDto, CandidateFileEntryDto, CandidateSpaceDto, FileSummaryDto } from './responses.dto';

const STAFF = ['admissions-officer', 'admin'] as const;
const EDIT_REFUSAL = 'CAND-2: a submitted or withdrawn file cannot be edited';
/** Anything but a UUID v4 is no such file or document: 404 naming the field, as for a missing one. */
const uuidOf = (field: string) =>
  new ParseUUIDPipe({ version: '4', exceptionFactory: () => new NotFoundError(`no such ${field}`, INPUT, field) });
const id = uuidOf('candidacyId');
const documentUuid = uuidOf('documentId');

/**
 * The candidate's file. Writes are the candidate's own; reads are the owner's or staff's. Another
 * candidate's id answers 404 like a missing one (the domain's access rule), never the data.
 */
@ApiTags('candidacies')
@ApiNotFoundResponse({ description: 'No such file, or not yours' })
@Controller('v1/candidacies')
export class CandidaciesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: CandidacyQueries,
    private readonly documents: DocumentContents,
  ) {}

  @Post()
  @Roles('candidate')
  @ApiOperation({ summary: 'Create a file online; it opens your candidate space (CAND-1)' })
  @ApiCreatedResponse({ type: FileSummaryDto, description: 'The new file, with what it still lacks before submission' })
  open(@CurrentActor() actor: Actor): Promise<FileSummary> {
    return this.commands.execute(new OpenCandidacyCommand(actor, randomUUID()));
  }

  @Get()
  @Roles('candidate')
  @ApiOperation({ summary: 'Your files' })
  @ApiOkResponse({ type: [CandidateFileEntryDto] })
  mine(@CurrentActor() actor: Actor): Promise<readonly CandidateFileEntry[]> {
    return this.queries.filesOf(actor);
  }

  @Get(':candidacyId')
  @Roles('candidate', ...STAFF)
  @JournalledRead('candidacyId')
  @ApiOperation({ summary: 'The candidate space: status, explained eligibility, documents, timeline' })
  @ApiOkResponse({ type: CandidateSpaceDto })
  space(@CurrentActor() actor: Actor, @Param('candidacyId', id) candidacyId: string): Promise<CandidateSpaceView> {
    return this.queries.candidateSpace(actor, candidacyId);
  }

  @Put(':candidacyId/identity')
  @Roles('candidate')
  @ApiOperation({ summary: 'Identity and contact, preferred language (FR/EN)' })
  @ApiOkResponse({ type: FileSummaryDto })
  @ApiUnprocessableEntityResponse({ description: EDIT_REFUSAL })
  identity(
    @CurrentActor() actor: Actor,
    @Param('candidacyId', id) candidacyId: string,
    @Body() body: IdentityDto,
  ): Promise<FileSummary> {
    const personal = { ...body.personal, ...(body.personal.address ? { address: { ...body.personal.address } } : {}) };
    const data = { personal, preferredLanguage: body.preferredLanguage };
    return this.commands.execute(new EditCandidacyCommand(actor, candidacyId, { type: 'UpdateIdentity', data }));
  }

  @Put(':candidacyId/diplomas')
  @Roles('candidate')
  @ApiOperation({ summary: 'Replace the diplomas; the eligibility is assessed again and explained (ELIG-1..6)' })
  @ApiOkResponse({ type: FileSummaryDto })
  @ApiUnprocessableEntityResponse({ description: EDIT_REFUSAL })
  diplomas(
    @CurrentActor() actor: Actor,
    @Param('candidacyId', id) candidacyId: string,
    @Body() body: DiplomasDto,
  ): Promise<FileSummary> {
    const diplomas = body.diplomas.map((diploma) => ({ ...diploma }));
    return this.commands.execute(
      new EditCandidacyCommand(actor, candidacyId, { type: 'RecordDiplomas', data: { diplomas } }),
    );
  }

  @Put(':candidacyId/experience')
  @Roles('candidate')
  @ApiOperation({ summary: 'Professional experience in months (ELIG-4: 36 with an M1)' })
  @ApiOkResponse({ type: FileSummaryDto })
  @ApiUnprocessableEntityResponse({ description: EDIT_REFUSAL })
  experience(
    @CurrentActor() actor: Actor,
    @Param('candidacyId', id) candidacyId: string,
    @Body() body: ExperienceDto,
  ): Promise<FileSummary> {
    return this.commands.execute(
      new EditCandidacyCommand(actor, candidacyId, { type: 'RecordExperience', data: { months: body.months } }),
    );
  }

  @Put(':candidacyId/programme')
  @Roles('candidate')
  @ApiOperation({ summary: 'Target programme, while its application window is open (CAND-4)' })
  @ApiOkResponse({ type: FileSummaryDto })
  @ApiUnprocessableEntityResponse({ description: `${EDIT_REFUSAL}; CAND-4: the window is not open` })
  programme(
    @CurrentActor() actor: Actor,
    @Param('candidacyId', id) candidacyId: string,
    @Body() body: ChooseProgrammeDto,
  ): Promise<FileSummary> {
    return this.commands.execute(new ChooseProgrammeCommand(actor, candidacyId, body.programmeCode));
  }

  @Post(':candidacyId/documents')
  @Roles('candidate')
  @UseInterceptors(PdfUploadInterceptor({ ruleId: 'CAND-2', maxBytes: MAX_DOCUMENT_BYTES }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD, 'kind'],
      properties: {
        [UPLOAD_FIELD]: {
          type: 'string',
          format: 'binary',
          description: 'A PDF a reader can open (not encrypted), at most 10 MB; its name is kept as a basename',
        },
        kind: { type: 'string', enum: ['CV', 'MOTIVATION_LETTER', 'TRANSCRIPT', 'OTHER'] },
      },
    },
  })
  @ApiOperation({ summary: 'Attach a PDF (10 MB at most); its SHA-256 is recorded, its content stored apart' })
  @ApiUnprocessableEntityResponse({ description: EDIT_REFUSAL })
  @ApiCreatedResponse({
    type: AttachedDocumentSummaryDto,
    description: 'The document id and checksum, and the file after it',
  })
  @ApiBadRequestResponse({ description: 'CAND-2: no file, not a PDF, encrypted or damaged, or over 10 MB' })
  attach(
    @CurrentActor() actor: Actor,
    @Param('candidacyId', id) candidacyId: string,
    @Body() body: AttachDocumentDto,
    @UploadedFile() file: UploadedPdf | undefined,
  ): Promise<AttachedDocumentSummary> {
    const upload = requireUpload(file, 'CAND-2');
    return this.commands.execute(new AttachDocumentCommand(actor, candidacyId, body.kind, upload));
  }

  @Get(':candidacyId/documents/:documentId/content')
  @Roles('candidate', ...STAFF)
  @JournalledRead('candidacyId')
  @ApiOperation({ summary: 'Download an attached document' })
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  async download(
    @CurrentActor() actor: Actor,
    @Param('candidacyId', id) candidacyId: string,
    @Param('documentId', documentUuid) documentId: string,
  ): Promise<StreamableFile> {
    const document = await this.documents.open(actor, candidacyId, documentId);
    return new StreamableFile(document.content, {
      type: 'application/pdf',
      length: document.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    });
  }

  @Delete(':candidacyId/documents/:documentId')
  @Roles('candidate')
  @ApiOperation({ summary: 'Remove a document from a draft' })
  @ApiOkResponse({ type: FileSummaryDto })
  @ApiUnprocessableEntityResponse({ description: EDIT_REFUSAL })
  remove(
    @CurrentActor() actor: Actor,
    @Param('candidacyId', id) candidacyId: string,
    @Param('documentId', documentUuid) documentId: string,
  ): Promise<FileSummary> {
    return this.commands.execute(
      new EditCandidacyCommand(actor, candidacyId, { type: 'RemoveDocument', data: { documentId } }),
    );
  }

  @Post(':candidacyId/submission')
  @Roles('candidate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a complete file (CAND-2); its position in submission order follows (CAND-3)' })
  @ApiOkResponse({ type: FileSummaryDto })
  @ApiUnprocessableEntityResponse({ description: 'CAND-2 incomplete or ineligible; CAND-4 window closed' })
  submit(@CurrentActor() actor: Actor, @Param('candidacyId', id) candidacyId: string): Promise<FileSummary> {
    return this.commands.execute(new SubmitCandidacyCommand(actor, candidacyId));
  }

  @Post(':candidacyId/withdrawal')
  @Roles('candidate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the file (a submitted file can be withdrawn, not edited)' })
  @ApiOkResponse({ type: FileSummaryDto })
  @ApiUnprocessableEntityResponse({ description: EDIT_REFUSAL })
  withdraw(@CurrentActor() actor: Actor, @Param('candidacyId', id) candidacyId: string): Promise<FileSummary> {
    return this.commands.execute(new EditCandidacyCommand(actor, candidacyId, { type: 'WithdrawCandidacy', data: {} }));
  }
}
