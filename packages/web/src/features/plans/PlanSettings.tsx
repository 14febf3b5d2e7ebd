import { useEffect, useState, type ReactNode } from 'react';
import { STATUS_CATEGORIES, type PlanDetail, type PlanLink, type StatusCategory } from '@rusfag/core';
import { SelectField, TextField, type FieldErrors } from '../../app/forms';
import { Icon } from '../../app/Icon';
import { useI18n } from '../../app/i18n';
import { categoryLabel, type PlanListResponse } from './model';

/**
 * The plan's settings as rows of fields in the "Om planen" edit form: its levels, its status
 * words and its links to other plans. Each row is a fieldset; rows are added and removed here and
 * sent with the rest of the form in one PATCH, so the server checks them all at once (a level that
 * still has items, a status word used in the history) and its refusals land on the rows.
 */

// ---------------------------------------------------------------- rows

/** What a level's items are: headings (goals, strategies), measures, or the city council's measures. */
export type LevelKind = 'heading' | 'measure' | 'council';
export interface LevelRow {
  key: string;
  label: string;
  kind: LevelKind;
}

export interface TermRow {
  key: string;
  /** The stored code of an existing word (kept when it is renamed); null for a new word. */
  code: string | null;
  label: string;
  category: StatusCategory;
}

/** A link either to a plan in Rusfag (`target` is its id) or to anything else by title and address. */
export const OTHER_TARGET = 'other';
export interface LinkRow {
  key: string;
  kind: PlanLink['kind'];
  target: string;
  title: string;
  url: string;
}

let nextKey = 0;
const newKey = () => `row-${++nextKey}`;

export function levelRows(plan: PlanDetail): LevelRow[] {
  return plan.levels.map((level) => ({ key: newKey(), label: level.label, kind: level.council ? 'council' : level.measure ? 'measure' : 'heading' }));
}

export function termRows(plan: PlanDetail): TermRow[] {
  return plan.statusTerms.map((term) => ({ key: newKey(), code: term.code, label: term.label, category: term.category }));
}

export function linkRows(plan: PlanDetail): LinkRow[] {
  return plan.links.map((link) => ({
    key: newKey(),
    kind: link.kind,
    target: link.planId ?? OTHER_TARGET,
    title: link.title,
    url: link.url ?? '',
  }));
}

export function levelsOf(rows: readonly LevelRow[]): PlanDetail['levels'] {
  return rows.map((row) => ({ label: row.label.trim(), measure: row.kind !== 'heading', ...(row.kind === 'council' ? { council: true } : {}) }));
}

/** "Delvis gjennomført" → "delvis_gjennomfort": the stored code of a new status word. */
export function codeFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLocaleLowerCase('nb')
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 34) || 'status';
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
  return code;
}

export function termsOf(rows: readonly TermRow[]): PlanDetail['statusTerms'] {
  const taken = new Set(rows.flatMap((row) => (row.code ? [row.code] : [])));
  return rows.map((row) => {
    const code = row.code ?? codeFor(row.label, taken);
    taken.add(code);
    return { code, label: row.label.trim(), category: row.category };
  });
}

export function linksOf(rows: readonly LinkRow[], plans: PlanListResponse['plans'] | undefined): PlanLink[] {
  return rows.map((row) => {
    if (row.target === OTHER_TARGET) {
      return { kind: row.kind, title: row.title.trim(), url: row.url.trim() === '' ? null : row.url.trim(), planId: null };
    }
    // A plan in Rusfag is named by its title as it is now.
    const linked = plans?.find((candidate) => candidate.id === row.target);
    return { kind: row.kind, title: linked?.title ?? row.title, url: null, planId: row.target };
  });
}

/** Links as the server hands them back, comparable with linksOf (absent and null are the same). */
export function normaliseLinks(links: readonly PlanLink[]): PlanLink[] {
  return links.map((link) => ({ kind: link.kind, title: link.title, url: link.url ?? null, planId: link.planId ?? null }));
}

/** Problems the form finds itself: the same status word twice would read as one in every report. */
export function checkTerms(rows: readonly TermRow[], message: string): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const label = row.label.trim().toLocaleLowerCase('nb');
    if (label !== '' && seen.has(label)) errors[`statusTerms.${index}.label`] = message;
    seen.add(label);
  });
  return errors;
}

// ---------------------------------------------------------------- ids

export const levelsGroupId = 'edit-plan-levels';
export const termsGroupId = 'edit-plan-terms';
export const linksGroupId = 'edit-plan-links';
export const levelFieldId = (index: number, field: 'label' | 'kind') => `edit-plan-level-${index}-${field}`;
export const termFieldId = (index: number, field: 'label' | 'category') => `edit-plan-term-${index}-${field}`;
export const linkFieldId = (index: number, field: 'kind' | 'target' | 'title' | 'url') => `edit-plan-link-${index}-${field}`;

/** Where the form moves focus after a row was added or removed. */
function useFocusAfterChange() {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/** An outer fieldset for one kind of row, its problem (from the server: "still has items") beside it. */
function Group({ id, legend, hint, error, children }: { id: string; legend: string; hint: string; error?: string | undefined; children: ReactNode }) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset className="rf-fieldset rf-settings-group" id={id} tabIndex={-1} aria-describedby={describedBy}>
      <legend className="rf-legend">{legend}</legend>
      <p className="rf-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error && (
        <p className="rf-field__error" id={`${id}-error`}>
          <Icon name="alert-error" className="rf-field__error-icon" />
          <span>{error}</span>
        </p>
      )}
      {children}
    </fieldset>
  );
}

function SmallButton({ id, icon, children, onClick }: { id?: string; icon: string; children: ReactNode; onClick: () => void }) {
  return (
    <button type="button" id={id} className="pkt-btn pkt-btn--tertiary pkt-btn--small pkt-btn--icon-left rf-item-button" onClick={onClick}>
      <Icon name={icon} className="pkt-btn__icon" />
      <span className="pkt-btn__text">{children}</span>
    </button>
  );
}

// ---------------------------------------------------------------- levels

/** At most eight levels (the database says so); levels are added and removed at the bottom only, where items cannot be misplaced. */
const MAX_LEVELS = 8;

export function LevelFields({ rows, onChange, errors }: { rows: LevelRow[]; onChange: (rows: LevelRow[]) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  const focus = useFocusAfterChange();
  const set = (index: number, change: Partial<LevelRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Group id={levelsGroupId} legend={t('plans.settings.levels')} hint={t('plans.settings.levelsHint')} error={errors.levels}>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="rf-fieldset rf-settings-row">
          <legend className="rf-legend">{t('plans.settings.level', { number: index + 1 })}</legend>
          <div className="rf-role-row">
            <TextField
              id={levelFieldId(index, 'label')}
              label={t('plans.settings.levelLabel')}
              value={row.label}
              autoComplete="off"
              onChange={(event) => set(index, { label: event.target.value })}
              error={errors[`levels.${index}.label`]}
            />
            <SelectField
              id={levelFieldId(index, 'kind')}
              label={t('plans.settings.levelKind')}
              value={row.kind}
              onChange={(event) => set(index, { kind: event.target.value as LevelKind })}
              error={errors[`levels.${index}.measure`] ?? errors[`levels.${index}.council`]}
            >
              <option value="heading">{t('plans.settings.levelKind.heading')}</option>
              <option value="measure">{t('plans.settings.levelKind.measure')}</option>
              <option value="council">{t('plans.settings.levelKind.council')}</option>
            </SelectField>
          </div>
          {index === rows.length - 1 && rows.length > 1 && (
            <SmallButton
              icon="trash-can"
              onClick={() => {
                onChange(rows.slice(0, -1));
                focus('edit-plan-level-add');
              }}
            >
              {t('plans.settings.removeLevel', { number: index + 1 })}
            </SmallButton>
          )}
        </fieldset>
      ))}
      {rows.length < MAX_LEVELS && (
        <SmallButton
          id="edit-plan-level-add"
          icon="plus-sign"
          onClick={() => {
            onChange([...rows, { key: newKey(), label: '', kind: 'measure' }]);
            focus(levelFieldId(rows.length, 'label'));
          }}
        >
          {t('plans.settings.addLevel')}
        </SmallButton>
      )}
    </Group>
  );
}

// ---------------------------------------------------------------- status words

export function TermFields({ rows, onChange, errors }: { rows: TermRow[]; onChange: (rows: TermRow[]) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  const focus = useFocusAfterChange();
  const set = (index: number, change: Partial<TermRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Group id={termsGroupId} legend={t('plans.settings.terms')} hint={t('plans.settings.termsHint')} error={errors.statusTerms}>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="rf-fieldset rf-settings-row">
          <legend className="rf-legend">{t('plans.settings.term', { number: index + 1 })}</legend>
          <div className="rf-role-row">
            <TextField
              id={termFieldId(index, 'label')}
              label={t('plans.settings.termLabel')}
              value={row.label}
              autoComplete="off"
              onChange={(event) => set(index, { label: event.target.value })}
              error={errors[`statusTerms.${index}.label`] ?? errors[`statusTerms.${index}.code`]}
            />
            <SelectField
              id={termFieldId(index, 'category')}
              label={t('plans.settings.termCategory')}
              value={row.category}
              onChange={(event) => set(index, { category: event.target.value as StatusCategory })}
              error={errors[`statusTerms.${index}.category`]}
            >
              {STATUS_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {categoryLabel(t, category)}
                </option>
              ))}
            </SelectField>
          </div>
          {rows.length > 1 && (
            <SmallButton
              icon="trash-can"
              onClick={() => {
                onChange(rows.filter((_, i) => i !== index));
                focus('edit-plan-term-add');
              }}
            >
              {t('plans.settings.removeTerm', { number: index + 1 })}
              {row.label.trim() && <span className="pkt-sr-only"> ({row.label.trim()})</span>}
            </SmallButton>
          )}
        </fieldset>
      ))}
      <SmallButton
        id="edit-plan-term-add"
        icon="plus-sign"
        onClick={() => {
          onChange([...rows, { key: newKey(), code: null, label: '', category: 'in_progress' }]);
          focus(termFieldId(rows.length, 'label'));
        }}
      >
        {t('plans.settings.addTerm')}
      </SmallButton>
    </Group>
  );
}

// ---------------------------------------------------------------- links

export function LinkFields({
  planId,
  rows,
  onChange,
  errors,
  plans,
}: {
  planId: string;
  rows: LinkRow[];
  onChange: (rows: LinkRow[]) => void;
  errors: FieldErrors;
  plans: PlanListResponse['plans'] | undefined;
}) {
  const { t } = useI18n();
  const focus = useFocusAfterChange();
  const set = (index: number, change: Partial<LinkRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const others = (plans ?? []).filter((candidate) => candidate.id !== planId);
  return (
    <Group id={linksGroupId} legend={t('plans.settings.links')} hint={t('plans.settings.linksHint')} error={errors.links}>
      {rows.map((row, index) => {
        // A linked plan the user can no longer see keeps its place under its stored title.
        const unseen = row.target !== OTHER_TARGET && !others.some((candidate) => candidate.id === row.target);
        return (
          <fieldset key={row.key} className="rf-fieldset rf-settings-row">
            <legend className="rf-legend">{t('plans.settings.link', { number: index + 1 })}</legend>
            <div className="rf-role-row">
              <SelectField
                id={linkFieldId(index, 'kind')}
                label={t('plans.settings.linkKind')}
                value={row.kind}
                onChange={(event) => set(index, { kind: event.target.value as PlanLink['kind'] })}
                error={errors[`links.${index}.kind`]}
              >
                <option value="implements">{t('plans.settings.linkKind.implements')}</option>
                <option value="related">{t('plans.settings.linkKind.related')}</option>
              </SelectField>
              <SelectField
                id={linkFieldId(index, 'target')}
                label={t('plans.settings.linkTarget')}
                value={row.target}
                onChange={(event) => set(index, { target: event.target.value })}
                error={errors[`links.${index}.planId`]}
              >
                {unseen && <option value={row.target}>{row.title}</option>}
                {others.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {t('plans.settings.linkPlanOption', { title: candidate.title, owner: candidate.ownerName })}
                  </option>
                ))}
                <option value={OTHER_TARGET}>{t('plans.settings.linkOther')}</option>
              </SelectField>
            </div>
            {row.target === OTHER_TARGET && (
              <div className="rf-role-row">
                <TextField
                  id={linkFieldId(index, 'title')}
                  label={t('plans.settings.linkTitle')}
                  value={row.title}
                  autoComplete="off"
                  onChange={(event) => set(index, { title: event.target.value })}
                  error={errors[`links.${index}.title`]}
                />
                <TextField
                  id={linkFieldId(index, 'url')}
                  label={t('plans.settings.linkUrl')}
                  hint={t('plans.settings.linkUrlHint')}
                  type="url"
                  inputMode="url"
                  value={row.url}
                  autoComplete="off"
                  onChange={(event) => set(index, { url: event.target.value })}
                  error={errors[`links.${index}.url`]}
                  optional
                />
              </div>
            )}
            <SmallButton
              icon="trash-can"
              onClick={() => {
                onChange(rows.filter((_, i) => i !== index));
                focus('edit-plan-link-add');
              }}
            >
              {t('plans.settings.removeLink', { number: index + 1 })}
            </SmallButton>
          </fieldset>
        );
      })}
      {rows.length < 30 && (
        <SmallButton
          id="edit-plan-link-add"
          icon="plus-sign"
          onClick={() => {
            onChange([...rows, { key: newKey(), kind: 'related', target: others[0]?.id ?? OTHER_TARGET, title: '', url: '' }]);
            focus(linkFieldId(rows.length, 'kind'));
          }}
        >
          {t('plans.settings.addLink')}
        </SmallButton>
      )}
    </Group>
  );
}

/** The summary entries for every row's fields, in the order they stand in the form. */
export function settingsFields(
  t: ReturnType<typeof useI18n>['t'],
  levels: readonly LevelRow[],
  terms: readonly TermRow[],
  links: readonly LinkRow[],
): { path: string; id: string; label: string }[] {
  const named = (group: string, field: string) => `${group}: ${field}`;
  return [
    { path: 'levels', id: levelsGroupId, label: t('plans.settings.levels') },
    ...levels.flatMap((_, index) => {
      const level = t('plans.settings.level', { number: index + 1 });
      return [
        { path: `levels.${index}.label`, id: levelFieldId(index, 'label'), label: named(level, t('plans.settings.levelLabel')) },
        { path: `levels.${index}.measure`, id: levelFieldId(index, 'kind'), label: named(level, t('plans.settings.levelKind')) },
        { path: `levels.${index}.council`, id: levelFieldId(index, 'kind'), label: named(level, t('plans.settings.levelKind')) },
      ];
    }),
    { path: 'statusTerms', id: termsGroupId, label: t('plans.settings.terms') },
    ...terms.flatMap((_, index) => {
      const term = t('plans.settings.term', { number: index + 1 });
      return [
        { path: `statusTerms.${index}.label`, id: termFieldId(index, 'label'), label: named(term, t('plans.settings.termLabel')) },
        { path: `statusTerms.${index}.code`, id: termFieldId(index, 'label'), label: named(term, t('plans.settings.termLabel')) },
        { path: `statusTerms.${index}.category`, id: termFieldId(index, 'category'), label: named(term, t('plans.settings.termCategory')) },
      ];
    }),
    { path: 'links', id: linksGroupId, label: t('plans.settings.links') },
    ...links.flatMap((_, index) => {
      const link = t('plans.settings.link', { number: index + 1 });
      return [
        { path: `links.${index}.kind`, id: linkFieldId(index, 'kind'), label: named(link, t('plans.settings.linkKind')) },
        { path: `links.${index}.planId`, id: linkFieldId(index, 'target'), label: named(link, t('plans.settings.linkTarget')) },
        { path: `links.${index}.title`, id: linkFieldId(index, 'title'), label: named(link, t('plans.settings.linkTitle')) },
        { path: `links.${index}.url`, id: linkFieldId(index, 'url'), label: named(link, t('plans.settings.linkUrl')) },
      ];
    }),
  ];
}
