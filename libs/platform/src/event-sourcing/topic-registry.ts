import { deadLetterTopicOf } from '@admissions/messaging';
import { ADMISSIBILITY_TOPIC, CANDIDACIES_TOPIC, DECISIONS_TOPIC, eventTopicOf, MOBILITY_TOPIC } from './topics';

export const SERVICES = ['candidacy', 'review', 'jury', 'notification', 'mobility'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** events: a service's own log; public: a versioned stream for other systems; dead-letter: parked messages. */
export type TopicKind = 'events' | 'public' | 'dead-letter';

export interface TopicSpec {
  readonly name: string;
  readonly kind: TopicKind;
  /** The service that writes it (for a dead-letter topic, the service of the consumer group). */
  readonly owner: ServiceName;
  readonly partitions: number;
  readonly replicas: number;
  readonly config: {
    readonly 'cleanup.policy': 'delete';
    readonly 'min.insync.replicas': number;
    readonly 'retention.ms': number;
  };
}

/**
 * The consumer groups of each service with their production names (a DEPLOYMENT_NAMESPACE
 * prefixes them); each parks what it cannot handle on `<group>.dlq`. A spec in e2e/ checks this
 * list against the groups the apps declare.
 */
export const CONSUMER_GROUPS: Readonly<Record<ServiceName, readonly string[]>> = {
  // CAND-3's ranking reads the candidacy log itself (LogReactions); the group publishes its public stream.
  candidacy: ['candidacy.public-stream', 'candidacy.person-erasure'],
  review: ['review.candidacy-intake', 'review.programme-leads', 'review.public-stream', 'review.person-erasure'],
  jury: ['jury.programme-catalogue', 'jury.admissions-intake', 'jury.referral-process', 'jury.decision-stream'],
  notification: [
    'notification.candidacy',
    'notification.review',
    'notification.jury',
    'notification.mobility',
    'notification.person-erasure',
  ],
  mobility: ['mobility.public-stream', 'mobility.person-erasure'],
};

// Three replicas and two in sync: one broker may be down and an acknowledged write (acks=all)
// still sits on two. Partitions bound how many replicas of a consumer group share the work.
const REPLICAS = 3;
const MIN_INSYNC_REPLICAS = 2;
export const EVENT_PARTITIONS = 6;
// The event store is the source of truth, but a consumer that starts from the beginning reads
// Kafka, so event and public topics keep everything (retention.ms -1). Dead letters are a
// holding area an operator replays or discards within weeks.
const FOREVER = -1;
const DEAD_LETTER_RETENTION_MS = 30 * 24 * 3600 * 1000;

function topic(name: string, kind: TopicKind, owner: ServiceName): TopicSpec {
  const kept = kind !== 'dead-letter';
  return {
    name,
    kind,
    owner,
    // One partition keeps a dead-letter topic in arrival order for the one who replays it.
    partitions: kept ? EVENT_PARTITIONS : 1,
    replicas: REPLICAS,
    config: {
      // Never compaction: it would keep one event per aggregate key and drop the rest.
      'cleanup.policy': 'delete',
      'min.insync.replicas': MIN_INSYNC_REPLICAS,
      'retention.ms': kept ? FOREVER : DEAD_LETTER_RETENTION_MS,
    },
  };
}

/** Every topic the platform owns, in a stable order (the Helm chart's KafkaTopic resources). */
export const TOPICS: readonly TopicSpec[] = [
  ...SERVICES.map((service) => topic(eventTopicOf(service), 'events', service)),
  topic(DECISIONS_TOPIC, 'public', 'jury'),
  topic(CANDIDACIES_TOPIC, 'public', 'candidacy'),
  topic(ADMISSIBILITY_TOPIC, 'public', 'review'),
  topic(MOBILITY_TOPIC, 'public', 'mobility'),
  ...SERVICES.flatMap((service) =>
    CONSUMER_GROUPS[service].map((group) => topic(deadLetterTopicOf(group), 'dead-letter', service)),
  ),
];
