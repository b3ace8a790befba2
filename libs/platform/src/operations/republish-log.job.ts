import { KafkaPublisher, KafkaTopicAdmin, toCloudEventMessage } from '@admissions/messaging';
import { Registry } from 'prom-client';
import { EventSourcingMetrics } from '../event-sourcing/event-sourcing.metrics';
import { TopicProvisioning } from '../event-sourcing/topic-provisioning';
import { eventSourceOf } from '../event-contracts/event-streams';
import { PublishedLedger } from '../event-sourcing/published-ledger';
import { TOPICS } from '../event-sourcing/topic-registry';
import { eventTopicOf } from '../event-sourcing/topics';
import { OperatorInputError, secondsSince, type OperatorJob, type OperatorJobContext } from './operator-job';
import { withServiceLease } from './service-lease';

const BATCH_EVENTS = 1000;

function positionOf(args: readonly string[], usage: string): number {
  if (args.length !== 2 || args[0] !== '--from') throw new OperatorInputError(`usage: ${usage}`);
  const position = Number(args[1]);
  if (!/^\d+$/.test(args[1]) || !Number.isSafeInteger(position)) {
    throw new OperatorInputError(`--from must be a log position, a whole number from 0 (got "${args[1]}")`);
  }
  return position;
}

/** Creates the service's topics that are missing (Kafka lost) as the registry declares them. */
async function provisionTopics(context: OperatorJobContext): Promise<void> {
  const admin = new KafkaTopicAdmin(context.kafka, { names: context.names.kafka });
  try {
    const metrics = new EventSourcingMetrics(new Registry());
    const provisioning = new TopicProvisioning(admin, context.env.KAFKA_REPLICATION_FACTOR, metrics.topicDrift, {
      warn: (message, details) => context.progress(`${message}: ${JSON.stringify(details)}`),
    });
    await provisioning.applyOwned(context.options.service);
  } finally {
    await admin.close();
  }
}

/**
 * The ledgers of the service's public streams (PublishedLedger) describe topics Kafka may have
 * lost: a public topic gone takes what was published with it, so its events are to be published
 * again; an event topic gone restarts its offsets from 0.
 */
async function forgetLostTopics(context: OperatorJobContext): Promise<void> {
  const admin = context.kafka.admin();
  await admin.connect();
  let existing: Set<string>;
  try {
    existing = new Set(await admin.listTopics());
  } finally {
    await admin.disconnect();
  }
  const lost = (topic: string) => !existing.has(context.names.kafka(topic));
  const eventTopicLost = lost(eventTopicOf(context.options.service));
  const streams = TOPICS.filter((topic) => topic.owner === context.options.service && topic.kind === 'public');
  for (const { name } of streams) {
    if (!lost(name) && !eventTopicLost) continue;
    await new PublishedLedger(context.db, name).forget({ published: lost(name) });
    context.progress(
      `${name}: ${lost(name) ? 'lost' : 'its source topic lost'}; its ledger of published events cleared`,
    );
  }
}

/**
 * `republish --from <position>`: disaster recovery (Kafka lost, MongoDB kept). Publishes the
 * service's event log from a position up to its end at the start of the job, as the outbox relay
 * does (same CloudEvents envelope, same ce_id), while the relay pauses (service lease); the relay
 * then goes on from its own checkpoint. Consumers deduplicate what they had seen by ce_id.
 */
export const republishLog: OperatorJob = {
  usage: 'republish --from <position>',
  parse(args, options) {
    const from = positionOf(args, this.usage);
    return async (context) => {
      const head = await context.store.logHead();
      if (from > head.position) {
        throw new OperatorInputError(
          `position ${from} is past the end of the ${options.service} log (last position ${head.position})`,
        );
      }
      return withServiceLease(context, async () => {
        const start = Date.now();
        await forgetLostTopics(context);
        await provisionTopics(context);
        const topic = eventTopicOf(options.service);
        const publisher = new KafkaPublisher(context.kafka, context.names.kafka, false);
        const origin = { source: eventSourceOf(options.service), schemaBaseUrl: context.env.PUBLIC_BASE_URL };
        let cursor = await context.store.cursorBefore(from);
        let published = 0;
        try {
          while (cursor.position < head.position) {
            const { events, reached } = await context.store.readLog(cursor, BATCH_EVENTS);
            if (events.length === 0) break;
            const wanted = events.filter((event) => {
              const position = event.metadata.position ?? 0;
              return position >= from && position <= head.position;
            });
            await publisher.publish(
              topic,
              wanted.map((event) => toCloudEventMessage(event, origin)),
            );
            published += wanted.length;
            cursor = reached;
            context.progress(
              `${topic}: ${published} events republished, up to position ${Math.min(reached.position, head.position)}`,
            );
          }
        } finally {
          await publisher.close();
        }
        return `republished ${published} events of ${topic}, positions ${Math.max(from, 1)} to ${head.position}, ${secondsSince(start)}`;
      });
    };
  },
};
