import { formatExceptions, formatWeekly } from '@rusfag/core';
import { CheckboxField, SelectField, TextAreaField, TextField, type FieldErrors } from '../../app/forms';
import { useI18n, type MessageKey, type Translate } from '../../app/i18n';
import { FormPart, RowGroup, SmallButton, useFocusAfterChange } from './fields';
import { normaliseTime, rowKey } from './model';
import { hoursOf, type ExceptionRow, type ServiceValues, type WeeklyRow } from './serviceValues';

/**
 * "Når": the weekly opening hours as rows (weekday, opens, closes, an optional season), the dated
 * exceptions as rows (from, to, closed or its own hours, why), a note, and a preview of how the
 * public page will read them. Problems found by the form or the server land on the row's field.
 */

export const HOURS_PART_ID = 'svc-part-hours';
export const WEEKLY_GROUP_ID = 'svc-hours-weekly';
export const EXCEPTIONS_GROUP_ID = 'svc-hours-exceptions';
const WEEKLY_ADD_ID = 'svc-weekly-add';
const EXCEPTION_ADD_ID = 'svc-exception-add';

type WeeklyField = 'weekday' | 'opensAt' | 'closesAt' | 'validFrom' | 'validTo';
type ExceptionField = 'from' | 'to' | 'closed' | 'opensAt' | 'closesAt' | 'reason';

export const weeklyRowId = (index: number) => `svc-weekly-${index}`;
export const weeklyFieldId = (index: number, field: WeeklyField) => `svc-weekly-${index}-${field}`;
export const exceptionRowId = (index: number) => `svc-exception-${index}`;
export const exceptionFieldId = (index: number, field: ExceptionField) => `svc-exception-${index}-${field}`;

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const weekdayKey = (day: number) => `directory.weekday.${day}` as MessageKey;

/** The fields of the hours for the error summary, in the order they stand, with their labels. */
export function hoursFields(t: Translate, values: Pick<ServiceValues, 'weekly' | 'exceptions'>) {
  const named = (row: string, field: string) => `${row}: ${field}`;
  return [
    { path: 'hours', id: HOURS_PART_ID, label: t('directory.part.hours') },
    { path: 'hours.weekly', id: WEEKLY_GROUP_ID, label: t('directory.hours.weekly') },
    ...values.weekly.flatMap((_, index) => {
      const row = t('directory.hours.weeklyRow', { number: index + 1 });
      return [
        { path: `hours.weekly.${index}`, id: weeklyRowId(index), label: row },
        { path: `hours.weekly.${index}.weekday`, id: weeklyFieldId(index, 'weekday'), label: named(row, t('directory.hours.weekday')) },
        { path: `hours.weekly.${index}.opensAt`, id: weeklyFieldId(index, 'opensAt'), label: named(row, t('directory.hours.opensAt')) },
        { path: `hours.weekly.${index}.closesAt`, id: weeklyFieldId(index, 'closesAt'), label: named(row, t('directory.hours.closesAt')) },
        { path: `hours.weekly.${index}.validFrom`, id: weeklyFieldId(index, 'validFrom'), label: named(row, t('directory.hours.validFrom')) },
        { path: `hours.weekly.${index}.validTo`, id: weeklyFieldId(index, 'validTo'), label: named(row, t('directory.hours.validTo')) },
      ];
    }),
    { path: 'hours.exceptions', id: EXCEPTIONS_GROUP_ID, label: t('directory.hours.exceptions') },
    ...values.exceptions.flatMap((exception, index) => {
      const row = t('directory.hours.exceptionRow', { number: index + 1 });
      // A closed exception shows no times: a problem with them belongs to "Stengt".
      const timeField = (field: 'opensAt' | 'closesAt') => (exception.closed ? exceptionFieldId(index, 'closed') : exceptionFieldId(index, field));
      return [
        { path: `hours.exceptions.${index}`, id: exceptionRowId(index), label: row },
        { path: `hours.exceptions.${index}.from`, id: exceptionFieldId(index, 'from'), label: named(row, t('directory.hours.from')) },
        { path: `hours.exceptions.${index}.to`, id: exceptionFieldId(index, 'to'), label: named(row, t('directory.hours.to')) },
        { path: `hours.exceptions.${index}.closed`, id: exceptionFieldId(index, 'closed'), label: named(row, t('directory.hours.closed')) },
        { path: `hours.exceptions.${index}.opensAt`, id: timeField('opensAt'), label: named(row, t('directory.hours.opensAt')) },
        { path: `hours.exceptions.${index}.closesAt`, id: timeField('closesAt'), label: named(row, t('directory.hours.closesAt')) },
        { path: `hours.exceptions.${index}.reason`, id: exceptionFieldId(index, 'reason'), label: named(row, t('directory.hours.reason')) },
      ];
    }),
    { path: 'hoursNote', id: 'svc-hours-note', label: t('directory.hours.note') },
  ];
}

export function HoursEditor({
  values,
  update,
  errors,
}: {
  values: ServiceValues;
  update: (change: Partial<ServiceValues>) => void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <FormPart id={HOURS_PART_ID} legend={t('directory.part.hours')}>
      {errors.hours && <p className="rf-field__error">{errors.hours}</p>}
      <WeeklyRows rows={values.weekly} onChange={(weekly) => update({ weekly })} errors={errors} />
      <ExceptionRows rows={values.exceptions} onChange={(exceptions) => update({ exceptions })} errors={errors} />
      <TextAreaField
        id="svc-hours-note"
        label={t('directory.hours.note')}
        hint={t('directory.hours.noteHint')}
        value={values.hoursNote}
        onChange={(event) => update({ hoursNote: event.target.value })}
        error={errors.hoursNote}
        optional
        rows={2}
        wide
      />
      <HoursPreview values={values} />
    </FormPart>
  );
}

function WeeklyRows({ rows, onChange, errors }: { rows: WeeklyRow[]; onChange: (rows: WeeklyRow[]) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  const focus = useFocusAfterChange();
  const set = (index: number, change: Partial<WeeklyRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const error = (index: number, field: WeeklyField) => errors[`hours.weekly.${index}.${field}`];

  const add = () => {
    // The next weekday with the same hours: Monday–Sunday is one row and six clicks.
    const last = rows[rows.length - 1];
    const weekday = last ? String((Number(last.weekday) % 7) + 1) : '1';
    onChange([
      ...rows,
      {
        key: rowKey(),
        weekday,
        opensAt: last?.opensAt ?? '',
        closesAt: last?.closesAt ?? '',
        validFrom: last?.validFrom ?? '',
        validTo: last?.validTo ?? '',
      },
    ]);
    focus(weeklyFieldId(rows.length, 'weekday'));
  };

  return (
    <RowGroup id={WEEKLY_GROUP_ID} legend={t('directory.hours.weekly')} hint={t('directory.hours.weeklyHint')} error={errors['hours.weekly']}>
      {rows.length === 0 && <p className="rf-muted">{t('directory.hours.noWeekly')}</p>}
      {rows.map((row, index) => {
        const day = t(weekdayKey(Number(row.weekday) || 1));
        return (
          <fieldset key={row.key} className="rf-fieldset rf-settings-row" id={weeklyRowId(index)} tabIndex={-1}>
            <legend className="rf-legend">{t('directory.hours.weeklyRow', { number: index + 1 })}</legend>
            {errors[`hours.weekly.${index}`] && <p className="rf-field__error">{errors[`hours.weekly.${index}`]}</p>}
            <div className="rf-role-row rf-hours-row">
              <SelectField
                id={weeklyFieldId(index, 'weekday')}
                label={t('directory.hours.weekday')}
                value={row.weekday}
                onChange={(event) => set(index, { weekday: event.target.value })}
                error={error(index, 'weekday')}
              >
                {WEEKDAYS.map((weekday) => (
                  <option key={weekday} value={String(weekday)}>
                    {t(weekdayKey(weekday))}
                  </option>
                ))}
              </SelectField>
              <TimeField id={weeklyFieldId(index, 'opensAt')} label={t('directory.hours.opensAt')} value={row.opensAt} onChange={(opensAt) => set(index, { opensAt })} error={error(index, 'opensAt')} />
              <TimeField id={weeklyFieldId(index, 'closesAt')} label={t('directory.hours.closesAt')} value={row.closesAt} onChange={(closesAt) => set(index, { closesAt })} error={error(index, 'closesAt')} />
              <TextField
                id={weeklyFieldId(index, 'validFrom')}
                type="date"
                label={t('directory.hours.validFrom')}
                value={row.validFrom}
                onChange={(event) => set(index, { validFrom: event.target.value })}
                error={error(index, 'validFrom')}
                optional
              />
              <TextField
                id={weeklyFieldId(index, 'validTo')}
                type="date"
                label={t('directory.hours.validTo')}
                value={row.validTo}
                onChange={(event) => set(index, { validTo: event.target.value })}
                error={error(index, 'validTo')}
                optional
              />
            </div>
            <SmallButton
              icon="trash-can"
              onClick={() => {
                onChange(rows.filter((_, i) => i !== index));
                focus(WEEKLY_ADD_ID);
              }}
            >
              {t('directory.hours.removeWeekly', { number: index + 1 })}
              <span className="pkt-sr-only"> ({day})</span>
            </SmallButton>
          </fieldset>
        );
      })}
      {rows.length < 200 && (
        <SmallButton id={WEEKLY_ADD_ID} icon="plus-sign" onClick={add}>
          {rows.length === 0 ? t('directory.hours.addWeekly') : t('directory.hours.addNextDay')}
        </SmallButton>
      )}
    </RowGroup>
  );
}

function ExceptionRows({ rows, onChange, errors }: { rows: ExceptionRow[]; onChange: (rows: ExceptionRow[]) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  const focus = useFocusAfterChange();
  const set = (index: number, change: Partial<ExceptionRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const error = (index: number, field: ExceptionField) => errors[`hours.exceptions.${index}.${field}`];

  return (
    <RowGroup id={EXCEPTIONS_GROUP_ID} legend={t('directory.hours.exceptions')} hint={t('directory.hours.exceptionsHint')} error={errors['hours.exceptions']}>
      {rows.length === 0 && <p className="rf-muted">{t('directory.hours.noExceptions')}</p>}
      {rows.map((row, index) => (
        <fieldset key={row.key} className="rf-fieldset rf-settings-row" id={exceptionRowId(index)} tabIndex={-1}>
          <legend className="rf-legend">{t('directory.hours.exceptionRow', { number: index + 1 })}</legend>
          {errors[`hours.exceptions.${index}`] && <p className="rf-field__error">{errors[`hours.exceptions.${index}`]}</p>}
          <div className="rf-role-row rf-hours-row">
            <TextField
              id={exceptionFieldId(index, 'from')}
              type="date"
              label={t('directory.hours.from')}
              value={row.from}
              onChange={(event) => set(index, { from: event.target.value })}
              error={error(index, 'from')}
            />
            <TextField
              id={exceptionFieldId(index, 'to')}
              type="date"
              label={t('directory.hours.to')}
              hint={t('directory.hours.toHint')}
              value={row.to}
              onChange={(event) => set(index, { to: event.target.value })}
              error={error(index, 'to')}
              optional
            />
            <TextField
              id={exceptionFieldId(index, 'reason')}
              label={t('directory.hours.reason')}
              hint={t('directory.hours.reasonHint')}
              value={row.reason}
              autoComplete="off"
              onChange={(event) => set(index, { reason: event.target.value })}
              error={error(index, 'reason')}
            />
          </div>
          <CheckboxField
            id={exceptionFieldId(index, 'closed')}
            label={t('directory.hours.closed')}
            checked={row.closed}
            onChange={(event) => set(index, { closed: event.target.checked })}
          />
          {error(index, 'closed') && <p className="rf-field__error">{error(index, 'closed')}</p>}
          {!row.closed && (
            <div className="rf-role-row rf-hours-row">
              <TimeField id={exceptionFieldId(index, 'opensAt')} label={t('directory.hours.opensAt')} value={row.opensAt} onChange={(opensAt) => set(index, { opensAt })} error={error(index, 'opensAt')} />
              <TimeField id={exceptionFieldId(index, 'closesAt')} label={t('directory.hours.closesAt')} value={row.closesAt} onChange={(closesAt) => set(index, { closesAt })} error={error(index, 'closesAt')} />
            </div>
          )}
          <SmallButton
            icon="trash-can"
            onClick={() => {
              onChange(rows.filter((_, i) => i !== index));
              focus(EXCEPTION_ADD_ID);
            }}
          >
            {t('directory.hours.removeException', { number: index + 1 })}
            {row.reason.trim() && <span className="pkt-sr-only"> ({row.reason.trim()})</span>}
          </SmallButton>
        </fieldset>
      ))}
      {rows.length < 400 && (
        <SmallButton
          id={EXCEPTION_ADD_ID}
          icon="plus-sign"
          onClick={() => {
            onChange([...rows, { key: rowKey(), from: '', to: '', closed: true, opensAt: '', closesAt: '', reason: '' }]);
            focus(exceptionFieldId(rows.length, 'from'));
          }}
        >
          {t('directory.hours.addException')}
        </SmallButton>
      )}
    </RowGroup>
  );
}

/** A time as text (24:00 must be possible, which <input type="time"> cannot take); tidied when left. */
function TimeField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string | undefined }) {
  const { t } = useI18n();
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('directory.hours.timePlaceholder')}
      // A size keeps the field as narrow as a time (Punkt widens inputs without one).
      size={6}
      className="rf-input--time"
      onChange={(event) => onChange(event.target.value)}
      onBlur={() => {
        const tidy = normaliseTime(value);
        if (tidy !== value) onChange(tidy);
      }}
      error={error}
    />
  );
}

/** How the public page will read the hours, as it is typed (the core's own wording). */
function HoursPreview({ values }: { values: ServiceValues }) {
  const { t, language } = useI18n();
  const hours = hoursOf(values);
  const weekly = formatWeekly(hours, language);
  const exceptions = formatExceptions(hours.exceptions, language);
  return (
    <div className="rf-hours-preview" role="group" aria-labelledby="svc-hours-preview-heading">
      <p id="svc-hours-preview-heading" className="rf-hours-preview__title">
        {t('directory.hours.preview')}
      </p>
      {weekly.length === 0 ? (
        <p className="rf-muted">{t('directory.hours.previewNone')}</p>
      ) : (
        <ul className="rf-compact-list">
          {weekly.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {exceptions.length > 0 && (
        <>
          <p className="rf-hours-preview__subtitle">{t('directory.hours.previewExceptions')}</p>
          <ul className="rf-compact-list">
            {exceptions.map((line, index) => (
              <li key={`${index}-${line}`}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
