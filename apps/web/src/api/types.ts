// The parts of the services' replies the screens read (their OpenAPI documents have all).

export interface Programme {
  readonly code: string;
  readonly nameFr: string;
  readonly nameEn: string;
  readonly places: number;
  readonly intake: string;
  readonly intakeDate: string;
  readonly applicationWindow: { readonly opensAt: string; readonly closesAt: string };
}

export interface FileEntry {
  readonly candidacyId: string;
  readonly status: 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN';
  readonly openedAt: string;
}

export interface EligibilityCheck {
  readonly ruleId: string;
  readonly passed: boolean;
  readonly reason: string;
}

export interface Personal {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone?: string;
  readonly birthDate?: string;
}

export interface Diploma {
  readonly kind: string;
  readonly title: string;
  readonly country: string;
  readonly year: number;
  readonly declaredLevel?: string;
}

export interface CandidateSpace {
  readonly candidacyId: string;
  readonly status: FileEntry['status'];
  readonly personal?: Personal;
  readonly preferredLanguage?: 'fr' | 'en';
  readonly diplomas?: readonly Diploma[];
  readonly experienceMonths?: number;
  readonly eligibility?: {
    readonly status: string;
    readonly checks: readonly EligibilityCheck[];
    readonly reason: string;
  };
  readonly programmeCode?: string;
  readonly documents: readonly { documentId: string; kind: string; fileName: string; sizeBytes: number }[];
  readonly submittedAt?: string;
  readonly rank?: number;
  readonly missing: readonly string[];
  readonly timeline: readonly { type: string; at: string; summary: string }[];
}

export interface Application {
  readonly programmeCode: string;
  readonly candidacyId: string;
  readonly outcome: string;
  readonly at: string;
  readonly reason: string | null;
  readonly offerId: string | null;
  readonly enrolBy: string | null;
  readonly waitingListRank: number | null;
  readonly decisionId: string | null;
}

export type Opinion = 'FAVOURABLE' | 'UNFAVOURABLE';

/** A review as its lead reads it (review service, GET /v1/worklist and /v1/reviews/{candidacyId}). */
export interface Review {
  readonly candidacyId: string;
  readonly candidateId: string;
  readonly programmeCode: string;
  readonly submissionRank: number;
  readonly eligibility: 'ELIGIBLE' | 'PENDING_EQUIVALENCE';
  readonly equivalence: 'NOT_REQUIRED' | 'PENDING' | 'CONFIRMED' | 'REFUSED';
  readonly equivalenceRefusal: string | null;
  readonly status: 'OPEN' | 'ADMISSIBLE' | 'NOT_ADMISSIBLE' | 'CLOSED';
  readonly fileSummary: {
    readonly diplomaLevel: number;
    readonly experienceMonths: number;
    readonly eligibilityExplanation: { readonly reason: string; readonly checks: readonly EligibilityCheck[] };
    readonly diplomas: readonly Diploma[];
    readonly submittedAt: string;
  } | null;
  readonly personal: { readonly fullName: string; readonly email: string; readonly phone?: string } | null;
  readonly interview: {
    readonly status: 'NONE' | 'SCHEDULED' | 'CANCELLED' | 'HELD';
    readonly startsAt: string | null;
    readonly mode: 'ONSITE' | 'VIDEO' | null;
    readonly room: string | null;
    readonly link: string | null;
    readonly conclusive: boolean | null;
    readonly notes: string | null;
  };
  readonly opinion: { readonly opinion: Opinion; readonly motivation: string; readonly givenAt: string } | null;
  readonly corrections: readonly {
    readonly opinion: Opinion;
    readonly motivation: string;
    readonly reason: string;
    readonly correctedAt: string;
  }[];
  readonly notAdmissibleReason: { readonly code: string; readonly explanation: string } | null;
}

export interface AgendaEntry {
  readonly candidateId: string;
  readonly candidacyId: string;
  readonly submissionRank: number;
  readonly leadOpinion: { readonly opinion: Opinion; readonly motivation: string };
}

/** A programme's jury sessions (jury service, GET /v1/programmes/{code}/sessions). */
export interface ProgrammeSessions {
  readonly programmeCode: string;
  readonly places: number;
  readonly sessions: readonly {
    readonly sessionId: string;
    readonly month: string;
    readonly sitsAt: string;
    readonly status: 'OPEN' | 'CLOSED';
    readonly agenda: readonly AgendaEntry[];
    readonly decided: readonly string[];
  }[];
  readonly awaitingSession: readonly string[];
}

/** JURY-5 (jury service, GET /v1/programmes/{code}/seat-ledger): free = places − held − enrolled − referrals. */
export interface SeatLedger {
  readonly places: number;
  readonly offersHeld: number;
  readonly enrolled: number;
  readonly referralSeats: number;
  readonly free: number;
}
