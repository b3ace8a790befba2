import { ContractRegistry } from '@admissions/contracts';
import type { PersonalDataCodec } from '@admissions/event-store';
import {
  deadLetterTopicOf,
  EventConsumer,
  KafkaPublisher,
  KafkaSubscriber,
  KafkaTopicAdmin,
  lanesWithinKey,
  type BatchStep,
  type EventHandler,
  type ReceivedEvent,
  type Subscription,
  type TransactionalSubscriber,
} from '@admissions/messaging';
import { Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { runWithCorrelation } from '../logging/correlation';
import { isDependencyUnavailable } from '../resilience/unavailable';
import { shutdownStep } from '../resilience/shutdown-step';
import type { StartupSteps } from '../resilience/startup-steps';
import type { EventSourcingMetrics } from './event-sourcing.metrics';
import type { TopicProvisioning } from './topic-provisioning';

export interface SubscriptionRequest {
  /** One consumer group per reacting component, e.g. `review.candidacy-intake`. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: EventHandler;
  /** Event types this component reacts to; others on the topics are skipped. */
  readonly types?: readonly string[];
  /**
   * For a component whose every reaction to an aggregate's event concerns one part of it: the
   * part an event's data names. Events of one aggregate naming different parts are then handled
   * side by side, those naming the same part (or none) in their order.
   */
  readonly orderedWithin?: (data: Readonly<Record<string, unknown>>) => string | undefined;
}

/** A consume–transform–produce group: each batch's output commits with its offsets (a public stream). */
export interface TransformRequest {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly step: BatchStep;
}

/**
 * Where a service's process managers and integration projections declare what they consume.
 * The consumers start once the application has booted (each a start-up step, retried until the
 * broker answers) and stop before the clients close.
 */
export class EventSubscriptions {
  private readonly requests: SubscriptionRequest[] = [];
  private readonly transforms: TransformRequest[] = [];
  private readonly consumers: { readonly groupId: string; readonly subscription: Subscription }[] = [];
  private readonly logger = new Logger('EventSubscriptions');
  private stopped = false;

  constructor(
    private readonly subscriber: KafkaSubscriber,
    private readonly transactional: TransactionalSubscriber,
    admin: KafkaTopicAdmin,
    private readonly topics: TopicProvisioning,
    private readonly deadLetters: KafkaPublisher,
    private readonly contracts: ContractRegistry,
    private readonly metrics: EventSourcingMetrics,
    private readonly steps: StartupSteps,
    /** Opens the personal data consumed events carry sealed, before they are validated. */
    private readonly personalData?: PersonalDataCodec,
  ) {
    const groups = () => [...this.requests, ...this.transforms];
    new Gauge({
      name: 'consumer_lag_messages',
      help: 'Messages not yet consumed, per consumer group',
      labelNames: ['group'],
      registers: [metrics.registry],
      async collect() {
        for (const { groupId, topics } of groups()) {
          const lag = await admin.consumerLag(groupId, topics).catch(() => -1);
          this.set({ group: groupId }, lag);
        }
      },
    });
  }

  subscribe(request: SubscriptionRequest): void {
    this.requests.push(request);
  }

  transform(request: TransformRequest): void {
    this.transforms.push(request);
  }

  start(): void {
    const log = {
      warn: (message: string, context?: Record<string, unknown>) => this.logger.warn({ ...context, msg: message }),
      error: (message: string, context?: Record<string, unknown>) => this.logger.error({ ...context, msg: message }),
    };
    for (const request of this.requests) {
      const types = request.types ? new Set(request.types) : undefined;
      const consumer = new EventConsumer(
        this.subscriber,
        this.deadLetters,
        {
          groupId: request.groupId,
          topics: request.topics,
          validate: (event: ReceivedEvent) =>
            types && !types.has(event.type) ? undefined : this.contracts.validate(event.type, event.data),
          handler: (event) => (types && !types.has(event.type) ? Promise.resolve() : request.handler(event)),
          open: (event: ReceivedEvent) =>
            !this.personalData || (types && !types.has(event.type))
              ? Promise.resolve(event)
              : this.personalData.openEvent(event),
          withCorrelation: (id, fn) => runWithCorrelation(id, fn),
          isTransient: isDependencyUnavailable,
          ...(request.orderedWithin ? { laneOf: lanesWithinKey(request.orderedWithin) } : {}),
        },
        log,
        {
          handled: (group, type, seconds) => {
            this.metrics.handled.inc({ group, type });
            // Skipped types cost nothing: timing them would only hide the real handlers.
            if (!types || types.has(type)) this.metrics.handling.observe({ group, type }, seconds);
          },
          deadLettered: (group) => this.metrics.deadLettered.inc({ group }),
        },
      );
      this.startStep(request, async () => {
        await consumer.start();
        return consumer;
      });
    }
    for (const request of this.transforms) {
      this.startStep(request, () => this.transactional.subscribe(request.groupId, request.topics, request.step));
    }
  }

  private startStep(request: { groupId: string; topics: readonly string[] }, start: () => Promise<Subscription>): void {
    this.steps.run(`consumer ${request.groupId}`, async () => {
      // Its dead-letter topic too: the service's publisher creates no topic by sending.
      await this.topics.ensure([...request.topics, deadLetterTopicOf(request.groupId)]);
      const subscription = await start();
      // Started after the service began to stop: it must not keep consuming.
      if (this.stopped) await subscription.stop();
      else this.consumers.push({ groupId: request.groupId, subscription });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const warn = (message: string) => this.logger.warn(message);
    await Promise.all(
      this.consumers
        .splice(0)
        .map(({ groupId, subscription }) => shutdownStep(`consumer ${groupId}`, () => subscription.stop(), warn)),
    );
  }
}
