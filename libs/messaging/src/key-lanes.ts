import type { LaneOf } from './message-bus.port';

export interface LanesOutcome {
  /** How many messages from the start of the batch were all handled: the offset may move past them. */
  readonly handledPrefix: number;
  /** The first failure, after every lane stopped; the messages after it come again. */
  readonly failure?: { readonly error: unknown };
}

/**
 * Handles a partition's batch in lanes, one per key: the messages of a key one after another in
 * their order, up to `lanes` keys side by side. Order is only promised per key (the aggregate), so
 * one aggregate's slow event no longer holds back the others behind it on the partition.
 *
 * A failure stops every lane after its current message, as `running()` turning false does; the
 * offset may then move only past the handled prefix, so a message handled after the gap is
 * delivered again (handlers are idempotent) and none is skipped.
 */
export async function inKeyLanes<M>(
  messages: readonly M[],
  keyOf: (message: M) => string,
  lanes: number,
  handle: (message: M) => Promise<void>,
  running: () => boolean = () => true,
): Promise<LanesOutcome> {
  const byKey = new Map<string, number[]>();
  messages.forEach((message, index) => {
    const key = keyOf(message);
    const lane = byKey.get(key);
    if (lane) lane.push(index);
    else byKey.set(key, [index]);
  });
  const waiting = [...byKey.values()];
  const handled = new Array<boolean>(messages.length).fill(false);
  let failure: { error: unknown } | undefined;
  const goOn = () => failure === undefined && running();

  const lane = async () => {
    for (let indexes = waiting.shift(); indexes !== undefined && goOn(); indexes = waiting.shift()) {
      for (const index of indexes) {
        if (!goOn()) return;
        try {
          await handle(messages[index]);
          handled[index] = true;
        } catch (error) {
          failure ??= { error };
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, waiting.length) }, lane));

  const firstUnhandled = handled.indexOf(false);
  return {
    handledPrefix: firstUnhandled === -1 ? messages.length : firstUnhandled,
    ...(failure === undefined ? {} : { failure }),
  };
}

/**
 * Lanes finer than the aggregate, for a consumer whose every reaction to an aggregate's event
 * concerns one part of it (one candidate of a programme's stream, say): events of one key that
 * name different parts are handled side by side, those that name the same part — or none, or
 * whose body cannot be read — in their order.
 */
export function lanesWithinKey(partOf: (data: Readonly<Record<string, unknown>>) => string | undefined): LaneOf {
  return (message) => {
    let part: string | undefined;
    try {
      const data: unknown = JSON.parse(message.value);
      part = typeof data === 'object' && data !== null ? partOf(data as Record<string, unknown>) : undefined;
    } catch {
      part = undefined; // a poison message: the consumer parks it, in the key's own lane
    }
    return part === undefined ? message.key : `${message.key}\u0000${part}`;
  };
}
