import { assertNever, Command, Decider, DomainEvent, ValidationError } from '@admissions/domain-kernel';

/**
 * REV-1 on the review side: who leads each programme, and which reviews follow that lead
 * (stream `programme-<code>`). Recording a lead and tracking a review are serialised on this one
 * stream, so a review opened while the lead changes is either tracked before the change (and
 * reassigned by it) or sees the new lead when it is tracked.
 */
export interface ProgrammeLead {
  readonly leadId: string;
  /** When the candidacy service made this person the lead. */
  readonly since: string;
}

export type RecordProgrammeLead = Command<
  'RecordProgrammeLead',
  { readonly programmeCode: string; readonly leadId: string; readonly effectiveAt: string }
>;
export type TrackReview = Command<'TrackReview', { readonly programmeCode: string; readonly candidacyId: string }>;
export type UntrackReview = Command<'UntrackReview', { readonly programmeCode: string; readonly candidacyId: string }>;
export type ProgrammeDirectoryCommand = RecordProgrammeLead | TrackReview | UntrackReview;

export type ProgrammeLeadRecorded = DomainEvent<
  'ProgrammeLeadRecorded',
  {
    readonly programmeCode: string;
    readonly leadId: string;
    readonly previousLeadId: string | null;
    readonly effectiveAt: string;
    readonly recordedAt: string;
  }
>;
export type ReviewTracked = DomainEvent<
  'ReviewTracked',
  { readonly programmeCode: string; readonly candidacyId: string; readonly trackedAt: string }
>;
export type ReviewUntracked = DomainEvent<
  'ReviewUntracked',
  { readonly programmeCode: string; readonly candidacyId: string; readonly untrackedAt: string }
>;
export type ProgrammeDirectoryEvent = ProgrammeLeadRecorded | ReviewTracked | ReviewUntracked;

export interface ProgrammeDirectoryState {
  readonly lead: ProgrammeLead | null;
  /** The reviews of the programme that are not closed, in the order they were tracked. */
  readonly reviews: readonly string[];
}

export const initialProgrammeDirectoryState = (): ProgrammeDirectoryState => ({ lead: null, reviews: [] });

export function decideProgrammeDirectory(
  command: ProgrammeDirectoryCommand,
  state: ProgrammeDirectoryState,
): ProgrammeDirectoryEvent[] {
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'RecordProgrammeLead': {
      const { programmeCode, leadId, effectiveAt } = command.data;
      if (leadId.trim() === '') throw new ValidationError('leadId is required', 'REV-1', 'leadId');
      if (Number.isNaN(Date.parse(effectiveAt))) throw new ValidationError('effectiveAt is not an instant', 'REV-1');
      // An older or repeated fact (a redelivery, events of the programme replayed) changes nothing.
      if (state.lead && Date.parse(state.lead.since) >= Date.parse(effectiveAt)) return [];
      if (state.lead?.leadId === leadId) return [];
      const previousLeadId = state.lead?.leadId ?? null;
      return [
        { type: 'ProgrammeLeadRecorded', data: { programmeCode, leadId, previousLeadId, effectiveAt, recordedAt: at } },
      ];
    }
    case 'TrackReview': {
      const { programmeCode, candidacyId } = command.data;
      if (state.reviews.includes(candidacyId)) return [];
      return [{ type: 'ReviewTracked', data: { programmeCode, candidacyId, trackedAt: at } }];
    }
    case 'UntrackReview': {
      const { programmeCode, candidacyId } = command.data;
      if (!state.reviews.includes(candidacyId)) return [];
      return [{ type: 'ReviewUntracked', data: { programmeCode, candidacyId, untrackedAt: at } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolveProgrammeDirectory(
  state: ProgrammeDirectoryState,
  event: ProgrammeDirectoryEvent,
): ProgrammeDirectoryState {
  switch (event.type) {
    case 'ProgrammeLeadRecorded':
      return { ...state, lead: { leadId: event.data.leadId, since: event.data.effectiveAt } };
    case 'ReviewTracked':
      return { ...state, reviews: [...state.reviews, event.data.candidacyId] };
    case 'ReviewUntracked':
      return { ...state, reviews: state.reviews.filter((id) => id !== event.data.candidacyId) };
    default:
      return assertNever(event);
  }
}

export const programmeDirectoryDecider: Decider<
  ProgrammeDirectoryCommand,
  ProgrammeDirectoryEvent,
  ProgrammeDirectoryState
> = {
  initialState: initialProgrammeDirectoryState,
  decide: decideProgrammeDirectory,
  evolve: evolveProgrammeDirectory,
};

/**
 * REV-1: the lead a file goes to. The file names the lead at its submission; a lead recorded
 * here since then (a later change) wins; an older record says nothing newer than the file.
 */
export function leadForSubmission(
  state: ProgrammeDirectoryState,
  submission: { readonly leadId: string; readonly submittedAt: string },
): string {
  const { lead } = state;
  return lead && Date.parse(lead.since) > Date.parse(submission.submittedAt) ? lead.leadId : submission.leadId;
}

export const programmeStreamId = (programmeCode: string): string => `programme-${programmeCode}`;
