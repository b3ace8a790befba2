import type { Actor } from '@admissions/domain-kernel';
import { DocumentStorage } from '@admissions/documents';
import { ProjectionRunner } from '@admissions/projections';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { ApplicationOutcome } from '../domain';
import { candidateApplications } from '../projections/candidate-applications.projection';
import type { Appended } from './programme-admissions.handlers';
import { ProgrammeAdmissionsWriter } from './programme-admissions.writer';
import { ReferralWriter } from './referral.writer';

const appended = (events: readonly { type: string; data: unknown }[]): Appended => ({
  events: events.map(({ type, data }) => ({ type, data })),
});

/**
 * REC-1..3: the candidate refers their case with the reference of the transcript they uploaded; the
 * outcomes are the jury's own (read model).
 */
export class FileReferralCommand extends Command<Appended & { referralId: string }> {
  constructor(
    readonly actor: Actor,
    readonly transcriptDocumentRef: string | null,
  ) {
    super();
  }
}

/** REC-5/REC-6: a rectorate officer proposes a programme with a free seat, by 31 October. */
export class RecordProposalCommand extends Command<Appended & { proposalId: string }> {
  constructor(
    readonly actor: Actor,
    readonly candidateId: string,
    readonly programmeCode: string,
    readonly proposalId: string = randomUUID(),
  ) {
    super();
  }
}

/** REC-5: fewer than three proposals could be found; the answer window opens now. */
export class CompleteProposalsCommand extends Command<Appended> {
  constructor(
    readonly actor: Actor,
    readonly candidateId: string,
  ) {
    super();
  }
}

/** REC-7: the candidate accepts one proposal; the others are declined. */
export class AcceptProposalCommand extends Command<Appended> {
  constructor(
    readonly actor: Actor,
    readonly proposalId: string,
  ) {
    super();
  }
}

@CommandHandler(FileReferralCommand)
export class FileReferralHandler implements ICommandHandler<FileReferralCommand> {
  constructor(
    private readonly referrals: ReferralWriter,
    private readonly projections: ProjectionRunner,
    private readonly documents: DocumentStorage,
  ) {}

  async execute({ actor, transcriptDocumentRef }: FileReferralCommand): Promise<Appended & { referralId: string }> {
    // REC-3: the decider judges whom the storage says the transcript belongs to.
    const transcript =
      transcriptDocumentRef === null
        ? null
        : {
            ref: transcriptDocumentRef,
            ownerId: (await this.documents.describe(transcriptDocumentRef.trim()))?.ownerId ?? null,
          };
    const document = await this.projections
      .collection(candidateApplications)
      .findOne({ _id: actor.id }, { projection: { applications: 1 } });
    const outcomes: ApplicationOutcome[] = (document?.applications ?? []).map(({ programmeCode, outcome, at }) => ({
      programmeCode,
      outcome,
      at,
    }));
    const referralId = randomUUID();
    const { events } = await this.referrals.run(actor, actor.id, {
      type: 'FileReferral',
      data: { referralId, candidateId: actor.id, outcomes, transcript },
    });
    const filed = events.find((event) => event.type === 'ReferralFiled');
    return { ...appended(events), referralId: filed ? referralId : '' };
  }
}

/**
 * REC-5: the proposal is decided on the referral first (a fourth, a late or a repeated one is
 * refused there without touching any seat), then it holds a seat on the programme (refused
 * without a free seat), then it is appended; if that append fails the seat is given back.
 */
@CommandHandler(RecordProposalCommand)
export class RecordProposalHandler implements ICommandHandler<RecordProposalCommand> {
  constructor(
    private readonly referrals: ReferralWriter,
    private readonly programmes: ProgrammeAdmissionsWriter,
  ) {}

  async execute({ actor, candidateId, programmeCode, proposalId }: RecordProposalCommand) {
    const intent = { type: 'RecordProposal', data: { proposalId, programmeCode } } as const;
    if ((await this.referrals.preview(actor, candidateId, intent)).length === 0) return { events: [], proposalId };
    const referral = await this.referrals.load(candidateId);
    if (referral.status === 'NONE') return { events: [], proposalId };
    const { referralId } = referral;
    await this.programmes.run(actor, programmeCode, { type: 'HoldReferralSeat', data: { referralId } });
    try {
      const { events } = await this.referrals.run(actor, candidateId, intent);
      return { ...appended(events), proposalId };
    } catch (error) {
      await this.programmes.run(actor, programmeCode, { type: 'ReleaseReferralSeat', data: { referralId } });
      throw error;
    }
  }
}

@CommandHandler(CompleteProposalsCommand)
export class CompleteProposalsHandler implements ICommandHandler<CompleteProposalsCommand> {
  constructor(private readonly referrals: ReferralWriter) {}

  async execute({ actor, candidateId }: CompleteProposalsCommand): Promise<Appended> {
    const { events } = await this.referrals.run(actor, candidateId, { type: 'CompleteProposals', data: {} });
    return appended(events);
  }
}

@CommandHandler(AcceptProposalCommand)
export class AcceptProposalHandler implements ICommandHandler<AcceptProposalCommand> {
  constructor(private readonly referrals: ReferralWriter) {}

  async execute({ actor, proposalId }: AcceptProposalCommand): Promise<Appended> {
    const { events } = await this.referrals.run(actor, actor.id, { type: 'AcceptProposal', data: { proposalId } });
    return appended(events);
  }
}

export const REFERRAL_COMMAND_HANDLERS = [
  FileReferralHandler,
  RecordProposalHandler,
  CompleteProposalsHandler,
  AcceptProposalHandler,
];
