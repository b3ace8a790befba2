import { MOBILITY_PUBLIC_TYPES, mobilityPublicContracts } from '@admissions/contracts';
import type { DomainEvent } from '@admissions/domain-kernel';
import type { StoredEvent } from '@admissions/event-store';
import { MOBILITY_SOURCE, MOBILITY_TOPIC, PublicStreams } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { MobilityApproved, MobilityRequirementFulfilled } from '../domain';

/** An approval or a fulfilled requirement as `admissions.mobility.v1` carries it: who approved stays internal. */
export function toPublicMobilityEvent(event: StoredEvent): DomainEvent | undefined {
  switch (event.type) {
    case 'MobilityApproved': {
      const { planId, studentId, authority, approvedAt } = event.data as MobilityApproved['data'];
      return { type: MOBILITY_PUBLIC_TYPES.approvalGiven, data: { planId, studentId, authority, approvedAt } };
    }
    case 'MobilityRequirementFulfilled': {
      const { planId, studentId, kind, fulfilledAt } = event.data as MobilityRequirementFulfilled['data'];
      return { type: MOBILITY_PUBLIC_TYPES.requirementFulfilled, data: { planId, studentId, kind, fulfilledAt } };
    }
    default:
      return undefined;
  }
}

/** Publishes `admissions.mobility.v1` (docs/events.md) from the mobility service's own events. */
@Injectable()
export class MobilityPublicStream implements OnModuleInit {
  constructor(private readonly streams: PublicStreams) {}

  onModuleInit(): void {
    this.streams.publish({
      groupId: 'mobility.public-stream',
      topic: MOBILITY_TOPIC,
      source: MOBILITY_SOURCE,
      contracts: mobilityPublicContracts,
      from: ['MobilityApproved', 'MobilityRequirementFulfilled'],
      toPublic: toPublicMobilityEvent,
      idOf: (eventId) => `mobility-${eventId}`,
    });
  }
}
