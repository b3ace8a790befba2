import { type RuleId, ValidationError } from './errors';

/**
 * What reading an uploaded file as a PDF found, handed to a decider as a fact (the bytes never
 * reach the domain). Readable means a reader can open it without a password.
 */
export type PdfReading =
  | { readonly readable: true; readonly pages: number }
  | { readonly readable: false; readonly reason: 'NOT_PDF' | 'ENCRYPTED' | 'MALFORMED' };

const REFUSALS: Readonly<Record<Exclude<PdfReading, { readable: true }>['reason'], string>> = {
  NOT_PDF: 'file is not a PDF (only application/pdf is accepted)',
  ENCRYPTED: 'the PDF is encrypted or password-protected: send it unprotected so that staff can read it',
  MALFORMED: 'the PDF is damaged: a PDF reader cannot open it',
};

/** Refuses, under the caller's rule, a file that is not a PDF a reader can open. */
export function requireReadablePdf(
  reading: PdfReading,
  ruleId: RuleId,
  field: string,
): asserts reading is Extract<PdfReading, { readable: true }> {
  if (!reading.readable) throw new ValidationError(REFUSALS[reading.reason], ruleId, field);
}

export const MAX_DISPLAY_NAME_LENGTH = 120;
const FALLBACK_NAME = 'document.pdf';
// Bidirectional marks and overrides can disguise an extension ("gpj.exe"); controls go too.
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const isControl = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};
// Characters that some file systems reserve; replaced so that a download keeps a usable name.
const RESERVED = /[<>:"|?*]/g;

/**
 * The name to show for an uploaded file: the client's name is only a label, so it is reduced to
 * a basename without path separators, control characters or leading dots, at most 120
 * characters (the extension kept), and never used as a path.
 */
export function displayFileName(original: string): string {
  const base = (original.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const clean = [...base]
    .filter((char) => !isControl(char))
    .join('')
    .replace(BIDI, '')
    .replace(RESERVED, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (clean === '') return FALLBACK_NAME;
  const chars = [...clean];
  if (chars.length <= MAX_DISPLAY_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? [...clean.slice(dot)] : [];
  return [...chars.slice(0, MAX_DISPLAY_NAME_LENGTH - extension.length), ...extension].join('');
}
