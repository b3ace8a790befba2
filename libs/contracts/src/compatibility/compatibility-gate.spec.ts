import { isoInstant, objectSchema, string, type EventContract } from '../contract';
import { compatibilityProblems, releasePlan } from './compatibility-gate';

const v1 = objectSchema({ candidateId: string, decidedAt: isoInstant });
const admitted: EventContract = { type: 'admissions.decision.admitted', version: 1, schema: v1 };
const releasedV1 = { type: admitted.type, version: 1, schema: v1 };

describe('compatibilityProblems', () => {
  it('passes a public contract whose released version it still honours', () => {
    const compatible = {
      ...admitted,
      schema: objectSchema({ candidateId: string, decidedAt: isoInstant, note: string }, ['candidateId', 'decidedAt']),
    };
    expect(compatibilityProblems([compatible], [releasedV1])).toEqual([]);
  });

  it('fails a breaking change made in place, naming the field', () => {
    const renamed = { ...admitted, schema: objectSchema({ candidateId: string, admittedAt: isoInstant }) };
    expect(compatibilityProblems([renamed], [releasedV1])).toEqual([
      expect.stringMatching(
        /^admissions\.decision\.admitted v1: field 'decidedAt' removed or renamed; raise the version/,
      ),
      expect.stringMatching(/^admissions\.decision\.admitted v1: new required field 'admittedAt'; raise the version/),
    ]);
  });

  it('passes a breaking change made as a new version published beside the released one, once released', () => {
    const v2 = objectSchema({ candidateId: string, admittedAt: isoInstant });
    const raised = { ...admitted, version: 2, schema: v2, previousVersions: [{ version: 1, schema: v1 }] };
    expect(compatibilityProblems([raised], [releasedV1])).toEqual([
      'admissions.decision.admitted v2 is public and not released yet: run npm run contracts:release',
    ]);
    expect(compatibilityProblems([raised], [releasedV1, { type: admitted.type, version: 2, schema: v2 }])).toEqual([]);
  });

  it('fails a raised version that no longer publishes the released one', () => {
    const raised = { ...admitted, version: 2, schema: objectSchema({ candidateId: string }) };
    const released = [releasedV1, { type: admitted.type, version: 2, schema: raised.schema }];
    expect(compatibilityProblems([raised], released)).toEqual([
      expect.stringMatching(/^admissions\.decision\.admitted v1 was released and is no longer published/),
    ]);
  });
});

describe('releasePlan', () => {
  it('writes what is new or compatibly extended, skips what is unchanged, refuses what breaks', () => {
    const first = releasePlan([admitted], []);
    expect(first).toEqual({
      write: [
        {
          type: admitted.type,
          version: 1,
          schema: expect.objectContaining({ title: 'admissions.decision.admitted v1' }),
        },
      ],
      refused: [],
    });
    expect(releasePlan([admitted], first.write)).toEqual({ write: [], refused: [] });
    const breaking = { ...admitted, schema: objectSchema({ candidateId: string }) };
    expect(releasePlan([breaking], first.write)).toEqual({
      write: [],
      refused: ["admissions.decision.admitted v1: field 'decidedAt' removed or renamed"],
    });
  });
});
