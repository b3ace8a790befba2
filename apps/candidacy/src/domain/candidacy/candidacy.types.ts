import { Diploma, EligibilityResult } from '../eligibility/eligibility';

export type Language = 'fr' | 'en';
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

export interface PostalAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

/**
 * All personal data of the candidate, kept under one `personal` field in every event so it can be
 * encrypted, masked or erased in one place.
 */
export interface Personal {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone?: string;
  /** Calendar date YYYY-MM-DD. */
  readonly birthDate?: string;
  readonly address?: PostalAddress;
}

/** The part of `personal` the review service needs to reach the candidate. */
export type Contact = Pick<Personal, 'firstName' | 'lastName' | 'email' | 'phone'>;

export type DocumentKind = 'CV' | 'MOTIVATION_LETTER' | 'TRANSCRIPT' | 'OTHER';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['CV', 'MOTIVATION_LETTER', 'TRANSCRIPT', 'OTHER'];

/** Only PDF, at most 10 MB = 10 × 1024 × 1024 bytes. */
export const DOCUMENT_CONTENT_TYPE = 'application/pdf';
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A document's metadata; its content stays in the object store at `storageRef`, never in an event. */
export interface DocumentRef {
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly contentType: typeof DOCUMENT_CONTENT_TYPE;
  readonly sizeBytes: number;
  /** Lower-case hex SHA-256 of the content. */
  readonly sha256: string;
  readonly storageRef: string;
}

export interface AttachedDocument extends DocumentRef {
  /** Chosen by the candidate and often carrying their name: personal data. */
  readonly fileName: string;
  readonly attachedAt: string;
}

export type { Diploma, EligibilityResult };
