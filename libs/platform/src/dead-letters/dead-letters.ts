import { INPUT, NotFoundError } from '@admissions/domain-kernel';
import {
  deadLetterTopicOf,
  fromDeadLetter,
  KafkaPublisher,
  KafkaTopicReader,
  PLAIN_NAMES,
  replayOf,
  type DeadLetter,
  type IncomingMessage,
  type TopicAdmin,
} from '@admissions/messaging';
import type { Kafka } from 'kafkajs';
import type { DeploymentNames } from '../config/deployment-names';
import { CONSUMER_GROUPS, type ServiceName } from '../event-sourcing/topic-registry';
import { DependencyUnavailableError } from '../resilience/unavailable';
import type { DeadLetterReplays, Replay } from './dead-letter-replays';

/** A dead letter with its replay, if it was replayed. */
export interface DeadLetterView extends DeadLetter {
  readonly replayed?: Replay;
}

export interface DeadLetterGroup {
  readonly group: string;
  /** `<group>.dlq` */
  readonly topic: string;
  /** Messages the topic holds (dead letters are kept 30 days). */
  readonly held: number;
  /** Held and not replayed yet. */
  readonly pending: number;
  readonly oldestAt?: Date;
  readonly newestAt?: Date;
}

/** Every dead letter of the group not replayed yet, one by its id, or those of one ce_id. */
export type DeadLetterSelection = { readonly all: true } | { readonly id: string } | { readonly eventId: string };

export interface ReplayOutcome {
  readonly group: string;
  /** Dead letters read on the topic. */
  readonly read: number;
  /** Published again on their source topic by this replay. */
  readonly replayed: readonly DeadLetterView[];
  /** Replayed before, left alone. */
  readonly replayedBefore: readonly DeadLetterView[];
  /** Without a source topic of this deployment: left on the dead-letter topic. */
  readonly unroutable: readonly DeadLetterView[];
}

export interface DeadLetterLog {
  info(message: string, context: Record<string, unknown>): void;
}

const DEAD_LETTER_ID = /^\d{1,9}-\d{1,19}$/;

/** How long a read of the dead-letter topics may take before the broker counts as away. */
const DEAD_LETTER_READ_DEADLINE_MS = 10_000;

/**
 * The dead letters of one service's consumer groups, as an operator works with them (the API, the
 * `dlq` and `replay-dlq` commands): read from `<group>.dlq`, joined with the replays recorded in
 * the service's database, and replayed. A replay publishes the message again, with its original
 * headers and ce_id, on the topic it came from: the group handles it anew, and the groups that
 * had handled it change nothing (consumers skip a ce_id they caused a command with). Each replay
 * is recorded after the send, so a dead letter is replayed once; a crash in between sends it
 * twice, which the consumers tolerate for the same reason.
 */
export class DeadLetters {
  constructor(
    private readonly service: string,
    private readonly kafka: Kafka,
    private readonly names: DeploymentNames,
    private readonly admin: TopicAdmin,
    private readonly replays: DeadLetterReplays,
    private readonly log: DeadLetterLog,
  ) {}

  groups(): readonly string[] {
    return CONSUMER_GROUPS[this.service as ServiceName] ?? [];
  }

  /** Throws NotFoundError unless the service has this consumer group. */
  assertGroup(group: string): void {
    if (this.groups().includes(group)) return;
    const known = this.groups().join(', ') || 'none';
    throw new NotFoundError(`unknown consumer group "${group}" of ${this.service} (known: ${known})`, INPUT, 'group');
  }

  summary(): Promise<DeadLetterGroup[]> {
    return Promise.all(
      this.groups().map(async (group) => {
        const letters = await this.list(group);
        const times = letters.map((letter) => letter.deadLetteredAt.getTime());
        return {
          group,
          topic: deadLetterTopicOf(group),
          held: letters.length,
          pending: letters.filter((letter) => letter.replayed === undefined).length,
          ...(times.length === 0
            ? {}
            : { oldestAt: new Date(Math.min(...times)), newestAt: new Date(Math.max(...times)) }),
        };
      }),
    );
  }

  /** The group's dead letters in topic order, each with its replay. */
  async list(group: string): Promise<DeadLetterView[]> {
    return (await this.read(group)).map(({ letter }) => letter);
  }

  async get(group: string, id: string): Promise<DeadLetterView> {
    this.assertGroup(group);
    if (!DEAD_LETTER_ID.test(id)) throw this.notFound(group, { id });
    const found = (await this.list(group)).find((letter) => letter.id === id);
    if (found === undefined) throw this.notFound(group, { id });
    return found;
  }

  /**
   * Held and not replayed, from the topic's offsets and the records alone (no read of the
   * messages): a record left from a topic created again counts until a replay replaces it.
   */
  async pending(group: string): Promise<number> {
    const [offsets, replays] = await Promise.all([
      this.admin.heldOffsets(deadLetterTopicOf(group)),
      this.replays.of(group),
    ]);
    const held = offsets.reduce((sum, o) => sum + o.high - o.low, 0);
    const stillHeld = [...replays.keys()].filter((id) => {
      const [partition, offset] = id.split('-').map(Number);
      return offsets.some((o) => o.partition === partition && offset >= o.low && offset < o.high);
    });
    return held - stillHeld.length;
  }

  async replay(group: string, selection: DeadLetterSelection, by: string): Promise<ReplayOutcome> {
    this.assertGroup(group);
    if ('id' in selection && !DEAD_LETTER_ID.test(selection.id)) throw this.notFound(group, selection);
    const read = await this.read(group);
    const chosen = read.filter(({ letter }) => selects(selection, letter));
    if (!('all' in selection) && chosen.length === 0) throw this.notFound(group, selection);
    const outcome = {
      group,
      read: read.length,
      replayed: [] as DeadLetterView[],
      replayedBefore: [] as DeadLetterView[],
      unroutable: [] as DeadLetterView[],
    };
    // The source topic (dlq_topic) is the broker's name already: published as it is.
    const publisher = new KafkaPublisher(this.kafka, PLAIN_NAMES, false);
    try {
      for (const { letter, message } of chosen) {
        const target = letter.source.topic;
        if (letter.replayed !== undefined) outcome.replayedBefore.push(letter);
        else if (target === '' || !target.startsWith(this.names.kafka(''))) outcome.unroutable.push(letter);
        else {
          const where = `${deadLetterTopicOf(group)}@${letter.partition}:${letter.offset}`;
          await publisher.publish(target, [replayOf(message, where)]);
          const replay = { at: new Date(), by };
          await this.replays.record(group, letter, target, replay);
          outcome.replayed.push({ ...letter, replayed: replay });
        }
      }
    } finally {
      await publisher.close();
    }
    const ids = (letters: readonly DeadLetterView[]) => letters.map((l) => `${l.id} (${l.eventId ?? 'no ce_id'})`);
    this.log.info('dead letters replayed', {
      group,
      by,
      replayed: ids(outcome.replayed),
      replayedBefore: ids(outcome.replayedBefore),
      unroutable: ids(outcome.unroutable),
    });
    return outcome;
  }

  private async read(group: string): Promise<{ letter: DeadLetterView; message: IncomingMessage }[]> {
    this.assertGroup(group);
    const topic = deadLetterTopicOf(group);
    const [messages, replays] = await Promise.all([
      withinDeadline(DEAD_LETTER_READ_DEADLINE_MS, (signal) => this.messagesOf(topic, signal)),
      this.replays.of(group),
    ]);
    return messages.map((message) => {
      const letter = fromDeadLetter(message);
      // A topic created again (Kafka lost) numbers its offsets from 0 again: a record is this
      // letter's only if the ce_id is the same.
      const replay = replays.get(letter.id);
      if (replay === undefined || replay.eventId !== (letter.eventId ?? '')) return { message, letter };
      return { message, letter: { ...letter, replayed: { at: replay.at, by: replay.by } } };
    });
  }

  private async messagesOf(topic: string, signal: AbortSignal): Promise<IncomingMessage[]> {
    const offsets = await this.admin.heldOffsets(topic);
    // Not created yet, or nothing kept: no consumer to start.
    if (offsets.every((o) => o.high === o.low)) return [];
    const messages: IncomingMessage[] = [];
    await new KafkaTopicReader(this.kafka, this.names.kafka).readToEnd(topic, {
      onMessage: (message) => void messages.push(message),
      signal,
    });
    return messages;
  }

  private notFound(group: string, selection: { id: string } | { eventId: string }): NotFoundError {
    const topic = deadLetterTopicOf(group);
    return 'id' in selection
      ? new NotFoundError(`no dead letter ${selection.id} on ${topic}`, INPUT, 'id')
      : new NotFoundError(`no dead letter with ce_id ${selection.eventId} on ${topic}`, INPUT, 'eventId');
  }
}

function selects(selection: DeadLetterSelection, letter: DeadLetter): boolean {
  if ('id' in selection) return letter.id === selection.id;
  if ('eventId' in selection) return letter.eventId === selection.eventId;
  return true;
}

/** The broker not answering within `ms` is a server away (503), and the read is called off. */
async function withinDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DependencyUnavailableError(`Kafka did not answer within ${ms / 1000} s`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
