import { EventStore, stateFrom } from '@admissions/event-store';
import { CommandGateway, type CommandOrigin, personStreamId } from '@admissions/platform';
import { Injectable } from '@nestjs/common';
import {
  candidacyLinkDecider,
  type ContactUpdate,
  type Language,
  recipientDecider,
  type RecipientRef,
  type RecipientState,
} from '../domain';

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
    private readonly gateway: CommandGateway,
    private readonly store: EventStore,
  ) {}

  async link(candidacyId: string, personId: string, origin: CommandOrigin): Promise<void> {
    await this.gateway.handle(
      candidacyLinkDecider,
      candidacyLinkStream(candidacyId),
      { type: 'LinkCandidacy', data: { candidacyId, recipientId: personId } },
      origin,
    );
  }

  async recordContact(update: ContactUpdate, origin: CommandOrigin): Promise<void> {
    const personId = await this.personOf(update.recipient);
    const { email, firstName, language } = update;
    await this.gateway.handle(
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
      },
      origin,
    );
  }

  async personOf(ref: RecipientRef): Promise<string> {
    if ('personId' in ref) return ref.personId;
    const { events } = await this.store.readStream(candidacyLinkStream(ref.candidacyId));
    const state = stateFrom(candidacyLinkDecider, events);
    if (state.recipientId === undefined) {
      throw new UnknownCandidacyError(`candidacy ${ref.candidacyId} is not linked to a candidate yet`);
    }
    return state.recipientId;
  }

  /**
   * Marks a notification as waiting for the person's contact, unless it was recorded meanwhile:
   * then the recipient, to send to now (nothing for an erased person).
   */
  async awaitContact(personId: string, notificationId: string): Promise<Recipient | undefined> {
    const { state } = await this.gateway.handle(
      recipientDecider,
      recipientStream(personId),
      { type: 'AwaitContact', data: { recipientId: personId, notificationId } },
      this.gateway.system,
    );
    return state.status === 'KNOWN' ? this.recipient(personId) : undefined;
  }

  /**
   * The language a person's messages are written in, from their contact alone: whether they were
   * erased is the sending's question, not the wording's (one stream read instead of two).
   */
  async languageOf(personId: string): Promise<Language | undefined> {
    const { events } = await this.store.readStream(recipientStream(personId));
    const state: RecipientState = stateFrom(recipientDecider, events);
    return state.status === 'KNOWN' ? state.language : undefined;
  }

  /** Nothing for an erased person: their address now opens as a placeholder, never to be sent to. */
  async recipient(personId: string): Promise<Recipient | undefined> {
    const [contact, erasure] = await Promise.all([
      this.store.readStream(recipientStream(personId)),
      this.store.readStream(personStreamId(personId)),
    ]);
    if (erasure.version > 0) return undefined;
    const state: RecipientState = stateFrom(recipientDecider, contact.events);
    return state.status === 'KNOWN' ? state : undefined;
  }
}
