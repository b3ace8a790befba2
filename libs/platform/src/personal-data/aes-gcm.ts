import { erasedShape, type SealedPersonal } from '@admissions/event-store';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
export const DATA_KEY_BYTES = 32;

/** A fresh data key for one person. */
export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/**
 * AES-256-GCM over the JSON of a personal value, with a fresh 96-bit IV each time. The subject is
 * authenticated data: a ciphertext moved onto another person's event does not open.
 */
export function sealWith(key: Buffer, subject: string, personal: unknown): SealedPersonal {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(subject, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(personal), 'utf8'), cipher.final()]);
  return {
    sealed: 'A256GCM',
    subject,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    erased: erasedShape(personal),
  };
}

export function openWith(key: Buffer, sealed: SealedPersonal): unknown {
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(sealed.subject, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}
