import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { daysBetween, type PlanItem } from '@rusfag/core';
import { api, ApiError, serverClockOffset } from '../../app/api';
import { useDraft } from '../../app/drafts';
import { formatDay, todayInOslo } from '../../app/format';
import { CheckboxField, ErrorSummary, SelectField, TextField, errorMessage, type FieldErrors } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { AlertBox, EmptyState, Section } from '../../app/page';
import {
  ancestorsOf,
  currentPeriodOf,
  dueText,
  fullName,
  isCouncil,
  levelLabel,
  missingIn,
  truncate,
  type BulkStatusResult,
} from './model';
import type { PlanData } from './PlanPage';
import { StatusWord } from './StatusHistory';

interface RowValue {
  status: string;
  remark: string;
}

interface Draft {
  reportedOn: string;
  /** Only the rows the user has touched; the rest show the current status. */
  rows: Record<string, RowValue>;
}

const MISSING_PARAM = 'mangler';
const UNIT_PARAM = 'enhet';

/**
 * The bulk update: every measure the user may report on, in one table with a status select and a
 * remark per row, saved with one click. Rows the user changed are marked; only touched rows are
 * sent (so a status someone else reported meanwhile is not overwritten by an untouched row).
 */
export function StatusUpdateTab({ data }: { data: PlanData }) {
  const { t, tp } = useI18n();
  const { plan, items, periods } = data;
  const [params, setParams] = useSearchParams();
  const today = todayInOslo(serverClockOffset());
  const period = currentPeriodOf(periods);
  const onlyMissing = params.get(MISSING_PARAM) === '1';
  const unitFilter = params.get(UNIT_PARAM) ?? '';

  const [draft, setDraft, { restored, discard }] = useDraft<Draft>(`plan-status-${plan.id}`, { reportedOn: today, rows: {} });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);

  const byId = useMemo(() => new Map(items.items.map((item) => [item.id, item])), [items.items]);
  const rows = useMemo(() => items.items.filter((item) => item.actions.includes('measure.updateStatus')), [items.items]);
  const unitsInRows = useMemo(() => {
    const found = new Map<string, string>();
    for (const row of rows) for (const unit of row.responsibleUnits) found.set(unit.id, unit.name);
    return [...found.entries()].sort((a, b) => a[1].localeCompare(b[1], 'nb'));
  }, [rows]);

  const current = (item: PlanItem): RowValue => ({ status: item.status?.code ?? '', remark: item.status?.remark ?? '' });
  const valueOf = (item: PlanItem): RowValue => draft.rows[item.id] ?? current(item);
  const isChanged = (item: PlanItem) => {
    const value = valueOf(item);
    const now = current(item);
    return value.status !== now.status || value.remark.trim() !== now.remark;
  };
  const changedCount = rows.filter(isChanged).length;
  const missingCount = rows.filter((item) => missingIn(plan.levels, item, period)).length;

  const visible = rows.filter(
    (item) =>
      (!onlyMissing || missingIn(plan.levels, item, period)) && (!unitFilter || item.responsibleUnits.some((unit) => unit.id === unitFilter)),
  );

  const setRow = (item: PlanItem, change: Partial<RowValue>) => {
    setSaved(null);
    setDraft((previous) => ({ ...previous, rows: { ...previous.rows, [item.id]: { ...(previous.rows[item.id] ?? current(item)), ...change } } }));
  };

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const touched = rows.filter((item) => draft.rows[item.id] !== undefined);
    const found: FieldErrors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.reportedOn)) found.reportedOn = t('field.invalidDate');
    else if (draft.reportedOn > today) found.reportedOn = t('plans.status.dateInFuture');
    for (const item of touched) {
      const value = valueOf(item);
      if (!value.status && isChanged(item)) found[`status-${item.id}`] = t('plans.status.chooseStatus');
    }
    const updates = touched
      .map((item) => ({ item, value: valueOf(item) }))
      .filter(({ value }) => value.status)
      .map(({ item, value }) => ({ itemId: item.id, status: value.status, remark: value.remark.trim() }));
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage(t('form.fixErrors'));
      return;
    }
    if (updates.length === 0) {
      setMessage(t('plans.status.nothingChanged'));
      return;
    }
    setMessage(null);
    setBusy(true);
    try {
      const result = await api.post<BulkStatusResult>(`/api/plans/${plan.id}/statuses`, { reportedOn: draft.reportedOn, updates });
      discard();
      setDraft({ reportedOn: draft.reportedOn, rows: {} });
      const text = result.unchanged > 0 ? `${tp('plans.status.saved', result.saved)}, ${t('plans.status.unchanged', { count: result.unchanged })}` : tp('plans.status.saved', result.saved);
      setSaved(text);
      data.refresh();
      window.requestAnimationFrame(() => savedRef.current?.focus());
    } catch (error) {
      // The server names the row by its place in the request ("updates.3.status").
      const rowErrors: FieldErrors = {};
      if (error instanceof ApiError) {
        for (const issue of error.issues) {
          const match = /^updates\.(\d+)\.(\w+)$/.exec(issue.path);
          const update = match ? updates[Number(match[1])] : undefined;
          if (update) rowErrors[`status-${update.itemId}`] = issue.message;
          else if (issue.path === 'reportedOn') rowErrors.reportedOn = issue.message;
        }
      }
      setErrors(rowErrors);
      setMessage(Object.keys(rowErrors).length > 0 ? t('form.fixErrors') : errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const periodRow = period && periods?.periods.find((row) => row.period.label === period.label);

  if (rows.length === 0) {
    return (
      <Section headingId="status-heading" title={t('plans.status.heading')}>
        <EmptyState title={t('plans.status.empty.title')}>
          <p>{plan.state === 'archived' ? t('plans.status.empty.archived') : t('plans.status.empty.text')}</p>
        </EmptyState>
      </Section>
    );
  }

  const summaryItems = Object.entries(errors).flatMap(([key, text]) => {
    if (!text) return [];
    if (key === 'reportedOn') return [{ id: 'status-reported-on', label: t('plans.status.reportedOn'), message: text }];
    const item = byId.get(key.replace(/^status-/, ''));
    return item ? [{ id: key, label: t('plans.status.statusFor', { name: fullName(item) }), message: text }] : [];
  });

  return (
    <Section headingId="status-heading" title={t('plans.status.heading')}>
      {period ? (
        <p className="rf-period-line">
          {t('plans.status.period', { period: period.label, start: formatDay(period.start), end: formatDay(period.end), due: formatDay(period.due) })}{' '}
          <strong>{dueText(tp, t, daysBetween(today, period.due))}.</strong>{' '}
          {periodRow && tp('plans.status.missingCount', missingCount, { period: period.label })}
        </p>
      ) : (
        <p>{t('plans.status.noPeriod')}</p>
      )}
      <p className="rf-hint">{t('plans.status.lead')}</p>
      {restored && <p className="rf-hint">{t('draft.restored')}</p>}

      <fieldset className="rf-fieldset rf-filters rf-noprint">
        <legend className="rf-legend">{t('plans.status.filter')}</legend>
        <div className="rf-filter-grid">
          {period && (
            <CheckboxField
              id="status-only-missing"
              label={t('plans.status.onlyMissing', { period: period.label })}
              checked={onlyMissing}
              onChange={(event) => setFilter(MISSING_PARAM, event.target.checked ? '1' : '')}
            />
          )}
          {unitsInRows.length > 1 && (
            <SelectField id="status-unit" label={t('plans.status.unit')} value={unitFilter} onChange={(event) => setFilter(UNIT_PARAM, event.target.value)}>
              <option value="">{t('plans.status.allUnits')}</option>
              {unitsInRows.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <p className="rf-result-count" role="status">
          {t('plans.status.showing', { shown: visible.length, total: rows.length })}
        </p>
      </fieldset>

      <form className="rf-form rf-status-form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary message={message} items={summaryItems} />
        <TextField
          id="status-reported-on"
          type="date"
          label={t('plans.status.reportedOn')}
          hint={t('plans.status.reportedOnHint')}
          value={draft.reportedOn}
          max={today}
          onChange={(event) => setDraft((previous) => ({ ...previous, reportedOn: event.target.value }))}
          error={errors.reportedOn}
        />
        <div className="rf-table-wrap rf-status-table">
          <table className="pkt-table pkt-table--basic pkt-table--compact rf-table">
            <caption className="pkt-sr-only">{t('plans.status.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.status.col.measure')}</th>
                <th scope="col">{t('plans.status.col.current')}</th>
                <th scope="col">{t('plans.status.col.status')}</th>
                <th scope="col">{t('plans.status.col.remark')}</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((item) => {
                const value = valueOf(item);
                const changed = isChanged(item);
                const name = fullName(item);
                const error = errors[`status-${item.id}`];
                const place = ancestorsOf(item, byId)
                  .filter((a) => a.level > 0)
                  .map((a) => truncate(fullName(a), 40))
                  .join(' › ');
                return (
                  <tr key={item.id} className={`${changed ? 'rf-row--changed' : ''}${isCouncil(plan.levels, item) ? ' rf-row--council' : ''}`}>
                    <th scope="row" className="rf-status-table__measure">
                      <span className="rf-level-tag">{levelLabel(plan.levels, item.level)}</span>{' '}
                      {item.code && <span className="rf-plan-item__code">{item.code}</span>}
                      {item.code && ' '}
                      <span>{item.title}</span>
                      {place && <span className="rf-block rf-muted rf-small">{t('plans.status.under', { place })}</span>}
                      {item.responsibleUnits.length > 0 && (
                        <span className="rf-block rf-muted rf-small">{item.responsibleUnits.map((unit) => unit.name).join(', ')}</span>
                      )}
                      {period && missingIn(plan.levels, item, period) && (
                        <span className="rf-block">
                          <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--yellow rf-todo-tag">
                            {t('plans.status.missing', { period: period.label })}
                          </span>
                        </span>
                      )}
                    </th>
                    <td>
                      <StatusWord status={item.status} />
                      {item.status && <span className="rf-block rf-muted rf-small">{formatDay(item.status.reportedOn)}</span>}
                    </td>
                    <td>
                      <label className="pkt-sr-only" htmlFor={`status-${item.id}`}>
                        {t('plans.status.statusFor', { name })}
                      </label>
                      <select
                        id={`status-${item.id}`}
                        className="pkt-input rf-status-select"
                        value={value.status}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `status-${item.id}-error` : undefined}
                        onChange={(event) => setRow(item, { status: event.target.value })}
                      >
                        {!item.status && <option value="">{t('plans.status.none')}</option>}
                        {plan.statusTerms.map((term) => (
                          <option key={term.code} value={term.code}>
                            {term.label}
                          </option>
                        ))}
                      </select>
                      {changed && <span className="rf-block rf-changed-mark">{t('plans.status.changed')}</span>}
                      {error && (
                        <span className="rf-block rf-field__error" id={`status-${item.id}-error`}>
                          {error}
                        </span>
                      )}
                    </td>
                    <td>
                      <label className="pkt-sr-only" htmlFor={`remark-${item.id}`}>
                        {t('plans.status.remarkFor', { name })}
                      </label>
                      <textarea
                        id={`remark-${item.id}`}
                        className="pkt-input rf-textarea rf-remark"
                        rows={2}
                        value={value.remark}
                        onChange={(event) => setRow(item, { remark: event.target.value })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {visible.length === 0 && <p>{t('plans.status.noneShown')}</p>}
        <p className="rf-changed-count">{changedCount === 0 ? t('plans.status.noChanges') : tp('plans.status.changedCount', changedCount)}</p>
        <div className="rf-button-row">
          <button type="submit" className="pkt-btn pkt-btn--primary" disabled={busy}>
            <span className="pkt-btn__text">{t('plans.status.save')}</span>
          </button>
          {changedCount > 0 && (
            <button
              type="button"
              className="pkt-btn pkt-btn--tertiary"
              onClick={() => {
                discard();
                setErrors({});
                setMessage(null);
              }}
            >
              <span className="pkt-btn__text">{t('plans.status.reset')}</span>
            </button>
          )}
        </div>
        <div role="status" className="rf-status" ref={savedRef} tabIndex={-1}>
          {saved && (
            <AlertBox kind="success" className="pkt-alert--compact">
              {saved}
            </AlertBox>
          )}
        </div>
      </form>
    </Section>
  );
}
