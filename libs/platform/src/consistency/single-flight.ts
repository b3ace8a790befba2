/**
 * One read at a time per key: callers that ask while one is in flight share its answer. The
 * answer may be a little older than the question, so share only reads whose staleness costs a
 * caller another look, never a wrong answer.
 */
export function singleFlight<K, V>(read: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const inFlight = new Map<K, Promise<V>>();
  return (key) => {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = read(key).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
