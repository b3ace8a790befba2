import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Review } from '../../api/types';
import { Alert, TextAreaField } from '../../components/field';
import { unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import { useDraft } from '../../draft';

/** REV-2: the scheduled interview cancelled, with the reason if the lead gives one; another may follow. */
export function CancelInterview({ review, onChanged }: { review: Review; onChanged: () => void }) {
  const { t } = useTranslation();
  const [form, setForm, clear] = useDraft(`cancel-interview.${review.candidacyId}`, { reason: '' });
  const { shown, busy, run } = useCommand(() => {
    clear();
    onChanged();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reason = form.reason.trim();
    void run(() =>
      api('review', `/v1/reviews/${review.candidacyId}/interview`, {
        method: 'DELETE',
        json: reason === '' ? {} : { reason },
      }),
    );
  };
  return (
    <form onSubmit={submit} aria-labelledby="cancel-interview-title" noValidate>
      <h3 id="cancel-interview-title">{t('review.cancelInterview')}</h3>
      <Alert text={unplaced(shown, ['reason'])} />
      {/* Its own id: the equivalence's refusal, on the same screen, has a reason field too. */}
      <TextAreaField
        field="cancellation.reason"
        label={t('review.cancellationReason')}
        value={form.reason}
        onChange={(e) => setForm({ reason: e.target.value })}
        error={shown.fields.reason}
      />
      <button type="submit" disabled={busy}>
        {t('review.cancelInterview')}
      </button>
    </form>
  );
}
