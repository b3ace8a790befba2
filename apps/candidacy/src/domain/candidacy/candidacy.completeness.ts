import { CandidacyFile } from './candidacy.state';
import { Diploma, DocumentKind, EligibilityResult, Language, Personal } from './candidacy.types';

type RequiredDocument = Extract<DocumentKind, 'CV' | 'MOTIVATION_LETTER'>;
const REQUIRED_DOCUMENTS: readonly RequiredDocument[] = ['CV', 'MOTIVATION_LETTER'];

/** The parts CAND-2 requires before a file can be transmitted, named as the file's fields. */
export type MissingPart =
  'personal' | 'diplomas' | 'experienceMonths' | `documents.${RequiredDocument}` | 'programmeCode';

export interface CompleteParts {
  readonly personal: Personal;
  readonly preferredLanguage: Language;
  readonly diplomas: readonly Diploma[];
  readonly experienceMonths: number;
  readonly eligibility: EligibilityResult;
  readonly programmeCode: string;
}

export type Completeness =
  | { readonly complete: true; readonly parts: CompleteParts }
  | { readonly complete: false; readonly missing: readonly MissingPart[] };

/**
 * CAND-2: complete = identity, at least one diploma with kind and level (checked when recorded),
 * experience in months, CV and motivation letter, target programme. Eligibility (not INELIGIBLE)
 * is checked by the submission itself. The API can show `missing` as the candidate's checklist.
 */
export function checkCompleteness(file: CandidacyFile): Completeness {
  const { personal, preferredLanguage, diplomas, experienceMonths, eligibility, programmeCode } = file;
  const missing: MissingPart[] = [];
  if (!personal || !preferredLanguage) missing.push('personal');
  if (!diplomas || diplomas.length === 0 || !eligibility) missing.push('diplomas');
  if (experienceMonths === undefined) missing.push('experienceMonths');
  for (const kind of REQUIRED_DOCUMENTS) {
    if (!file.documents.some((document) => document.kind === kind)) missing.push(`documents.${kind}`);
  }
  if (programmeCode === undefined) missing.push('programmeCode');
  const complete = missing.length === 0 && personal && preferredLanguage && diplomas && eligibility;
  if (!complete || experienceMonths === undefined || programmeCode === undefined) return { complete: false, missing };
  return {
    complete: true,
    parts: { personal, preferredLanguage, diplomas, experienceMonths, eligibility, programmeCode },
  };
}
