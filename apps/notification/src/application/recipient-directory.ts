import type { Clock } from '@admissions/domain-kernel';
import { CommandRunner, EventStore } from '@admissions/event-store';
import { CLOCK } from '@admissions/platform';
import { Inject, Injectable } from '@nestjs/common';
import {
  candidacyLinkDecider,
  type CandidacyLinkEvent,
  type ContactUpdate,
  type Language,
  recipientDecider,
  type RecipientEvent,
  type RecipientRef,
  type RecipientState,
} from '../domain';
import { type Causation, SYSTEM_ACTOR } from './system-actor';

export interface Recipient {
  readonly email: string;
  readonly firstName?: string;
  readonly language: Language;
}

export const recipientStream = (personId: string) => `recipient-${personId}`;
export const candidacyLinkStream = (candidacyId: string) => `candidacy-link-${candidacyId}`;

/** Raised until the event that tells whose candidacy it is has been read; the consumer retries. */
export class UnknownCandidacyError extends Error {}

/**
 * Who a message goes to and how to reach them, learnt from the events that carry it
 * (CandidacySubmitted, IdentityUpdated, ReviewOpened): address, first name and language only.
 */
@Injectable()
export class RecipientDirectory {
  constructor(
    private readonly runner: CommandRunner,
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async link(candidacyId: string, personId: string, causation: Causation): Promise<void> {
    await this.runner.run(
      candidacyLinkDecider,
      candidacyLinkStream(candidacyId),
      { type: 'LinkCandidacy', data: { candidacyId, recipientId: personId }, metadata: this.metadata() },
      causation,
    );
  }

  async recordContact(update: ContactUpdate, causation: Causation): Promise<void> {
    const personId = await this.personOf(update.recipient);
    const { email, firstName, language } = update;
    await this.runner.run(
      recipientDecider,
      recipientStream(personId),
      {
        type: 'RecordContact',
        data: {
          recipientId: personId,
          email,
          ...(firstName === undefined ? {} : { firstName }),
          ...(language === undefined ? {} : { language }),
        },
        metadata: this.metadata(),
      },
      causation,
    );
  }

  async personOf(ref: RecipientRef): Promise<string> {
    if ('personId' in ref) return ref.personId;
    const { events } = await this.store.readStream(candidacyLinkStream(ref.candidacyId));
    const state = events.reduce(
      (s, e) => candidacyLinkDecider.evolve(s, e as unknown as CandidacyLinkEvent),
      candidacyLinkDecider.initialState(),
    );
    if (state.recipientId === undefined) {
      throw new UnknownCandidacyError(`candidacy ${ref.candidacyId} is not linked to a candidate yet`);
    }
    return state.recipientId;
  }

  async recipient(personId: string): Promise<Recipient | undefined> {
    const { events } = await this.store.readStream(recipientStream(personId));
    const state: RecipientState = events.reduce(
      (s, e) => recipientDecider.evolve(s, e as unknown as RecipientEvent),
      recipientDecider.initialState(),
    );
    return state.status === 'KNOWN' ? state : undefined;
  }

  private metadata() {
    return { now: this.clock.now(), actor: SYSTEM_ACTOR };
  }
}
