import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';

/** By stream: the version of the last commit the request stored (or found, for a command that changed nothing). */
type Written = Map<string, number>;

const storage = new AsyncLocalStorage<Written>();

/** Express middleware: each request gets a record of the commits its commands store. */
export function writtenCommitsMiddleware(_req: Request, _res: Response, next: NextFunction): void {
  storage.run(new Map(), next);
}

/** Notes a commit of the current request (nothing outside a request: process managers, deadlines). */
export function recordWrite(commitId: string): void {
  const written = storage.getStore();
  const at = commitId.lastIndexOf('@');
  const streamId = commitId.slice(0, at);
  const version = Number(commitId.slice(at + 1));
  if (written && version > (written.get(streamId) ?? 0)) written.set(streamId, version);
}

/** The commits the current request stored, the last of each stream. */
export function writesOfRequest(): string[] {
  return [...(storage.getStore() ?? new Map<string, number>())].map(([streamId, version]) => `${streamId}@${version}`);
}
