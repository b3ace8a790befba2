import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ContractRegistry } from '@admissions/contracts';
import { newEventId } from '@admissions/event-store';
import { type KafkaPublisher, toCloudEventMessage } from '@admissions/messaging';
import { originOf, testEnv } from '@admissions/testing';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = join(__dirname, '..', '..', '..');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI as `npm run export` starts it, in a child process; as `nobody` to be refused a folder even under root. */
export function runExport(args: string[], namespace: string, asNobody = false): Promise<Run> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/export-stream.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, KAFKA_BROKERS: testEnv().kafkaBrokers.join(','), DEPLOYMENT_NAMESPACE: namespace },
    ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Runs SQL (several statements: the last one's rows) in a fresh DuckDB, values as JSON. */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export interface Publish {
  readonly topic: string;
  readonly registry: ContractRegistry;
  readonly type: string;
  readonly streamId: string;
  readonly data: Record<string, unknown>;
  readonly occurredAt: string;
  readonly eventId?: string;
}

/** Publishes an event as the services do (CloudEvents, key = stream id), its payload held to its contract. */
export async function publishEvent(publisher: KafkaPublisher, event: Publish): Promise<void> {
  const problem = event.registry.validate(event.type, event.data);
  if (problem) throw new Error(problem);
  const eventId = event.eventId ?? newEventId();
  const stored = {
    type: event.type,
    data: event.data,
    metadata: {
      eventId,
      streamId: event.streamId,
      version: 1,
      occurredAt: event.occurredAt,
      correlationId: eventId,
      actor: { id: 'system:test', roles: ['admin'] },
      schemaVersion: 1,
    },
  };
  await publisher.publish(event.topic, [toCloudEventMessage(stored, originOf('test'))]);
}
