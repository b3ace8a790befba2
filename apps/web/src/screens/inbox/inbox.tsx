import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Alert } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { useRead } from '../../components/use-read';
import { formatInstant } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import { ScreenTitle } from '../heading';

/** The notification service's inbox (InboxDto): every message sent to the person, newest first. */
interface Inbox {
  readonly items: readonly {
    readonly id: string;
    readonly title: string;
    readonly body: string;
    readonly receivedAt: string;
    readonly read: boolean;
  }[];
  readonly unread: number;
}

/** JURY-3: the candidate's (or student's) messages, whether or not the email reached them. */
export default function InboxScreen() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { value: inbox, shown, load } = useRead<Inbox>('notification', '/v1/inbox');
  const marking = useCommand(load);
  return (
    <>
      <ScreenTitle>{t('inbox.title')}</ScreenTitle>
      <button type="button" onClick={load}>
        {t('common.refresh')}
      </button>
      <Alert text={shown.general} />
      <Alert text={unplaced(marking.shown)} />
      {inbox !== undefined && (
        <>
          <p role="status">{t('inbox.unread', { count: inbox.unread })}</p>
          {inbox.items.length === 0 ? (
            <p>{t('inbox.empty')}</p>
          ) : (
            <ul className="inbox">
              {inbox.items.map((item) => (
                <li key={item.id} className={item.read ? 'read' : 'unread'}>
                  <h2>{item.title}</h2>
                  <p>
                    {t('inbox.receivedAt')}{' '}
                    <time dateTime={item.receivedAt}>{formatInstant(item.receivedAt, language)}</time>
                    {item.read && <> — {t('inbox.read')}</>}
                  </p>
                  <p className="body">{item.body}</p>
                  {!item.read && (
                    <button
                      type="button"
                      disabled={marking.busy}
                      onClick={() =>
                        void marking.run(() =>
                          api('notification', `/v1/inbox/${encodeURIComponent(item.id)}/read`, { method: 'POST' }),
                        )
                      }
                    >
                      {t('inbox.markRead', { title: item.title })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
