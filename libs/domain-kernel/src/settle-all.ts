/**
 * Waits for every promise, then answers their values or throws the first failure (in their
 * order). Unlike Promise.all, nothing is still running once it throws: a retry of the work never
 * overlaps what is left of it.
 */
export async function settleAll<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const outcomes = await Promise.allSettled(promises);
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}
