import type { ContractRegistry } from '@admissions/contracts';
import {
  deadLetterTopicOf,
  fromCloudEventMessage,
  toCloudEventMessage,
  toDeadLetter,
  type AddressedMessage,
  type BatchStep,
  type EventOrigin,
  type IncomingMessage,
} from '@admissions/messaging';
import type { PublicStream } from './public-streams';
import type { PublishedLedger, Publication } from './published-ledger';

interface Candidate extends Publication {
  readonly message: AddressedMessage;
}

/** Told what each committed batch published and parked (metrics, logs). */
export interface PublicStreamObserver {
  published(type: string): void;
  deadLettered(reason: string): void;
}

/** What a public stream makes of one source message: a public message, a dead letter, or nothing. */
type Outcome = { readonly publish: AddressedMessage } | { readonly park: string } | undefined;

/**
 * One batch of a service's own events → the public stream's messages, in one transaction with the
 * group's offsets (KafkaTransactionalSubscriber). A message that is not a valid event of its
 * contract, or whose public event breaks the public contract, is parked on the group's dead-letter
 * topic in the same transaction: mapping is pure, so trying it again would change nothing.
 * An event whose public message was published before (PublishedLedger) is skipped.
 */
export class PublicStreamStep implements BatchStep {
  private readonly from: ReadonlySet<string>;

  constructor(
    private readonly stream: PublicStream,
    private readonly contracts: { readonly internal: ContractRegistry; readonly public: ContractRegistry },
    private readonly origin: EventOrigin,
    private readonly ledger: PublishedLedger,
    private readonly observer: PublicStreamObserver,
  ) {
    this.from = new Set(stream.from);
  }

  async transform(batch: readonly IncomingMessage[]): Promise<AddressedMessage[]> {
    const candidates: Candidate[] = [];
    const parked: AddressedMessage[] = [];
    for (const source of batch) {
      const outcome = this.outcomeOf(source);
      if (outcome === undefined) continue;
      if ('park' in outcome)
        parked.push({
          topic: deadLetterTopicOf(this.stream.groupId),
          ...toDeadLetter(source, this.stream.groupId, outcome.park, 1),
        });
      else candidates.push({ ceId: outcome.publish.headers.ce_id ?? '', source, message: outcome.publish });
    }
    const fresh = await this.ledger.unpublished(candidates);
    await this.ledger.claim(fresh);
    return [...fresh.map((candidate) => candidate.message), ...parked];
  }

  async committed(batch: readonly IncomingMessage[], output: readonly AddressedMessage[]): Promise<void> {
    const last = batch.at(-1);
    if (last) await this.ledger.committed(last.topic, last.partition, (BigInt(last.offset) + 1n).toString());
    for (const message of output) {
      if (message.topic === this.stream.topic) this.observer.published(message.headers.ce_type ?? '');
      else this.observer.deadLettered(message.headers.dlq_error ?? '');
    }
  }

  resumed(topic: string, partition: number, offset: string): Promise<void> {
    return this.ledger.committed(topic, partition, offset);
  }

  private outcomeOf(source: IncomingMessage): Outcome {
    let event;
    try {
      event = fromCloudEventMessage(source);
    } catch (error) {
      return { park: error instanceof Error ? error.message : String(error) };
    }
    if (!this.from.has(event.type)) return undefined;
    const invalid = this.contracts.internal.validate(event.type, event.data);
    if (invalid !== undefined) return { park: invalid };
    const published = this.stream.toPublic(event);
    if (published === undefined) return undefined;
    const broken = this.contracts.public.validate(published.type, published.data);
    if (broken !== undefined) return { park: `${published.type} breaks its public contract: ${broken}` };
    // The internal position means nothing on a public stream.
    const { position: _position, ...metadata } = event.metadata;
    const message = toCloudEventMessage(
      {
        type: published.type,
        data: published.data,
        metadata: {
          ...metadata,
          eventId: this.stream.idOf(event.metadata.eventId),
          causationId: event.metadata.eventId,
          schemaVersion: this.contracts.public.versionOf(published.type),
        },
      },
      this.origin,
    );
    return { publish: { topic: this.stream.topic, ...message } };
  }
}
