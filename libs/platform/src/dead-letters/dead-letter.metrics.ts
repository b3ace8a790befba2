import { Counter, Gauge, type Registry } from 'prom-client';
import type { DeadLetters } from './dead-letters';

/**
 * Per consumer group: the dead letters waiting for an operator, read on each scrape from the
 * topic's offsets and the replay records (-1: Kafka or MongoDB did not answer), and the replays.
 */
export class DeadLetterMetrics {
  readonly replayed: Counter<'group'>;

  constructor(registry: Registry, letters: DeadLetters) {
    new Gauge({
      name: 'dead_letters_pending',
      help: 'Messages on a consumer group’s dead-letter topic not replayed yet',
      labelNames: ['group'],
      registers: [registry],
      async collect() {
        await Promise.all(
          letters.groups().map(async (group) => this.set({ group }, await letters.pending(group).catch(() => -1))),
        );
      },
    });
    this.replayed = new Counter({
      name: 'dead_letters_replayed_total',
      help: 'Dead letters an operator published again to their consumer group through the API',
      labelNames: ['group'],
      registers: [registry],
    });
  }
}
