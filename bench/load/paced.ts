// A steady rate, open loop: request n leaves at start + n / rate whether or not the earlier ones
// were answered, and is timed from that moment, so a server that falls behind shows it as latency.
// autocannon's `overallRate` cannot measure this: each connection sends its share of a second back
// to back as the second begins, then waits, so every second opens with a burst at full
// concurrency and its latencies are those of saturation (2026-12-03: "half of saturation"
// measured p50 145–245 ms, 16 connections over ~100 req/s by Little's law).
import { Agent, request } from 'node:http';
import { figuresOf, type HammerFigures, loopback, MAX_REQUESTS, type RequestPlan } from './hammer';

export interface PacedSettings {
  /** Requests per second, evenly spaced. */
  readonly rate: number;
  readonly seconds: number;
  /** Sockets kept open at most; a request finding none free waits, and its wait is counted. */
  readonly connections: number;
}

const TIMEOUT_MS = 10_000;

function send(origin: URL, plan: RequestPlan, n: number, agent: Agent): Promise<number> {
  const body = plan.body(n);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: origin.hostname,
        port: origin.port,
        method: plan.method,
        path: plan.path(n),
        headers: { ...plan.headers(n), 'content-length': Buffer.byteLength(body) },
        agent,
        timeout: TIMEOUT_MS,
      },
      (incoming) => {
        incoming.resume();
        incoming.on('end', () => resolve(incoming.statusCode ?? 0));
        incoming.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function paced(base: string, plan: RequestPlan, settings: PacedSettings): Promise<HammerFigures> {
  const origin = loopback(base);
  const agent = new Agent({ keepAlive: true, maxSockets: settings.connections });
  const total = Math.min(MAX_REQUESTS, Math.round(settings.rate * settings.seconds));
  const bySecond: number[][] = [];
  let failed = 0;
  const replies: Promise<void>[] = [];
  const started = performance.now();
  for (let n = 0; n < total; n += 1) {
    const due = started + (n * 1000) / settings.rate;
    const early = due - performance.now();
    if (early > 0) await sleep(early);
    replies.push(
      send(origin, plan, n, agent).then(
        (status) => {
          if (status < 200 || status >= 300) return void (failed += 1);
          (bySecond[Math.floor((due - started) / 1000)] ??= []).push(performance.now() - due);
        },
        () => void (failed += 1),
      ),
    );
  }
  await Promise.all(replies);
  agent.destroy();
  return figuresOf(bySecond, failed, (performance.now() - started) / 1000);
}
