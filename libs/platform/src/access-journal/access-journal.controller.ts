import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AccessJournal, type AccessEntry } from './access-journal';
import { AccessJournalDto, AccessJournalQueryDto } from './access-journal.dto';

@ApiTags('access journal')
@Controller('v1/access-journal')
export class AccessJournalController {
  constructor(private readonly journal: AccessJournal) {}

  @Get()
  @Roles('data-protection-officer')
  @ApiOperation({ summary: "Who on the staff read a candidate's file through this service, and when" })
  @ApiOkResponse({ type: AccessJournalDto })
  async reads(@Query() query: AccessJournalQueryDto): Promise<{ reads: readonly AccessEntry[] }> {
    return { reads: await this.journal.readsOf(query.candidacyId) };
  }
}
