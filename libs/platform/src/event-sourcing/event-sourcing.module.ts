import { ContractRegistry, type EventContract } from '@admissions/contracts';
import {
  CommandRunner,
  EventStore,
  Lease,
  LogReactions,
  LogSequencer,
  LogWorkers,
  PersonalDataCodec,
  Upcasters,
  type Upcaster,
} from '@admissions/event-store';
import {
  KafkaPublisher,
  KafkaSubscriber,
  KafkaTopicAdmin,
  KafkaTransactionalSubscriber,
  OutboxRelay,
} from '@admissions/messaging';
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
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Clock } from '@admissions/domain-kernel';
import type { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Registry } from 'prom-client';
import { CommandGateway, systemActorOf } from '../commands/command-gateway';
import { ConsistencyInterceptor } from '../consistency/consistency.interceptor';
import { ReadModelWait } from '../consistency/read-model-wait';
import type { Db } from '../connections/mongo-database';
import { BaseEnv } from '../config/base-env';
import { DeploymentNames } from '../config/deployment-names';
import { EventContractsModule } from '../event-contracts/event-contracts.module';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { eventSourceOf } from '../event-contracts/event-streams';
import { shutdownStep } from '../resilience/shutdown-step';
import { StartupSteps } from '../resilience/startup-steps';
import { CLOCK, KAFKA, METRICS_REGISTRY, MONGO_DB, REDIS } from '../tokens';
import { AppendSignal } from './append-signal';
import { EventSourcingMetrics, registerBacklogGauge } from './event-sourcing.metrics';
import { EventSubscriptions } from './event-subscriptions';
import type { RetentionSelectorFactory } from '../retention/retention.port';
import { PublicStreams } from './public-streams';
import { TopicProvisioning } from './topic-provisioning';
import { EVENT_PARTITIONS } from './topic-registry';
import { eventTopicOf } from './topics';

export interface EventSourcingOptions {
  readonly service: string;
  /** Every event type the service writes or reads, with its schema. */
  readonly contracts: readonly EventContract[];
  readonly projections?: readonly Projection[];
  /** Read models an earlier version folded and this one does not: dropped by the lease holder. */
  readonly retiredReadModels?: readonly string[];
  readonly upcasters?: readonly Upcaster[];
  /** The service's retention policy, when it has one: read by the daily job and `ops <service> retention`. */
  readonly retention?: RetentionSelectorFactory;
}

const OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');

/** Every partition of the platform's topics at once (a partition with work never waits for another's batch). */
const consumingOf = (env: BaseEnv) => ({ heartbeatMs: env.KAFKA_HEARTBEAT_MS, partitionsAtOnce: EVENT_PARTITIONS });

/** The lease whose holder, among a service's replicas, sequences, relays and projects its log. */
export const EVENT_LOG_LEASE = 'event-log';

/**
 * Starts the relay, projections and consumers once the app is up, each retried in the background
 * until its servers answer; stops them before the clients close.
 */
@Injectable()
class EventSourcingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    @Inject(OPTIONS) private readonly options: EventSourcingOptions,
    private readonly topics: TopicProvisioning,
    private readonly admin: KafkaTopicAdmin,
    private readonly workers: LogWorkers,
    private readonly appendSignal: AppendSignal,
    private readonly projections: ProjectionRunner,
    private readonly subscriptions: EventSubscriptions,
    private readonly publisher: KafkaPublisher,
    private readonly steps: StartupSteps,
  ) {}

  onApplicationBootstrap(): void {
    this.steps.run('read-model indexes', () => this.projections.ensureIndexes());
    // The topics it owns (registry), created before anything is published to them.
    this.steps.run('kafka topics', async () => void (await this.topics.applyOwned(this.options.service)));
    // The loops retry on their own; the relay waits for the topics only in that it fails until then.
    this.workers.start();
    this.appendSignal.start();
    this.subscriptions.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    const warn = (message: string) => this.logger.warn(message);
    await this.subscriptions.stop();
    this.appendSignal.stop();
    await shutdownStep('relay and projections', () => this.workers.stop(), warn);
    await Promise.all([
      shutdownStep('kafka producer', () => this.publisher.close(), warn),
      shutdownStep('kafka admin', () => this.admin.close(), warn),
    ]);
  }
}

/**
 * The event-sourcing core of one service: its event store, command runner, outbox relay to its
 * topic, read-model projections, reactions to its own events and Kafka subscriptions, with their
 * metrics; the published contracts of the topics it writes; and read-your-writes on its API.
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
      imports: [EventContractsModule.forService(options.service), PersonalDataModule],
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: ContractRegistry, useFactory: () => new ContractRegistry(options.contracts) },
        {
          provide: EventStore,
          inject: [MONGO_DB, ContractRegistry, PersonalDataCodec],
          useFactory: (db: Db, contracts: ContractRegistry, personalData: PersonalDataCodec) =>
            new EventStore(db, {
              upcasters: new Upcasters(options.upcasters ?? []),
              schemaVersionOf: (type) => contracts.versionOf(type),
              personalData,
            }),
        },
        // The adapters put the code's topic and group names in the deployment's namespace. Every
        // topic the service writes is created as declared (TopicProvisioning), never by a send.
        {
          provide: KafkaPublisher,
          inject: [KAFKA, DeploymentNames],
          useFactory: (kafka: Kafka, names: DeploymentNames) => new KafkaPublisher(kafka, names.kafka, false),
        },
        {
          provide: KafkaTopicAdmin,
          inject: [KAFKA, DeploymentNames],
          useFactory: (kafka: Kafka, names: DeploymentNames) => new KafkaTopicAdmin(kafka, { names: names.kafka }),
        },
        {
          provide: TopicProvisioning,
          inject: [KafkaTopicAdmin, BaseEnv, EventSourcingMetrics],
          useFactory: (admin: KafkaTopicAdmin, env: BaseEnv, metrics: EventSourcingMetrics) =>
            new TopicProvisioning(admin, env.KAFKA_REPLICATION_FACTOR, metrics.topicDrift, log),
        },
        {
          // One lease per service database: its holder sequences, relays and projects.
          provide: Lease,
          inject: [MONGO_DB],
          useFactory: (db: Db) => new Lease(db, EVENT_LOG_LEASE, `${hostname()}-${process.pid}-${randomUUID()}`),
        },
        { provide: LogSequencer, inject: [EventStore], useFactory: (store: EventStore) => new LogSequencer(store) },
        {
          provide: ProjectionRunner,
          inject: [EventStore, MONGO_DB, Lease],
          useFactory: (store: EventStore, db: Db, lease: Lease) =>
            new ProjectionRunner(store, db, options.projections ?? [], lease, { retired: options.retiredReadModels }),
        },
        {
          provide: LogReactions,
          inject: [EventStore, MONGO_DB, Lease],
          useFactory: (store: EventStore, db: Db, lease: Lease) => new LogReactions(store, db, lease),
        },
        {
          provide: OutboxRelay,
          inject: [EventStore, MONGO_DB, KafkaPublisher, Lease, EventSourcingMetrics, BaseEnv],
          useFactory: (
            store: EventStore,
            db: Db,
            publisher: KafkaPublisher,
            lease: Lease,
            metrics: EventSourcingMetrics,
            env: BaseEnv,
          ) => {
            const relay = new OutboxRelay(
              store,
              db,
              publisher,
              {
                topic: eventTopicOf(options.service),
                source: eventSourceOf(options.service),
                schemaBaseUrl: env.PUBLIC_BASE_URL,
              },
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
          // A deployment's Redis channels share its queues' prefix.
          provide: AppendSignal,
          inject: [REDIS, DeploymentNames, BaseEnv, EventStore, Lease, LogWorkers],
          useFactory: (
            redis: Redis,
            names: DeploymentNames,
            env: BaseEnv,
            store: EventStore,
            lease: Lease,
            workers: LogWorkers,
          ) => new AppendSignal(redis, names.queue(`appended-${env.MONGO_DB}`), store, lease, workers, log),
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
            TopicProvisioning,
            KafkaPublisher,
            ContractRegistry,
            EventSourcingMetrics,
            StartupSteps,
            PersonalDataCodec,
            BaseEnv,
          ],
          useFactory: (
            kafka: Kafka,
            names: DeploymentNames,
            admin: KafkaTopicAdmin,
            topics: TopicProvisioning,
            publisher: KafkaPublisher,
            contracts: ContractRegistry,
            metrics: EventSourcingMetrics,
            steps: StartupSteps,
            personalData: PersonalDataCodec,
            env: BaseEnv,
          ) =>
            new EventSubscriptions(
              new KafkaSubscriber(kafka, names.kafka, consumingOf(env)),
              new KafkaTransactionalSubscriber(kafka, log, names.kafka, consumingOf(env)),
              admin,
              topics,
              publisher,
              contracts,
              metrics,
              steps,
              personalData,
            ),
        },
        {
          provide: CommandRunner,
          inject: [EventStore, EventSourcingMetrics],
          useFactory: (store: EventStore, metrics: EventSourcingMetrics) =>
            new CommandRunner(store, () => metrics.appendConflicts.inc()),
        },
        {
          provide: PublicStreams,
          inject: [EventSubscriptions, MONGO_DB, ContractRegistry, EventSourcingMetrics, BaseEnv],
          useFactory: (
            subscriptions: EventSubscriptions,
            db: Db,
            contracts: ContractRegistry,
            metrics: EventSourcingMetrics,
            env: BaseEnv,
          ) => new PublicStreams(options.service, subscriptions, db, contracts, metrics, env.PUBLIC_BASE_URL),
        },
        {
          provide: CommandGateway,
          inject: [CommandRunner, CLOCK],
          useFactory: (runner: CommandRunner, clock: Clock) =>
            new CommandGateway(runner, clock, { actor: systemActorOf(options.service) }),
        },
        EventSourcingLifecycle,
        // Read-your-writes: the token on command replies, the wait on queries given one.
        ReadModelWait,
        { provide: APP_INTERCEPTOR, useClass: ConsistencyInterceptor },
      ],
      exports: [
        ContractRegistry,
        EventStore,
        CommandRunner,
        CommandGateway,
        PublicStreams,
        ProjectionRunner,
        LogReactions,
        EventSubscriptions,
        OutboxRelay,
        LogSequencer,
        LogWorkers,
        KafkaPublisher,
        KafkaTopicAdmin,
        ReadModelWait,
        PersonalDataModule,
      ],
    };
  }
}
