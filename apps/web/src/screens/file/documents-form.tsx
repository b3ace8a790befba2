import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upload } from '../../api/client';
import { unplaced } from '../../components/problems';
import { useCommand } from '../../components/use-command';
import type { SectionProps } from './file-forms';

const REQUIRED_KINDS = ['CV', 'MOTIVATION_LETTER'] as const;

/** One PDF of a kind, sent with its progress shown. */
function DocumentUpload({ file, onChanged, kind }: SectionProps & { kind: string }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number>();
  const { shown, busy, run } = useCommand(onChanged);
  const inputId = `document-${kind}`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).get('file');
    if (!(chosen instanceof File) || chosen.size === 0) return;
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', chosen);
    setProgress(0);
    void run(() => upload('candidacy', `/v1/candidacies/${file.candidacyId}/documents`, form, setProgress)).finally(
      () => setProgress(undefined),
    );
  };
  const error = unplaced(shown);
  return (
    <form onSubmit={submit} className="upload" noValidate>
      <label htmlFor={inputId}>{t(`kinds.${kind}`)}</label>
      <input
        id={inputId}
        name="file"
        type="file"
        accept="application/pdf"
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={error !== undefined ? `${inputId}-error` : undefined}
      />
      <button type="submit" disabled={busy}>
        {t('file.upload')}
      </button>
      {progress !== undefined && (
        <progress value={progress} max={1} aria-label={t('file.uploading', { kind: t(`kinds.${kind}`) })} />
      )}
      {error !== undefined && (
        <p id={`${inputId}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}

export function DocumentsForm(props: SectionProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('file.documents')}</h2>
      <ul>
        {props.file.documents.map((d) => (
          <li key={d.documentId}>
            {t(`kinds.${d.kind}`)}
            {t('common.colon')}
            {t('file.attached', { name: d.fileName, size: Math.ceil(d.sizeBytes / 1024) })}
          </li>
        ))}
      </ul>
      {REQUIRED_KINDS.map((kind) => (
        <DocumentUpload key={kind} kind={kind} {...props} />
      ))}
    </section>
  );
}
