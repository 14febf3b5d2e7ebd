import { useId, useMemo, useState, type ReactNode } from 'react';
import type { OrgUnit } from '@rusfag/core';
import { CheckboxField, TextField } from '../../app/forms';
import { useI18n } from '../../app/i18n';

/** How many matches a search shows at most; the rest are counted and narrowed by typing more. */
const MAX_MATCHES = 40;

/**
 * Units as checkboxes in one fieldset, for the units of a plan item: the responsible units (the
 * owner's units, indented by depth) and the partner units (any unit of the tree). With `search`,
 * the list is long, so it shows the chosen units and `search.initial` (districts and agencies)
 * until the user types part of a name; the number of matches is announced.
 */
export function UnitChoices({
  id,
  legend,
  hint,
  choices,
  selected,
  onChange,
  error,
  loading,
  labelOf = (unit) => unit.name,
  indent = true,
  search,
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  /** The units that may be chosen (and those already chosen), in tree order. */
  choices: readonly OrgUnit[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
  loading: boolean;
  labelOf?: (unit: OrgUnit) => string;
  indent?: boolean;
  search?: { label: string; initial: (unit: OrgUnit) => boolean };
}) {
  const { t, tp } = useI18n();
  const [query, setQuery] = useState('');
  const hintId = useId();
  const needle = query.trim().toLocaleLowerCase('nb');

  const { shown, matches } = useMemo(() => {
    if (!search) return { shown: choices, matches: null };
    const chosen = new Set(selected);
    if (needle === '') return { shown: choices.filter((unit) => chosen.has(unit.id) || search.initial(unit)), matches: null };
    // Chosen units stay in the list whatever is typed; the count is of every unit that matches.
    const found = choices.filter((unit) => labelOf(unit).toLocaleLowerCase('nb').includes(needle));
    const limited = new Set(found.slice(0, MAX_MATCHES).map((unit) => unit.id));
    return { shown: choices.filter((unit) => chosen.has(unit.id) || limited.has(unit.id)), matches: found.length };
  }, [choices, selected, search, needle, labelOf]);
  const minDepth = Math.min(...shown.map((unit) => unit.depth));

  const describedBy = [hint ? hintId : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="rf-fieldset rf-unit-choices" id={id} tabIndex={-1} aria-describedby={describedBy}>
      <legend className="rf-legend">{legend}</legend>
      {hint && (
        <p className="rf-hint" id={hintId}>
          {hint}
        </p>
      )}
      {search && (
        <>
          <TextField
            id={`${id}-search`}
            label={search.label}
            type="search"
            value={query}
            autoComplete="off"
            onChange={(event) => setQuery(event.target.value)}
            // Enter in the search field must not send the whole form.
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault();
            }}
          />
          <p role="status" className="rf-hint">
            {matches === null
              ? ''
              : matches === 0
                ? t('plans.units.noMatch')
                : matches > MAX_MATCHES
                  ? t('plans.units.manyMatches', { count: matches, shown: MAX_MATCHES })
                  : tp('plans.units.matches', matches)}
          </p>
        </>
      )}
      {shown.length === 0 ? (
        !search && <p className="rf-hint">{loading ? t('common.loading') : t('plans.field.unitsNone')}</p>
      ) : (
        <div className="rf-check-grid">
          {shown.map((unit) => (
            <CheckboxField
              key={unit.id}
              id={`${id}-${unit.id}`}
              label={labelOf(unit)}
              className={indent ? `rf-check--depth-${Math.max(0, Math.min(3, unit.depth - minDepth))}` : undefined}
              checked={selected.includes(unit.id)}
              onChange={(event) => onChange(event.target.checked ? [...selected, unit.id] : selected.filter((other) => other !== unit.id))}
            />
          ))}
        </div>
      )}
      {error && (
        <p className="rf-field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
