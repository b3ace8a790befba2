/** Seconds a client waits before asking again: read models usually catch up within one. */
export const NOT_YET_FOLDED_RETRY_SECONDS = 1;

/** A query's read models did not show the write its token names within the bound (503). */
export class NotYetFoldedError extends Error {
  override readonly name = 'NotYetFoldedError';
}
