// What the season's people type in: programmes an officer can create today and complete, eligible
// files (CAND-2, ELIG-1..4), each candidate with a name and an address of their own.
import { parisDate } from '@admissions/domain-kernel';
import { samplePdf } from '../../libs/testing/src/sample-pdf';

/**
 * CAND-4: a September intake with a window open from yesterday to 30 June before it. The intake
 * is next September while that window still has a month to run, the one after otherwise.
 */
export function programmeBody(code: string, places: number, leadId: string, now: Date) {
  const today = parisDate(now);
  const intakeYear = today.month <= 5 ? today.year : today.year + 1;
  return {
    code,
    nameFr: `Mastère Spécialisé ${code}`,
    nameEn: `Specialised Master ${code}`,
    places,
    intake: 'SEPTEMBER',
    intakeDate: `${intakeYear}-09-14`,
    applicationWindow: {
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closesAt: `${intakeYear}-06-30T21:59:59.999Z`, // 23:59:59.999 in Paris (summer time)
    },
    pedagogicalLeadId: leadId,
  };
}

const PATHS = [
  { kind: 'CTI_ENGINEERING', title: "Diplôme d'ingénieur", months: 24 }, // ELIG-1
  { kind: 'BUSINESS_SCHOOL_MASTER', title: 'Programme Grande École', months: 12 }, // ELIG-2
  { kind: 'UNIVERSITY_M2', title: 'Master 2 informatique', months: 6 }, // ELIG-3
  { kind: 'UNIVERSITY_M1', title: 'Maîtrise de physique', months: 40 }, // ELIG-4: M1 and 36 months or more
] as const;

/** The file of the index-th candidate: identity, one diploma and the experience it needs. */
export function candidateFile(index: number, runId: string) {
  const path = PATHS[index % PATHS.length];
  const name = `${runId}-${index}`.toLowerCase();
  return {
    identity: {
      personal: {
        firstName: index % 2 === 0 ? 'Camille' : 'Alex',
        lastName: `Saison ${name}`,
        email: `${name}@season.example.org`,
        birthDate: '1996-04-12',
        address: { street: `${1 + (index % 90)} rue des Écoles`, postalCode: '75005', city: 'Paris', country: 'FR' },
      },
      preferredLanguage: index % 2 === 0 ? 'fr' : 'en',
    },
    diplomas: { diplomas: [{ kind: path.kind, title: path.title, country: 'FR', year: 2018 }] },
    experience: { months: path.months },
  };
}

/** A small but real PDF, different for each label, as a browser form uploads it. */
export async function pdfForm(kind: 'CV' | 'MOTIVATION_LETTER', label: string): Promise<FormData> {
  const form = new FormData();
  form.append('kind', kind);
  const content = new Uint8Array(await samplePdf(`${kind} ${label}`));
  form.append('file', new Blob([content], { type: 'application/pdf' }), `${kind.toLowerCase()}.pdf`);
  return form;
}
