import { useRef, useState, type ChangeEvent, type FormEvent, type RefObject } from 'react';
import type { ImportLine, ImportResult } from '@rusfag/core';
import { api, ApiError, serverClockOffset } from '../../app/api';
import { todayInOslo } from '../../app/format';
import { CheckboxField, ErrorSummary, TextAreaField, TextField, errorMessage, errorsFromApi, type FieldErrors } from '../../app/forms';
import { useI18n, type MessageKey } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { AlertBox, Section } from '../../app/page';
import { fullName, planExportUrl } from './model';
import type { PlanData } from './PlanPage';

const OUTCOME: Record<ImportLine['outcome'], [preview: MessageKey, done: MessageKey]> = {
  save: ['plans.import.outcome.save', 'plans.import.outcome.saved'],
  create: ['plans.import.outcome.create', 'plans.import.outcome.created'],
  update: ['plans.import.outcome.update', 'plans.import.outcome.updated'],
  unchanged: ['plans.import.outcome.unchanged', 'plans.import.outcome.unchanged'],
  refused: ['plans.import.outcome.refused', 'plans.import.outcome.refused'],
  skipped: ['plans.import.outcome.skipped', 'plans.import.outcome.skippedDone'],
  heading: ['plans.import.outcome.heading', 'plans.import.outcome.heading'],
  header: ['plans.import.outcome.header', 'plans.import.outcome.header'],
};

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The "Import og eksport" tab: statuses pasted from Word or PDF, the plan as a sheet, and the downloads. */
export function ImportTab({ data }: { data: PlanData }) {
  const { t } = useI18n();
  const { plan } = data;
  const writable = plan.state !== 'archived';
  // Unit leaders report on their own measures: the per-item actions say so, the plan's do not.
  const canReport = writable && data.items.items.some((item) => item.actions.includes('measure.updateStatus'));
  const canEdit = writable && plan.actions.includes('plan.update');
  return (
    <>
      {canReport && <StatusTableImport data={data} />}
      {canEdit && <SheetImport data={data} />}
      {!canReport && !canEdit && (
        <Section headingId="import-none-heading" title={t('plans.import.heading')}>
          <p>{plan.state === 'archived' ? t('plans.import.archived') : t('plans.import.notAllowed')}</p>
        </Section>
      )}
      <Section headingId="export-heading" title={t('plans.export.heading')}>
        <p className="rf-hint">{t('plans.export.lead')}</p>
        <ul className="rf-download-list" aria-label={t('plans.export.heading')}>
          <li>
            <a href={planExportUrl(plan.id, 'xlsx')} className="rf-download">
              <Icon name="download" className="rf-download__icon" />
              {t('plans.export.excel')}
            </a>
          </li>
          <li>
            <a href={planExportUrl(plan.id, 'csv')} className="rf-download">
              <Icon name="download" className="rf-download__icon" />
              {t('plans.export.csv')}
            </a>
          </li>
        </ul>
      </Section>
    </>
  );
}

/** Paste → preview (every line) → skip what is refused → import; nothing is written before that. */
function StatusTableImport({ data }: { data: PlanData }) {
  const { t, tp } = useI18n();
  const today = todayInOslo(serverClockOffset());
  const [text, setText] = useState('');
  const [reportedOn, setReportedOn] = useState(today);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const url = `/api/plans/${data.plan.id}/import/status-table`;

  const check = (): boolean => {
    const found: FieldErrors = {};
    if (!text.trim()) found.text = t('plans.import.pasteEmpty');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(reportedOn)) found.reportedOn = t('field.invalidDate');
    else if (reportedOn > today) found.reportedOn = t('plans.status.dateInFuture');
    setErrors(found);
    setMessage(Object.keys(found).length > 0 ? t('form.fixErrors') : null);
    return Object.keys(found).length === 0;
  };

  const showPreview = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    if (!check()) return;
    setBusy(true);
    try {
      const answer = await api.post<ImportResult>(url, { text, reportedOn, skipLines: [], confirm: false });
      setPreview(answer);
      setSkip(new Set());
      window.requestAnimationFrame(() => previewRef.current?.focus());
    } catch (error) {
      setPreview(null);
      setErrors(fieldErrors(error, { text: 'text', reportedOn: 'reportedOn' }));
      setMessage(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    setMessage(null);
    try {
      const answer = await api.post<ImportResult>(url, { text, reportedOn, skipLines: [...skip], confirm: true });
      setPreview(null);
      setSkip(new Set());
      setText('');
      setResult(tp('plans.import.statusesImported', answer.summary.toSave));
      data.refresh();
      window.requestAnimationFrame(() => resultRef.current?.focus());
    } catch (error) {
      setMessage(errorMessage(error, t));
      // The plan may have changed since the preview: show what the import would do now.
      if (error instanceof ApiError && error.code === 'import_has_problems') {
        try {
          setPreview(await api.post<ImportResult>(url, { text, reportedOn, skipLines: [...skip], confirm: false }));
        } catch {
          // The message above says what went wrong.
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section headingId="import-status-heading" title={t('plans.import.statusHeading')}>
      <p className="rf-hint">{t('plans.import.statusLead')}</p>
      <form className="rf-form" onSubmit={(event) => void showPreview(event)} noValidate>
        <ErrorSummary
          message={message}
          items={[
            ...(errors.text ? [{ id: 'import-text', label: t('plans.import.paste'), message: errors.text }] : []),
            ...(errors.reportedOn ? [{ id: 'import-reported-on', label: t('plans.status.reportedOn'), message: errors.reportedOn }] : []),
          ]}
        />
        <TextAreaField
          id="import-text"
          label={t('plans.import.paste')}
          hint={t('plans.import.pasteHint')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            // A preview belongs to the text it was made from.
            setPreview(null);
            setResult(null);
          }}
          error={errors.text}
          rows={8}
          spellCheck={false}
          wide
        />
        <TextField
          id="import-reported-on"
          type="date"
          label={t('plans.status.reportedOn')}
          hint={t('plans.status.reportedOnHint')}
          value={reportedOn}
          max={today}
          onChange={(event) => {
            setReportedOn(event.target.value);
            setPreview(null);
          }}
          error={errors.reportedOn}
        />
        <div className="rf-button-row">
          <button type="submit" className="pkt-btn pkt-btn--secondary" disabled={busy}>
            <span className="pkt-btn__text">{t('plans.import.preview')}</span>
          </button>
        </div>
      </form>
      {preview && (
        <ImportPreview
          idPrefix="import-status"
          caption={t('plans.import.previewCaption')}
          headingRef={previewRef}
          result={preview}
          skip={skip}
          onSkip={setSkip}
          busy={busy}
          confirmLabel={t('plans.import.confirm')}
          onConfirm={() => void confirm()}
        />
      )}
      <div role="status" className="rf-status" ref={resultRef} tabIndex={-1}>
        {result && (
          <AlertBox kind="success" className="pkt-alert--compact">
            {result}
          </AlertBox>
        )}
      </div>
    </Section>
  );
}

/** Field problems of a refused call, under the names the form uses. */
function fieldErrors(error: unknown, names: Record<string, string>): FieldErrors {
  const found: FieldErrors = {};
  for (const [path, text] of Object.entries(errorsFromApi(error))) {
    const name = names[path];
    if (name) found[name] = text;
  }
  return found;
}

async function readSheet(file: File): Promise<{ format: 'csv' | 'xlsx'; content: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.xlsx$/i.test(file.name)) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'xlsx', content: btoa(binary) };
  }
  // Excel in Norway often saves CSV as Windows-1252; anything that is not valid UTF-8 is read as that.
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    content = new TextDecoder('windows-1252').decode(bytes);
  }
  return { format: 'csv', content };
}

/** The plan as CSV or Excel in the export's columns: preview (new, changed, refused rows) → import. */
function SheetImport({ data }: { data: PlanData }) {
  const { t, tp } = useI18n();
  const today = todayInOslo(serverClockOffset());
  const [sheet, setSheet] = useState<{ format: 'csv' | 'xlsx'; content: string; name: string } | null>(null);
  const [reportedOn, setReportedOn] = useState(today);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const url = `/api/plans/${data.plan.id}/import/sheet`;

  const ask = async (file: { format: 'csv' | 'xlsx'; content: string }, date: string) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<ImportResult>(url, { ...file, reportedOn: date, skipLines: [], confirm: false });
      setPreview(answer);
      setSkip(new Set());
      window.requestAnimationFrame(() => previewRef.current?.focus());
    } catch (failure) {
      setPreview(null);
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setResult(null);
    setPreview(null);
    setError(null);
    const file = event.target.files?.[0];
    if (!file) {
      setSheet(null);
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setSheet(null);
      setError(t('plans.import.fileType'));
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setSheet(null);
      setError(t('plans.import.fileTooBig'));
      return;
    }
    try {
      const read = await readSheet(file);
      setSheet({ ...read, name: file.name });
      await ask(read, reportedOn);
    } catch {
      setError(t('plans.import.fileUnreadable'));
    }
  };

  const confirm = async () => {
    if (!sheet || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<ImportResult>(url, {
        format: sheet.format,
        content: sheet.content,
        reportedOn,
        skipLines: [...skip],
        confirm: true,
      });
      const created = answer.lines.filter((line) => line.outcome === 'create').length;
      const updated = answer.lines.filter((line) => line.outcome === 'update').length;
      setPreview(null);
      setSheet(null);
      setSkip(new Set());
      if (fileRef.current) fileRef.current.value = '';
      setResult(`${tp('plans.import.sheetCreated', created)}, ${t('plans.import.sheetUpdated', { count: updated })}`);
      data.refresh();
      window.requestAnimationFrame(() => resultRef.current?.focus());
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section headingId="import-sheet-heading" title={t('plans.import.sheetHeading')}>
      <p className="rf-hint">{t('plans.import.sheetLead')}</p>
      <div className="rf-form">
        <div role="alert" className="rf-error-summary">
          {error && (
            <AlertBox kind="error" className="pkt-alert--compact">
              {error}
            </AlertBox>
          )}
        </div>
        <TextField
          id="import-sheet-date"
          type="date"
          label={t('plans.import.sheetDate')}
          hint={t('plans.import.sheetDateHint')}
          value={reportedOn}
          max={today}
          onChange={(event) => {
            setReportedOn(event.target.value);
            if (sheet && /^\d{4}-\d{2}-\d{2}$/.test(event.target.value) && event.target.value <= today) void ask(sheet, event.target.value);
          }}
        />
        <div className="pkt-inputwrapper rf-field">
          <label className="pkt-inputwrapper__label" htmlFor="import-sheet-file">
            {t('plans.import.file')}
          </label>
          <div className="pkt-inputwrapper__helptext rf-field__hint" id="import-sheet-file-hint">
            {t('plans.import.fileHint')}
          </div>
          <input
            ref={fileRef}
            id="import-sheet-file"
            type="file"
            className="rf-file-input"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-sheet-file-hint"
            disabled={busy}
            onChange={(event) => void choose(event)}
          />
        </div>
      </div>
      {busy && !preview && <p role="status" className="rf-loading">{t('plans.import.reading')}</p>}
      {preview && sheet && (
        <ImportPreview
          idPrefix="import-sheet"
          caption={t('plans.import.sheetPreviewCaption', { file: sheet.name })}
          headingRef={previewRef}
          result={preview}
          skip={skip}
          onSkip={setSkip}
          busy={busy}
          confirmLabel={t('plans.import.sheetConfirm')}
          onConfirm={() => void confirm()}
        />
      )}
      <div role="status" className="rf-status" ref={resultRef} tabIndex={-1}>
        {result && (
          <AlertBox kind="success" className="pkt-alert--compact">
            {result}
          </AlertBox>
        )}
      </div>
    </Section>
  );
}

function lineText(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  return first === last ? String(first) : `${first}–${last}`;
}

/**
 * Every line of an import and what will happen to it. Refused lines get "Hopp over linje n"; the
 * import button stays disabled (and says why) until every refused line is skipped.
 */
function ImportPreview({
  idPrefix,
  caption,
  headingRef,
  result,
  skip,
  onSkip,
  busy,
  confirmLabel,
  onConfirm,
}: {
  idPrefix: string;
  caption: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  result: ImportResult;
  skip: Set<number>;
  onSkip: (skip: Set<number>) => void;
  busy: boolean;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const { t, tp } = useI18n();
  const refused = result.lines.filter((line) => line.outcome === 'refused');
  const open = refused.filter((line) => !skip.has(line.lines[0] ?? 0));
  const toWrite = result.summary.toSave;
  const toggle = (line: number, on: boolean) => {
    const next = new Set(skip);
    if (on) next.add(line);
    else next.delete(line);
    onSkip(next);
  };
  return (
    <div className="rf-import-preview">
      <h3 className="rf-h3" tabIndex={-1} ref={headingRef} id={`${idPrefix}-preview-heading`}>
        {t('plans.import.previewHeading')}
      </h3>
      <p>
        {t('plans.import.summary', {
          lines: result.summary.lines,
          save: toWrite,
          unchanged: result.summary.unchanged,
          refused: result.summary.refused,
          skipped: result.summary.skipped,
        })}
      </p>
      <div className="rf-table-wrap">
        <table className="pkt-table pkt-table--basic pkt-table--compact rf-table rf-import-table">
          <caption className="pkt-sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.import.col.line')}</th>
              <th scope="col">{t('plans.import.col.measure')}</th>
              <th scope="col">{t('plans.import.col.status')}</th>
              <th scope="col">{t('plans.import.col.result')}</th>
              <th scope="col">{t('plans.import.col.message')}</th>
            </tr>
          </thead>
          <tbody>
            {result.lines.map((line, index) => {
              const first = line.lines[0] ?? 0;
              const [previewKey, doneKey] = OUTCOME[line.outcome];
              const skipped = line.outcome === 'refused' && skip.has(first);
              return (
                <tr key={`${first}-${index}`} className={`rf-import-row rf-import-row--${line.outcome}${skipped ? ' rf-import-row--skipped' : ''}`}>
                  <td className="rf-nowrap">{lineText(line.lines)}</td>
                  <td>
                    {line.outcome === 'heading' ? <strong>{fullName(line)}</strong> : fullName(line)}
                    {line.match && <span className="rf-block rf-muted rf-small">{t('plans.import.matched', { place: line.match.place })}</span>}
                  </td>
                  <td>
                    {line.statusLabel}
                    {line.remarks && <span className="rf-block rf-muted rf-small">{line.remarks}</span>}
                  </td>
                  <td>
                    <span className={`rf-outcome-word rf-outcome-word--${line.outcome}`}>
                      {skipped ? t('plans.import.outcome.willSkip') : t(result.saved ? doneKey : previewKey)}
                    </span>
                    {line.outcome === 'refused' && !result.saved && (
                      <CheckboxField
                        id={`${idPrefix}-skip-${first}`}
                        label={t('plans.import.skip', { line: first })}
                        checked={skip.has(first)}
                        onChange={(event) => toggle(first, event.target.checked)}
                      />
                    )}
                  </td>
                  <td>{line.messages.join(' ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!result.saved && (
        <>
          <p role="status" className="rf-import-blocker">
            {open.length > 0 ? tp('plans.import.mustSkip', open.length) : toWrite === 0 ? t('plans.import.nothingToSave') : ''}
          </p>
          <div className="rf-button-row">
            <button type="button" className="pkt-btn pkt-btn--primary" disabled={busy || open.length > 0} onClick={onConfirm}>
              <span className="pkt-btn__text">{confirmLabel}</span>
            </button>
          </div>
        </>
      )}
    </div>
  );
}
