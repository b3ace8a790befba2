import type { CommitProgress } from '@admissions/event-store';
import { ValidationError } from '@admissions/domain-kernel';
import { type FoldProgress, waitUntilFolded } from './fold-wait';

/** A store and read models that move as the test says, on a clock the waits advance. */
function world(commits: Record<string, CommitProgress>, head: number, folded: number) {
  let now = 0;
  const state = { commits, head, folded, lookups: 0 };
  const progress: FoldProgress = {
    commitProgress: async (id) => {
      state.lookups += 1;
      return state.commits[id] ?? 'unknown';
    },
    logHead: async () => state.head,
    foldedThrough: async () => state.folded,
  };
  const options = {
    boundMs: 5000,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
  return { state, progress, options, elapsed: () => now };
}

describe('waitUntilFolded (read-your-writes)', () => {
  it('answers at once when the commits are logged and every read model has folded the head', async () => {
    const { progress, options, elapsed } = world({ 'a@1': 'logged', 'b@4': 'logged' }, 7, 7);
    await expect(waitUntilFolded(['a@1', 'b@4'], progress, options)).resolves.toBe(true);
    expect(elapsed()).toBe(0);
  });

  it('waits for the sequencer to log the commit, then for the read models to reach the head as it was then', async () => {
    const w = world({ 'a@1': 'appended' }, 3, 2);
    const sleep = w.options.sleep;
    let naps = 0;
    w.options.sleep = async (ms: number) => {
      naps += 1;
      if (naps === 2) Object.assign(w.state, { commits: { 'a@1': 'logged' }, head: 4 });
      if (naps === 4) w.state.folded = 4;
      await sleep(ms);
    };
    await expect(waitUntilFolded(['a@1'], w.progress, w.options)).resolves.toBe(true);
    expect(naps).toBe(4);
  });

  it('gives up at the bound when the read models lag (the API answers 503)', async () => {
    const { progress, options, elapsed } = world({ 'a@1': 'logged' }, 9, 8);
    await expect(waitUntilFolded(['a@1'], progress, options)).resolves.toBe(false);
    expect(elapsed()).toBe(5000);
  });

  it('gives up at the bound when the commit is never logged', async () => {
    const { progress, options, elapsed } = world({ 'a@1': 'appended' }, 9, 9);
    await expect(waitUntilFolded(['a@1'], progress, options)).resolves.toBe(false);
    expect(elapsed()).toBe(5000);
  });

  it('refuses at once a commit the store does not have: another deployment, or beyond a stream end (400)', async () => {
    const { progress, options, elapsed } = world({ 'a@1': 'logged' }, 1, 1);
    await expect(waitUntilFolded(['a@1', 'a@2'], progress, options)).rejects.toBeInstanceOf(ValidationError);
    expect(elapsed()).toBe(0);
  });

  it('answers false at the bound even when a read hangs (a server away)', async () => {
    const hanging: FoldProgress = {
      commitProgress: () => new Promise(() => undefined),
      logHead: async () => 0,
      foldedThrough: async () => 0,
    };
    const started = Date.now();
    await expect(waitUntilFolded(['a@1'], hanging, { boundMs: 100 })).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
