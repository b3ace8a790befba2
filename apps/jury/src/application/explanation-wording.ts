import type { JuryDecisionKind } from '../domain';
import type { DecisionExplanation } from './decision-explanation';

export const EXPLANATION_LANGUAGES = ['fr', 'en'] as const;
export type ExplanationLanguage = (typeof EXPLANATION_LANGUAGES)[number];

/** One sentence per item of the explanation, in the reader's language (the quoted texts stay as written). */
export interface ExplanationStatements {
  readonly decision: string;
  readonly eligibility: string;
  readonly interview: string;
  readonly leadOpinion: string;
  readonly rank: string;
  readonly seats: string;
}

/**
 * `?lang=` when given, else the first of French or English in Accept-Language by its q-values,
 * else French: the language of the institution and of its decisions.
 */
export function explanationLanguage(lang: ExplanationLanguage | undefined, acceptLanguage = ''): ExplanationLanguage {
  if (lang !== undefined) return lang;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.split('-')[0], q: q === undefined ? 1 : Number(q.slice(2)), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const known = ranked.find((entry) => (EXPLANATION_LANGUAGES as readonly string[]).includes(entry.primary));
  return (known?.primary as ExplanationLanguage | undefined) ?? 'fr';
}

interface Wording {
  readonly locale: string;
  quote(text: string): string;
  decided(outcome: JuryDecisionKind, date: string, reason: string): string;
  noEligibility: string;
  eligible(rule: string, reason: string): string;
  equivalence(rule: string, confirmedOn: string | null, reason: string): string;
  noInterview: string;
  interview(date: string, conclusive: boolean, notes: string): string;
  opinion(favourable: boolean, date: string, motivation: string, correction: string | null): string;
  rank(submission: number, waitingList: number | null): string;
  seats(places: number, taken: number, free: number): string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n >= 2 ? many : one}`;

const FR: Wording = {
  locale: 'fr-FR',
  quote: (text) => `« ${text} »`,
  decided: (outcome, date, reason) =>
    `${{ ADMITTED: 'Le jury a admis la candidature', WAITLISTED: "Le jury a placé la candidature sur liste d'attente", REJECTED: 'Le jury a refusé la candidature' }[outcome]} le ${date}, motif : ${reason}.`,
  noEligibility: "Le jury n'a pas reçu l'évaluation de recevabilité de ce dossier.",
  eligible: (rule, reason) => `Candidature recevable au titre de ${rule} : ${reason}.`,
  equivalence: (rule, confirmedOn, reason) =>
    `Diplôme étranger de niveau équivalent (${rule}), ${confirmedOn === null ? 'équivalence non confirmée au moment de la décision' : `équivalence confirmée le ${confirmedOn}`} : ${reason}.`,
  noInterview: "Aucun entretien n'avait eu lieu : l'avis a été rendu sur dossier.",
  interview: (date, conclusive, notes) =>
    `Entretien du ${date} : ${conclusive ? 'concluant' : 'non concluant'}. Notes : ${notes}.`,
  opinion: (favourable, date, motivation, correction) =>
    `Avis ${favourable ? 'favorable' : 'défavorable'} du responsable pédagogique, ${correction === null ? 'rendu' : 'corrigé'} le ${date} : ${motivation}.${correction === null ? '' : ` Motif de la correction : ${correction}.`}`,
  rank: (submission, waitingList) =>
    `Rang ${submission} dans l'ordre de dépôt des dossiers du programme.${waitingList === null ? '' : ` Rang ${waitingList} sur la liste d'attente.`}`,
  seats: (places, taken, free) =>
    `Au moment de la décision : ${plural(places, 'place', 'places')}, ${plural(taken, 'occupée', 'occupées')}, ${plural(free, 'libre', 'libres')}.`,
};

const EN: Wording = {
  locale: 'en-GB',
  quote: (text) => `“${text}”`,
  decided: (outcome, date, reason) =>
    `${{ ADMITTED: 'The jury admitted the application', WAITLISTED: 'The jury put the application on the waiting list', REJECTED: 'The jury rejected the application' }[outcome]} on ${date}, on the grounds: ${reason}.`,
  noEligibility: "The jury did not receive this file's eligibility assessment.",
  eligible: (rule, reason) => `Eligible under ${rule}: ${reason}.`,
  equivalence: (rule, confirmedOn, reason) =>
    `Foreign diploma of equivalent level (${rule}), ${confirmedOn === null ? 'equivalence not confirmed at the time of the decision' : `equivalence confirmed on ${confirmedOn}`}: ${reason}.`,
  noInterview: 'No interview had been held: the opinion was given on the file.',
  interview: (date, conclusive, notes) =>
    `Interview of ${date}: ${conclusive ? 'conclusive' : 'not conclusive'}. Notes: ${notes}.`,
  opinion: (favourable, date, motivation, correction) =>
    `${favourable ? 'Favourable' : 'Unfavourable'} opinion of the pedagogical lead, ${correction === null ? 'given' : 'corrected'} on ${date}: ${motivation}.${correction === null ? '' : ` Reason for the correction: ${correction}.`}`,
  rank: (submission, waitingList) =>
    `Rank ${submission} in the programme's order of submission.${waitingList === null ? '' : ` Rank ${waitingList} on the waiting list.`}`,
  seats: (places, taken, free) =>
    `At the time of the decision: ${plural(places, 'place', 'places')}, ${taken} taken, ${free} free.`,
};

/** The explanation's items as sentences; dates are Paris calendar days. */
export function statementsOf(explanation: DecisionExplanation, language: ExplanationLanguage): ExplanationStatements {
  const w = language === 'fr' ? FR : EN;
  const day = (iso: string) =>
    new Intl.DateTimeFormat(w.locale, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));
  const { decision, eligibility, interview, leadOpinion, rank, seats } = explanation;
  return {
    decision: w.decided(decision.outcome, day(decision.decidedAt), w.quote(decision.reason)),
    eligibility:
      eligibility === null
        ? w.noEligibility
        : eligibility.status === 'ELIGIBLE'
          ? w.eligible(eligibility.matchedRule, w.quote(eligibility.reason))
          : w.equivalence(
              eligibility.matchedRule,
              eligibility.equivalence === null ? null : day(eligibility.equivalence.confirmedAt),
              w.quote(eligibility.reason),
            ),
    interview:
      interview === null
        ? w.noInterview
        : w.interview(day(interview.startsAt), interview.conclusive, w.quote(interview.notes)),
    leadOpinion: w.opinion(
      leadOpinion.opinion === 'FAVOURABLE',
      day(leadOpinion.givenAt),
      w.quote(leadOpinion.motivation),
      leadOpinion.correctionReason === null ? null : w.quote(leadOpinion.correctionReason),
    ),
    rank: w.rank(rank.submissionRank, rank.waitingListRank),
    seats: w.seats(seats.places, seats.taken, seats.free),
  };
}
