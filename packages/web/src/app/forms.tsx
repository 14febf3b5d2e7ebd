import { useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { PktButton } from '@oslokommune/punkt-react';
import { ApiError } from './api';
import { Icon } from './Icon';
import { useI18n, type MessageKey, type Translate } from './i18n';
import { AlertBox } from './page';

/**
 * Form building blocks on Punkt's CSS (pkt-inputwrapper, pkt-input): plain elements, so every
 * control has a real <label>, and its error sits beside it and is linked with aria-describedby.
 * Errors are also summarised in one live region per form (ErrorSummary).
 */

export type FieldErrors = Partial<Record<string, string>>;

/** What every field has besides its control. */
interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
}

/** The attributes FieldShell gives its control: the same id, name and links for inputs and selects. */
interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function FieldShell({
  id,
  label,
  error,
  hint,
  optional,
  name,
  children,
}: FieldProps & { name: string | undefined; children: (control: ControlProps) => ReactNode }) {
  const { t } = useI18n();
  const describedBy =
    [optional ? `${id}-optional` : null, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`pkt-inputwrapper rf-field${error ? ' pkt-inputwrapper--error' : ''}`}>
      <div className="rf-field__label-row">
        <label className="pkt-inputwrapper__label" htmlFor={id}>
          {label}
        </label>
        {optional && (
          <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--blue-light" id={`${id}-optional`}>
            {t('form.optional')}
          </span>
        )}
      </div>
      {hint && (
        <div className="pkt-inputwrapper__helptext rf-field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {children({ id, name: name ?? id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <p className="rf-field__error" id={`${id}-error`}>
          <Icon name="alert-error" className="rf-field__error-icon" />
          <span>
            <span className="pkt-sr-only">{t('form.errorPrefix')} </span>
            {error}
          </span>
        </p>
      )}
    </div>
  );
}

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> & FieldProps & { wide?: boolean };

export function TextField({ id, label, error, hint, optional, wide, className, ...input }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} name={input.name}>
      {(control) => (
        <input {...input} {...control} className={`pkt-input${wide ? ' pkt-input--fullwidth' : ''}${className ? ` ${className}` : ''}`} />
      )}
    </FieldShell>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & FieldProps;

export function SelectField({ id, label, error, hint, optional, className, children, ...select }: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} name={select.name}>
      {(control) => (
        <select {...select} {...control} className={`pkt-input${className ? ` ${className}` : ''}`}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & FieldProps & { wide?: boolean };

export function TextAreaField({ id, label, error, hint, optional, wide, className, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional} name={textarea.name}>
      {(control) => (
        <textarea
          {...textarea}
          {...control}
          className={`pkt-input rf-textarea${wide ? ' pkt-input--fullwidth' : ''}${className ? ` ${className}` : ''}`}
        />
      )}
    </FieldShell>
  );
}

/** One checkbox with its label to the right (Punkt's pkt-input-check). */
export function CheckboxField({
  id,
  label,
  hint,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & { id: string; label: ReactNode; hint?: ReactNode }) {
  return (
    <div className={`pkt-input-check rf-check${className ? ` ${className}` : ''}`}>
      <div className="pkt-input-check__input">
        <input
          {...input}
          type="checkbox"
          id={id}
          className="pkt-input-check__input-checkbox"
          aria-describedby={hint ? `${id}-hint` : input['aria-describedby']}
        />
        <label className="pkt-input-check__input-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint && (
        <div className="pkt-input-check__input-helptext rf-check__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
    </div>
  );
}

export interface SummaryItem {
  /** id of the control to jump to */
  id: string;
  label: string;
  message: string;
}

/**
 * One live region per form. It is always in the page (empty when all is well) so that screen
 * readers announce the text when it appears.
 */
export function ErrorSummary({ message, items = [] }: { message?: string | null | undefined; items?: SummaryItem[] }) {
  const { t } = useI18n();
  const show = Boolean(message) || items.length > 0;
  return (
    <div role="alert" className="rf-error-summary">
      {show && (
        <AlertBox kind="error" className="pkt-alert--compact">
          {message && <p className="rf-error-summary__message">{message}</p>}
          {items.length > 0 && (
            <ul className="rf-error-summary__list" aria-label={t('form.summaryList')}>
              {items.map((item) => (
                <li key={item.id}>
                  <a
                    href={`#${item.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(item.id)?.focus();
                    }}
                  >
                    {item.label}: {item.message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </AlertBox>
      )}
    </div>
  );
}

/** A quiet confirmation ("Lagret."), announced politely. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className="rf-status">
      {children && (
        <AlertBox kind="success" className="pkt-alert--compact">
          {children}
        </AlertBox>
      )}
    </div>
  );
}

/** The subset of a zod issue we read; structural, so the web app needs no direct zod import. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
}

export interface Schema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

const CUSTOM_MESSAGES: Record<string, MessageKey> = {
  username_format: 'field.usernameFormat',
  totp_format: 'field.totpFormat',
  code_format: 'field.codeFormat',
  empty_update: 'field.emptyUpdate',
};

/** The value the issue is about (zod does not repeat the input in its issues by default). */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function issueMessage(issue: SchemaIssue, input: unknown, t: Translate): string {
  const custom = CUSTOM_MESSAGES[issue.message];
  if (custom) return t(custom);
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return t('field.required');
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? t('field.tooShort', { minimum: Number(issue.minimum) }) : t('field.invalid');
    case 'too_big':
      return issue.origin === 'string' ? t('field.tooLong', { maximum: Number(issue.maximum) }) : t('field.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('field.invalidEmail');
      if (issue.format === 'date' || issue.format === 'datetime') return t('field.invalidDate');
      return t('field.invalidFormat');
    default:
      return t('field.invalid');
  }
}

/** Checks a value against the same zod schema the server uses, with our own wording. */
export function validateWith(schema: Schema, value: unknown, t: Translate): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (errors[path] === undefined) errors[path] = issueMessage(issue, valueAt(value, issue.path), t);
  }
  return errors;
}

/** Field problems from a 400/404/409 answer, keyed by field path. */
export function errorsFromApi(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const issue of error.issues) if (errors[issue.path] === undefined) errors[issue.path] = issue.message;
  return errors;
}

/** Builds the summary in the order of `fields`, naming each field by its label. */
export function summaryItems(errors: FieldErrors, fields: { path: string; id: string; label: string }[]): SummaryItem[] {
  return fields.flatMap((field) => {
    const message = errors[field.path];
    return message ? [{ id: field.id, label: field.label, message }] : [];
  });
}

/** The form-level message of a failed call: the server's own text, unless it only points at fields. */
export function formMessage(error: unknown, t: Translate, knownFields: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error ? t('error.unexpected') : null;
  const allKnown = error.issues.length > 0 && error.issues.every((issue) => knownFields.includes(issue.path));
  if (allKnown) return t('form.fixErrors');
  if (error.issues.length > 0) return `${error.message} ${error.issues.map((issue) => issue.message).join(' ')}`;
  return error.message;
}

/** A failure as the server worded it ("Feil brukernavn eller passord."), or "Noe gikk galt" for anything else. */
export function errorMessage(error: unknown, t: Translate): string {
  return error instanceof Error ? error.message : t('error.unexpected');
}

/**
 * The submit cycle of every form that sends something. The form's own check comes first
 * (`showErrors`: problems beside their fields, "Rett feilene" in the summary); `send` then makes
 * the request with `busy` set, so the submit button cannot send it twice. Success clears the
 * problems; a refusal puts the server's field problems beside the fields and its message in the
 * summary (formMessage, with `knownFields`), unless the form answers it itself (`onRefused`: the
 * login steps start over or clear what was typed).
 */
export function useFormSubmit(knownFields: readonly string[], initialMessage: string | null = null) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(initialMessage);
  const [busy, setBusy] = useState(false);

  /** Shows what the form's own check found; true when it found anything (then do not send). */
  const showErrors = (found: FieldErrors): boolean => {
    setErrors(found);
    const any = Object.keys(found).length > 0;
    if (any) setMessage(t('form.fixErrors'));
    return any;
  };

  const send = async (request: () => Promise<void>, onRefused?: (error: unknown) => void): Promise<void> => {
    setBusy(true);
    try {
      await request();
      setErrors({});
      setMessage(null);
    } catch (error) {
      if (onRefused) {
        onRefused(error);
      } else {
        setErrors(errorsFromApi(error));
        setMessage(formMessage(error, t, knownFields));
      }
    } finally {
      setBusy(false);
    }
  };

  return { errors, setErrors, message, setMessage, busy, showErrors, send };
}

/**
 * A button that asks the server for one thing (deactivate, reset the second factor, end a
 * session): `busy` while it runs, then the text it returns as a status, or the failure's message.
 */
export function useAction() {
  const { t } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setStatus(null);
    setMessage(null);
    try {
      setStatus(await action());
    } catch (error) {
      setMessage(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return { status, setStatus, message, busy, run };
}

/**
 * The button row under a form: the submit button (disabled while `busy`) and, for a form that can
 * be left or emptied, a quiet button beside it ("Avbryt", or `cancelLabel`). `children` go last:
 * links that look like buttons.
 */
export function FormActions({
  submitLabel,
  submitIcon,
  busy = false,
  onCancel,
  cancelLabel,
  children,
}: {
  submitLabel: string;
  submitIcon?: string;
  busy?: boolean;
  onCancel?: () => void;
  cancelLabel?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="rf-button-row">
      <PktButton type="submit" skin="primary" variant={submitIcon ? 'icon-left' : 'label-only'} iconName={submitIcon} disabled={busy}>
        {submitLabel}
      </PktButton>
      {onCancel && (
        <PktButton type="button" skin="tertiary" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </PktButton>
      )}
      {children}
    </div>
  );
}
