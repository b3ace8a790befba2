import type { EventStore } from '@admissions/event-store';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { BaseEnv } from '../config/base-env';
import type { DeploymentNames } from '../config/deployment-names';
import type { Db } from '../connections/mongo-database';
import type { EventSourcingOptions } from '../event-sourcing/event-sourcing.module';
import type { KeyDestructions } from '../personal-data/key-destructions';
import type { KeyStoreCipher } from '../personal-data/key-store-cipher';
import type { PersonKeyStore } from '../personal-data/person-key-store';

/** What the operator asked for cannot be done (an unknown read model, a position past the log): one line, exit 2. */
export class OperatorInputError extends Error {
  override readonly name = 'OperatorInputError';
}

/** The servers and settings of the service a job runs for, as the service itself sees them. */
export interface OperatorJobContext {
  readonly options: EventSourcingOptions;
  readonly env: BaseEnv;
  /** The environment the job was given, for settings of the service's own (its retention policy). */
  readonly processEnv: NodeJS.ProcessEnv;
  readonly names: DeploymentNames;
  readonly db: Db;
  readonly store: EventStore;
  /** The persons' data keys, and the cipher the store opens personal data with. */
  readonly keys: PersonKeyStore;
  readonly cipher: KeyStoreCipher;
  /** Tells the running services' processes of the keys a job destroys. */
  readonly keyDestructions: KeyDestructions;
  readonly kafka: Kafka;
  /** JSON logs on stderr, as the service writes them. */
  readonly logger: Logger;
  /** Who runs the job (`USER@host`), for what it records. */
  readonly operator: string;
  /** A line of progress for the operator. */
  progress(line: string): void;
}

/**
 * One operator job: `parse` checks what can be checked without the servers (and throws an
 * OperatorInputError), then the returned run does the work and answers its summary line.
 */
export interface OperatorJob {
  readonly usage: string;
  parse(args: readonly string[], options: EventSourcingOptions): (context: OperatorJobContext) => Promise<string>;
}

/** Seconds since `start`, for the summary lines. */
export function secondsSince(start: number): string {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}
