import { useTranslation } from 'react-i18next';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** The input id for a field path of the API: `diplomas[0].year` → `diplomas-0-year`. */
export const idOf = (field: string) => field.replace(/[[\].]+/g, '-').replace(/-$/, '');

interface Labelled {
  readonly field: string;
  readonly label: string;
  readonly error?: string;
}

function ErrorText({ field, error }: { field: string; error?: string }) {
  if (error === undefined) return null;
  return (
    <p id={`${idOf(field)}-error`} className="field-error">
      {error}
    </p>
  );
}

const described = (field: string, error?: string) =>
  error === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${idOf(field)}-error` };

/** A labelled input; a refusal naming its field is written under it and announced with it. */
export function Field({ field, label, error, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={idOf(field)}>{label}</label>
      <input id={idOf(field)} name={field} {...described(field, error)} {...input} />
      <ErrorText field={field} error={error} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  error,
  children,
  ...select
}: Labelled & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={idOf(field)}>{label}</label>
      <select id={idOf(field)} name={field} {...described(field, error)} {...select}>
        {children}
      </select>
      <ErrorText field={field} error={error} />
    </div>
  );
}

export function TextAreaField({
  field,
  label,
  error,
  ...textarea
}: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className="field">
      <label htmlFor={idOf(field)}>{label}</label>
      <textarea id={idOf(field)} name={field} {...described(field, error)} {...textarea} />
      <ErrorText field={field} error={error} />
    </div>
  );
}

/** A refusal that names no field: announced at once. */
export function Alert({ text }: { text?: string }) {
  return text === undefined ? null : (
    <p role="alert" className="alert">
      {text}
    </p>
  );
}

/** Says, once a form's command succeeded, that it was saved; the region is there before, so it is announced. */
export function Saved({ done }: { done: boolean }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="saved">
      {done ? t('common.saved') : ''}
    </p>
  );
}
