import { PERSON_ERASED } from '@admissions/contracts';
import type { StoredEvent } from './event';

/**
 * A `personal` value as the store keeps it: ciphertext under the data key of one person (the
 * subject), and its shape with every value replaced, which is what reads give once the key is
 * destroyed (crypto-shredding, docs/security.md).
 */
export interface SealedPersonal {
  readonly sealed: 'A256GCM';
  readonly subject: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
  readonly erased: unknown;
}

/** Encrypts and decrypts one person's personal data; the keys stay behind it (libs/platform). */
export interface PersonalDataCipher {
  seal(subject: string, personal: unknown): Promise<SealedPersonal>;
  /** The plaintext, or the sealed value's erased placeholder when the subject's key was destroyed. */
  open(sealed: SealedPersonal): Promise<unknown>;
  /** Drops whatever this process keeps of a person's key (they were erased). */
  forget(personId: string): void;
}

/** The fields that name the person an event's personal data belongs to, first found wins. */
export const SUBJECT_FIELDS: readonly string[] = ['candidateId', 'studentId', 'recipientId', 'personId'];

const PERSONAL = 'personal';

export function isSealed(value: unknown): value is SealedPersonal {
  return typeof value === 'object' && value !== null && (value as { sealed?: unknown }).sealed === 'A256GCM';
}

/** What every text of an erased person's personal data reads. */
export const ERASED_TEXT = '[erased]';

/** The placeholder of a personal value: its shape, with nothing of what it held. */
export function erasedShape(value: unknown): unknown {
  if (typeof value === 'string') return ERASED_TEXT;
  if (typeof value === 'number') return 0;
  if (typeof value === 'boolean') return false;
  if (Array.isArray(value)) return value.map(erasedShape);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, erasedShape(inner)]));
  }
  return value;
}

/** Whether a personal value is an erased placeholder: it has texts, and each reads ERASED_TEXT. */
export function wasErased(value: unknown): boolean {
  const texts: string[] = [];
  const collect = (inner: unknown): void => {
    if (typeof inner === 'string') texts.push(inner);
    else if (typeof inner === 'object' && inner !== null) Object.values(inner).forEach(collect);
  };
  collect(value);
  return texts.length > 0 && texts.every((text) => text === ERASED_TEXT);
}

function subjectIn(data: object): string | undefined {
  for (const field of SUBJECT_FIELDS) {
    const value = (data as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

/** Whether an event's data holds a `personal` value anywhere that is not sealed yet. */
export function hasOpenPersonal(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  return Object.entries(data).some(([key, value]) =>
    key === PERSONAL ? !isSealed(value) && value !== undefined : hasOpenPersonal(value),
  );
}

/**
 * Seals and opens every `personal` value of an event's data, at any depth, so that deciders and
 * projections see plaintext while the store and the topics hold only ciphertext. The subject is
 * the nearest person id (SUBJECT_FIELDS) around the value, else the one the stream's first event
 * names (a candidacy's later events name only the candidacy).
 */
export class PersonalDataCodec {
  constructor(private readonly cipher: PersonalDataCipher) {}

  /** `streamSubject` is asked only when the data names no person itself. */
  async seal(data: unknown, streamSubject: () => Promise<string | undefined>): Promise<unknown> {
    if (!hasOpenPersonal(data)) return data;
    return this.sealWithin(data, undefined, streamSubject);
  }

  async open(data: unknown): Promise<unknown> {
    if (typeof data !== 'object' || data === null) return data;
    if (Array.isArray(data)) return Promise.all(data.map((item) => this.open(item)));
    const entries = await Promise.all(
      Object.entries(data).map(async ([key, value]) => [
        key,
        key === PERSONAL && isSealed(value) ? await this.cipher.open(value) : await this.open(value),
      ]),
    );
    return Object.fromEntries(entries);
  }

  forget(personId: string): void {
    this.cipher.forget(personId);
  }

  async openEvent<E extends StoredEvent>(event: E): Promise<E> {
    return hasSealed(event.data) ? { ...event, data: await this.open(event.data) } : event;
  }

  private async sealWithin(
    data: unknown,
    around: string | undefined,
    streamSubject: () => Promise<string | undefined>,
  ): Promise<unknown> {
    if (typeof data !== 'object' || data === null) return data;
    if (Array.isArray(data)) return Promise.all(data.map((item) => this.sealWithin(item, around, streamSubject)));
    const subject = subjectIn(data) ?? around;
    const entries = await Promise.all(
      Object.entries(data).map(async ([key, value]) => {
        if (key !== PERSONAL || value === undefined || isSealed(value)) {
          return [key, await this.sealWithin(value, subject, streamSubject)];
        }
        const owner = subject ?? (await streamSubject());
        // Never stored in clear: personal data nobody owns is a bug of the event's shape.
        if (owner === undefined) throw new Error('personal data with no person id beside it or on its stream');
        return [key, await this.cipher.seal(owner, value)];
      }),
    );
    return Object.fromEntries(entries);
  }
}

function hasSealed(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  return Object.entries(data).some(([key, value]) => (key === PERSONAL && isSealed(value)) || hasSealed(value));
}

/** The person an event's data names, for a stream's first event. */
export function subjectOfData(data: unknown): string | undefined {
  return typeof data === 'object' && data !== null ? subjectIn(data) : undefined;
}

/** The person a PersonErased event names; nothing for any other event. */
export function erasedPersonOf(event: StoredEvent): string | undefined {
  if (event.type !== PERSON_ERASED) return undefined;
  const { personId } = event.data as { personId?: unknown };
  return typeof personId === 'string' ? personId : undefined;
}
