import {
  admissibilityContracts,
  candidacyContracts,
  candidacyPublicContracts,
  decisionContracts,
  juryContracts,
  mobilityContracts,
  mobilityPublicContracts,
  notificationContracts,
  reviewContracts,
  type EventContract,
  type EventStream,
} from '@admissions/contracts';
import type { DeploymentNames } from '../config/deployment-names';
import { TOPICS, type TopicSpec } from '../event-sourcing/topic-registry';
import {
  ADMISSIBILITY_TOPIC,
  CANDIDACIES_TOPIC,
  DECISIONS_TOPIC,
  eventTopicOf,
  MOBILITY_TOPIC,
} from '../event-sourcing/topics';

/** The CloudEvents source of a service's own events. */
export function eventSourceOf(service: string): string {
  return `/admissions/${service}`;
}

/** The CloudEvents sources of the public streams. */
export const DECISIONS_SOURCE = '/admissions/jury/decisions';
export const CANDIDACIES_SOURCE = '/admissions/candidacy/candidacies';
export const ADMISSIBILITY_SOURCE = '/admissions/review/admissibility';
export const MOBILITY_SOURCE = '/admissions/mobility/plans';

interface StreamContents {
  readonly source: string;
  readonly description: string;
  readonly contracts: readonly EventContract[];
}

const ownEvents = (service: string, contracts: readonly EventContract[], what: string): StreamContents => ({
  source: eventSourceOf(service),
  description: `The ${service} service's domain events (${what}), as its outbox relay publishes its event log.`,
  contracts,
});

/** What each topic the platform writes carries, by the topic's name in the code. */
const CONTENTS: Readonly<Record<string, StreamContents>> = {
  [eventTopicOf('candidacy')]: ownEvents('candidacy', candidacyContracts, 'programmes, candidacies, eligibility'),
  [eventTopicOf('review')]: ownEvents('review', reviewContracts, 'reviews, interviews, opinions, admissibility'),
  [eventTopicOf('jury')]: ownEvents('jury', juryContracts, 'sessions, decisions, seats, offers, referrals'),
  [eventTopicOf('notification')]: ownEvents('notification', notificationContracts, 'messages owed, sent, failed'),
  [eventTopicOf('mobility')]: ownEvents('mobility', mobilityContracts, 'partners, mobility plans, approvals'),
  [DECISIONS_TOPIC]: {
    source: DECISIONS_SOURCE,
    description:
      'The decisions campus systems subscribe to: admitted, waitlisted, rejected, offer made, expired or declined, ' +
      'enrolled, and the outcome of a referral to the rectorate. Delivery is at least once: deduplicate on ce_id.',
    contracts: decisionContracts,
  },
  [CANDIDACIES_TOPIC]: {
    source: CANDIDACIES_SOURCE,
    description:
      'Files submitted to a programme and withdrawn, for the student information system and the analysts counting ' +
      'applications. Ids and dates only. Delivery is at least once: deduplicate on ce_id.',
    contracts: candidacyPublicContracts,
  },
  [ADMISSIBILITY_TOPIC]: {
    source: ADMISSIBILITY_SOURCE,
    description:
      "The review's outcome: a file goes to the jury or ends there, with a reason code. Delivery is at least once: " +
      'deduplicate on ce_id.',
    contracts: admissibilityContracts,
  },
  [MOBILITY_TOPIC]: {
    source: MOBILITY_SOURCE,
    description:
      'Mobility approvals and fulfilled international requirements, for housing and the student records. Delivery ' +
      'is at least once: deduplicate on ce_id.',
    contracts: mobilityPublicContracts,
  },
};

function contentsOf(topic: TopicSpec): StreamContents {
  const contents = CONTENTS[topic.name];
  if (contents === undefined) throw new Error(`No contracts are declared for the topic ${topic.name}`);
  return contents;
}

function streamOf(topic: TopicSpec, names: DeploymentNames): EventStream {
  return {
    ...contentsOf(topic),
    topic: topic.name,
    address: names.kafka(topic.name),
    visibility: topic.kind === 'public' ? 'public' : 'internal',
    kafka: {
      partitions: topic.partitions,
      replicas: topic.replicas,
      topicConfiguration: { ...topic.config, 'cleanup.policy': [topic.config['cleanup.policy']] },
    },
  };
}

/** The topics a service writes (its events and the public streams it owns), as the topic registry lists them. */
export function eventStreamsOf(service: string, names: DeploymentNames): EventStream[] {
  return TOPICS.filter((topic) => topic.owner === service && topic.kind !== 'dead-letter').map((topic) =>
    streamOf(topic, names),
  );
}

/** The contracts of every public stream: the ones the compatibility gate holds to their released schemas. */
export function publicContracts(): EventContract[] {
  return TOPICS.filter((topic) => topic.kind === 'public').flatMap((topic) => [...contentsOf(topic).contracts]);
}

/** Every topic the platform writes (dead letters aside), with the contracts of what it carries. */
export function contractsByTopic(): ReadonlyMap<string, readonly EventContract[]> {
  const written = TOPICS.filter((topic) => topic.kind !== 'dead-letter');
  return new Map(written.map((topic) => [topic.name, contentsOf(topic).contracts]));
}
