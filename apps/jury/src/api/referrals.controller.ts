import type { Actor } from '@admissions/domain-kernel';
import { PdfUploadInterceptor, requireUpload, UPLOAD_FIELD, type UploadedPdf } from '@admissions/documents';
import { CurrentActor, Roles } from '@admissions/platform';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
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
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { JuryQueries } from '../application/jury.queries';
import {
  AcceptProposalCommand,
  CompleteProposalsCommand,
  FileReferralCommand,
  RecordProposalCommand,
} from '../application/referral.handlers';
import {
  MAX_TRANSCRIPT_BYTES,
  ReferralTranscripts,
  type UploadedTranscript,
} from '../application/referral-transcripts';
import { FileReferralDto, ListReferralsQueryDto, RecordProposalDto, UploadedTranscriptDto } from './referrals.dto';
import { RecordedProposalDto, ReferralDto } from './responses.dto';

/** Recourse to the rectorate (REC-1..7). */
@ApiTags('referrals')
@Controller('v1/referrals')
export class ReferralsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: JuryQueries,
    private readonly transcripts: ReferralTranscripts,
  ) {}

  @Post('me/transcript')
  @Roles('candidate')
  @UseInterceptors(PdfUploadInterceptor({ ruleId: 'REC-3', maxBytes: MAX_TRANSCRIPT_BYTES }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD],
      properties: {
        [UPLOAD_FIELD]: {
          type: 'string',
          format: 'binary',
          description: 'Your bachelor (licence) transcript: a PDF a reader can open (not encrypted), at most 10 MB',
        },
      },
    },
  })
  @ApiOperation({ summary: 'REC-3: upload your bachelor transcript; file the referral with the reference answered' })
  @ApiCreatedResponse({ type: UploadedTranscriptDto })
  @ApiBadRequestResponse({ description: 'REC-3: no file, not a PDF, encrypted or damaged, or over 10 MB' })
  uploadTranscript(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedPdf | undefined,
  ): Promise<UploadedTranscript> {
    return this.transcripts.upload(actor, requireUpload(file, 'REC-3'));
  }

  @Post()
  @Roles('candidate')
  @ApiOperation({
    summary: 'REC-1..3: refer your case (no positive answer; within 15 days of the last negative one; transcript)',
  })
  @ApiCreatedResponse({
    type: ReferralDto,
    description: 'The referral, filed and registered (REC-4: the acknowledgement email follows)',
  })
  @ApiBadRequestResponse({ description: 'REC-3: no transcript, or a reference you did not upload' })
  @ApiUnprocessableEntityResponse({ description: 'A positive or pending answer (REC-1), or too late (REC-2)' })
  @ApiServiceUnavailableResponse({
    description:
      "A server is away, or the jury's read models have not shown its latest answers within 5 s " +
      '(`urn:admissions:problem:not-yet-consistent`): REC-1 is not judged on answers it may lack; retry after `Retry-After`',
  })
  file(@CurrentActor() actor: Actor, @Body() body: FileReferralDto) {
    return this.commands.execute(new FileReferralCommand(actor, body.transcriptDocumentRef ?? null));
  }

  @Get()
  @Roles('rectorate-officer', 'admin')
  @ApiOperation({
    summary: "The rectorate's queue: the referrals in one status (FILED by default), oldest filed first",
  })
  @ApiOkResponse({ type: [ReferralDto] })
  list(@Query() query: ListReferralsQueryDto) {
    return this.queries.referralsIn(query.status ?? 'FILED');
  }

  @Get('me')
  @Roles('candidate')
  @ApiOperation({ summary: 'Your referral: acknowledgement, proposals, answer window' })
  @ApiOkResponse({ type: ReferralDto })
  @ApiNotFoundResponse({ description: 'No referral filed' })
  mine(@CurrentActor() actor: Actor) {
    return this.queries.referral(actor, actor.id);
  }

  @Post('me/proposals/:proposalId/acceptance')
  @HttpCode(200)
  @Roles('candidate')
  @ApiOperation({ summary: 'REC-7: accept one proposal within 15 days; the others are declined' })
  @ApiOkResponse({ type: ReferralDto, description: 'The referral, ACCEPTED' })
  @ApiUnprocessableEntityResponse({ description: 'No such proposal, or the answer window is over (REC-7)' })
  accept(@CurrentActor() actor: Actor, @Param('proposalId') proposalId: string) {
    return this.commands.execute(new AcceptProposalCommand(actor, proposalId));
  }

  @Get(':candidateId')
  @Roles('rectorate-officer', 'admin')
  @ApiOperation({ summary: "A candidate's referral" })
  @ApiOkResponse({ type: ReferralDto })
  referral(@CurrentActor() actor: Actor, @Param('candidateId') candidateId: string) {
    return this.queries.referral(actor, candidateId);
  }

  @Get(':candidateId/transcript')
  @Roles('rectorate-officer', 'admin')
  @ApiOperation({ summary: "REC-3: download the bachelor transcript of a candidate's referral" })
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiNotFoundResponse({ description: 'No referral, or no transcript stored for it' })
  async transcript(@Param('candidateId') candidateId: string): Promise<StreamableFile> {
    const transcript = await this.transcripts.open(candidateId);
    return new StreamableFile(transcript.content, {
      type: 'application/pdf',
      length: transcript.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(transcript.fileName)}`,
    });
  }

  @Post(':candidateId/proposals')
  @Roles('rectorate-officer', 'admin')
  @ApiOperation({ summary: 'REC-5/REC-6: propose a programme with a free seat (holds it), at most 3, by 31 October' })
  @ApiCreatedResponse({ type: RecordedProposalDto, description: 'The referral with the proposal, and its id' })
  @ApiUnprocessableEntityResponse({ description: 'No free seat, three proposals already, or after 31 October' })
  async propose(
    @CurrentActor() actor: Actor,
    @Param('candidateId') candidateId: string,
    @Body() body: RecordProposalDto,
  ) {
    return this.commands.execute(new RecordProposalCommand(actor, candidateId, body.programmeCode));
  }

  @Post(':candidateId/proposals/complete')
  @HttpCode(200)
  @Roles('rectorate-officer', 'admin')
  @ApiOperation({ summary: 'REC-5: send fewer than three proposals; the 15-day answer window opens' })
  @ApiOkResponse({ type: ReferralDto, description: 'The referral, AWAITING_ANSWER' })
  complete(@CurrentActor() actor: Actor, @Param('candidateId') candidateId: string) {
    return this.commands.execute(new CompleteProposalsCommand(actor, candidateId));
  }
}
