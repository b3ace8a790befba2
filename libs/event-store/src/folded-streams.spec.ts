import { FoldedStreams, type Folded } from './folded-streams';

const at = (version: number): Folded<number> => ({
  state: version,
  version,
  lastCommit: version,
  causations: new Set(),
});

describe('folded streams', () => {
  const decider = {};
  let now = 1_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('keeps a state no longer than the ttl from its first fold, however often it is evolved', () => {
    const folds = new FoldedStreams(10, 30_000);
    folds.set('s', decider, at(1));
    now += 20_000;
    folds.set('s', decider, at(2));
    expect(folds.get('s', decider)?.version).toBe(2);
    now += 10_000;
    expect(folds.get('s', decider)).toBeUndefined();
  });

  it('answers only the decider that folded it, and keeps the later of two versions', () => {
    const folds = new FoldedStreams(10, 30_000);
    folds.set('s', decider, at(3));
    folds.set('s', decider, at(2));
    expect(folds.get('s', decider)?.version).toBe(3);
    expect(folds.get('s', {})).toBeUndefined();
  });

  it('forgets the least recently used beyond its capacity, and all at once when cleared', () => {
    const folds = new FoldedStreams(2, 30_000);
    folds.set('a', decider, at(1));
    folds.set('b', decider, at(1));
    folds.get('a', decider);
    folds.set('c', decider, at(1));
    expect(folds.get('b', decider)).toBeUndefined();
    expect(folds.get('a', decider)).toBeDefined();
    folds.clear();
    expect(folds.get('a', decider)).toBeUndefined();
  });
});
