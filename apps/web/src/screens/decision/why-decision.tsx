import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Alert } from '../../components/field';
import { NOTHING_SHOWN, type Shown, showProblem } from '../../components/problems';
import { currentLanguage } from '../../i18n/i18n';

/** The service's sentences, one per item of what the jury had (jury service, GET /v1/decisions/{id}/explanation). */
interface Explanation {
  readonly language: 'fr' | 'en';
  readonly statements: Readonly<Record<(typeof ITEMS)[number], string>>;
}

const ITEMS = ['decision', 'eligibility', 'interview', 'leadOpinion', 'rank', 'seats'] as const;

/**
 * "Why this decision" (JURY-2, JURY-3): asked of the jury service when opened, in the reader's
 * language, since the service words it (and again when the language changes).
 */
export function WhyDecision({ decisionId }: { decisionId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [explanation, setExplanation] = useState<Explanation>();
  const [shown, setShown] = useState<Shown>(NOTHING_SHOWN);
  const language = currentLanguage();
  useEffect(() => {
    if (!open) return;
    let current = true;
    api<Explanation>('jury', `/v1/decisions/${encodeURIComponent(decisionId)}/explanation?lang=${language}`).then(
      (read) => {
        if (!current) return;
        setExplanation(read);
        setShown(NOTHING_SHOWN);
      },
      (error: unknown) => {
        if (current) setShown(showProblem(t, error));
      },
    );
    return () => {
      current = false;
    };
  }, [open, decisionId, language, t]);
  return (
    <details className="why" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('why.title')}</summary>
      <Alert text={shown.general} />
      {open && explanation === undefined && shown.general === undefined && <p>{t('common.loading')}</p>}
      {explanation && (
        <dl lang={explanation.language === i18n.language ? undefined : explanation.language}>
          {ITEMS.map((item) => (
            <div key={item}>
              <dt>{t(`why.items.${item}`)}</dt>
              <dd>{explanation.statements[item]}</dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}
