import { INPUT, NotFoundError, Refusal, type Actor } from '@admissions/domain-kernel';
import { DocumentStorage } from '@admissions/documents';
import { ReadModelWait } from '@admissions/platform';
import { ProjectionRunner } from '@admissions/projections';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { ApplicationOutcome, FiledReferral, ReferralState } from '../domain';
import { candidateApplications } from '../projections/candidate-applications.projection';
import { ProgrammeAdmissionsWriter } from './programme-admissions.writer';
import { ReferralWriter } from './referral.writer';

/** What a referral's writes answer: the referral as it stands after the command, as GET shows it. */
function filed(state: ReferralState): FiledReferral {
  if (state.status === 'NONE') throw new NotFoundError('referral not found', INPUT);
  return state;
}

/**
 * REC-1..3: the candidate refers their case with the reference of the transcript they uploaded; the
 * outcomes are the jury's own (read model).
 */
export class FileReferralCommand extends Command<FiledReferral> {
  constructor(
    readonly actor: Actor,
    readonly transcriptDocumentRef: string | null,
  ) {
    super();
  }
}

/** REC-5/REC-6: a rectorate officer proposes a programme with a free seat, by 31 October. */
export class RecordProposalCommand extends Command<FiledReferral & { proposalId: string }> {
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
export class CompleteProposalsCommand extends Command<FiledReferral> {
  constructor(
    readonly actor: Actor,
    readonly candidateId: string,
  ) {
    super();
  }
}

/** REC-7: the candidate accepts one proposal; the others are declined. */
export class AcceptProposalCommand extends Command<FiledReferral> {
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
    private readonly readModels: ReadModelWait,
    private readonly documents: DocumentStorage,
  ) {}

  async execute({ actor, transcriptDocumentRef }: FileReferralCommand): Promise<FiledReferral> {
    // REC-3: the decider judges whom the storage says the transcript belongs to.
    const transcript =
      transcriptDocumentRef === null
        ? null
        : {
            ref: transcriptDocumentRef,
            ownerId: (await this.documents.describe(transcriptDocumentRef.trim()))?.ownerId ?? null,
          };
    // REC-1 is judged on the answers the jury gave: a rejection just decided must be in the read
    // model, or the filing is refused for want of it (503 when it is not shown in time).
    await this.readModels.untilCaughtUp();
    const document = await this.projections
      .collection(candidateApplications)
      .findOne({ _id: actor.id }, { projection: { applications: 1 } });
    const outcomes: ApplicationOutcome[] = (document?.applications ?? []).map(({ programmeCode, outcome, at }) => ({
      programmeCode,
      outcome,
      at,
    }));
    const { state } = await this.referrals.run(actor, actor.id, {
      type: 'FileReferral',
      data: { referralId: randomUUID(), candidateId: actor.id, outcomes, transcript },
    });
    return filed(state);
  }
}

/**
 * REC-5: the proposal is decided on the referral first (a fourth, a late or a repeated one is
 * refused there without touching any seat), then it holds a seat on the programme for this
 * proposal (refused without a free seat), then it is appended. Refused at the append (a rule
 * that changed meanwhile), the seat is given back at once; a crash or a server away in between
 * is settled by ReferralSeatSettlement from the log, which records the proposal or frees the seat.
 */
@CommandHandler(RecordProposalCommand)
export class RecordProposalHandler implements ICommandHandler<RecordProposalCommand> {
  constructor(
    private readonly referrals: ReferralWriter,
    private readonly programmes: ProgrammeAdmissionsWriter,
  ) {}

  async execute({ actor, candidateId, programmeCode, proposalId }: RecordProposalCommand) {
    const intent = { type: 'RecordProposal', data: { proposalId, programmeCode } } as const;
    const unchanged = (await this.referrals.preview(actor, candidateId, intent)).length === 0;
    const referral = filed(await this.referrals.load(candidateId));
    if (unchanged) return { ...referral, proposalId };
    const { referralId } = referral;
    const held = await this.programmes.run(actor, programmeCode, {
      type: 'HoldReferralSeat',
      data: { referralId, proposal: { proposalId, candidateId } },
    });
    try {
      const { state } = await this.referrals.run(actor, candidateId, intent);
      return { ...filed(state), proposalId };
    } catch (error) {
      // Only a refusal is final (the referral's refusals never turn to acceptance later), and only
      // the seat this request held is its to give back.
      if (error instanceof Refusal && held.events.length > 0) {
        await this.programmes.run(actor, programmeCode, { type: 'ReleaseReferralSeat', data: { referralId } });
      }
      throw error;
    }
  }
}

@CommandHandler(CompleteProposalsCommand)
export class CompleteProposalsHandler implements ICommandHandler<CompleteProposalsCommand> {
  constructor(private readonly referrals: ReferralWriter) {}

  async execute({ actor, candidateId }: CompleteProposalsCommand): Promise<FiledReferral> {
    const { state } = await this.referrals.run(actor, candidateId, { type: 'CompleteProposals', data: {} });
    return filed(state);
  }
}

@CommandHandler(AcceptProposalCommand)
export class AcceptProposalHandler implements ICommandHandler<AcceptProposalCommand> {
  constructor(private readonly referrals: ReferralWriter) {}

  async execute({ actor, proposalId }: AcceptProposalCommand): Promise<FiledReferral> {
    const { state } = await this.referrals.run(actor, actor.id, { type: 'AcceptProposal', data: { proposalId } });
    return filed(state);
  }
}

export const REFERRAL_COMMAND_HANDLERS = [
  FileReferralHandler,
  RecordProposalHandler,
  CompleteProposalsHandler,
  AcceptProposalHandler,
];
