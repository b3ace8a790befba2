import type { Actor } from '@admissions/domain-kernel';
import { CommandGateway } from '@admissions/platform';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Language, studentContactDecider } from '../domain';
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
  constructor(private readonly gateway: CommandGateway) {}

  async execute({ email, preferredLanguage, actor }: RecordStudentContactCommand): Promise<void> {
    const data = { studentId: actor.id, email, preferredLanguage };
    await this.gateway.handle(
      studentContactDecider,
      studentContactStreamId(actor.id),
      { type: 'RecordStudentContact', data },
      { actor },
    );
  }
}
