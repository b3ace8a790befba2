import { NotFoundError } from '@admissions/domain-kernel';
import type { PersonErasure } from '../erasure/person-erasure';

/** What became of a person handed to the erasure: erased now, erased before, or nothing of theirs held. */
export type RetentionErasureOutcome = 'erased' | 'already-erased' | 'nothing-held';

/**
 * Erasure of a person's personal data across the platform (GDPR art. 17, crypto-shredding): the
 * retention job hands it each person due, with a reason naming the policy, e.g.
 * `retention:not-admitted`. Asking twice for one person changes nothing.
 */
export abstract class ErasurePort {
  abstract erase(personId: string, reason: string): Promise<RetentionErasureOutcome>;
}

/** The erasure itself (PersonErasure): the data key destroyed, PersonErased recorded and published. */
export class ErasureByKeyDestruction extends ErasurePort {
  constructor(private readonly erasure: PersonErasure) {
    super();
  }

  async erase(personId: string, reason: string): Promise<RetentionErasureOutcome> {
    try {
      return (await this.erasure.erase(personId, reason)).erasedNow ? 'erased' : 'already-erased';
    } catch (error) {
      // No key was ever made for them: none of their personal data was sealed, none is held.
      if (error instanceof NotFoundError) return 'nothing-held';
      throw error;
    }
  }
}
