import { newEventId, type StoredEvent } from '@admissions/event-store';
import { KafkaPublisher, toCloudEventMessage } from '@admissions/messaging';
import { type DeploymentNames, eventTopicOf } from '@admissions/platform';
import { originOf, testEnv } from '@admissions/testing';
import { Kafka, logLevel } from 'kafkajs';

export interface Produced {
  readonly eventId: string;
}

/**
 * Publishes events as the other services' outbox relays do (CloudEvents over Kafka, key = stream
 * id) on the topics of the deployment namespace the service under test reads.
 */
export class SourceEvents {
  private readonly kafka = new Kafka({
    clientId: 'notification-test',
    brokers: testEnv().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  private readonly publisher: KafkaPublisher;
  private readonly versions = new Map<string, number>();

  constructor(names: DeploymentNames) {
    this.publisher = new KafkaPublisher(this.kafka, names.kafka);
  }

  async publish(
    service: 'candidacy' | 'review' | 'jury' | 'mobility',
    streamId: string,
    type: string,
    data: unknown,
    eventId: string = newEventId(),
  ): Promise<Produced> {
    const version = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, version);
    const event: StoredEvent = {
      type,
      data,
      metadata: {
        eventId,
        streamId,
        version,
        occurredAt: new Date().toISOString(),
        correlationId: `test-${eventId}`,
        actor: { id: `system:${service}`, roles: ['admin'] },
        schemaVersion: 1,
      },
    };
    await this.publisher.publish(eventTopicOf(service), [toCloudEventMessage(event, originOf(service))]);
    return { eventId };
  }

  close(): Promise<void> {
    return this.publisher.close();
  }
}
