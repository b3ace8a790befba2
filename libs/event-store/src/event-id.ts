import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32, as ULIDs use

let lastTime = -1;
let lastRandom: Buffer = Buffer.alloc(10);

function encode(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    out = ALPHABET[Number(value % 32n)] + out;
    value /= 32n;
  }
  return out;
}

function increment(bytes: Buffer): Buffer {
  const next = Buffer.from(bytes);
  for (let i = next.length - 1; i >= 0; i -= 1) {
    if (next[i] < 255) {
      next[i] += 1;
      return next;
    }
    next[i] = 0;
  }
  return next;
}

/**
 * A ULID: 48 bits of milliseconds then 80 random bits, so ids sort by creation time; within one
 * millisecond the random part is incremented so ids made by this process stay strictly ordered.
 */
export function newEventId(now: number = Date.now()): string {
  if (now <= lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = now;
    lastRandom = randomBytes(10);
  }
  return encode(BigInt(lastTime), 10) + encode(BigInt(`0x${lastRandom.toString('hex')}`), 16);
}
