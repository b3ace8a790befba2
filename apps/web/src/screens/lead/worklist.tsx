import { useTranslation } from 'react-i18next';
import type { Review } from '../../api/types';
import { Alert } from '../../components/field';
import { useRead } from '../../components/use-read';
import { formatInstant } from '../../format';
import { currentLanguage } from '../../i18n/i18n';
import { ScreenTitle } from '../heading';

/** REV-1: the lead's files, in submission order (CAND-3), as the review service sorts them. */
export default function Worklist() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { value: reviews, shown, load } = useRead<Review[]>('review', '/v1/worklist');

  return (
    <>
      <ScreenTitle>{t('lead.worklist')}</ScreenTitle>
      <Alert text={shown.general} />
      <button type="button" onClick={load}>
        {t('common.refresh')}
      </button>
      {reviews === undefined && shown.general === undefined && <p>{t('common.loading')}</p>}
      {reviews?.length === 0 && <p>{t('lead.empty')}</p>}
      {reviews !== undefined && reviews.length > 0 && (
        <table>
          <caption>{t('lead.worklistCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lead.rank')}</th>
              <th scope="col">{t('lead.candidate')}</th>
              <th scope="col">{t('lead.programme')}</th>
              <th scope="col">{t('lead.submittedAt')}</th>
              <th scope="col">{t('lead.status')}</th>
              <th scope="col">{t('lead.interview')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((review) => {
              const name = review.personal?.fullName ?? review.candidateId;
              return (
                <tr key={review.candidacyId}>
                  <td>{review.submissionRank}</td>
                  <td>
                    <a href={`#/review/${review.candidacyId}`} aria-label={t('lead.open', { name })}>
                      {name}
                    </a>
                  </td>
                  <td>{review.programmeCode}</td>
                  <td>
                    {review.fileSummary !== null && (
                      <time dateTime={review.fileSummary.submittedAt}>
                        {formatInstant(review.fileSummary.submittedAt, language)}
                      </time>
                    )}
                  </td>
                  <td>{t(`review.statuses.${review.status}`)}</td>
                  <td>{t(`review.interviews.${review.interview.status}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
