import { Lease } from '@admissions/event-store';
import { hostname } from 'node:os';
import { EVENT_LOG_LEASE } from '../event-sourcing/event-sourcing.module';
import type { OperatorJobContext } from './operator-job';

/**
 * Runs `work` as the holder of the service's event-log lease, taken over from a running replica
 * if need be: meanwhile the service goes on taking commands, but its sequencer, outbox relay,
 * projections and reactions pause, so a job never folds or publishes beside them. A displaced
 * holder stops within a renewal; its round in flight gets a lease period to end. The lease is
 * released at the end, and a replica takes it again and goes on from its checkpoints.
 */
export async function withServiceLease<T>(context: OperatorJobContext, work: (lease: Lease) => Promise<T>): Promise<T> {
  const lease = new Lease(context.db, EVENT_LOG_LEASE, `ops-${hostname()}-${process.pid}`);
  const displaced = await lease.takeOver();
  lease.keep();
  try {
    if (displaced) {
      context.progress(
        `took the event-log lease over from the running service; waiting ${lease.ttlMs / 1000} s for its workers to stop`,
      );
      await new Promise((resolve) => setTimeout(resolve, lease.ttlMs));
    }
    const result = await work(lease);
    if (!(await lease.isCurrent())) throw new Error('the event-log lease was taken back during the job: run it again');
    return result;
  } finally {
    await lease.release();
  }
}
