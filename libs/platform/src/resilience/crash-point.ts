/** Names the point where a crash test kills the process (ADMISSIONS_CRASH_AT); unset in production. */
export const CRASH_AT_VARIABLE = 'ADMISSIONS_CRASH_AT';

/**
 * Fault injection for the crash tests: the process dies here at once, as a SIGKILL would kill it,
 * when ADMISSIONS_CRASH_AT names this point. Never outside development and test.
 */
export function crashPoint(name: string): void {
  if (process.env[CRASH_AT_VARIABLE] !== name || process.env.NODE_ENV === 'production') return;
  process.kill(process.pid, 'SIGKILL');
}
