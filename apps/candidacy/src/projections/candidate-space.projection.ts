import { assertNever } from '@admissions/domain-kernel';
import { erasedShape, type StoredEvent } from '@admissions/event-store';
import type { Projection } from '@admissions/projections';
import {
  type CandidacyEvent,
  type CandidacyState,
  checkCompleteness,
  evolveCandidacy,
  initialCandidacyState,
  type Personal,
} from '../domain';

export const CANDIDACY_EVENT_TYPES: readonly CandidacyEvent['type'][] = [
  'CandidacyOpened',
  'IdentityUpdated',
  'DiplomasRecorded',
  'ExperienceRecorded',
  'EligibilityAssessed',
  'ProgrammeChosen',
  'DocumentAttached',
  'DocumentRemoved',
  'CandidacySubmitted',
  'SubmissionRanked',
  'CandidacyWithdrawn',
];

export interface TimelineEntry {
  readonly type: CandidacyEvent['type'];
  readonly at: string;
  readonly summary: string;
}

/**
 * The candidate's personal space (CAND-1), keyed by candidacy id: the file folded with the
 * domain's own evolve, what it still lacks (CAND-2), and a timeline of what happened and when.
 */
export interface CandidateSpaceDocument {
  _id: string;
  _position?: number;
  file: CandidacyState;
  missing: readonly string[];
  timeline: readonly TimelineEntry[];
}

export const candidateSpace: Projection<CandidateSpaceDocument> = {
  name: 'rm_candidate_space',
  handles: CANDIDACY_EVENT_TYPES,
  documentsOf: (event) => [candidacyIdOf(event)],
  startedBy: ['CandidacyOpened'],
  evolve: (document, stored) => {
    const event = asCandidacyEvent(stored);
    const file = evolveCandidacy(document?.file ?? initialCandidacyState(), event);
    const completeness = file.status === 'NONE' ? undefined : checkCompleteness(file);
    return {
      _id: candidacyIdOf(stored),
      file,
      missing: completeness === undefined || completeness.complete ? [] : completeness.missing,
      timeline: [
        ...(document?.timeline ?? []),
        { type: event.type, at: stored.metadata.occurredAt, summary: summaryOf(event) },
      ],
    };
  },
  // Erasure: the identity and the documents' names become placeholders; the rest of the file stays.
  erasure: {
    personField: 'file.candidateId',
    erase: (document) => {
      const { file } = document;
      if (file.status === 'NONE') return document;
      const documents = file.documents.map((attached) => ({ ...attached, fileName: '[erased]' }));
      const personal = file.personal === undefined ? {} : { personal: erasedShape(file.personal) as Personal };
      return { ...document, file: { ...file, ...personal, documents } };
    },
  },
};

/** The runner hands a projection only the types it handles, all of them candidacy events. */
export function asCandidacyEvent(stored: StoredEvent): CandidacyEvent {
  return { type: stored.type, data: stored.data } as CandidacyEvent;
}

export function candidacyIdOf(event: StoredEvent): string {
  return (event.data as { candidacyId: string }).candidacyId;
}

/** One line per event, for the candidate to read; personal data stays out of it. */
function summaryOf(event: CandidacyEvent): string {
  switch (event.type) {
    case 'CandidacyOpened':
      return 'File created; your candidate space is open (CAND-1)';
    case 'IdentityUpdated':
      return `Identity and contact updated (preferred language ${event.data.preferredLanguage})`;
    case 'DiplomasRecorded':
      return `${event.data.diplomas.length} diploma(s) recorded`;
    case 'ExperienceRecorded':
      return `${event.data.months} months of professional experience recorded`;
    case 'EligibilityAssessed':
      return `Eligibility: ${event.data.eligibility.status} — ${event.data.eligibility.reason}`;
    case 'ProgrammeChosen':
      return `Target programme: ${event.data.programmeCode}`;
    case 'DocumentAttached':
      return `${event.data.kind} attached (${event.data.sizeBytes} bytes, PDF)`;
    case 'DocumentRemoved':
      return 'A document was removed';
    case 'CandidacySubmitted':
      return `Submitted to ${event.data.programmeCode}; transmitted to the pedagogical lead (CAND-2)`;
    case 'SubmissionRanked':
      return `Position ${event.data.rank} in ${event.data.programmeCode}'s submission order (CAND-3)`;
    case 'CandidacyWithdrawn':
      return 'File withdrawn';
    default:
      return assertNever(event);
  }
}
