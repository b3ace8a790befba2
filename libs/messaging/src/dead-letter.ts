import type { IncomingMessage, MessageHeaders, OutgoingMessage } from './message-bus.port';

/** The headers a consumer adds to a message it parks; the message's own headers are kept beside them. */
const DLQ_PREFIX = 'dlq_';

export function deadLetterTopicOf(groupId: string): string {
  return `${groupId}.dlq`;
}

/** The message a group could not handle, as it is parked on `<group>.dlq`: why, and where it came from. */
export function toDeadLetter(
  message: IncomingMessage,
  groupId: string,
  reason: string,
  attempts: number,
): OutgoingMessage {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      dlq_error: reason,
      dlq_attempts: String(attempts),
      dlq_group: groupId,
      dlq_topic: message.topic,
      dlq_partition: String(message.partition),
      dlq_offset: message.offset,
    },
  };
}

/** A parked message as an operator reads it. */
export interface DeadLetter {
  /** `<partition>-<offset>` on the dead-letter topic: unique there, whereas a ce_id may be parked twice. */
  readonly id: string;
  readonly partition: number;
  readonly offset: string;
  readonly eventId?: string;
  readonly type?: string;
  readonly key: string;
  readonly error: string;
  readonly attempts: number;
  /** Where the group read it: the broker's topic name (with the deployment's namespace). */
  readonly source: { readonly topic: string; readonly partition: number; readonly offset: string };
  /** Its headers as the group received it, the dead-letter ones taken off. */
  readonly headers: MessageHeaders;
  readonly deadLetteredAt: Date;
}

export const deadLetterIdOf = (partition: number, offset: string): string => `${partition}-${offset}`;

function originalHeaders(headers: MessageHeaders): MessageHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(DLQ_PREFIX)));
}

/** Reads a message of a dead-letter topic; one parked by hand without the headers shows them empty. */
export function fromDeadLetter(message: IncomingMessage): DeadLetter {
  const { headers } = message;
  return {
    id: deadLetterIdOf(message.partition, message.offset),
    partition: message.partition,
    offset: message.offset,
    ...(headers.ce_id === undefined ? {} : { eventId: headers.ce_id }),
    ...(headers.ce_type === undefined ? {} : { type: headers.ce_type }),
    key: message.key,
    error: headers.dlq_error ?? '',
    attempts: Number(headers.dlq_attempts ?? 0),
    source: {
      topic: headers.dlq_topic ?? '',
      partition: Number(headers.dlq_partition ?? 0),
      offset: headers.dlq_offset ?? '',
    },
    headers: originalHeaders(headers),
    deadLetteredAt: new Date(message.timestamp),
  };
}

/**
 * The message as its group first received it, to be published again on its source topic: its
 * original headers and ce_id (so that the groups which handled it already skip it), and
 * `replayed_from` naming the dead letter.
 */
export function replayOf(message: IncomingMessage, replayedFrom: string): OutgoingMessage {
  return {
    key: message.key,
    value: message.value,
    headers: { ...originalHeaders(message.headers), replayed_from: replayedFrom },
  };
}
