import { ADMISSIBILITY_TYPES, admissibilityContracts } from '@admissions/contracts';
import type { DomainEvent } from '@admissions/domain-kernel';
import type { StoredEvent } from '@admissions/event-store';
import { ADMISSIBILITY_SOURCE, ADMISSIBILITY_TOPIC, PublicStreams } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CandidateDeclaredAdmissible, CandidateDeclaredNotAdmissible } from '../domain';

/** REV-4's outcome as `admissions.admissibility.v1` carries it: the lead's words stay internal. */
export function toPublicAdmissibility(event: StoredEvent): DomainEvent | undefined {
  switch (event.type) {
    case 'CandidateDeclaredAdmissible': {
      const { candidacyId, candidateId, programmeCode, declaredAt } = event.data as CandidateDeclaredAdmissible['data'];
      return { type: ADMISSIBILITY_TYPES.admissible, data: { candidacyId, candidateId, programmeCode, declaredAt } };
    }
    case 'CandidateDeclaredNotAdmissible': {
      const { candidacyId, candidateId, programmeCode, reason, declaredAt } =
        event.data as CandidateDeclaredNotAdmissible['data'];
      const data = { candidacyId, candidateId, programmeCode, reasonCode: reason.code, declaredAt };
      return { type: ADMISSIBILITY_TYPES.notAdmissible, data };
    }
    default:
      return undefined;
  }
}

/** Publishes `admissions.admissibility.v1` (docs/events.md) from the review service's own events. */
@Injectable()
export class AdmissibilityPublicStream implements OnModuleInit {
  constructor(private readonly streams: PublicStreams) {}

  onModuleInit(): void {
    this.streams.publish({
      groupId: 'review.public-stream',
      topic: ADMISSIBILITY_TOPIC,
      source: ADMISSIBILITY_SOURCE,
      contracts: admissibilityContracts,
      from: ['CandidateDeclaredAdmissible', 'CandidateDeclaredNotAdmissible'],
      toPublic: toPublicAdmissibility,
      idOf: (eventId) => `admissibility-${eventId}`,
    });
  }
}
