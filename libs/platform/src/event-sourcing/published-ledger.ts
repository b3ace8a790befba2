import { insertAbsent } from '@admissions/event-store';
import type { IncomingMessage } from '@admissions/messaging';
import type { Db } from '../connections/mongo-database';

/** A public message about to be published, and the source message it is made from. */
export interface Publication {
  readonly ceId: string;
  readonly source: IncomingMessage;
}

interface Claim {
  _id: string;
  topic: string;
  partition: number;
  offset: string;
}

/** The group's committed offset on one source partition, as last seen by the publisher. */
interface CommittedOffset {
  _id: string;
  offset: number;
}

/**
 * Which source events a public stream has published, so that one read again is not published
 * twice: sent to the internal topic again (the republish job, a relay's resend, a dead letter
 * replayed after all), or read again after the group's offsets were reset by hand. A redelivery
 * after a crash needs no ledger: the offsets commit with the output.
 *
 * Looked up by `_id` only: a claim per public message, inserted before its transaction (insert-only,
 * the first stays), naming where its source message was read; and per source partition the highest
 * offset the group committed, raised after each commit and whenever a partition is taken up (which
 * repairs what a crash between a commit and its record left behind). It has one writer, the
 * partition's owner, fenced by the transactions, so `$max` needs no compare-and-set.
 *
 * Published means claimed from another offset — that copy of the event sits earlier on the same
 * partition (same key), whose batches commit in order, so its transaction committed before this
 * one was read — or claimed from this offset, below the highest committed offset. Claimed from this
 * offset at or above it, it is the same message read again after its transaction did not commit,
 * and it is published. Only a crash between a commit and its record, then the offsets reset by
 * hand before the publisher ran again, publishes that batch twice.
 */
export class PublishedLedger {
  constructor(
    private readonly db: Db,
    private readonly stream: string,
  ) {}

  /** The publications not published before, each ce_id once. All are read from one partition. */
  async unpublished<P extends Publication>(candidates: readonly P[]): Promise<P[]> {
    const unique = firstOfEach(candidates);
    const [first] = unique;
    if (first === undefined) return [];
    const [claims, done] = await Promise.all([
      Promise.all(unique.map(({ ceId }) => this.claims().findOne({ _id: this.claimIdOf(ceId) }))),
      this.offsets().findOne({ _id: this.partitionIdOf(first.source.topic, first.source.partition) }),
    ]);
    const committed = done?.offset ?? -1;
    return unique.filter(({ source }, index) => {
      const claim = claims[index];
      if (!claim) return true;
      return sameMessage(claim, source) && Number(source.offset) >= committed;
    });
  }

  /** Before the transaction: where each was read (a claim already there stays as it is). */
  async claim(publications: readonly Publication[]): Promise<void> {
    if (publications.length === 0) return;
    const claims = publications.map(({ ceId, source }) => ({
      _id: this.claimIdOf(ceId),
      topic: source.topic,
      partition: source.partition,
      offset: source.offset,
    }));
    // A claim already there is the same fact.
    await insertAbsent(this.claims(), claims);
  }

  /** The group's committed offset on a source partition: every message before it is done. */
  async committed(topic: string, partition: number, offset: string): Promise<void> {
    await this.offsets().updateOne(
      { _id: this.partitionIdOf(topic, partition) },
      { $max: { offset: Number(offset) } },
      { upsert: true },
    );
  }

  /**
   * After Kafka lost topics (the republish job): with the public topic gone, what it records as
   * published is gone too; with the source topic gone, its offsets start again from 0. A one-off
   * operator step, so it may read the whole collection.
   */
  async forget(what: { readonly published: boolean }): Promise<void> {
    const ofThisStream = { _id: { $regex: `^${escapeRegExp(this.stream)}/` } };
    await this.offsets().deleteMany(ofThisStream);
    if (what.published) await this.claims().deleteMany(ofThisStream);
  }

  private claimIdOf(ceId: string): string {
    return `${this.stream}/${ceId}`;
  }

  private partitionIdOf(topic: string, partition: number): string {
    return `${this.stream}/${topic}/${partition}`;
  }

  private claims() {
    return this.db.collection<Claim>('public_stream_claims');
  }

  private offsets() {
    return this.db.collection<CommittedOffset>('public_stream_offsets');
  }
}

function firstOfEach<P extends Publication>(candidates: readonly P[]): P[] {
  const seen = new Set<string>();
  return candidates.filter(({ ceId }) => {
    if (seen.has(ceId)) return false;
    seen.add(ceId);
    return true;
  });
}

function sameMessage(claim: Claim, message: IncomingMessage): boolean {
  return claim.topic === message.topic && claim.partition === message.partition && claim.offset === message.offset;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
