import { NotFoundError, ValidationError, INPUT } from '@admissions/domain-kernel';
import { EventStore, stateFrom } from '@admissions/event-store';
import { Injectable } from '@nestjs/common';
import { Host, partnerDecider, PartnerState, RegisteredPartner } from '../domain';
import { partnerStreamId } from './streams';

/** Where a partner's host the plan is going to stands, as a reference in a plan's body. */
export type HostInput =
  { readonly partnerId: string } | { readonly partnerId?: undefined; readonly name: string; readonly country: string };

/** Reads partners from their own stream, so a plan is checked against the agreements as stored now. */
@Injectable()
export class PartnerReader {
  constructor(private readonly store: EventStore) {}

  async load(partnerId: string): Promise<PartnerState> {
    const stream = await this.store.readStream(partnerStreamId(partnerId));
    return stateFrom(partnerDecider, stream.events);
  }

  async require(partnerId: string): Promise<RegisteredPartner> {
    const partner = await this.load(partnerId);
    if (partner.status !== 'registered') throw new NotFoundError(`Partner ${partnerId} not found`, INPUT);
    return partner;
  }

  /**
   * The host of a plan: a partner named by id brings its registered name, country and agreements
   * (MOB-3, MOB-5 and MOB-6 check them); any other host is named by the student and is no partner.
   */
  async hostOf(input: HostInput): Promise<Host> {
    if (input.partnerId === undefined) return { name: input.name, country: input.country, partner: null };
    const partner = await this.load(input.partnerId);
    if (partner.status !== 'registered') {
      throw new ValidationError(`Partner ${input.partnerId} is not registered`, INPUT, 'host.partnerId');
    }
    return {
      name: partner.name,
      country: partner.country,
      partner: { partnerId: partner.partnerId, agreements: partner.agreements },
    };
  }
}
