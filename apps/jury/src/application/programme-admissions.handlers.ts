import type { Actor } from '@admissions/domain-kernel';
import type { StoredEvent } from '@admissions/event-store';
import { Injectable } from '@nestjs/common';
import { Command, CommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { DecisionInput } from '../domain';
import { ProgrammeAdmissionsWriter, type ProgrammeIntent } from './programme-admissions.writer';

/** What a write answers: the events it appended (none for a repeat). */
export interface Appended {
  readonly events: readonly { readonly type: string; readonly data: unknown }[];
}

const appended = (events: readonly StoredEvent[]): Appended => ({
  events: events.map(({ type, data }) => ({ type, data })),
});

abstract class ProgrammeCommand extends Command<Appended> {
  constructor(
    readonly actor: Actor,
    readonly programmeCode: string,
  ) {
    super();
  }
  abstract intent(): ProgrammeIntent;
}

/** JURY-1: a jury member schedules the programme's session of a month (January to July). */
export class ScheduleSessionCommand extends ProgrammeCommand {
  constructor(
    actor: Actor,
    programmeCode: string,
    readonly at: string,
    readonly sessionId: string = randomUUID(),
  ) {
    super(actor, programmeCode);
  }
  intent(): ProgrammeIntent {
    return { type: 'ScheduleSession', data: { sessionId: this.sessionId, at: this.at } };
  }
}

/** JURY-2: one decision for a candidate on the session's agenda. */
export class RecordDecisionCommand extends ProgrammeCommand {
  constructor(
    actor: Actor,
    programmeCode: string,
    readonly sessionId: string,
    readonly decision: DecisionInput,
  ) {
    super(actor, programmeCode);
  }
  intent(): ProgrammeIntent {
    return { type: 'RecordDecision', data: { ...this.decision, sessionId: this.sessionId } };
  }
}

/** JURY-2: the decisions of every undecided candidate of the session, all or nothing. */
export class RecordDecisionsCommand extends ProgrammeCommand {
  constructor(
    actor: Actor,
    programmeCode: string,
    readonly sessionId: string,
    readonly decisions: readonly DecisionInput[],
  ) {
    super(actor, programmeCode);
  }
  intent(): ProgrammeIntent {
    return { type: 'RecordDecisions', data: { sessionId: this.sessionId, decisions: this.decisions } };
  }
}

/** JURY-4: the candidate takes up their offer within its window. */
export class EnrolCommand extends ProgrammeCommand {
  constructor(
    actor: Actor,
    programmeCode: string,
    readonly offerId: string,
  ) {
    super(actor, programmeCode);
  }
  intent(): ProgrammeIntent {
    return { type: 'Enrol', data: { offerId: this.offerId } };
  }
}

/** JURY-5: the candidate declines; the seat goes to the waiting list. */
export class DeclineOfferCommand extends ProgrammeCommand {
  constructor(
    actor: Actor,
    programmeCode: string,
    readonly offerId: string,
  ) {
    super(actor, programmeCode);
  }
  intent(): ProgrammeIntent {
    return { type: 'DeclineOffer', data: { offerId: this.offerId } };
  }
}

@Injectable()
abstract class ProgrammeCommandHandler<C extends ProgrammeCommand> {
  constructor(private readonly writer: ProgrammeAdmissionsWriter) {}

  async execute(command: C): Promise<Appended> {
    const { events } = await this.writer.run(command.actor, command.programmeCode, command.intent());
    return appended(events);
  }
}

@CommandHandler(ScheduleSessionCommand)
export class ScheduleSessionHandler extends ProgrammeCommandHandler<ScheduleSessionCommand> {}

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler extends ProgrammeCommandHandler<RecordDecisionCommand> {}

@CommandHandler(RecordDecisionsCommand)
export class RecordDecisionsHandler extends ProgrammeCommandHandler<RecordDecisionsCommand> {}

@CommandHandler(EnrolCommand)
export class EnrolHandler extends ProgrammeCommandHandler<EnrolCommand> {}

@CommandHandler(DeclineOfferCommand)
export class DeclineOfferHandler extends ProgrammeCommandHandler<DeclineOfferCommand> {}

export const PROGRAMME_COMMAND_HANDLERS = [
  ScheduleSessionHandler,
  RecordDecisionHandler,
  RecordDecisionsHandler,
  EnrolHandler,
  DeclineOfferHandler,
];
