/**
 * How long one step of a service's stop may take. The pod has 40 s between SIGTERM and SIGKILL
 * (`shutdown.terminationGracePeriodSeconds` less `preStopSeconds`), shared by HTTP's drain and a
 * handful of steps that rarely take more than a second or two.
 */
export const SHUTDOWN_STEP_MS = 8_000;

export type ShutdownOutcome = 'done' | 'failed' | 'late';

/**
 * Waits for one step of a stop, at most `boundMs`. A client that does not close (a Kafka consumer
 * caught between rejoins, a job that does not end) is named in a warning and left behind, so that
 * the steps after it still run and the process ends on its own rather than at SIGKILL. A failure
 * is warned about too: a stop goes on whatever one step does.
 */
export async function shutdownStep(
  name: string,
  step: () => Promise<unknown>,
  warn: (message: string) => void,
  boundMs = SHUTDOWN_STEP_MS,
): Promise<ShutdownOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ShutdownOutcome>((resolve) => {
    timer = setTimeout(() => resolve('late'), boundMs);
  });
  const ran = Promise.resolve()
    .then(step)
    .then(
      (): ShutdownOutcome => 'done',
      (error: unknown): ShutdownOutcome => {
        warn(`stopping ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        return 'failed';
      },
    );
  const outcome = await Promise.race([ran, late]);
  clearTimeout(timer);
  if (outcome === 'late') warn(`stopping ${name} took more than ${boundMs} ms: going on without it`);
  return outcome;
}
