import { INPUT, ValidationError } from '@admissions/domain-kernel';

/**
 * Read-your-writes at the API: a command's reply carries this header, naming the commits the
 * command stored; a query given it back waits until its read models show them.
 */
export const CONSISTENCY_HEADER = 'X-Consistency-Token';

/** How long a query waits for its read models to show a write. */
export const READ_AFTER_BOUND_MS = 5000;

/** Commits one token may name (a request writes to a stream or two). */
const MAX_COMMITS = 8;
const MAX_TOKEN_LENGTH = 2048;
/** A commit id: `<stream id>@<first version>`; stream ids may hold any character, even `@`. */
const COMMIT_ID = /^.{1,300}@[1-9][0-9]{0,14}$/s;

/**
 * The token of the commits a request stored (their ids, `<stream id>@<version>`): base64url of
 * their JSON list, opaque to clients, who only hand it back.
 */
export function tokenOf(commitIds: readonly string[]): string {
  return Buffer.from(JSON.stringify(commitIds)).toString('base64url');
}

/** The commit ids a token names; a token this code did not make is refused (400, naming the header). */
export function commitsOf(token: string): string[] {
  const refuse = (why: string): never => {
    throw new ValidationError(`${CONSISTENCY_HEADER} ${why}`, INPUT, CONSISTENCY_HEADER);
  };
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) {
    return refuse('is not a token a command of this service answered');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return refuse('is not a token a command of this service answered');
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length > 0 &&
    parsed.length <= MAX_COMMITS &&
    parsed.every((id) => typeof id === 'string' && COMMIT_ID.test(id));
  return valid ? (parsed as string[]) : refuse('is not a token a command of this service answered');
}
