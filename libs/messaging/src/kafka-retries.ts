/** Runs `work` again, with backoff, while it fails with a retriable error and `forMs` has not passed. */
export async function retryingRetriable<T>(work: () => Promise<T>, forMs: number): Promise<T> {
  const giveUpAt = Date.now() + forMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isRetriable(error) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** (attempt - 1))));
    }
  }
}

/** kafkajs marks the errors worth trying again; its own retries give up with one of them as the cause. */
function isRetriable(error: unknown): boolean {
  const { retriable, name, cause } = (error ?? {}) as { retriable?: boolean; name?: string; cause?: unknown };
  if (retriable === true || name === 'KafkaJSConnectionError' || name === 'KafkaJSRequestTimeoutError') return true;
  return name === 'KafkaJSNumberOfRetriesExceeded' && cause !== undefined ? isRetriable(cause) : false;
}
