import { PARIS } from '@admissions/domain-kernel';
import type { Language, RenderedMessage } from '../notification/notification-kind';

/** One kind of message in each language; pure functions of the kind's params. */
export type Template<P> = { readonly [L in Language]: (params: P) => RenderedMessage };

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

const instantFormats: Record<Language, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat(LOCALES.fr, { timeZone: PARIS, dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { timeZone: PARIS, dateStyle: 'long', timeStyle: 'short' }),
};

const dayFormats: Record<Language, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat(LOCALES.fr, { timeZone: PARIS, dateStyle: 'long' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { timeZone: PARIS, dateStyle: 'long' }),
};

/** An instant as a person in France reads it: '25 mars 2026 à 23:59' / '25 March 2026 at 23:59'. */
export function formatInstant(iso: string, language: Language): string {
  return instantFormats[language].format(new Date(iso));
}

/** The Paris calendar day of an instant: '25 mars 2026' / '25 March 2026'. */
export function formatDay(iso: string, language: Language): string {
  return dayFormats[language].format(new Date(iso));
}

export function programmeLabel(code: string, language: Language): string {
  return language === 'fr' ? `le Mastère Spécialisé ${code}` : `the ${code} Specialised Master`;
}

/** 'MS-DATA, MS-FIN et MS-CYBER' / 'MS-DATA, MS-FIN and MS-CYBER'. */
export function listOf(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { style: 'long', type: 'conjunction' }).format(items);
}

export function paragraphs(...lines: readonly (string | false | null | undefined)[]): string {
  return lines.filter((line): line is string => typeof line === 'string' && line.length > 0).join('\n\n');
}
