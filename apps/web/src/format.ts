import type { Language } from './i18n/i18n';

// As the notifications write them: Europe/Paris, '25 mars 2026 à 23:59' / '25 March 2026 at 23:59'.
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const PARIS = 'Europe/Paris';

export function formatInstant(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: PARIS, dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatDay(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: PARIS, dateStyle: 'long' }).format(new Date(iso));
}

/** Whole days and hours until a deadline, never negative. */
export function timeLeft(iso: string, now: number): { days: number; hours: number } {
  const hours = Math.max(0, Math.floor((new Date(iso).getTime() - now) / 3_600_000));
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}

/** Paris's offset from UTC at an instant, as an ISO offset: `+01:00` in winter, `+02:00` in summer. */
function parisOffset(at: Date): string {
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice('GMT'.length);
}

const offsetMinutes = (offset: string) =>
  (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/**
 * A time typed in Paris time, as a datetime-local input gives it (`2027-01-20T10:00`), as the
 * ISO instant with its offset the services ask for, whatever the browser's own time zone.
 * Anything else goes as it is, for the service to refuse beside the field.
 */
export function fromParisTime(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local;
  const asUtc = new Date(`${local}:00Z`).getTime();
  // Paris's offset an offset's width before that is the right one, but for the hour of a change.
  const offset = parisOffset(new Date(asUtc - offsetMinutes(parisOffset(new Date(asUtc))) * 60_000));
  return `${local}:00${offset}`;
}
