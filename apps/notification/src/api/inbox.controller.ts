import type { Actor } from '@admissions/domain-kernel';
import { CurrentActor, Roles } from '@admissions/platform';
import { ProjectionRunner } from '@admissions/projections';
import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { MarkInboxItemRead } from '../application/inbox.commands';
import { inbox, type InboxItem } from '../projections';
import { InboxDto } from './inbox.dto';

function toItem({ id, kind, title, body, receivedAt, read, readAt }: InboxItem): InboxItem {
  return { id, kind, title, body, receivedAt, read, readAt };
}

/** JURY-3: the candidate's space shows every message they were sent, by email or not. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('v1/inbox')
@Roles('candidate', 'student')
export class InboxController {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's own inbox, newest message first" })
  @ApiOkResponse({ type: InboxDto })
  async list(@CurrentActor() actor: Actor): Promise<InboxDto> {
    const document = await this.projections.collection(inbox).findOne({ _id: actor.id });
    return { items: (document?.items ?? []).map(toItem), unread: document?.unread ?? 0 };
  }

  @Post(':itemId/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Marks one of the caller’s own inbox items read' })
  @ApiNoContentResponse({ description: 'Read (also when it already was)' })
  @ApiNotFoundResponse({ description: 'No such item in the caller’s inbox' })
  async markRead(@Param('itemId') itemId: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.commands.execute(new MarkInboxItemRead(itemId, actor));
  }
}
