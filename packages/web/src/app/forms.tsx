import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { ApiError } from './api';
import { Icon } from './Icon';
import { useI18n, type MessageKey, type Translate } from './i18n';

/**
 * Form building blocks on Punkt's CSS (pkt-inputwrapper, pkt-input): plain elements, so every
 * control has a real <label>, and its error sits beside it and is linked with aria-describedby.
 * Errors are also summarised in one live region per form (ErrorSummary).
 */

export type FieldErrors = Partial<Record<string, string>>;

interface FieldShellProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
}

function FieldShell({ id, label, error, hint, optional, children }: FieldShellProps) {
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
      {children(describedBy)}
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

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> & {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  wide?: boolean;
};

export function TextField({ id, label, error, hint, optional, wide, className, ...input }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional ?? false}>
      {(describedBy) => (
        <input
          {...input}
          id={id}
          name={input.name ?? id}
          className={`pkt-input${wide ? ' pkt-input--fullwidth' : ''}${className ? ` ${className}` : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
};

export function SelectField({ id, label, error, hint, optional, className, children, ...select }: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} optional={optional ?? false}>
      {(describedBy) => (
        <select
          {...select}
          id={id}
          name={select.name ?? id}
          className={`pkt-input${className ? ` ${className}` : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          {children}
        </select>
      )}
    </FieldShell>
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
        <div className="pkt-alert pkt-alert--error pkt-alert--compact">
          <div className="pkt-alert__grid pkt-alert__noTitle pkt-alert__noDate">
            <Icon name="alert-error" className="pkt-alert__icon" />
            <div className="pkt-alert__text">
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
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

/** A quiet confirmation ("Lagret."), announced politely. */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className="rf-status">
      {children && (
        <div className="pkt-alert pkt-alert--success pkt-alert--compact">
          <div className="pkt-alert__grid pkt-alert__noTitle pkt-alert__noDate">
            <Icon name="alert-success" className="pkt-alert__icon" />
            <div className="pkt-alert__text">{children}</div>
          </div>
        </div>
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
