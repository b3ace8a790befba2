// P3: the jury's largest read model (one document per candidate, rm_candidate_applications)
// rebuilt by the ProjectionRunner from the jury's log after P4 and P5, beside the raw cursor +
// insertMany of the same projection (bench/raw-rebuild.ts). Both write to read models of their own
// (the live one keeps serving), and each runs once untimed first, as `npm run bench` does.
import { EventStore } from '@admissions/event-store';
import { ProjectionRunner } from '@admissions/projections';
import {
  candidateApplications,
  type CandidateApplications,
} from '../../apps/jury/src/projections/candidate-applications.projection';
import { rawRebuild } from '../raw-rebuild';
import type { MovedClockJury } from './moved-clock-jury';
import { timed } from './progress';

export interface P3Result {
  readonly events: number;
  readonly documents: number;
  readonly ms: number;
  readonly baselineMs: number;
}

export async function runP3(jury: MovedClockJury): Promise<P3Result> {
  const { db } = jury;
  const ours = { ...candidateApplications, name: 'rm_load_rebuilt_applications' };
  const raw = { ...candidateApplications, name: 'rm_load_raw_applications' };
  // A store of its own, as an operator's rebuild in a new process: nothing of the log in memory.
  const runner = new ProjectionRunner(new EventStore(db), db, [ours]);
  const commits = new EventStore(db).commits;
  const rebuildRaw = () => rawRebuild(commits, db.collection<CandidateApplications>(raw.name), raw);
  await runner.rebuild(ours);
  const events = await rebuildRaw();
  const ms = await timed(() => runner.rebuild(ours));
  const baselineMs = await timed(rebuildRaw);
  const documents = await db.collection(ours.name).countDocuments();
  const rawDocuments = await db.collection(raw.name).countDocuments();
  if (documents !== rawDocuments)
    throw new Error(`P3: ${documents} documents rebuilt, ${rawDocuments} by the raw fold`);
  return { events, documents, ms, baselineMs };
}
