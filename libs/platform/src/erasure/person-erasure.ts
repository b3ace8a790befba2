import { type Actor, type Clock, NotFoundError, INPUT } from '@admissions/domain-kernel';
import { Inject, Injectable } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway';
import { KeyDestructions } from '../personal-data/key-destructions';
import { KeyStoreCipher } from '../personal-data/key-store-cipher';
import { PERSON_KEY_STORE } from '../personal-data/personal-data.module';
import type { PersonKeyStore } from '../personal-data/person-key-store';
import { CLOCK } from '../tokens';
import { personErasureDecider, personStreamId } from './person-erasure.decider';

export interface ErasureOutcome {
  readonly personId: string;
  readonly erasedAt: string;
}

/** An erasure as its caller sees it: whether this call recorded it, or an earlier one had. */
export interface Erasure extends ErasureOutcome {
  readonly erasedNow: boolean;
}

/**
 * Erases a person by crypto-shredding: destroys their data key (every sealed copy of their
 * personal data, in the store, on the topics and in backups, stops opening), then records
 * PersonErased, on which every service purges its read models and documents. Both steps are
 * idempotent, so a retry after a crash between them finishes the work. The one entry point for
 * the API and for jobs (retention): `erase(personId, reason)`. PersonErased goes on the topic of
 * the service that erases; every service holding personal data takes it from there
 * (ErasurePropagation).
 */
@Injectable()
export class PersonErasure {
  constructor(
    @Inject(PERSON_KEY_STORE) private readonly keys: PersonKeyStore,
    private readonly cipher: KeyStoreCipher,
    private readonly destructions: KeyDestructions,
    private readonly gateway: CommandGateway,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async erase(personId: string, reason: string, actor: Actor = this.gateway.system.actor): Promise<Erasure> {
    const destruction = await this.keys.destroy(personId, reason, this.clock.now());
    if (destruction === 'unknown')
      throw new NotFoundError('no personal data of this person is held', INPUT, 'personId');
    this.cipher.forget(personId);
    await this.destructions.announce(personId);
    const { state, events } = await this.gateway.handle(
      personErasureDecider,
      personStreamId(personId),
      { type: 'ErasePerson', data: { personId } },
      { actor },
    );
    return { personId, erasedAt: state.erasedAt ?? this.clock.now().toISOString(), erasedNow: events.length > 0 };
  }
}
