// P1: commands through the whole write path of a service `npm start` runs — HTTP → token →
// validation → decide → append (outbox, then commit) → relay to Kafka — on the candidate's
// identity PUT, beside a bare route on the same HTTP adapter that does the raw insert and Kafka
// send (bare-write-server.ts), each at saturation and then both at half of our saturation rate.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { signDevToken } from '../../libs/platform/src/auth';
import { candidateFile } from '../../e2e/season/fixtures';
import { hammer, type HammerFigures, type RequestPlan } from './hammer';
import { paced } from './paced';
import { peakRssDuring, type Rss } from './memory';

export interface P1Settings {
  readonly candidacyUrl: string;
  readonly seconds: number;
  readonly connections: number;
  /** Files written to in turn: the streams the commands spread over. */
  readonly files: number;
  readonly root: string;
}

export interface P1Run {
  readonly label: string;
  readonly ours: HammerFigures;
  readonly baseline: HammerFigures;
}

export interface P1Result {
  readonly saturation: P1Run;
  readonly steady: P1Run & { readonly rate: number };
  readonly rssUnderLoad: Rss;
}

interface File {
  readonly candidacyId: string;
  readonly token: string;
}

const json = { 'content-type': 'application/json' };

export async function runP1(settings: P1Settings, say: (line: string) => void): Promise<P1Result> {
  const runId = Date.now().toString(36);
  const files = await openFiles(settings, runId);
  // Each request a real change (a new last name), so that every one appends an event.
  const identity = (n: number) => {
    const { identity: body } = candidateFile(n, runId);
    return JSON.stringify({ ...body, personal: { ...body.personal, lastName: `Charge ${n}` } });
  };
  const fileOf = (n: number) => files[n % files.length];
  const ours: RequestPlan = {
    method: 'PUT',
    path: (n) => `/v1/candidacies/${fileOf(n).candidacyId}/identity`,
    headers: (n) => ({ ...json, authorization: `Bearer ${fileOf(n).token}` }),
    body: identity,
  };
  const bare: RequestPlan = {
    method: 'PUT',
    path: (n) => `/bare/${fileOf(n).candidacyId}`,
    headers: () => json,
    body: identity,
  };
  const server = await startBareServer(settings.root);
  try {
    const run = { connections: settings.connections, seconds: settings.seconds };
    const { result: saturation, peak } = await peakRssDuring(settings.root, async () => {
      say(`P1 saturation: ${settings.connections} connections, ${settings.seconds} s each`);
      const oursAtFull = await hammer(settings.candidacyUrl, ours, run);
      await settled(settings.candidacyUrl);
      const bareAtFull = await hammer(server.url, bare, run);
      return { label: 'saturation', ours: oursAtFull, baseline: bareAtFull };
    });
    const rate = Math.max(1, Math.round(saturation.ours.rps / 2));
    say(`P1 steady: ${rate} requests/s (half our saturation), ${settings.seconds} s each`);
    await settled(settings.candidacyUrl);
    const oursSteady = await paced(settings.candidacyUrl, ours, { ...run, rate });
    await settled(settings.candidacyUrl);
    const bareSteady = await paced(server.url, bare, { ...run, rate });
    return {
      saturation,
      steady: { label: `steady ${rate}/s`, rate, ours: oursSteady, baseline: bareSteady },
      rssUnderLoad: peak,
    };
  } finally {
    await server.stop();
  }
}

/** The service's relay backlog read from its metrics (-1: the gauge could not be read). */
async function backlog(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  const match = /^outbox_backlog_events(?:{[^}]*})? (\S+)$/m.exec(text);
  return match ? Number(match[1]) : -1;
}

/**
 * Waits until the service has sent on what the last run appended (and its projections had a
 * moment to fold it): the next run, the bare route's especially, must not share the servers with
 * that backlog (it halved the bare route's rate on 2026-12-03).
 */
async function settled(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await backlog(url)) !== 0 && Date.now() < deadline) await sleep(500);
  await sleep(3_000);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The candidates' files, opened through the API as a candidate opens one. */
async function openFiles(settings: P1Settings, runId: string): Promise<File[]> {
  return Promise.all(
    Array.from({ length: settings.files }, async (_, i) => {
      const token = signDevToken({ sub: `load-${runId}-${i}`, roles: ['candidate'], expiresIn: 3600 });
      const response = await fetch(`${settings.candidacyUrl}/v1/candidacies`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status !== 201)
        throw new Error(`P1: opening a file answered ${response.status}: ${await response.text()}`);
      const { candidacyId } = (await response.json()) as { candidacyId: string };
      return { candidacyId, token };
    }),
  );
}

/** The bare route in a process of its own, on Nest's Express adapter (the services') or Fastify's. */
export async function startBareServer(
  root: string,
  adapter: 'express' | 'fastify' = 'express',
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(root, 'bench', 'load', 'bare-write-server.ts')],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BARE_ADAPTER: adapter } },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

export type { HammerFigures };
