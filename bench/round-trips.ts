// What the round-trip benches share: counting a client's MongoDB commands and a Redis server's
// commands while something happens, the idle rate taken off, and a bench's way to end.
import type { Redis } from 'ioredis';
import type { mongo } from 'mongoose';

export const say = (line: string) => process.stdout.write(`${line}\n`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts by key from its creation until `end()`; `attach` hooks it up and answers how to unhook. */
export class Tally {
  readonly byKey = new Map<string, number>();
  private readonly startedAt = performance.now();
  private endedAt?: number;
  private readonly detach: () => void;

  constructor(attach: (add: (key: string) => void) => () => void) {
    this.detach = attach((key) => this.byKey.set(key, (this.byKey.get(key) ?? 0) + 1));
  }

  end(): void {
    this.detach();
    this.endedAt = performance.now();
  }

  get ms(): number {
    return (this.endedAt ?? performance.now()) - this.startedAt;
  }
}

/**
 * The MongoDB commands a client sends, by `command collection`; with `shapes`, also by the fields
 * a find filters on (`find es_commits {streamId,version}`), to tell lookups apart.
 */
export function mongoCommands(client: mongo.MongoClient, shapes = false): Tally {
  return new Tally((add) => {
    const listener = (event: mongo.CommandStartedEvent) => {
      const target = event.command[event.commandName];
      const filter = event.command.filter as Record<string, unknown> | undefined;
      const shape = shapes && filter ? ` {${Object.keys(filter).join(',')}}` : '';
      add(`${event.commandName} ${typeof target === 'string' ? target : ''}${shape}`.trim());
    };
    client.on('commandStarted', listener);
    return () => client.off('commandStarted', listener);
  });
}

/** Every command a Redis server runs (MONITOR on a connection of its own), by name. */
export async function redisCommands(redis: Redis): Promise<Tally> {
  const monitor = await redis.monitor();
  return new Tally((add) => {
    // BullMQ's Lua scripts by their key count, not their hash.
    monitor.on('monitor', (_time: string, args: string[]) => {
      const name = String(args[0]).toLowerCase();
      add(name === 'evalsha' || name === 'eval' ? `${name} (${args[2] ?? '0'} keys)` : name);
    });
    return () => monitor.disconnect();
  });
}

/**
 * Prints what `work` cost per `unit`, the same keys' idle rate over the same time taken off; keys
 * under 0.05 a unit are left out of the lines, not of the total.
 */
export function printPerUnit(title: string, work: Tally, idle: Tally, units: number): void {
  const keys = [...new Set([...work.byKey.keys(), ...idle.byKey.keys()])].sort();
  const net = (key: string) => (work.byKey.get(key) ?? 0) - ((idle.byKey.get(key) ?? 0) * work.ms) / idle.ms;
  say(title);
  for (const key of keys)
    if (Math.abs(net(key)) >= 0.05 * units) say(`  ${key.padEnd(44)} ${(net(key) / units).toFixed(2)}`);
  const total = keys.reduce((sum, key) => sum + net(key), 0);
  say(`  ${'total'.padEnd(44)} ${(total / units).toFixed(2)}`);
}

export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(50);
  }
}

/** Runs a bench's main and exits with its outcome (the services' clients keep timers). */
export function runBench(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
