import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface DevKeyPair {
  readonly privateKey: string;
  readonly publicKey: string;
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The development signing key pair in `dir` (private.pem, public.pem), created on first use.
 * Five services start at once on a fresh checkout, so the private key is published with a
 * hard link, which fails if another process got there first: every process then reads the
 * same key, and the public key is always derived from it.
 */
export function ensureDevKeyPair(dir: string): DevKeyPair {
  const directory = resolve(dir);
  const privatePath = join(directory, 'private.pem');
  const publicPath = join(directory, 'public.pem');

  let privateKey = readIfPresent(privatePath);
  if (privateKey === undefined) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const generated = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    const staging = join(directory, `.private-${randomUUID()}.pem`);
    writeFileSync(staging, generated, { mode: 0o600 });
    try {
      linkSync(staging, privatePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(staging);
    }
    privateKey = readFileSync(privatePath, 'utf8');
  }

  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
  if (readIfPresent(publicPath) !== publicKey) writeFileSync(publicPath, publicKey, { mode: 0o644 });
  return { privateKey, publicKey };
}
