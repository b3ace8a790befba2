import { KafkaTopicReader } from '@admissions/messaging';
import type { Db } from '@admissions/platform';
import { type Kafka } from 'kafkajs';
import { mongo } from 'mongoose';

/**
 * Binary fields (GridFS chunks, keys) read as text, so that a name stored in them is found too. The
 * holder's own value is looked at: the one given has gone through Binary's toJSON (base64).
 */
function asText(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof mongo.Binary ? Buffer.from(raw.buffer).toString('latin1') : value;
}

/** The collections of a database (`db.collection`) where one of the needles shows, in any field. */
export async function collectionsHolding(db: Db, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    const text = JSON.stringify(await db.collection(name).find({}).toArray(), asText);
    if (needles.some((needle) => text.includes(needle))) found.push(`${db.databaseName}.${name}`);
  }
  return found;
}

/** The topics whose names start with `prefix` where one of the needles shows in a message. */
export async function topicsHolding(kafka: Kafka, prefix: string, needles: readonly string[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
  await admin.disconnect();
  const reader = new KafkaTopicReader(kafka);
  const found: string[] = [];
  for (const topic of topics) {
    let text = '';
    await reader.readToEnd(topic, {
      onMessage: (message) => (text += `${JSON.stringify(message.headers)}${message.value}\n`),
    });
    if (needles.some((needle) => text.includes(needle))) found.push(topic);
  }
  return found;
}
