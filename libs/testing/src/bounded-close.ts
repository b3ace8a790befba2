import { shutdownStep } from '@admissions/platform';

/**
 * Well under jest's hook timeout (300 s) even for a file that closes several services and a
 * browser: a close that hangs is named on stderr and left behind (jest's --forceExit ends what
 * it left), instead of failing a file whose tests all passed with no word of what hung.
 */
export const TEST_CLOSE_MS = 30_000;

/** Closes one thing a test started, waiting at most TEST_CLOSE_MS. */
export async function closeWithin(name: string, close: () => Promise<unknown>, boundMs = TEST_CLOSE_MS): Promise<void> {
  await shutdownStep(name, close, (message) => process.stderr.write(`test teardown: ${message}\n`), boundMs);
}
