// P1's question of the HTTP adapter: the bare route (one insert, one Kafka send) on Nest's Express
// adapter, which the services use, and on its Fastify adapter, at saturation in alternating rounds
// (the machine is shared: a ratio per round, each side run right after the other).
import { candidateFile } from '../../e2e/season/fixtures';
import { hammer, type HammerFigures, type RequestPlan } from './hammer';
import { startBareServer } from './p1-commands';

export interface AdapterRound {
  readonly express: HammerFigures;
  readonly fastify: HammerFigures;
}

export async function runAdapters(
  settings: { readonly root: string; readonly seconds: number; readonly connections: number; readonly rounds: number },
  say: (line: string) => void,
): Promise<AdapterRound[]> {
  const runId = Date.now().toString(36);
  const plan: RequestPlan = {
    method: 'PUT',
    path: (n) => `/bare/adapters-${runId}-${n % 64}`,
    headers: () => ({ 'content-type': 'application/json' }),
    body: (n) => JSON.stringify(candidateFile(n, runId).identity),
  };
  const express = await startBareServer(settings.root, 'express');
  const fastify = await startBareServer(settings.root, 'fastify');
  try {
    const run = { connections: settings.connections, seconds: settings.seconds };
    const rounds: AdapterRound[] = [];
    for (let round = 1; round <= settings.rounds; round++) {
      say(`adapters, round ${round} of ${settings.rounds}: ${settings.seconds} s on each`);
      // Each round starts with the other adapter, so neither always runs on a warmer server.
      if (round % 2 === 1) {
        const onExpress = await hammer(express.url, plan, run);
        rounds.push({ express: onExpress, fastify: await hammer(fastify.url, plan, run) });
      } else {
        const onFastify = await hammer(fastify.url, plan, run);
        rounds.push({ fastify: onFastify, express: await hammer(express.url, plan, run) });
      }
    }
    return rounds;
  } finally {
    await Promise.all([express.stop(), fastify.stop()]);
  }
}

/** One markdown row per round: each adapter's rate and latencies, and Fastify's rate over Express's. */
export function adapterRows(rounds: readonly AdapterRound[]): string[] {
  const figures = (h: HammerFigures) =>
    `${Math.round(h.rps)} req/s, p50/p99 ${Math.round(h.latency.p50)}/${Math.round(h.latency.p99)} ms`;
  return rounds.map(
    ({ express, fastify }, i) =>
      `| ${i + 1} | ${figures(express)} | ${figures(fastify)} | ${(fastify.rps / express.rps).toFixed(2)} |`,
  );
}
