import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The figures an operator watches to see that nothing is stuck between MongoDB and Kafka. */
export class EventSourcingMetrics {
  readonly published: Counter;
  readonly relayLag: Histogram;
  readonly appendConflicts: Counter;
  readonly handled: Counter;
  readonly handling: Histogram;
  readonly deadLettered: Counter;
  readonly topicDrift: Gauge;

  constructor(readonly registry: Registry) {
    this.published = new Counter({
      name: 'outbox_published_events_total',
      help: 'Events the relay published and the broker acknowledged',
      registers: [registry],
    });
    this.relayLag = new Histogram({
      name: 'outbox_relay_lag_seconds',
      help: 'Time from an event being committed to its acknowledgement by the broker',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
      registers: [registry],
    });
    this.appendConflicts = new Counter({
      name: 'event_store_append_conflicts_total',
      help: 'Appends refused because another writer changed the stream first',
      registers: [registry],
    });
    this.handled = new Counter({
      name: 'consumer_handled_events_total',
      help: 'Events handled by a consumer group',
      labelNames: ['group', 'type'],
      registers: [registry],
    });
    this.handling = new Histogram({
      name: 'consumer_handling_seconds',
      help: 'Time a consumer group spent handling one event, retries included',
      labelNames: ['group', 'type'],
      buckets: [0.005, 0.025, 0.1, 0.25, 1, 5, 30],
      registers: [registry],
    });
    this.deadLettered = new Counter({
      name: 'consumer_dead_lettered_total',
      help: 'Messages parked on a dead-letter topic after their retries',
      labelNames: ['group'],
      registers: [registry],
    });
    this.topicDrift = new Gauge({
      name: 'kafka_topic_drift',
      help: 'Settings of an existing topic that differ from the topic registry (1), as found at start-up',
      labelNames: ['topic', 'setting'],
      registers: [registry],
    });
  }
}

/** The relay's backlog: appended events not yet acknowledged by the broker, read on each scrape. */
export function registerBacklogGauge(registry: Registry, backlog: () => Promise<number>): void {
  new Gauge({
    name: 'outbox_backlog_events',
    help: 'Events appended but not yet acknowledged by the broker',
    registers: [registry],
    async collect() {
      this.set(await backlog().catch(() => -1));
    },
  });
}
