import type { Actor } from '@admissions/domain-kernel';
import { CommandRunner } from '@admissions/event-store';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Language, type RecordStudentContact, studentContactDecider } from '../domain';
import { CommandContext } from './command-context';
import { studentContactStreamId } from './streams';

export class RecordStudentContactCommand extends Command<void> {
  constructor(
    readonly email: string,
    readonly preferredLanguage: Language,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The student's own address and language, published for the notification service's directory. */
@CommandHandler(RecordStudentContactCommand)
export class RecordStudentContactHandler implements ICommandHandler<RecordStudentContactCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly context: CommandContext,
  ) {}

  async execute({ email, preferredLanguage, actor }: RecordStudentContactCommand): Promise<void> {
    const command: RecordStudentContact = {
      type: 'RecordStudentContact',
      data: { studentId: actor.id, email, preferredLanguage },
      metadata: this.context.metadata(actor),
    };
    await this.runner.run(studentContactDecider, studentContactStreamId(actor.id), command, this.context.options());
  }
}
