/**
 * The order in which deadlines due at once are handed to the worker: soonest first, and those
 * due at the same instant shuffled. Deadlines bunch (a day's offers all end at 23:59:59.999
 * Paris), and a batch scheduled together comes back listed together: the jobs of one stream in a
 * block would take every worker, each queued on that stream's command lock, while the other
 * streams' jobs wait their turn.
 */
export function dueOrder<D extends { readonly dueAt: Date }>(
  due: readonly D[],
  random: () => number = Math.random,
): D[] {
  const ordered = [...due].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  for (let start = 0; start < ordered.length;) {
    let end = start + 1;
    while (end < ordered.length && ordered[end].dueAt.getTime() === ordered[start].dueAt.getTime()) end += 1;
    shuffle(ordered, start, end, random);
    start = end;
  }
  return ordered;
}

/** Fisher–Yates over items[start, end). */
function shuffle<T>(items: T[], start: number, end: number, random: () => number): void {
  for (let i = end - 1; i > start; i -= 1) {
    const j = start + Math.floor(random() * (i - start + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
