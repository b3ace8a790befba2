import type { EventContract } from './contract';
import { isoInstant, objectSchema, string } from './contract';

// Erasure (GDPR art. 17) by crypto-shredding: the person's data key is destroyed, then this
// event tells every service to purge what it derived from their personal data.

export const PERSON_ERASED = 'PersonErased';

export const personErasedContract: EventContract = {
  type: PERSON_ERASED,
  version: 1,
  description:
    "A person's data key was destroyed: their personal data no longer opens anywhere; every service " +
    'purges it from its read models and documents. Stream `person-<personId>`, on admissions.candidacy.events.',
  schema: objectSchema({ personId: string, erasedAt: isoInstant }),
};
