/**
 * The last n ≥ `known` for which `exists(n)` holds, given that it holds for every n from 1 up to
 * that last one and for `known` (0 stands for "none"): O(log distance) lookups, doubling then halving.
 */
export async function gallop(known: number, exists: (n: number) => Promise<boolean>): Promise<number> {
  let low = known;
  let step = 1;
  while (await exists(low + step)) {
    low += step;
    step *= 2;
  }
  let high = low + step; // does not exist
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await exists(middle)) low = middle;
    else high = middle;
  }
  return low;
}
