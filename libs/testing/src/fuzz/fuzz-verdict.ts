import type { FuzzReply } from './fuzz-request';

interface ProblemBody {
  readonly type?: unknown;
  readonly field?: unknown;
  readonly ruleId?: unknown;
  readonly errors?: unknown;
}

const named = (value: unknown) => typeof value === 'string' && value.length > 0;

/** Whether a problem names what was refused: a field, a rule, each invalid field, or a specific problem type. */
function namesFieldOrRule(problem: ProblemBody): boolean {
  const errors = Array.isArray(problem.errors) ? (problem.errors as { field?: unknown }[]) : [];
  return (
    named(problem.field) ||
    named(problem.ruleId) ||
    (errors.length > 0 && errors.every((error) => named(error.field))) ||
    // A request refused as a whole (malformed JSON, a body over the limit, a charset body-parser
    // cannot read) names the rule it broke in its type.
    (named(problem.type) && problem.type !== 'about:blank')
  );
}

/**
 * What is wrong with a reply to a request made with an allowed role, or undefined when nothing
 * is: a 5xx; a 401, or the guard's 403 (the token and role were right; a decider may still refuse
 * the actor, naming its rule); a 4xx that is not problem+json or that names neither the field nor the rule.
 */
export function replyFault(reply: FuzzReply): string | undefined {
  const { status } = reply;
  if (status >= 500) return `${status}: ${JSON.stringify(reply.body).slice(0, 300)}`;
  if (status < 400) return undefined;
  if (!reply.contentType.startsWith('application/problem+json'))
    return `${status} as ${reply.contentType || 'no content type'}`;
  const problem = (typeof reply.body === 'object' && reply.body !== null ? reply.body : {}) as ProblemBody;
  if (status === 401 || (status === 403 && problem.type === 'about:blank')) {
    return `${status} with a valid token of an allowed role`;
  }
  return namesFieldOrRule(problem)
    ? undefined
    : `${status} naming neither field nor rule: ${JSON.stringify(reply.body).slice(0, 300)}`;
}
