import {
  ValidationError,
  compareDates,
  displayFileName,
  parisDate,
  parseCalendarDate,
  requireReadablePdf,
  INPUT,
} from '@admissions/domain-kernel';
import { DECLARED_LEVELS, DIPLOMA_KINDS } from '../eligibility/eligibility';
import { requireCalendarDate, requireInteger, requireOneOf, requireText } from '../shared/field-rules';
import { AttachDocument } from './candidacy.commands';
import {
  DOCUMENT_CONTENT_TYPE,
  DOCUMENT_KINDS,
  Diploma,
  DocumentRef,
  MAX_DOCUMENT_BYTES,
  Personal,
  PostalAddress,
} from './candidacy.types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 .()-]{5,19}$/;
const COUNTRY = /^[A-Z]{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;
export const MAX_DIPLOMAS = 10;
export const MAX_EXPERIENCE_MONTHS = 600;

export function validatePersonal(personal: Personal, now: Date): Personal {
  if (typeof personal !== 'object' || personal === null)
    throw new ValidationError('personal is required', INPUT, 'personal');
  const email = requireText(personal.email, 'personal.email', 254);
  if (!EMAIL.test(email)) throw new ValidationError('personal.email is not an email address', INPUT, 'personal.email');
  return {
    firstName: requireText(personal.firstName, 'personal.firstName', 100),
    lastName: requireText(personal.lastName, 'personal.lastName', 100),
    email,
    ...(personal.phone === undefined ? {} : { phone: validatePhone(personal.phone) }),
    ...(personal.birthDate === undefined ? {} : { birthDate: validateBirthDate(personal.birthDate, now) }),
    ...(personal.address === undefined ? {} : { address: validateAddress(personal.address) }),
  };
}

function validatePhone(phone: string): string {
  const text = requireText(phone, 'personal.phone', 20);
  if (!PHONE.test(text)) throw new ValidationError('personal.phone is not a phone number', INPUT, 'personal.phone');
  return text;
}

function validateBirthDate(birthDate: string, now: Date): string {
  const text = requireCalendarDate(birthDate, 'personal.birthDate');
  const date = parseCalendarDate(text);
  if (!date || compareDates(date, parisDate(now)) >= 0) {
    throw new ValidationError('personal.birthDate must be in the past', INPUT, 'personal.birthDate');
  }
  return text;
}

function validateAddress(address: PostalAddress): PostalAddress {
  return {
    street: requireText(address.street, 'personal.address.street'),
    postalCode: requireText(address.postalCode, 'personal.address.postalCode', 20),
    city: requireText(address.city, 'personal.address.city', 100),
    country: requireCountry(address.country, 'personal.address.country'),
  };
}

/** Each diploma has a kind and a level (implied by its kind, declared for a foreign one: CAND-2). */
export function validateDiplomas(diplomas: readonly Diploma[], now: Date): Diploma[] {
  if (!Array.isArray(diplomas) || diplomas.length > MAX_DIPLOMAS) {
    throw new ValidationError(`diplomas must be a list of at most ${MAX_DIPLOMAS}`, INPUT, 'diplomas');
  }
  const latestYear = parisDate(now).year + 1; // a diploma expected this academic year may be declared
  return diplomas.map((diploma, index) => {
    const at = `diplomas[${index}]`;
    const kind = requireOneOf(diploma.kind, DIPLOMA_KINDS, `${at}.kind`, 'CAND-2');
    const base = {
      kind,
      title: requireText(diploma.title, `${at}.title`),
      country: requireCountry(diploma.country, `${at}.country`),
      year: requireInteger(diploma.year, `${at}.year`, 1900, latestYear),
    };
    if (kind !== 'FOREIGN') return base;
    return {
      ...base,
      declaredLevel: requireOneOf(diploma.declaredLevel, DECLARED_LEVELS, `${at}.declaredLevel`, 'CAND-2'),
    };
  });
}

export function validateExperience(months: number): number {
  return requireInteger(months, 'months', 0, MAX_EXPERIENCE_MONTHS, 'CAND-2');
}

/**
 * A PDF a reader can open (not encrypted, not damaged), at most 10 MB, with its SHA-256; the content
 * itself stays in the object store. The client's file name is kept as a display name, never a path.
 */
export function validateDocument(data: AttachDocument['data']): DocumentRef & { fileName: string } {
  requireReadablePdf(data.pdf, 'CAND-2', 'file');
  if (data.contentType !== DOCUMENT_CONTENT_TYPE) {
    throw new ValidationError(`only ${DOCUMENT_CONTENT_TYPE} documents are accepted`, 'CAND-2', 'contentType');
  }
  const sha256 = typeof data.sha256 === 'string' ? data.sha256.toLowerCase() : '';
  if (!SHA256.test(sha256)) throw new ValidationError('sha256 must be 64 hexadecimal digits', INPUT, 'sha256');
  return {
    documentId: requireText(data.documentId, 'documentId', 100),
    kind: requireOneOf(data.kind, DOCUMENT_KINDS, 'kind', 'CAND-2'),
    contentType: DOCUMENT_CONTENT_TYPE,
    sizeBytes: requireInteger(data.sizeBytes, 'sizeBytes', 1, MAX_DOCUMENT_BYTES, 'CAND-2'),
    sha256,
    storageRef: requireText(data.storageRef, 'storageRef', 500),
    fileName: displayFileName(requireText(data.fileName, 'fileName', 1000)),
  };
}

function requireCountry(value: unknown, field: string): string {
  if (typeof value !== 'string' || !COUNTRY.test(value)) {
    throw new ValidationError(`${field} must be an ISO 3166-1 alpha-2 code`, INPUT, field);
  }
  return value;
}
