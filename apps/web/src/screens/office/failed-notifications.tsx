import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, SignedOutError } from '../../api/client';
import { Alert } from '../../components/field';
import { showProblem, unplaced } from '../../components/problems';
import { useRead } from '../../components/use-read';
import { formatInstant } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import { ScreenTitle } from '../heading';

/** The notification service's FailedNotificationDto. */
interface FailedNotification {
  readonly id: string;
  readonly recipientId: string;
  readonly kind: string;
  readonly round: number;
  readonly attempts: number;
  readonly error: string;
  readonly failedAt: string;
}

/** One failed notification, sent again on demand (a new round of attempts). */
function FailedRow({ item, onChanged }: { item: FailedNotification; onChanged: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const retry = async () => {
    setBusy(true);
    try {
      await api('notification', `/v1/notifications/${encodeURIComponent(item.id)}/retry`, { method: 'POST' });
      setRefusal(undefined);
      setDone(true);
      onChanged();
    } catch (error) {
      // The service's 422 names no business rule (only that it was sent meanwhile): said here in the user's language.
      if (error instanceof ApiError && error.problem.status === 422) setRefusal(t('office.alreadySent'));
      else if (!(error instanceof SignedOutError)) setRefusal(unplaced(showProblem(t, error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr>
      <td>
        <time dateTime={item.failedAt}>{formatInstant(item.failedAt, currentLanguage())}</time>
      </td>
      <td>{item.recipientId}</td>
      <td>
        <code>{item.kind}</code>
      </td>
      <td>{t('office.roundAttempts', { round: item.round, attempts: item.attempts })}</td>
      <td>
        <code>{item.error}</code>
      </td>
      <td>
        <button
          type="button"
          disabled={busy}
          onClick={() => void retry()}
          aria-label={t('office.retryOf', { recipient: item.recipientId, kind: item.kind })}
        >
          {t('office.retry')}
        </button>
        <Alert text={refusal} />
        <p role="status">{done ? t('office.queued') : ''}</p>
      </td>
    </tr>
  );
}

/** The admissions office's failed notifications: every attempt failed; each can be sent again. */
export default function FailedNotifications() {
  const { t } = useTranslation();
  const { value, shown, load } = useRead<{ items: FailedNotification[] }>('notification', '/v1/notifications/failed');
  const items = value?.items;
  return (
    <>
      <ScreenTitle>{t('office.title')}</ScreenTitle>
      <p>{t('office.help')}</p>
      <button type="button" onClick={load}>
        {t('common.refresh')}
      </button>
      <Alert text={shown.general} />
      {items === undefined && shown.general === undefined && <p>{t('common.loading')}</p>}
      {items?.length === 0 && <p>{t('office.none')}</p>}
      {items !== undefined && items.length > 0 && (
        <table>
          <caption>{t('office.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('office.failedAt')}</th>
              <th scope="col">{t('office.recipient')}</th>
              <th scope="col">{t('office.kind')}</th>
              <th scope="col">{t('office.attempts')}</th>
              <th scope="col">{t('office.error')}</th>
              <th scope="col">{t('office.action')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <FailedRow key={item.id} item={item} onChanged={load} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
