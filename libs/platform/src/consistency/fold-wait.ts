import { INPUT, ValidationError } from '@admissions/domain-kernel';
import type { CommitProgress } from '@admissions/event-store';
import { CONSISTENCY_HEADER } from './consistency-token';

/** What the wait reads of the store and the read models. */
export interface FoldProgress {
  commitProgress(commitId: string): Promise<CommitProgress>;
  /** The last batch of the log. */
  logHead(): Promise<number>;
  /** The last batch every read model has folded. */
  foldedThrough(): Promise<number>;
}

export interface FoldWaitOptions {
  /** How long a query may wait (the bound of the answer). */
  readonly boundMs: number;
  readonly firstPollMs?: number;
  readonly maxPollMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const sleeping = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every read model has folded the commits: each is logged (its outbox entry gone),
 * then the read models' checkpoints reach the log's head as it stood at that moment, which holds
 * every one of them. Answers false when the bound passes first; a commit this store does not
 * have (another deployment's, or beyond a stream's end) is refused at once, as it will never come.
 */
export function waitUntilFolded(
  commitIds: readonly string[],
  progress: FoldProgress,
  options: FoldWaitOptions,
): Promise<boolean> {
  // A read that hangs (a server away) must not hold the answer past the bound either.
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), options.boundMs);
    timer.unref();
  });
  return Promise.race([waitFor(commitIds, progress, options), bound]).finally(() => clearTimeout(timer));
}

async function waitFor(
  commitIds: readonly string[],
  progress: FoldProgress,
  options: FoldWaitOptions,
): Promise<boolean> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleeping;
  const end = now() + options.boundMs;
  let pollMs = options.firstPollMs ?? 10;
  const pause = async (): Promise<boolean> => {
    const left = end - now();
    if (left <= 0) return false;
    await sleep(Math.min(pollMs, left));
    pollMs = Math.min(pollMs * 2, options.maxPollMs ?? 200);
    return true;
  };

  let pending = [...commitIds];
  for (;;) {
    const progressed = await Promise.all(pending.map((id) => progress.commitProgress(id)));
    if (progressed.includes('unknown')) {
      throw new ValidationError(
        `${CONSISTENCY_HEADER} names a write this service never stored (another deployment's, or beyond a stream's end)`,
        INPUT,
        CONSISTENCY_HEADER,
      );
    }
    pending = pending.filter((_, index) => progressed[index] === 'appended');
    if (pending.length === 0) break;
    if (!(await pause())) return false;
  }
  const head = await progress.logHead();
  for (;;) {
    if ((await progress.foldedThrough()) >= head) return true;
    if (!(await pause())) return false;
  }
}
