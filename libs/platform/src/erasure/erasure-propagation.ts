import { PERSON_ERASED } from '@admissions/contracts';
import { erasedPersonOf, EventStore } from '@admissions/event-store';
import type { ReceivedEvent } from '@admissions/messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway';
import { SERVICE_NAME } from '../config/platform-config.module';
import { EventSubscriptions } from '../event-sourcing/event-subscriptions';
import { eventTopicOf } from '../event-sourcing/topics';
import { personErasureDecider, personStreamId } from './person-erasure.decider';

/**
 * The services that erase, on whose topics PersonErased first appears: candidacy hosts the
 * data-protection officer's route, jury and review run retention policies.
 */
export const ERASING_SERVICES = ['candidacy', 'jury', 'review'] as const;

/** The consumer group through which a service takes in PersonErased. */
export const erasureGroupOf = (service: string): string => `${service}.person-erasure`;

/**
 * PersonErased from another erasing service's topic is recorded in this service's own log
 * (idempotent, stream `person-<id>`), so that its projections purge the person in log order, as
 * a rebuild would, and this process forgets the person's key at once.
 */
@Injectable()
export class ErasurePropagation implements OnModuleInit {
  constructor(
    private readonly subscriptions: EventSubscriptions,
    private readonly gateway: CommandGateway,
    private readonly store: EventStore,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe({
      groupId: erasureGroupOf(this.service),
      topics: ERASING_SERVICES.filter((service) => service !== this.service).map(eventTopicOf),
      types: [PERSON_ERASED],
      handler: (event) => this.record(event),
    });
  }

  private async record(event: ReceivedEvent): Promise<void> {
    const personId = erasedPersonOf(event);
    if (personId === undefined) return;
    this.store.forgetKey(personId);
    await this.gateway.handle(
      personErasureDecider,
      personStreamId(personId),
      { type: 'ErasePerson', data: { personId } },
      this.gateway.causedBy(event.metadata.eventId),
    );
  }
}
