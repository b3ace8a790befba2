/** One invariant after a chaos run: the counts it rests on, and what broke it (empty when it holds). */
export interface Check {
  readonly name: string;
  readonly figures: Readonly<Record<string, number>>;
  readonly problems: readonly string[];
}

/** At most this many problems are listed per invariant: the count says how many there were. */
export const LISTED = 10;

export function check(name: string, figures: Record<string, number>, problems: readonly string[]): Check {
  return { name, figures, problems: problems.slice(0, LISTED) };
}
