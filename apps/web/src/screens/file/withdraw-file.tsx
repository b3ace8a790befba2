import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CandidateSpace } from '../../api/types';
import { Alert } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';

/** A draft or a submitted file may be withdrawn (not a submitted one edited); asked twice, as it cannot be undone. */
export function WithdrawFile({ file, onChanged }: { file: CandidateSpace; onChanged: () => void }) {
  const { t } = useTranslation();
  const withdrawal = useCommand(onChanged);
  return (
    <details className="withdraw">
      <summary>{t('file.withdraw.title')}</summary>
      <p>{t('file.withdraw.help')}</p>
      <Alert text={unplaced(withdrawal.shown)} />
      <button
        type="button"
        disabled={withdrawal.busy}
        onClick={() =>
          void withdrawal.run(() =>
            api('candidacy', `/v1/candidacies/${file.candidacyId}/withdrawal`, { method: 'POST' }),
          )
        }
      >
        {t('file.withdraw.confirm')}
      </button>
    </details>
  );
}
