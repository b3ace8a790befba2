// Resident memory of the services `npm start` runs, read from /proc through the pid files it
// writes (.local/run/services/<name>.pid): at rest, and the highest seen while a scenario runs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SERVICE_NAMES = ['candidacy', 'review', 'jury', 'notification', 'mobility'] as const;

export type Rss = Partial<Record<(typeof SERVICE_NAMES)[number], number>>;

/** Megabytes of resident memory of each service running, or nothing for one not found. */
export function rssNow(root: string): Rss {
  const rss: Rss = {};
  for (const name of SERVICE_NAMES) {
    const pidFile = join(root, '.local', 'run', 'services', `${name}.pid`);
    if (!existsSync(pidFile)) continue;
    const status = `/proc/${readFileSync(pidFile, 'utf8').trim()}/status`;
    if (!existsSync(status)) continue;
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(status, 'utf8'))?.[1];
    if (kb) rss[name] = Math.round(Number(kb) / 1024);
  }
  return rss;
}

/** Samples every second while `work` runs; answers its result and the highest RSS of each service. */
export async function peakRssDuring<T>(root: string, work: () => Promise<T>): Promise<{ result: T; peak: Rss }> {
  const peak: Rss = {};
  const sample = () => {
    for (const [name, mb] of Object.entries(rssNow(root)) as [keyof Rss, number][]) {
      peak[name] = Math.max(peak[name] ?? 0, mb);
    }
  };
  const timer = setInterval(sample, 1000);
  try {
    const result = await work();
    sample();
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}
