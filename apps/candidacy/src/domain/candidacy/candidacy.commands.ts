import { Command, PdfReading } from '@admissions/domain-kernel';
import { ProgrammeSnapshot } from '../programme/programme.types';
import { Diploma, DocumentKind, Language, Personal } from './candidacy.types';

/** CAND-1: the candidate (the actor) creates the file, which opens their personal space. */
export type OpenCandidacy = Command<'OpenCandidacy', { readonly candidacyId: string }>;

export type UpdateIdentity = Command<
  'UpdateIdentity',
  { readonly personal: Personal; readonly preferredLanguage: Language }
>;

/** Replaces the whole list of diplomas. */
export type RecordDiplomas = Command<'RecordDiplomas', { readonly diplomas: readonly Diploma[] }>;

export type RecordExperience = Command<'RecordExperience', { readonly months: number }>;

/** The handler reads the programme's stream and passes its snapshot. */
export type ChooseProgramme = Command<'ChooseProgramme', { readonly programme: ProgrammeSnapshot }>;

/** Metadata of a document already uploaded to the object store (the content never travels here). */
export type AttachDocument = Command<
  'AttachDocument',
  {
    readonly documentId: string;
    readonly kind: DocumentKind;
    /** As the client named it: only its basename is kept (CAND-2). */
    readonly fileName: string;
    readonly contentType: string;
    readonly sizeBytes: number;
    readonly sha256: string;
    readonly storageRef: string;
    /** CAND-2: what reading the content as a PDF found (the handler reads it, the decider judges). */
    readonly pdf: PdfReading;
  }
>;

export type RemoveDocument = Command<'RemoveDocument', { readonly documentId: string }>;

/** CAND-2: the handler passes the chosen programme as it is now (its window may have moved). */
export type SubmitCandidacy = Command<'SubmitCandidacy', { readonly programme: ProgrammeSnapshot }>;

/** CAND-3: records the rank the programme's submission ledger gave this file (staff or system only). */
export type RankSubmission = Command<'RankSubmission', { readonly rank: number }>;

export type WithdrawCandidacy = Command<'WithdrawCandidacy', Record<string, never>>;

export type CandidacyCommand =
  | OpenCandidacy
  | UpdateIdentity
  | RecordDiplomas
  | RecordExperience
  | ChooseProgramme
  | AttachDocument
  | RemoveDocument
  | SubmitCandidacy
  | RankSubmission
  | WithdrawCandidacy;
