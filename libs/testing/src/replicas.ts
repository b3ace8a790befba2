// Two or more instances of one service on the same servers, as a Deployment with `replicas: N`
// runs them, and the checks that tell whether they share the work without doing any of it twice.
import { EventStore, Lease, LOG_START, type LogCursor } from '@admissions/event-store';
import { KafkaTopicReader } from '@admissions/messaging';
import { type Db, type DeploymentNames, eventTopicOf, METRICS_REGISTRY, MONGO_DB } from '@admissions/platform';
import { type Projection, ProjectionRunner } from '@admissions/projections';
import { Kafka, logLevel } from 'kafkajs';
import type { Registry } from 'prom-client';
import { eventually, uniqueName } from './eventually';
import type { ServiceUnderTest } from './service-under-test';
import { testEnv } from './test-env';

/** The settings the replicas of one deployment share: its namespace (topics, groups, queues) and its database. */
export function oneDeployment(service: string): Record<string, string> {
  return { DEPLOYMENT_NAMESPACE: uniqueName(service), MONGO_DB: uniqueName(`test_${service}`) };
}

/** A metric of one instance, summed over its series whose labels match `labels`. */
export async function metricOf(svc: ServiceUnderTest, name: string, labels: Record<string, string> = {}) {
  const registry = svc.app.get<Registry>(METRICS_REGISTRY);
  const values = (await registry.getSingleMetric(name)?.get())?.values ?? [];
  return values
    .filter((value) => Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted))
    .reduce((sum, { value }) => sum + value, 0);
}

/** The instances that hold the service's lease: the one that sequences, relays, projects and reacts. */
export function leaseHolders(replicas: readonly ServiceUnderTest[]): ServiceUnderTest[] {
  return replicas.filter((replica) => replica.app.get(Lease).held);
}

/** Waits until one instance holds the lease (a successor takes it over within a renewal). */
export function leaseHolder(replicas: readonly ServiceUnderTest[], timeoutMs = 30_000): Promise<ServiceUnderTest> {
  return eventually(async () => {
    const holders = leaseHolders(replicas);
    return holders.length === 1 ? holders[0] : undefined;
  }, timeoutMs);
}

/**
 * Waits until every commit is logged, the relay has published the whole log and each read model
 * has folded it; answers the log's head. Read from the database, so any replica may be asked.
 */
export function logSettled(
  svc: ServiceUnderTest,
  service: string,
  projections: readonly Projection[],
  timeoutMs = 60_000,
): Promise<LogCursor> {
  return storeSettled(svc.app.get(EventStore), svc.app.get<Db>(MONGO_DB), service, projections, timeoutMs);
}

/** logSettled on a service's store and database, whichever process (or none) runs it. */
export async function storeSettled(
  store: EventStore,
  db: Db,
  service: string,
  projections: readonly Projection[],
  timeoutMs = 60_000,
): Promise<LogCursor> {
  const positionOf = async (collection: string, reader: string) =>
    (await db.collection<{ _id: string; position: number }>(collection).findOne({ _id: reader }))?.position ?? 0;
  return eventually(async () => {
    if ((await store.outbox.countDocuments({})) > 0) return undefined;
    const head = await store.logHead();
    const readers = await Promise.all([
      positionOf('es_relay_checkpoints', eventTopicOf(service)),
      ...projections.map((projection) => positionOf('projection_checkpoints', projection.name)),
    ]);
    return readers.every((position) => position === head.position) ? head : undefined;
  }, timeoutMs);
}

export interface RelayAudit {
  /** Events in the log. */
  readonly logged: number;
  /** Logged events not on the topic. */
  readonly missing: readonly string[];
  /** ce_ids on the topic more than once. */
  readonly duplicated: readonly string[];
  /** ce_ids on the topic that are not in the log. */
  readonly unknown: readonly string[];
}

/**
 * Compares the service's log with its events topic read to the end: once the log has settled,
 * each logged event is expected there exactly once (by ce_id), whichever replica relayed it.
 */
export function relayAudit(svc: ServiceUnderTest, service: string): Promise<RelayAudit> {
  return storeRelayAudit(svc.app.get(EventStore), svc.names, service);
}

/** relayAudit on a service's store and the deployment's topics, whichever process (or none) runs it. */
export async function storeRelayAudit(store: EventStore, names: DeploymentNames, service: string): Promise<RelayAudit> {
  const { events } = await store.readLog(LOG_START, Number.MAX_SAFE_INTEGER);
  const logged = new Set(events.map((event) => event.metadata.eventId));
  const copies = new Map<string, number>();
  const kafka = new Kafka({ clientId: 'relay-audit', brokers: testEnv().kafkaBrokers, logLevel: logLevel.NOTHING });
  await new KafkaTopicReader(kafka, names.kafka).readToEnd(eventTopicOf(service), {
    onMessage: ({ headers }) => copies.set(headers.ce_id, (copies.get(headers.ce_id) ?? 0) + 1),
  });
  return {
    logged: logged.size,
    missing: [...logged].filter((id) => !copies.has(id)),
    duplicated: [...copies].filter(([, count]) => count > 1).map(([id]) => id),
    unknown: [...copies.keys()].filter((id) => !logged.has(id)),
  };
}

/**
 * The read models whose documents differ from the same projection folded again from the whole
 * log into a scratch database: a model folded twice by two replicas (a counter doubled, an item
 * listed twice) differs. Call once the log has settled.
 */
export function readModelsUnlikeRebuild(svc: ServiceUnderTest, projections: readonly Projection[]): Promise<string[]> {
  return storeModelsUnlikeRebuild(svc.app.get(EventStore), svc.app.get<Db>(MONGO_DB), projections);
}

/** readModelsUnlikeRebuild on a service's store and database, whichever process (or none) runs it. */
export async function storeModelsUnlikeRebuild(
  store: EventStore,
  db: Db,
  projections: readonly Projection[],
): Promise<string[]> {
  const live = new ProjectionRunner(store, db, projections);
  const scratch = db.client.db(uniqueName('test_rebuild'));
  const rebuilt = new ProjectionRunner(store, scratch, projections);
  const unlike: string[] = [];
  try {
    for (const projection of projections) {
      await rebuilt.rebuild(projection);
      if ((await rebuilt.digest(projection)) !== (await live.digest(projection))) unlike.push(projection.name);
    }
  } finally {
    await scratch.dropDatabase();
  }
  return unlike;
}

export interface DeploymentCheck {
  readonly leaseHolders: number;
  /** Instances whose relay published anything: one, when the lease kept the others out. */
  readonly replicasThatPublished: number;
  readonly relay: RelayAudit;
  readonly readModelsUnlikeRebuild: readonly string[];
}

/** What every settled deployment shows, whatever happened to its instances on the way. */
export const SETTLED_DEPLOYMENT = {
  leaseHolders: 1,
  relay: { missing: [], duplicated: [], unknown: [] },
  readModelsUnlikeRebuild: [],
} as const;

/**
 * Waits until the deployment's log has settled, then checks it as a whole: who holds the lease,
 * which instances relayed, the topic against the log, the read models against a rebuild.
 */
export async function settledDeployment(
  replicas: readonly ServiceUnderTest[],
  service: string,
  projections: readonly Projection[],
): Promise<DeploymentCheck> {
  const holders = leaseHolders(replicas);
  const checked = holders[0] ?? replicas[0];
  await logSettled(checked, service, projections);
  const published = await Promise.all(replicas.map((replica) => metricOf(replica, 'outbox_published_events_total')));
  return {
    leaseHolders: holders.length,
    replicasThatPublished: published.filter((count) => count > 0).length,
    relay: await relayAudit(checked, service),
    readModelsUnlikeRebuild: await readModelsUnlikeRebuild(checked, projections),
  };
}
