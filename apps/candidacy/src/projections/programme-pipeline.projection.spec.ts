import type { StoredEvent } from '@admissions/event-store';
import { AT, CANDIDACY_ID, completeDraft, programmeChosen, submitted } from '../domain/candidacy/candidacy.fixtures';
import type { CandidacyEvent } from '../domain';
import { candidateSpace } from './candidate-space.projection';
import { type PipelineDocument, programmePipeline } from './programme-pipeline.projection';

let position = 0;
const stored = (event: CandidacyEvent): StoredEvent =>
  ({
    type: event.type,
    data: event.data,
    metadata: { eventId: `e${++position}`, streamId: `candidacy-${CANDIDACY_ID}`, version: position, occurredAt: AT },
  }) as unknown as StoredEvent;

/** Folds events into a projection's documents the way the runner does, by document id. */
function fold<D extends { _id: string }>(
  projection: {
    handles: readonly string[];
    documentsOf(e: StoredEvent): readonly string[];
    evolve(d: D | null, e: StoredEvent, id: string): D;
  },
  events: readonly CandidacyEvent[],
): Map<string, D> {
  const documents = new Map<string, D>();
  for (const event of events.map(stored).filter((e) => projection.handles.includes(e.type))) {
    for (const id of projection.documentsOf(event))
      documents.set(id, projection.evolve(documents.get(id) ?? null, event, id));
  }
  return documents;
}

describe('staff pipeline read model', () => {
  it('CAND-3: counts by status and lists submitted files by rank', () => {
    const ranked: CandidacyEvent = {
      type: 'SubmissionRanked',
      data: { candidacyId: CANDIDACY_ID, programmeCode: 'MS-CYBER', rank: 4, rankedAt: AT },
    };
    const pipeline = fold<PipelineDocument>(programmePipeline, [...completeDraft, submitted, ranked]).get('MS-CYBER');
    expect(pipeline?.counts).toEqual({ DRAFT: 0, SUBMITTED: 1, WITHDRAWN: 0 });
    expect(pipeline?.submitted).toEqual([
      expect.objectContaining({
        candidacyId: CANDIDACY_ID,
        rank: 4,
        candidateName: 'Marie Curie',
        eligibility: 'ELIGIBLE',
      }),
    ]);
  });

  it('a draft that moves to another programme leaves the first one', () => {
    const moved: CandidacyEvent = {
      type: 'ProgrammeChosen',
      data: { candidacyId: CANDIDACY_ID, programmeCode: 'MS-DATA', previousProgrammeCode: 'MS-CYBER', chosenAt: AT },
    };
    const documents = fold<PipelineDocument>(programmePipeline, [programmeChosen, moved]);
    expect(documents.get('MS-CYBER')?.counts).toEqual({ DRAFT: 0, SUBMITTED: 0, WITHDRAWN: 0 });
    expect(documents.get('MS-DATA')?.counts).toEqual({ DRAFT: 1, SUBMITTED: 0, WITHDRAWN: 0 });
  });

  it('a withdrawn submission leaves the ordered list and counts as withdrawn', () => {
    const withdrawn: CandidacyEvent = {
      type: 'CandidacyWithdrawn',
      data: {
        candidacyId: CANDIDACY_ID,
        candidateId: 'cand-1',
        previousStatus: 'SUBMITTED',
        programmeCode: 'MS-CYBER',
        withdrawnAt: AT,
      },
    };
    const pipeline = fold<PipelineDocument>(programmePipeline, [...completeDraft, submitted, withdrawn]).get(
      'MS-CYBER',
    );
    expect(pipeline?.counts).toEqual({ DRAFT: 0, SUBMITTED: 0, WITHDRAWN: 1 });
    expect(pipeline?.submitted).toEqual([]);
  });
});

describe('candidate space read model', () => {
  it('CAND-1 CAND-2: folds the file with the domain evolve, says what is missing, and keeps a timeline', () => {
    const [opened, ...rest] = completeDraft;
    const early = fold(candidateSpace, [opened]).get(CANDIDACY_ID);
    expect(early?.missing).toEqual(expect.arrayContaining(['personal', 'diplomas', 'programmeCode', 'documents.CV']));
    const space = fold(candidateSpace, [opened, ...rest, submitted]).get(CANDIDACY_ID);
    expect(space?.file.status).toBe('SUBMITTED');
    expect(space?.missing).toEqual([]);
    expect(space?.timeline.map((entry) => entry.type)).toEqual(
      [...completeDraft, submitted].map((event) => event.type),
    );
    expect(JSON.stringify(space?.timeline)).not.toContain('marie.curie@example.org');
  });
});
