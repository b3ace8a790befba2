import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, SignedOutError } from '../../api/client';
import type { AgendaEntry, ProgrammeSessions } from '../../api/types';
import { Alert, SelectField, TextAreaField } from '../../components/field';
import { type Shown, showProblem, unplaced } from '../../components/problems';
import { useDraft } from '../../draft';
import { WhyDecision } from '../decision/why-decision';

type Session = ProgrammeSessions['sessions'][number];
type Kind = 'ADMITTED' | 'WAITLISTED' | 'REJECTED';
const KINDS: readonly Kind[] = ['ADMITTED', 'WAITLISTED', 'REJECTED'];

interface Form {
  readonly decision: Kind;
  readonly reason: string;
}
const BLANK: Form = { decision: 'ADMITTED', reason: '' };

/** What became of a candidate's decision sent from this screen. */
type Outcome = { readonly decisionId: string } | { readonly refused: Shown };

/** The last decisions sent together: how many have had their answer. */
interface Progress {
  readonly ids: readonly string[];
  readonly sent: number;
}

/** The decision and reason controls of one candidate, its refusal written under the field it names. */
function DecisionFields(props: { id: string; form: Form; shown?: Shown; onChange: (form: Form) => void }) {
  const { id, form, shown, onChange } = props;
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        field={`${id}.decision`}
        label={t('jury.decision')}
        value={form.decision}
        onChange={(e) => onChange({ ...form, decision: e.target.value as Kind })}
        error={shown?.fields.decision}
      >
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`jury.decisions.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        field={`${id}.reason`}
        label={t('jury.reason')}
        value={form.reason}
        onChange={(e) => onChange({ ...form, reason: e.target.value })}
        error={shown?.fields.reason}
      />
    </>
  );
}

interface ItemProps {
  readonly session: Session;
  readonly entry: AgendaEntry;
  readonly form: Form;
  readonly selected: boolean;
  readonly outcome?: Outcome;
  readonly busy: boolean;
  readonly onForm: (form: Form) => void;
  readonly onSelect: (selected: boolean) => void;
  readonly onRecord: () => void;
}

/** JURY-2: one candidate of the agenda, in view of the lead's reasoned opinion; decided alone or selected. */
function AgendaItem({ session, entry, form, selected, outcome, busy, onForm, onSelect, onRecord }: ItemProps) {
  const { t } = useTranslation();
  const { candidateId } = entry;
  const decided = session.decided.includes(candidateId) || (outcome !== undefined && 'decisionId' in outcome);
  const refused = outcome !== undefined && 'refused' in outcome ? outcome.refused : undefined;
  const titleId = `agenda-${session.sessionId}-${candidateId}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRecord();
  };
  return (
    <li className="card">
      <h3 id={titleId}>{t('jury.candidate', { rank: entry.submissionRank, candidate: candidateId })}</h3>
      <p>
        {t('jury.leadOpinion')}
        {t('common.colon')}
        <strong>{t(`review.opinions.${entry.leadOpinion.opinion}`)}</strong>
      </p>
      <blockquote>{entry.leadOpinion.motivation}</blockquote>
      {decided && (
        <>
          {/* A refusal stays in view when someone else decided the candidate meanwhile. */}
          {refused !== undefined && <Alert text={unplaced(refused)} />}
          <p className="status">{t('jury.decided')}</p>
          {outcome !== undefined && 'decisionId' in outcome && <WhyDecision decisionId={outcome.decisionId} />}
        </>
      )}
      {!decided && session.status === 'OPEN' && (
        <form onSubmit={submit} aria-labelledby={titleId} noValidate>
          <div className="field check">
            <input
              id={`${titleId}-selected`}
              type="checkbox"
              checked={selected}
              onChange={(e) => onSelect(e.target.checked)}
            />
            <label htmlFor={`${titleId}-selected`}>{t('jury.batch.select', { candidate: candidateId })}</label>
          </div>
          <Alert text={refused && unplaced(refused, ['decision', 'reason'])} />
          <DecisionFields id={candidateId} form={form} shown={refused} onChange={onForm} />
          <button type="submit" className="primary" disabled={busy}>
            {t('jury.record')}
          </button>
        </form>
      )}
    </li>
  );
}

/**
 * The agenda's candidates, decided one by one or several at once. The service's batch route is
 * all or nothing over every undecided candidate and its refusal names none of them: a selection is
 * sent one decision at a time instead, so that each refusal is written under its candidate and
 * the others are recorded.
 */
export function AgendaDecisions({
  code,
  session,
  onChanged,
}: {
  code: string;
  session: Session;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [forms, setForms] = useDraft<Record<string, Form>>(`decisions.${session.sessionId}`, {});
  const [common, setCommon] = useState<Form>(BLANK);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [outcomes, setOutcomes] = useState<Readonly<Record<string, Outcome>>>({});
  const [progress, setProgress] = useState<Progress>();
  const [nothingSelected, setNothingSelected] = useState(false);
  const busy = progress !== undefined && progress.sent < progress.ids.length;
  const formOf = (id: string) => forms[id] ?? BLANK;
  const undecided = session.agenda.filter((e) => !session.decided.includes(e.candidateId));
  const choosable = selected.filter((id) => undecided.some((e) => e.candidateId === id));

  /** Sends the decisions in turn; each answer, recorded or refused, shows under its candidate at once. */
  const send = async (ids: readonly string[]) => {
    setNothingSelected(false);
    setProgress({ ids, sent: 0 });
    const path = `/v1/programmes/${code}/sessions/${session.sessionId}/decisions`;
    const recordedIds: string[] = [];
    for (const [index, candidateId] of ids.entries()) {
      let outcome: Outcome;
      try {
        const reply = await api<{ decisionId: string }>('jury', path, {
          method: 'POST',
          json: { candidateId, ...formOf(candidateId) },
        });
        outcome = { decisionId: reply.decisionId };
        recordedIds.push(candidateId);
      } catch (error) {
        // A signed-out user is sent to sign in by the app; the drafts wait for them.
        if (error instanceof SignedOutError) return setProgress(undefined);
        outcome = { refused: showProblem(t, error) };
      }
      setOutcomes((before) => ({ ...before, [candidateId]: outcome }));
      setProgress({ ids, sent: index + 1 });
    }
    setSelected((before) => before.filter((id) => !ids.includes(id)));
    // The drafts of the decisions recorded are done with; those refused stay as typed.
    setForms(Object.fromEntries(Object.entries(forms).filter(([id]) => !recordedIds.includes(id))));
    onChanged();
  };

  const applyCommon = () => {
    const next = { ...forms };
    for (const id of choosable) next[id] = common;
    setForms(next);
  };
  const sendSelected = (event: FormEvent) => {
    event.preventDefault();
    if (choosable.length === 0) setNothingSelected(true);
    else void send(choosable);
  };
  const total = progress?.ids.length ?? 0;
  const recorded = progress?.ids.filter((id) => outcomes[id] !== undefined && 'decisionId' in outcomes[id]).length;

  return (
    <>
      <ol className="cards" aria-label={t('jury.agenda')}>
        {session.agenda.map((entry) => (
          <AgendaItem
            key={entry.candidateId}
            session={session}
            entry={entry}
            form={formOf(entry.candidateId)}
            selected={selected.includes(entry.candidateId)}
            outcome={outcomes[entry.candidateId]}
            busy={busy}
            onForm={(form) => setForms({ ...forms, [entry.candidateId]: form })}
            onSelect={(on) =>
              setSelected((before) =>
                on ? [...before, entry.candidateId] : before.filter((id) => id !== entry.candidateId),
              )
            }
            onRecord={() => void send([entry.candidateId])}
          />
        ))}
      </ol>
      {session.status === 'OPEN' && undecided.length > 1 && (
        <form className="card" onSubmit={sendSelected} aria-labelledby={`batch-${session.sessionId}`} noValidate>
          <h3 id={`batch-${session.sessionId}`}>{t('jury.batch.title')}</h3>
          <p>{t('jury.batch.help')}</p>
          <DecisionFields id={`batch-${session.sessionId}`} form={common} onChange={setCommon} />
          <button type="button" disabled={busy || choosable.length === 0} onClick={applyCommon}>
            {t('jury.batch.apply', { count: choosable.length })}
          </button>{' '}
          <button type="submit" className="primary" disabled={busy}>
            {t('jury.batch.record', { count: choosable.length })}
          </button>
          {nothingSelected && <Alert text={t('jury.batch.none')} />}
        </form>
      )}
      {/* Announced as the decisions go, and what came of them once all are sent. */}
      <div role="status" className="status">
        {progress !== undefined && total > 1 && (
          <>
            <progress value={progress.sent} max={total} aria-label={t('jury.batch.progressLabel')} />{' '}
            {busy
              ? t('jury.batch.progress', { sent: progress.sent, total })
              : t('jury.batch.done', { recorded, refused: total - (recorded ?? 0) })}
          </>
        )}
      </div>
    </>
  );
}
