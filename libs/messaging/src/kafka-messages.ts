import type { KafkaMessage } from 'kafkajs';
import type { IncomingMessage, MessageHeaders } from './message-bus.port';

/** A kafkajs message as the port's: text key, body and headers. */
export function incomingOf(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  const headers: MessageHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: Number(message.timestamp),
    key: message.key?.toString('utf8') ?? '',
    value: message.value?.toString('utf8') ?? '',
    headers,
  };
}
