/**
 * How long BullMQ should hold a job, measured on the injected clock rather than Date.now(): with
 * a ManualClock the real delay of a far deadline is long, and moving the clock promotes the job.
 */
export function delayUntil(dueAt: Date, now: Date): number {
  return Math.max(0, dueAt.getTime() - now.getTime());
}
