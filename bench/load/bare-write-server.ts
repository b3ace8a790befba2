// P1's baseline, started by `npm run load` as a process of its own, like a service: Nest on the
// same HTTP adapter (Express) with one bare route that does the raw work of a command — one
// insertOne and one Kafka send (acks all, idempotent producer) — and nothing else: no token, no
// validation, no stream read, no decider, no outbox. Prints `listening <port>` once it listens.
// BARE_ADAPTER=fastify serves the same route on Nest's Fastify adapter, to weigh the adapters.
import { testEnv, uniqueName } from '@admissions/testing';
import { Body, Controller, HttpCode, Inject, Module, Param, Put } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import mongoose, { type mongo } from 'mongoose';

const RAW = 'RAW';

interface Raw {
  readonly writes: mongo.Collection<{ _id: string; key: string; body: unknown; at: Date }>;
  readonly producer: Producer;
  readonly topic: string;
}

@Controller('bare')
class BareController {
  private sequence = 0;
  constructor(@Inject(RAW) private readonly raw: Raw) {}

  @Put(':id')
  @HttpCode(200)
  async write(@Param('id') id: string, @Body() body: unknown): Promise<{ id: string }> {
    const _id = `${id}@${++this.sequence}`;
    await this.raw.writes.insertOne({ _id, key: id, body, at: new Date() });
    await this.raw.producer.send({
      topic: this.raw.topic,
      acks: -1,
      messages: [{ key: id, value: JSON.stringify(body) }],
    });
    return { id: _id };
  }
}

async function main(): Promise<void> {
  const env = testEnv();
  const database = process.env.BARE_DB ?? uniqueName('load_bare');
  const topic = process.env.BARE_TOPIC ?? uniqueName('load.bare');
  const connection = await mongoose.createConnection(env.mongoUrl, { dbName: database }).asPromise();
  const db = connection.db;
  if (!db) throw new Error('no database');
  const kafka = new Kafka({ clientId: 'load-bare', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const raw: Raw = { writes: db.collection('bare_writes'), producer, topic };

  @Module({ controllers: [BareController], providers: [{ provide: RAW, useValue: raw }] })
  class BareModule {}

  const app =
    process.env.BARE_ADAPTER === 'fastify'
      ? await NestFactory.create(BareModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.stdout.write(`listening ${port}\n`);
  const stop = async () => {
    await app.close();
    await producer.disconnect();
    await db.dropDatabase();
    await connection.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`bare-write-server: ${String(error)}\n`);
  process.exit(1);
});
