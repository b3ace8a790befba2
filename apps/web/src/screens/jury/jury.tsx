import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ProgrammeSessions, Programme, SeatLedger as Ledger } from '../../api/types';
import { Alert, Field, SelectField } from '../../components/field';
import { NOTHING_SHOWN, type Shown, showProblem, unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { useRead } from '../../components/use-read';
import { formatInstant, fromParisTime } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import { go } from '../../routes';
import { ScreenTitle } from '../heading';
import { AgendaDecisions } from './agenda-decisions';

type Session = ProgrammeSessions['sessions'][number];

/** JURY-5: the programme's seats, what holds them and what is free. */
function SeatLedger({ ledger, shown }: { ledger?: Ledger; shown: Shown }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('jury.ledger')}</h2>
      <Alert text={shown.general} />
      {ledger && (
        <dl className="figures">
          {(['places', 'offersHeld', 'enrolled', 'referralSeats', 'free'] as const).map((figure) => (
            <div key={figure}>
              <dt>{t(`jury.figures.${figure}`)}</dt>
              <dd>{ledger[figure]}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** JURY-1: one session a month, January to July; admissible candidates waiting for one join it. */
function ScheduleSession({ code, onChanged }: { code: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [at, setAt] = useState('');
  const { shown, busy, run } = useCommand(() => {
    setAt('');
    onChanged();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api('jury', `/v1/programmes/${code}/sessions`, { method: 'POST', json: { at: fromParisTime(at) } }));
  };
  return (
    <form onSubmit={submit} aria-labelledby="schedule-session-title" noValidate>
      <h2 id="schedule-session-title">{t('jury.schedule')}</h2>
      <Alert text={unplaced(shown, ['at'])} />
      <Field
        field="at"
        label={t('jury.at')}
        type="datetime-local"
        value={at}
        onChange={(e) => setAt(e.target.value)}
        error={shown.fields.at}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('jury.schedule')}
      </button>
    </form>
  );
}

function SessionAgenda({ code, session, onChanged }: { code: string; session: Session; onChanged: () => void }) {
  const { t } = useTranslation();
  const titleId = `session-${session.sessionId}`;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t('jury.session', { date: formatInstant(session.sitsAt, currentLanguage()) })}</h2>
      <p className="status">{t(`jury.sessionStatuses.${session.status}`)}</p>
      {session.agenda.length === 0 ? (
        <p>{t('jury.emptyAgenda')}</p>
      ) : (
        <AgendaDecisions code={code} session={session} onChanged={onChanged} />
      )}
    </section>
  );
}

function ProgrammeJury({ code }: { code: string }) {
  const { t } = useTranslation();
  const sessions = useRead<ProgrammeSessions>('jury', `/v1/programmes/${code}/sessions`);
  const ledger = useRead<Ledger>('jury', `/v1/programmes/${code}/seat-ledger`);
  const reload = () => {
    sessions.load();
    ledger.load();
  };
  const awaiting = sessions.value?.awaitingSession ?? [];
  return (
    <>
      <button type="button" onClick={reload}>
        {t('common.refresh')}
      </button>
      <SeatLedger ledger={ledger.value} shown={ledger.shown} />
      <ScheduleSession code={code} onChanged={reload} />
      <Alert text={sessions.shown.general} />
      {awaiting.length > 0 && <p>{t('jury.awaiting', { candidates: awaiting.join(', ') })}</p>}
      {sessions.value?.sessions.length === 0 && <p>{t('jury.noSession')}</p>}
      {sessions.value?.sessions.map((session) => (
        <SessionAgenda key={session.sessionId} code={code} session={session} onChanged={reload} />
      ))}
    </>
  );
}

/** The jury's screen for one programme: its seats, its sessions and their agendas, decided one by one or several at once. */
export default function Jury({ programmeCode }: { programmeCode?: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [programmes, setProgrammes] = useState<Programme[]>();
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);
  useEffect(() => {
    api<Programme[]>('candidacy', '/v1/programmes').then(setProgrammes, (error: unknown) =>
      setShown(showProblem(t, error)),
    );
  }, [t]);
  const code = programmeCode ?? programmes?.[0]?.code;

  return (
    <>
      <ScreenTitle>{t('jury.title')}</ScreenTitle>
      <Alert text={shown.general} />
      {programmes !== undefined && (
        <SelectField
          field="programme"
          label={t('file.programme')}
          value={code ?? ''}
          onChange={(e) => go(`/jury/${e.target.value}`)}
        >
          {programmes.map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} — {language === 'fr' ? p.nameFr : p.nameEn}
            </option>
          ))}
        </SelectField>
      )}
      {code !== undefined && <ProgrammeJury key={code} code={code} />}
    </>
  );
}
