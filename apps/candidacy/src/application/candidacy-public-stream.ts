import { CANDIDACY_PUBLIC_TYPES, candidacyPublicContracts } from '@admissions/contracts';
import type { DomainEvent } from '@admissions/domain-kernel';
import type { StoredEvent } from '@admissions/event-store';
import { CANDIDACIES_SOURCE, CANDIDACIES_TOPIC, PublicStreams } from '@admissions/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CandidacySubmitted, CandidacyWithdrawn } from '../domain';

/** A submitted file or a withdrawn one, as `admissions.candidacies.v1` carries it: ids and dates only. */
export function toPublicCandidacyEvent(event: StoredEvent): DomainEvent | undefined {
  switch (event.type) {
    case 'CandidacySubmitted': {
      const { candidacyId, candidateId, programmeCode, submittedAt } = event.data as CandidacySubmitted['data'];
      return { type: CANDIDACY_PUBLIC_TYPES.submitted, data: { candidacyId, candidateId, programmeCode, submittedAt } };
    }
    case 'CandidacyWithdrawn': {
      const { candidacyId, candidateId, programmeCode, previousStatus, withdrawnAt } =
        event.data as CandidacyWithdrawn['data'];
      // A draft never reached a programme: nobody outside the candidate heard of it.
      if (previousStatus !== 'SUBMITTED' || programmeCode === undefined) return undefined;
      return { type: CANDIDACY_PUBLIC_TYPES.withdrawn, data: { candidacyId, candidateId, programmeCode, withdrawnAt } };
    }
    default:
      return undefined;
  }
}

/** Publishes `admissions.candidacies.v1` (docs/events.md) from the candidacy service's own events. */
@Injectable()
export class CandidacyPublicStream implements OnModuleInit {
  constructor(private readonly streams: PublicStreams) {}

  onModuleInit(): void {
    this.streams.publish({
      groupId: 'candidacy.public-stream',
      topic: CANDIDACIES_TOPIC,
      source: CANDIDACIES_SOURCE,
      contracts: candidacyPublicContracts,
      from: ['CandidacySubmitted', 'CandidacyWithdrawn'],
      toPublic: toPublicCandidacyEvent,
      idOf: (eventId) => `candidacy-${eventId}`,
    });
  }
}
