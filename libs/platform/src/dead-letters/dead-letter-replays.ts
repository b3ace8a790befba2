import { isDuplicateKey } from '@admissions/event-store';
import { deadLetterIdOf } from '@admissions/messaging';
import type { Db } from '../connections/mongo-database';

/** A dead letter handed back to its group: by whom and when. */
export interface Replay {
  readonly at: Date;
  readonly by: string;
}

/** One document per dead letter handed back, never updated, so that it is replayed no more. */
interface ReplayDocument {
  _id: string; // `<group>@<partition>:<offset>` on the dead-letter topic
  group: string;
  eventId: string;
  topic: string;
  replayedAt: Date;
  /** Absent on the records of the first `replay-dlq` jobs. */
  replayedBy?: string;
}

export const DEAD_LETTER_REPLAYS = 'ops_dead_letter_replays';

const recordIdOf = (group: string, partition: number, offset: string) => `${group}@${partition}:${offset}`;

/** The replays of the service's dead letters, in its own database (`ops_dead_letter_replays`). */
export class DeadLetterReplays {
  constructor(private readonly db: Db) {}

  /** Serves `of`: an equality on an indexed field. */
  async ensureIndex(): Promise<void> {
    await this.collection().createIndex({ group: 1 }, { name: 'group' });
  }

  /** The group's replays by dead-letter id (`<partition>-<offset>`), with the ce_id replayed. */
  async of(group: string): Promise<Map<string, Replay & { eventId: string }>> {
    const documents = await this.collection().find({ group }).toArray();
    return new Map(
      documents.map((d) => {
        const [partition, offset] = d._id.slice(group.length + 1).split(':');
        const replay = { at: d.replayedAt, by: d.replayedBy ?? 'unknown', eventId: d.eventId };
        return [deadLetterIdOf(Number(partition), offset), replay];
      }),
    );
  }

  /**
   * A second record of the same dead letter (two replays at once) changes nothing. A record of
   * another ce_id at the same place is one left from a dead-letter topic created again (Kafka
   * lost: offsets start over), and gives way.
   */
  async record(
    group: string,
    letter: { partition: number; offset: string; eventId?: string },
    topic: string,
    replay: Replay,
  ): Promise<void> {
    const document = {
      _id: recordIdOf(group, letter.partition, letter.offset),
      group,
      eventId: letter.eventId ?? '',
      topic,
      replayedAt: replay.at,
      replayedBy: replay.by,
    };
    if (await this.inserted(document)) return;
    const existing = await this.collection().findOne({ _id: document._id });
    if (existing === null || existing.eventId === document.eventId) return;
    await this.collection().deleteOne({ _id: document._id });
    await this.inserted(document);
  }

  private async inserted(document: ReplayDocument): Promise<boolean> {
    try {
      await this.collection().insertOne(document);
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return false;
    }
  }

  private collection() {
    return this.db.collection<ReplayDocument>(DEAD_LETTER_REPLAYS);
  }
}
