/**
 * Recognises the errors that mean "a server this service needs is away for now" — MongoDB
 * unreachable, Redis disconnected, Kafka not answering — as opposed to a bug or a refusal.
 * Such an error becomes a 503 with Retry-After at the HTTP door and a retry (never a dead
 * letter) in a consumer. Recognised by name and labels, so the clients need not be imported.
 */
const MONGO_UNAVAILABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoTopologyClosedError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
]);
const KAFKA_UNAVAILABLE = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
  'BrokerUnavailableError', // libs/messaging: a broker that did not answer in time
]);
const REDIS_MESSAGES = [/^Connection is closed\.?$/, /Reached the max retries per request limit/, /ECONNREFUSED/];

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  retriable?: unknown;
  errorLabelSet?: unknown;
}

export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
}

export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, message, cause, retriable, errorLabelSet } = error as ErrorLike;
  if (error instanceof DependencyUnavailableError) return true;
  if (typeof name === 'string') {
    if (MONGO_UNAVAILABLE.has(name)) return true;
    // kafkajs wraps the error that made it give up; that cause says what it was.
    if (name === 'KafkaJSNumberOfRetriesExceeded' || name === 'KafkaJSNonRetriableError') {
      return isDependencyUnavailable(cause, depth + 1);
    }
    if (KAFKA_UNAVAILABLE.has(name)) return true;
    if (name.startsWith('KafkaJS') && retriable === true) return true;
    if (name === 'MaxRetriesPerRequestError') return true;
  }
  if (errorLabelSet instanceof Set && (errorLabelSet.has('RetryableWriteError') || errorLabelSet.has('ResetPool'))) {
    return true;
  }
  if (typeof message === 'string' && REDIS_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return isDependencyUnavailable(cause, depth + 1);
}
