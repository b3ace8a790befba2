import { type Actor, NotFoundError, INPUT } from '@admissions/domain-kernel';
import { ERASED_TEXT, wasErased } from '@admissions/event-store';
import { ProjectionRunner } from '@admissions/projections';
import { Injectable } from '@nestjs/common';
import { type ProgrammeDetails, isStaff } from '../domain';
import {
  type CandidateFileEntry,
  type CandidateSpaceDocument,
  type PipelineDocument,
  type PipelineFile,
  type PipelineStatus,
  type ProgrammeDocument,
  type TimelineEntry,
  candidateFiles,
  candidateSpace,
  programmeCatalogue,
  programmePipeline,
} from '../projections';

/** The candidate space as the API shows it: no storage references, no read-model bookkeeping. */
export interface CandidateSpaceView {
  readonly candidacyId: string;
  readonly candidateId: string;
  readonly status: 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN';
  readonly openedAt: string;
  readonly personal?: unknown;
  readonly preferredLanguage?: string;
  readonly diplomas?: unknown;
  readonly experienceMonths?: number;
  readonly eligibility?: unknown;
  readonly programmeCode?: string;
  readonly documents: readonly {
    documentId: string;
    kind: string;
    fileName: string;
    sizeBytes: number;
    sha256: string;
    attachedAt: string;
  }[];
  readonly submittedAt?: string;
  readonly rank?: number;
  readonly withdrawnAt?: string;
  readonly missing: readonly string[];
  readonly timeline: readonly TimelineEntry[];
}

export interface PipelineView {
  readonly programmeCode: string;
  readonly counts: Readonly<Record<PipelineStatus, number>>;
  readonly submitted: readonly PipelineFile[];
}

export type ProgrammeView = ProgrammeDetails & { readonly createdAt: string; readonly changedAt?: string };

/** Reads of the read models, each one _id lookup (FerretDB scans for anything else). */
@Injectable()
export class CandidacyQueries {
  constructor(private readonly projections: ProjectionRunner) {}

  /** Another candidate's file answers 404 like a missing one, so ids cannot be probed. */
  async candidateSpace(actor: Actor, candidacyId: string): Promise<CandidateSpaceView> {
    const document = await this.projections.collection(candidateSpace).findOne({ _id: candidacyId });
    const view = document ? toSpaceView(document) : undefined;
    if (!view || (view.candidateId !== actor.id && !isStaff(actor))) {
      throw new NotFoundError('candidacy not found', 'CAND-1');
    }
    return view;
  }

  async filesOf(actor: Actor): Promise<readonly CandidateFileEntry[]> {
    const document = await this.projections.collection(candidateFiles).findOne({ _id: actor.id });
    return document?.files ?? [];
  }

  async programmes(): Promise<ProgrammeView[]> {
    // The catalogue holds a handful of programmes: reading it whole is the cheap path.
    const documents = await this.projections.collection(programmeCatalogue).find({}).sort({ _id: 1 }).toArray();
    return documents.map(toProgrammeView);
  }

  async programme(code: string): Promise<ProgrammeView> {
    const document = await this.projections.collection(programmeCatalogue).findOne({ _id: code });
    if (!document) throw new NotFoundError(`programme ${code} not found`, INPUT, 'code');
    return toProgrammeView(document);
  }

  async pipeline(code: string): Promise<PipelineView> {
    const document: PipelineDocument | null = await this.projections
      .collection(programmePipeline)
      .findOne({ _id: code });
    if (document) return { programmeCode: code, counts: document.counts, submitted: document.submitted };
    // A programme nobody targeted yet has an empty pipeline; an unknown code is not found.
    await this.programme(code);
    return { programmeCode: code, counts: { DRAFT: 0, SUBMITTED: 0, WITHDRAWN: 0 }, submitted: [] };
  }
}

const ERASED_IDENTITY = { firstName: ERASED_TEXT, lastName: ERASED_TEXT, email: ERASED_TEXT };

function toSpaceView({ file, missing, timeline }: CandidateSpaceDocument): CandidateSpaceView | undefined {
  if (file.status === 'NONE') return undefined;
  const documents = file.documents.map(({ documentId, kind, fileName, sizeBytes, sha256, attachedAt }) => ({
    documentId,
    kind,
    fileName,
    sizeBytes,
    sha256,
    attachedAt,
  }));
  const { candidacyId, candidateId, status, openedAt, personal, preferredLanguage, diplomas } = file;
  const { experienceMonths, eligibility, programmeCode } = file;
  return {
    candidacyId,
    candidateId,
    status,
    openedAt,
    // Erased: the required fields read ERASED_TEXT, the optional ones (a date, a country) are left out.
    personal: personal !== undefined && wasErased(personal) ? ERASED_IDENTITY : personal,
    preferredLanguage,
    diplomas,
    experienceMonths,
    eligibility,
    programmeCode,
    documents,
    ...(file.status === 'DRAFT' ? {} : { submittedAt: file.submittedAt, rank: file.rank }),
    ...(file.status === 'WITHDRAWN' ? { withdrawnAt: file.withdrawnAt } : {}),
    missing: file.status === 'DRAFT' ? missing : [],
    timeline,
  };
}

function toProgrammeView({ _id: _ignored, _position: _bookkeeping, ...programme }: ProgrammeDocument): ProgrammeView {
  return programme;
}
