import { ForbiddenError, IllegalStateError, ValidationError, assertNever, INPUT } from '@admissions/domain-kernel';
import { ProgrammeSnapshot } from '../programme/programme.types';
import { requireInteger } from '../shared/field-rules';
import { isStaff } from '../shared/roles';
import { draftFor, fileFor } from './candidacy.access';
import { RankSubmission, SubmitCandidacy, WithdrawCandidacy } from './candidacy.commands';
import { CompleteParts, checkCompleteness } from './candidacy.completeness';
import { CandidacyEvent, CandidacySubmitted } from './candidacy.events';
import { DraftCandidacy, CandidacyState } from './candidacy.state';
import { Contact, DocumentRef } from './candidacy.types';
import { assertWindowOpen } from './programme-window';

/**
 * CAND-2: only a complete, not ineligible file is transmitted, and only within the programme's
 * application window (CAND-4). Its rank in the programme's order (CAND-3) follows as SubmissionRanked.
 */
export function submitCandidacy(command: SubmitCandidacy, state: CandidacyState): CandidacyEvent[] {
  const file = draftFor(state, command.metadata.actor);
  const { programme } = command.data;
  if (file.programmeCode !== undefined) assertTargetOpen(file.programmeCode, programme, command.metadata.now);
  const completeness = checkCompleteness(file);
  if (!completeness.complete) {
    const { missing } = completeness;
    throw new IllegalStateError(`the file is incomplete, missing: ${missing.join(', ')}`, 'CAND-2', missing[0]);
  }
  const { eligibility } = completeness.parts;
  if (eligibility.status === 'INELIGIBLE') {
    throw new IllegalStateError(
      `an ineligible file cannot be submitted: ${eligibility.reason}`,
      'CAND-2',
      'eligibility',
    );
  }
  return [submitted(file, completeness.parts, programme, command.metadata.now.toISOString())];
}

/** The handler must pass the chosen programme, whose window (as it is now) must be open. */
function assertTargetOpen(programmeCode: string, programme: ProgrammeSnapshot, now: Date): void {
  if (programme.code !== programmeCode) {
    throw new ValidationError(`the file targets ${programmeCode}, not ${programme.code}`, INPUT, 'programme.code');
  }
  assertWindowOpen(programme, now);
}

function submitted(
  file: DraftCandidacy,
  parts: CompleteParts,
  programme: ProgrammeSnapshot,
  submittedAt: string,
): CandidacySubmitted {
  const { firstName, lastName, email, phone } = parts.personal;
  const contact: Contact = { firstName, lastName, email, ...(phone === undefined ? {} : { phone }) };
  const documents = file.documents.map(
    ({ documentId, kind, contentType, sizeBytes, sha256, storageRef }): DocumentRef => ({
      documentId,
      kind,
      contentType,
      sizeBytes,
      sha256,
      storageRef,
    }),
  );
  const { preferredLanguage, diplomas, experienceMonths, eligibility, programmeCode } = parts;
  return {
    type: 'CandidacySubmitted',
    data: {
      candidacyId: file.candidacyId,
      candidateId: file.candidateId,
      programmeCode,
      pedagogicalLeadId: programme.pedagogicalLeadId,
      personal: contact,
      preferredLanguage,
      diplomas,
      experienceMonths,
      eligibility,
      documents,
      submittedAt,
    },
  };
}

/**
 * CAND-3: records the rank the programme's submission ledger gave this file. Only staff (the
 * process manager acts as staff) may; the same rank again is a retry and changes nothing.
 */
export function rankSubmission(command: RankSubmission, state: CandidacyState): CandidacyEvent[] {
  const file = fileFor(state, command.metadata.actor);
  if (!isStaff(command.metadata.actor)) throw new ForbiddenError('only the system ranks submissions', 'CAND-3');
  const rank = requireInteger(command.data.rank, 'rank', 1, Number.MAX_SAFE_INTEGER, 'CAND-3');
  switch (file.status) {
    case 'DRAFT':
      throw new IllegalStateError('only a submitted file has a rank', 'CAND-3');
    case 'WITHDRAWN':
      return []; // withdrawn files are no longer handled, ranked or not
    case 'SUBMITTED': {
      if (file.rank === rank) return [];
      if (file.rank !== undefined)
        throw new IllegalStateError(`the file already has rank ${file.rank}`, 'CAND-3', 'rank');
      const rankedAt = command.metadata.now.toISOString();
      return [
        {
          type: 'SubmissionRanked',
          data: { candidacyId: file.candidacyId, programmeCode: file.programmeCode, rank, rankedAt },
        },
      ];
    }
    default:
      return assertNever(file);
  }
}

/** A draft or a submitted file can be withdrawn; withdrawing again changes nothing. */
export function withdrawCandidacy(command: WithdrawCandidacy, state: CandidacyState): CandidacyEvent[] {
  const file = fileFor(state, command.metadata.actor);
  switch (file.status) {
    case 'WITHDRAWN':
      return [];
    case 'DRAFT':
    case 'SUBMITTED': {
      const { candidacyId, candidateId, programmeCode } = file;
      const withdrawnAt = command.metadata.now.toISOString();
      const target = programmeCode === undefined ? {} : { programmeCode };
      return [
        {
          type: 'CandidacyWithdrawn',
          data: { candidacyId, candidateId, previousStatus: file.status, ...target, withdrawnAt },
        },
      ];
    }
    default:
      return assertNever(file);
  }
}
