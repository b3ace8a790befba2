/**
 * BullMQ job ids derived from deadline ids. The id must be deterministic (scheduling again finds
 * and replaces the same job), and BullMQ refuses custom ids that contain ':' or look like an
 * integer, so the deadline id is percent-encoded (':' -> %3A, reversible) behind a prefix.
 */
const PREFIX = 'dl-';

export function toJobId(deadlineId: string): string {
  if (deadlineId.length === 0) throw new Error('A deadline id must not be empty');
  return PREFIX + encodeURIComponent(deadlineId);
}

export function fromJobId(jobId: string): string {
  if (!jobId.startsWith(PREFIX)) throw new Error(`Not a deadline job id: ${jobId}`);
  return decodeURIComponent(jobId.slice(PREFIX.length));
}
