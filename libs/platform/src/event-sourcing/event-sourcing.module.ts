import { ContractRegistry, type EventContract } from '@admissions/contracts';
import {
  CommandRunner,
  EventStore,
  Lease,
  LogReactions,
  LogSequencer,
  LogWorkers,
  Upcasters,
  type Upcaster,
} from '@admissions/event-store';
import { KafkaPublisher, KafkaSubscriber, KafkaTopicAdmin, OutboxRelay } from '@admissions/messaging';
import { ProjectionRunner, type Projection } from '@admissions/projections';
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Registry } from 'prom-client';
import type { Db } from '../connections/mongo-database';
import { DeploymentNames } from '../config/deployment-names';
import { StartupSteps } from '../resilience/startup-steps';
import { KAFKA, METRICS_REGISTRY, MONGO_DB } from '../tokens';
import { EventSourcingMetrics, registerBacklogGauge } from './event-sourcing.metrics';
import { EventSubscriptions } from './event-subscriptions';
import { eventTopicOf } from './topics';

export interface EventSourcingOptions {
  readonly service: string;
  /** Every event type the service writes or reads, with its schema. */
  readonly contracts: readonly EventContract[];
  readonly projections?: readonly Projection[];
  readonly upcasters?: readonly Upcaster[];
  /** Topics the service publishes to besides its own (created at start, so subscribers never race them). */
  readonly publishes?: readonly string[];
}

const OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');

/**
 * Starts the relay, projections and consumers once the app is up, each retried in the background
 * until its servers answer; stops them before the clients close.
 */
@Injectable()
class EventSourcingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(OPTIONS) private readonly options: EventSourcingOptions,
    private readonly admin: KafkaTopicAdmin,
    private readonly workers: LogWorkers,
    private readonly projections: ProjectionRunner,
    private readonly subscriptions: EventSubscriptions,
    private readonly publisher: KafkaPublisher,
    private readonly steps: StartupSteps,
  ) {}

  onApplicationBootstrap(): void {
    this.steps.run('read-model indexes', () => this.projections.ensureIndexes());
    const topics = [eventTopicOf(this.options.service), ...(this.options.publishes ?? [])];
    this.steps.run('kafka topics', () => this.admin.ensureTopics(topics));
    // The loops retry on their own; the relay waits for the topics only in that it fails until then.
    this.workers.start();
    this.subscriptions.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscriptions.stop();
    await this.workers.stop();
    await Promise.allSettled([this.publisher.close(), this.admin.close()]);
  }
}

/**
 * The event-sourcing core of one service: its event store, command runner, outbox relay to its
 * topic, read-model projections, reactions to its own events and Kafka subscriptions, with their
 * metrics.
 */
@Module({})
export class EventSourcingModule {
  static forService(options: EventSourcingOptions): DynamicModule {
    const logger = new Logger('EventSourcing');
    const log = {
      warn: (message: string, context?: Record<string, unknown>) => logger.warn({ ...context, msg: message }),
    };
    return {
      module: EventSourcingModule,
      global: true,
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: ContractRegistry, useFactory: () => new ContractRegistry(options.contracts) },
        {
          provide: EventStore,
          inject: [MONGO_DB, ContractRegistry],
          useFactory: (db: Db, contracts: ContractRegistry) =>
            new EventStore(db, {
              upcasters: new Upcasters(options.upcasters ?? []),
              schemaVersionOf: (type) => contracts.versionOf(type),
            }),
        },
        // The adapters put the code's topic and group names in the deployment's namespace.
        {
          provide: KafkaPublisher,
          inject: [KAFKA, DeploymentNames],
          useFactory: (kafka: Kafka, names: DeploymentNames) => new KafkaPublisher(kafka, names.kafka),
        },
        {
          provide: KafkaTopicAdmin,
          inject: [KAFKA, DeploymentNames],
          useFactory: (kafka: Kafka, names: DeploymentNames) => new KafkaTopicAdmin(kafka, { names: names.kafka }),
        },
        {
          // One lease per service database: its holder sequences, relays and projects.
          provide: Lease,
          inject: [MONGO_DB],
          useFactory: (db: Db) => new Lease(db, 'event-log', `${hostname()}-${process.pid}-${randomUUID()}`),
        },
        { provide: LogSequencer, inject: [EventStore], useFactory: (store: EventStore) => new LogSequencer(store) },
        {
          provide: ProjectionRunner,
          inject: [EventStore, MONGO_DB, Lease],
          useFactory: (store: EventStore, db: Db, lease: Lease) =>
            new ProjectionRunner(store, db, options.projections ?? [], lease),
        },
        {
          provide: LogReactions,
          inject: [EventStore, MONGO_DB, Lease],
          useFactory: (store: EventStore, db: Db, lease: Lease) => new LogReactions(store, db, lease),
        },
        {
          provide: OutboxRelay,
          inject: [EventStore, MONGO_DB, KafkaPublisher, Lease, EventSourcingMetrics],
          useFactory: (
            store: EventStore,
            db: Db,
            publisher: KafkaPublisher,
            lease: Lease,
            metrics: EventSourcingMetrics,
          ) => {
            const relay = new OutboxRelay(
              store,
              db,
              publisher,
              { topic: eventTopicOf(options.service), source: `/admissions/${options.service}` },
              lease,
              {
                published: (count, oldest) => {
                  metrics.published.inc(count);
                  metrics.relayLag.observe((Date.now() - oldest.getTime()) / 1000);
                },
              },
            );
            registerBacklogGauge(metrics.registry, () => relay.backlog());
            return relay;
          },
        },
        {
          provide: LogWorkers,
          inject: [EventStore, LogSequencer, OutboxRelay, ProjectionRunner, LogReactions, Lease],
          useFactory: (
            store: EventStore,
            sequencer: LogSequencer,
            relay: OutboxRelay,
            projections: ProjectionRunner,
            reactions: LogReactions,
            lease: Lease,
          ) => new LogWorkers(store, sequencer, [relay, projections, reactions], lease, log),
        },
        {
          provide: EventSourcingMetrics,
          inject: [METRICS_REGISTRY],
          useFactory: (registry: Registry) => new EventSourcingMetrics(registry),
        },
        {
          provide: EventSubscriptions,
          inject: [
            KAFKA,
            DeploymentNames,
            KafkaTopicAdmin,
            KafkaPublisher,
            ContractRegistry,
            EventSourcingMetrics,
            StartupSteps,
          ],
          useFactory: (
            kafka: Kafka,
            names: DeploymentNames,
            admin: KafkaTopicAdmin,
            publisher: KafkaPublisher,
            contracts: ContractRegistry,
            metrics: EventSourcingMetrics,
            steps: StartupSteps,
          ) =>
            new EventSubscriptions(
              new KafkaSubscriber(kafka, names.kafka),
              admin,
              publisher,
              contracts,
              metrics,
              steps,
            ),
        },
        {
          provide: CommandRunner,
          inject: [EventStore, EventSourcingMetrics],
          useFactory: (store: EventStore, metrics: EventSourcingMetrics) =>
            new CommandRunner(store, () => metrics.appendConflicts.inc()),
        },
        EventSourcingLifecycle,
      ],
      exports: [
        ContractRegistry,
        EventStore,
        CommandRunner,
        ProjectionRunner,
        LogReactions,
        EventSubscriptions,
        OutboxRelay,
        LogSequencer,
        LogWorkers,
        KafkaPublisher,
      ],
    };
  }
}
