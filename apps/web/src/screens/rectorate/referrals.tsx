import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Alert, Field, Saved } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { useRead } from '../../components/use-read';
import { go } from '../../routes';
import { ScreenTitle } from '../heading';
import { ReferralQueue } from './referral-queue';
import { proposalOutcome, ReferralSummary } from './referral-summary';
import { MAX_PROPOSALS, type Referral } from './referral-types';

// Besides the queue, a referral opens by the candidate's id, as the acknowledgement and the
// candidate's request give it.
function OpenReferral({ candidateId }: { candidateId?: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(candidateId ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() !== '') go(`/referrals/${typed.trim()}`);
  };
  return (
    <form onSubmit={submit} aria-labelledby="open-referral-title">
      <h2 id="open-referral-title">{t('rectorate.open')}</h2>
      <Field
        field="candidateId"
        label={t('rectorate.candidateId')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        required
      />
      <button type="submit" className="primary">
        {t('rectorate.openButton')}
      </button>
    </form>
  );
}

/** REC-5/REC-6: one proposal, on a programme with a free seat (the jury holds it), by 31 October. */
function RecordProposal({ candidateId, onChanged }: { candidateId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [programmeCode, setProgrammeCode] = useState('');
  const { shown, busy, done, run } = useCommand(() => {
    setProgrammeCode('');
    onChanged();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() =>
      api('jury', `/v1/referrals/${encodeURIComponent(candidateId)}/proposals`, {
        method: 'POST',
        json: { programmeCode: programmeCode.trim() },
      }),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="propose-title" noValidate>
      <h3 id="propose-title">{t('rectorate.propose')}</h3>
      <Alert text={unplaced(shown, ['programmeCode'])} />
      <Field
        field="programmeCode"
        label={t('rectorate.programmeCode')}
        value={programmeCode}
        onChange={(e) => setProgrammeCode(e.target.value)}
        error={shown.fields.programmeCode}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('rectorate.record')}
      </button>
      <Saved done={done} />
    </form>
  );
}

/** REC-5: fewer than three proposals could be found; they are sent as they are and REC-7's window opens. */
function CompleteProposals({ candidateId, onChanged }: { candidateId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { shown, busy, run } = useCommand(onChanged);
  const complete = () =>
    void run(() =>
      api('jury', `/v1/referrals/${encodeURIComponent(candidateId)}/proposals/complete`, { method: 'POST' }),
    );
  return (
    <div>
      <Alert text={unplaced(shown)} />
      <button type="button" disabled={busy} onClick={complete}>
        {t('rectorate.complete')}
      </button>
    </div>
  );
}

function CandidateReferral({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const path = `/v1/referrals/${encodeURIComponent(candidateId)}`;
  const { value: referral, shown, load } = useRead<Referral>('jury', path);
  return (
    <section aria-labelledby="referral-title">
      <h2 id="referral-title">{t('rectorate.referralOf', { candidate: candidateId })}</h2>
      <button type="button" onClick={load}>
        {t('common.refresh')}
      </button>
      <Alert text={shown.general} />
      {referral !== undefined && (
        <>
          <ReferralSummary referral={referral} />
          {/* REC-3: the bachelor transcript the candidate uploaded, downloaded with the officer's session. */}
          <p>
            <a href={`/api/jury${path}/transcript`} download>
              {t('rectorate.transcript')}
            </a>
          </p>
          <h3 id="proposals-title">{t('referral.proposals')}</h3>
          {referral.proposals.length === 0 ? (
            <p>{t('rectorate.noProposal')}</p>
          ) : (
            <ol aria-labelledby="proposals-title">
              {referral.proposals.map((proposal) => {
                const outcome = proposalOutcome(referral, proposal.proposalId);
                return (
                  <li key={proposal.proposalId}>
                    {proposal.programmeCode}
                    {outcome !== undefined && <> — {t(`referral.outcomes.${outcome}`)}</>}
                  </li>
                );
              })}
            </ol>
          )}
          {referral.status === 'FILED' && referral.proposals.length < MAX_PROPOSALS && (
            <RecordProposal candidateId={candidateId} onChanged={load} />
          )}
          {referral.status === 'FILED' && referral.proposals.length > 0 && (
            <CompleteProposals candidateId={candidateId} onChanged={load} />
          )}
        </>
      )}
    </section>
  );
}

/** The rectorate officer's referrals (REC-1..7): the queue, one opened by candidate, its transcript, its proposals. */
export default function Referrals({ candidateId }: { candidateId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ScreenTitle>{t('rectorate.title')}</ScreenTitle>
      <ReferralQueue />
      <OpenReferral key={candidateId ?? ''} candidateId={candidateId} />
      {candidateId !== undefined && <CandidateReferral key={candidateId} candidateId={candidateId} />}
    </>
  );
}
