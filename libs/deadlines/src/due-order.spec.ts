import { dueOrder } from './due-order';

/** A repeatable stand-in for Math.random (a linear congruential generator). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('dueOrder', () => {
  const at = (iso: string) => new Date(iso);
  const midnight = at('2026-03-25T22:59:59.999Z');
  // Two streams' deadlines, each scheduled (and so listed) as a block, all due at one instant.
  const blocks = [
    ...Array.from({ length: 20 }, (_, i) => ({ id: `a${i}`, dueAt: midnight })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `b${i}`, dueAt: midnight })),
  ];

  it('hands the soonest first, each deadline once', () => {
    const due = [
      { id: 'late', dueAt: at('2026-03-26T08:00:00Z') },
      ...blocks,
      { id: 'early', dueAt: at('2026-03-20T08:00:00Z') },
    ];

    const ordered = dueOrder(due, seeded(7));

    expect(ordered[0].id).toBe('early');
    expect(ordered[ordered.length - 1].id).toBe('late');
    expect(ordered.map((d) => d.id).sort()).toEqual(due.map((d) => d.id).sort());
  });

  it('mixes the blocks of deadlines due at the same instant', () => {
    const firstSixteen = dueOrder(blocks, seeded(7)).slice(0, 16);

    expect(firstSixteen.filter((d) => d.id.startsWith('a')).length).toBeGreaterThan(0);
    expect(firstSixteen.filter((d) => d.id.startsWith('b')).length).toBeGreaterThan(0);
  });
});
