import { Actor, deciderSpec } from '@admissions/domain-kernel';
import {
  leadForSubmission,
  ProgrammeDirectoryCommand,
  programmeDirectoryDecider,
  ProgrammeDirectoryEvent,
} from './programme-directory';

const spec = deciderSpec(programmeDirectoryDecider);
const SYSTEM: Actor = { id: 'system:review', roles: ['admin'] };
const NOW = '2026-03-05T08:00:00.000Z';

const command = <C extends ProgrammeDirectoryCommand>(type: C['type'], data: C['data']): ProgrammeDirectoryCommand =>
  ({ type, data, metadata: { now: new Date(NOW), actor: SYSTEM } }) as ProgrammeDirectoryCommand;
const recordLead = (leadId: string, effectiveAt: string) =>
  command('RecordProgrammeLead', { programmeCode: 'MS-DATA', leadId, effectiveAt });
const leadRecorded = (leadId: string, previousLeadId: string | null, effectiveAt: string): ProgrammeDirectoryEvent => ({
  type: 'ProgrammeLeadRecorded',
  data: { programmeCode: 'MS-DATA', leadId, previousLeadId, effectiveAt, recordedAt: NOW },
});
const tracked = (candidacyId: string): ProgrammeDirectoryEvent => ({
  type: 'ReviewTracked',
  data: { programmeCode: 'MS-DATA', candidacyId, trackedAt: NOW },
});
const fold = (events: ProgrammeDirectoryEvent[]) =>
  events.reduce(programmeDirectoryDecider.evolve, programmeDirectoryDecider.initialState());

const CREATED = '2026-01-10T09:00:00.000Z';
const CHANGED = '2026-03-01T09:00:00.000Z';

describe('Programme directory decider', () => {
  it('REV-1: the lead of a created programme, then a new lead when it changes', () => {
    spec
      .given([])
      .when(recordLead('lead-1', CREATED))
      .then([leadRecorded('lead-1', null, CREATED)]);
    spec
      .given([leadRecorded('lead-1', null, CREATED)])
      .when(recordLead('lead-2', CHANGED))
      .then([leadRecorded('lead-2', 'lead-1', CHANGED)]);
  });

  it('REV-1: a redelivered or older lead changes nothing', () => {
    const history = [leadRecorded('lead-1', null, CREATED), leadRecorded('lead-2', 'lead-1', CHANGED)];
    spec.given(history).when(recordLead('lead-2', CHANGED)).thenNothing();
    spec.given(history).when(recordLead('lead-1', CREATED)).thenNothing();
  });

  it('REV-1: a review is tracked once and untracked when closed', () => {
    spec
      .given([])
      .when(command('TrackReview', { programmeCode: 'MS-DATA', candidacyId: 'c-1' }))
      .then([tracked('c-1')]);
    spec
      .given([tracked('c-1')])
      .when(command('TrackReview', { programmeCode: 'MS-DATA', candidacyId: 'c-1' }))
      .thenNothing();
    expect(
      spec
        .given([tracked('c-1')])
        .when(command('UntrackReview', { programmeCode: 'MS-DATA', candidacyId: 'c-1' }))
        .events()
        .map((e) => e.type),
    ).toEqual(['ReviewUntracked']);
  });

  it('REV-1: a file goes to the lead it names, unless the lead changed after its submission', () => {
    const state = fold([leadRecorded('lead-1', null, CREATED), leadRecorded('lead-2', 'lead-1', CHANGED)]);
    expect(leadForSubmission(state, { leadId: 'lead-1', submittedAt: '2026-02-01T00:00:00.000Z' })).toBe('lead-2');
    expect(leadForSubmission(state, { leadId: 'lead-3', submittedAt: '2026-03-02T00:00:00.000Z' })).toBe('lead-3');
    expect(leadForSubmission(fold([]), { leadId: 'lead-1', submittedAt: CHANGED })).toBe('lead-1');
  });
});
