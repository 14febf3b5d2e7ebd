import { useEffect, useState, type ReactNode } from 'react';
import { CheckboxField } from '../../app/forms';
import { Icon } from '../../app/Icon';
import { useI18n } from '../../app/i18n';
import type { IconName } from '../../app/punkt';
import type { Tristate } from './model';

/**
 * Groups of controls for the directory's forms, each a fieldset with a legend, so a screen reader
 * names the group before its choices, and its problem (beside it, linked with aria-describedby).
 * A group can take focus (tabIndex -1): the error summary jumps to it.
 */

function GroupError({ id, error }: { id: string; error?: string | undefined }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="rf-field__error" id={`${id}-error`}>
      <Icon name="alert-error" className="rf-field__error-icon" />
      <span>
        <span className="pkt-sr-only">{t('form.errorPrefix')} </span>
        {error}
      </span>
    </p>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A fieldset of the form ("Om tjenesten", "Når"): a legend that reads as a heading. */
export function FormPart({ id, legend, hint, children }: { id: string; legend: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="rf-fieldset rf-form-part" id={id} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="rf-legend rf-form-part__legend">{legend}</legend>
      {hint && (
        <p className="rf-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
    </fieldset>
  );
}

/** A group of checkboxes with one value each (target groups, districts, languages). */
export function CheckboxGroup({
  id,
  legend,
  hint,
  options,
  selected,
  onChange,
  error,
  part = false,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  options: readonly { value: string; label: ReactNode; hint?: ReactNode }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
  /** A part of the form of its own ("Språk", "Kategorier"): its legend reads like the others'. */
  part?: boolean;
}) {
  return (
    <fieldset
      className={`rf-fieldset rf-choice-group${part ? ' rf-form-part' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className={`rf-legend${part ? ' rf-form-part__legend' : ''}`}>{legend}</legend>
      {hint && (
        <p className="rf-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <GroupError id={id} error={error} />
      <div className="rf-check-grid">
        {options.map((option) => (
          <CheckboxField
            key={option.value}
            id={`${id}-${option.value}`}
            label={option.label}
            hint={option.hint}
            checked={selected.includes(option.value)}
            onChange={(event) =>
              onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))
            }
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Ja / Nei / Vet ikke as radio buttons (referral, free of charge, wheelchair access). */
export function TristateGroup({
  id,
  legend,
  hint,
  value,
  onChange,
  labels,
  error,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  value: Tristate;
  onChange: (value: Tristate) => void;
  labels: Record<Tristate, string>;
  error?: string | undefined;
}) {
  return (
    <fieldset className="rf-fieldset rf-choice-group" id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)}>
      <legend className="rf-legend">{legend}</legend>
      {hint && (
        <p className="rf-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <GroupError id={id} error={error} />
      <div className="rf-radio-row">
        {(['yes', 'no', 'unknown'] as const).map((option) => (
          <div key={option} className="pkt-input-check rf-check">
            <div className="pkt-input-check__input">
              <input
                type="radio"
                id={`${id}-${option}`}
                name={id}
                value={option}
                className="pkt-input-check__input-checkbox"
                checked={value === option}
                onChange={() => onChange(option)}
              />
              <label className="pkt-input-check__input-label" htmlFor={`${id}-${option}`}>
                {labels[option]}
              </label>
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** An outer fieldset for rows that can be added and removed (phones, opening hours), its problem beside it. */
export function RowGroup({ id, legend, hint, error, children }: { id: string; legend: string; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <fieldset className="rf-fieldset rf-settings-group" id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)}>
      <legend className="rf-legend">{legend}</legend>
      {hint && (
        <p className="rf-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <GroupError id={id} error={error} />
      {children}
    </fieldset>
  );
}

export function SmallButton({ id, icon, children, onClick }: { id?: string; icon: IconName; children: ReactNode; onClick: () => void }) {
  return (
    <button type="button" id={id} className="pkt-btn pkt-btn--tertiary pkt-btn--small pkt-btn--icon-left rf-item-button" onClick={onClick}>
      <Icon name={icon} className="pkt-btn__icon" />
      <span className="pkt-btn__text">{children}</span>
    </button>
  );
}

/** Where focus goes after a row was added or removed: set an element id, focused after the render. */
export function useFocusAfterChange(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}
