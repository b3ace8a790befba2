import { NotFoundError } from '@admissions/domain-kernel';
import { EventStore, PersonalDataCodec, Upcasters } from '@admissions/event-store';
import { Kafka } from 'kafkajs';
import Redis from 'ioredis';
import { hostname } from 'node:os';
import pino from 'pino';
import { BaseEnv } from '../config/base-env';
import { DeploymentNames } from '../config/deployment-names';
import { ConfigError, loadEnv } from '../config/load-env';
import { MongoDatabase } from '../connections/mongo-database';
import type { EventSourcingOptions } from '../event-sourcing/event-sourcing.module';
import { kafkaLogCreator } from '../logging/kafka-log-creator';
import { listDeadLetters } from './dead-letters.job';
import { KeyDestructions, keyDestructionsChannel } from '../personal-data/key-destructions';
import { KeyStoreCipher } from '../personal-data/key-store-cipher';
import { MongoPersonKeyStore } from '../personal-data/mongo-person-key-store';
import { OperatorInputError, type OperatorJob, type OperatorJobContext } from './operator-job';
import { rebuildReadModel } from './rebuild-read-model.job';
import { replayDeadLetters } from './replay-dead-letters.job';
import { republishLog } from './republish-log.job';
import { retention } from './retention.job';

export const OPERATOR_JOBS: Readonly<Record<string, OperatorJob>> = {
  rebuild: rebuildReadModel,
  'replay-dlq': replayDeadLetters,
  republish: republishLog,
  'dead-letters': listDeadLetters,
  retention,
};

export interface OperatorIo {
  readonly env: NodeJS.ProcessEnv;
  /** Progress and the summary line. */
  out(line: string): void;
  /** The one line saying why the job did not run or failed. */
  err(line: string): void;
}

const USAGE = Object.values(OPERATOR_JOBS)
  .map((job) => job.usage)
  .join(' | ');

/**
 * Runs one operator job of a service — `rebuild`, `replay-dlq`, `republish`, `dead-letters` or `retention` — with the
 * service's settings (its environment: KAFKA_BROKERS, MONGO_URL, DEPLOYMENT_NAMESPACE…) and
 * answers the exit code: 0 done, 2 bad input or settings (one line), 1 failed (one line).
 */
export async function runOperatorJob(
  options: EventSourcingOptions,
  argv: readonly string[],
  io: OperatorIo,
): Promise<number> {
  const [name, ...args] = argv;
  const prefix = `ops ${options.service}${name ? ` ${name}` : ''}`;
  const job = name === undefined ? undefined : OPERATOR_JOBS[name];
  if (!job) {
    io.err(`${prefix}: unknown job (usage: ${USAGE})`);
    return 2;
  }
  let mongo: MongoDatabase | undefined;
  let keys: MongoDatabase | undefined;
  let redis: Redis | undefined;
  try {
    const run = job.parse(args, options);
    const env = loadEnv(BaseEnv, io.env, options.service);
    mongo = new MongoDatabase(env.MONGO_URL, env.MONGO_DB);
    keys = new MongoDatabase(env.KEY_STORE_URL ?? env.MONGO_URL, env.KEY_STORE_DB);
    await Promise.all([mongo.connect(), keys.connect()]);
    // A rebuild folds personal data as the service does: opened with the persons' keys.
    const keyStore = new MongoPersonKeyStore(keys.db);
    const cipher = new KeyStoreCipher(keyStore);
    const personalData = new PersonalDataCodec(cipher);
    const logger = pino({ level: env.LOG_LEVEL }, pino.destination(2));
    // Connects only if a job announces a key destroyed (retention); a lost announcement is bounded.
    redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    const names = new DeploymentNames(env.DEPLOYMENT_NAMESPACE);
    const context: OperatorJobContext = {
      options,
      env,
      processEnv: io.env,
      names,
      db: mongo.db,
      store: new EventStore(mongo.db, { upcasters: new Upcasters(options.upcasters ?? []), personalData }),
      keys: keyStore,
      cipher,
      keyDestructions: new KeyDestructions(redis, keyDestructionsChannel(names.queue)),
      kafka: new Kafka({
        clientId: `${options.service}-ops`,
        brokers: env.KAFKA_BROKERS,
        logCreator: kafkaLogCreator(logger),
      }),
      logger,
      operator: `${io.env.USER ?? 'operator'}@${hostname()}`,
      progress: (line) => io.out(`${prefix}: ${line}`),
    };
    io.out(`${prefix}: ${await run(context)}`);
    return 0;
  } catch (error) {
    // An unknown consumer group or dead letter is the operator's input, as the API's 404.
    const bad = error instanceof OperatorInputError || error instanceof ConfigError || error instanceof NotFoundError;
    const reason = error instanceof Error ? error.message : String(error);
    io.err(`${prefix}: ${bad ? '' : 'failed: '}${reason.split('\n')[0]}`);
    return bad ? 2 : 1;
  } finally {
    redis?.disconnect();
    await Promise.all([mongo?.close(), keys?.close()].map((closing) => closing?.catch(() => undefined)));
  }
}

/** The entry point of a service's `ops.js`: the job named on the command line, then exit. */
export function runOperatorCli(options: EventSourcingOptions): void {
  void runOperatorJob(options, process.argv.slice(2), {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }).then((code) => process.exit(code));
}
