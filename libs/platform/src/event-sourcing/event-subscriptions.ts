import { ContractRegistry } from '@admissions/contracts';
import {
  EventConsumer,
  KafkaPublisher,
  KafkaSubscriber,
  KafkaTopicAdmin,
  type EventHandler,
  type ReceivedEvent,
} from '@admissions/messaging';
import { Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { runWithCorrelation } from '../logging/correlation';
import { isDependencyUnavailable } from '../resilience/unavailable';
import type { StartupSteps } from '../resilience/startup-steps';
import type { EventSourcingMetrics } from './event-sourcing.metrics';

export interface SubscriptionRequest {
  /** One consumer group per reacting component, e.g. `review.candidacy-intake`. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: EventHandler;
  /** Event types this component reacts to; others on the topics are skipped. */
  readonly types?: readonly string[];
}

/**
 * Where a service's process managers and integration projections declare what they consume.
 * The consumers start once the application has booted (each a start-up step, retried until the
 * broker answers) and stop before the clients close.
 */
export class EventSubscriptions {
  private readonly requests: SubscriptionRequest[] = [];
  private readonly consumers: EventConsumer[] = [];
  private readonly logger = new Logger('EventSubscriptions');
  private stopped = false;

  constructor(
    private readonly subscriber: KafkaSubscriber,
    private readonly admin: KafkaTopicAdmin,
    private readonly deadLetters: KafkaPublisher,
    private readonly contracts: ContractRegistry,
    private readonly metrics: EventSourcingMetrics,
    private readonly steps: StartupSteps,
  ) {
    const groups = () => this.requests;
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
          withCorrelation: (id, fn) => runWithCorrelation(id, fn),
          isTransient: isDependencyUnavailable,
        },
        log,
        {
          handled: (group, type) => this.metrics.handled.inc({ group, type }),
          deadLettered: (group) => this.metrics.deadLettered.inc({ group }),
        },
      );
      this.steps.run(`consumer ${request.groupId}`, async () => {
        await this.admin.ensureTopics(request.topics);
        await consumer.start();
        // Started after the service began to stop: it must not keep consuming.
        if (this.stopped) await consumer.stop();
        else this.consumers.push(consumer);
      });
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.consumers.map((consumer) => consumer.stop()));
    this.consumers.length = 0;
  }
}
