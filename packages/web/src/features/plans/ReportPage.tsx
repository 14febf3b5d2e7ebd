import { Fragment, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { PlanDetail, Progress, ReportSnapshot } from '@rusfag/core';
import { api } from '../../app/api';
import { formatDateTime, formatDay } from '../../app/format';
import { useAction } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { AlertBox, DataTable, NotLoaded, Page, Section } from '../../app/page';
import { useApiData } from '../../app/useApi';
import { emptyProgress, fullName, planPath, reportExportUrl, type ReportResponse } from './model';
import { ProgressBar } from './ProgressBar';
import { ReportState } from './ReportsTab';
import { StatusWord } from './StatusHistory';

function isSnapshot(value: Record<string, unknown>): value is Record<string, unknown> & ReportSnapshot {
  return value.version === 1 && Array.isArray(value.chapters) && typeof value.summary === 'object' && value.summary !== null;
}

/** A status report: its state and actions, the downloads, and the report itself as tables. */
export function ReportPage() {
  const { id = '', reportId = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash ?? null;
  const plan = useApiData<PlanDetail>(`/api/plans/${encodeURIComponent(id)}`);
  const report = useApiData<ReportResponse>(`/api/plans/${encodeURIComponent(id)}/reports/${encodeURIComponent(reportId)}`);
  const action = useAction();
  const statusRef = useRef<HTMLDivElement>(null);
  const [done, setDone] = useState<string | null>(flash);

  const notFound = [plan.error?.status, report.error?.status].some((status) => status === 404 || status === 400);
  if (notFound) {
    return (
      <Page title={t('plans.report.notFound')}>
        <p>{t('plans.report.notFoundText')}</p>
        <p>
          <Link to="/planer">{t('plans.backToList')}</Link>
        </p>
      </Page>
    );
  }
  if (!report.data || !plan.data) {
    return (
      <Page title={t('plans.report.loading')}>
        <NotLoaded loading={report.loading || plan.loading} error={report.error ?? plan.error} onRetry={() => { report.reload(); plan.reload(); }} />
      </Page>
    );
  }

  const data = report.data;
  const snapshot = isSnapshot(data.snapshot) ? data.snapshot : null;
  const periodLabel = snapshot?.period.label ?? '';
  const base = `/api/plans/${data.planId}/reports/${data.id}`;
  const draft = data.state === 'draft';

  const perform = (request: () => Promise<ReportResponse>, text: string) =>
    action.run(async () => {
      setDone(null);
      const updated = await request();
      report.setData(updated);
      window.requestAnimationFrame(() => statusRef.current?.focus());
      return text;
    });

  const buttons = [
    draft && data.actions.includes('report.create') && (
      <button key="refresh" type="button" className="pkt-btn pkt-btn--secondary" disabled={action.busy}
        onClick={() => void perform(() => api.post<ReportResponse>(`${base}/refresh`), t('plans.report.refreshed'))}>
        <span className="pkt-btn__text">{t('plans.report.refresh')}</span>
      </button>
    ),
    draft && data.actions.includes('report.approve') && (
      <button key="approve" type="button" className="pkt-btn pkt-btn--primary" disabled={action.busy}
        aria-describedby="report-approve-hint"
        onClick={() => void perform(() => api.post<ReportResponse>(`${base}/approve`), t('plans.report.approvedDone'))}>
        <span className="pkt-btn__text">{t('plans.report.approve')}</span>
      </button>
    ),
    !draft && data.actions.includes('plan.publish') && (
      <button key="publish" type="button" className={`pkt-btn ${data.publishedAt ? 'pkt-btn--secondary' : 'pkt-btn--primary'}`} disabled={action.busy}
        onClick={() =>
          void perform(
            () => api.post<ReportResponse>(`${base}/publish`, { published: !data.publishedAt }),
            data.publishedAt ? t('plans.report.unpublishedDone') : t('plans.report.publishedDone'),
          )
        }>
        <span className="pkt-btn__text">{data.publishedAt ? t('plans.report.unpublish') : t('plans.report.publish')}</span>
      </button>
    ),
  ].filter(Boolean);

  return (
    <Page
      title={t('plans.report.title', { period: periodLabel })}
      lead={
        <p className="rf-plan-meta">
          <Link to={planPath(data.planId, 'rapporter')}>{plan.data.title}</Link>
          <span>{plan.data.ownerName}</span>
          {snapshot && (
            <span>
              {t('plans.report.periodDates', { start: formatDay(snapshot.period.start), end: formatDay(snapshot.period.end) })}
            </span>
          )}
        </p>
      }
    >
      <dl className="rf-dl rf-report-facts">
        <div>
          <dt>{t('plans.report.state')}</dt>
          <dd>
            <ReportState report={data} />
          </dd>
        </div>
        {data.approvedAt && (
          <div>
            <dt>{t('plans.report.approvedBy')}</dt>
            <dd>
              {t('plans.report.approvedByText', { name: data.approvedByName ?? t('plans.history.unknownAuthor'), date: formatDateTime(data.approvedAt) })}
            </dd>
          </div>
        )}
        {data.publishedAt && (
          <div>
            <dt>{t('plans.report.publishedAt')}</dt>
            <dd>{formatDateTime(data.publishedAt)}</dd>
          </div>
        )}
        {snapshot && (
          <div>
            <dt>{t('plans.report.generatedAt')}</dt>
            <dd>{formatDateTime(snapshot.generatedAt)}</dd>
          </div>
        )}
      </dl>

      {draft && <p id="report-approve-hint" className="rf-hint">{t('plans.report.draftNote')}</p>}
      {!draft && <p className="rf-hint">{t('plans.report.frozenNote')}</p>}
      {buttons.length > 0 && <div className="rf-button-row rf-noprint">{buttons}</div>}
      <div role="status" className="rf-status" ref={statusRef} tabIndex={-1}>
        {(action.status ?? done) && (
          <AlertBox kind="success" className="pkt-alert--compact">
            {action.status ?? done}
          </AlertBox>
        )}
      </div>
      <div role="alert" className="rf-error-summary">
        {action.message && (
          <AlertBox kind="error" className="pkt-alert--compact">
            {action.message}
          </AlertBox>
        )}
      </div>

      <ul className="rf-download-list rf-noprint" aria-label={t('plans.report.downloads')}>
        <li>
          <a href={reportExportUrl(data.planId, data.id, 'docx')} className="rf-download">
            <Icon name="download" className="rf-download__icon" />
            {t('plans.download.word')}
          </a>
        </li>
        <li>
          <a href={reportExportUrl(data.planId, data.id, 'pdf')} className="rf-download">
            <Icon name="download" className="rf-download__icon" />
            {t('plans.download.pdf')}
          </a>
        </li>
        <li>
          <a href={reportExportUrl(data.planId, data.id, 'xlsx')} className="rf-download">
            <Icon name="download" className="rf-download__icon" />
            {t('plans.download.excel')}
          </a>
        </li>
        <li>
          <button type="button" className="rf-link-button rf-download" onClick={() => window.print()}>
            <Icon name="print" className="rf-download__icon" />
            {t('plans.report.print')}
          </button>
        </li>
      </ul>

      {snapshot ? <ReportBody snapshot={snapshot} /> : <p>{t('plans.report.unreadable')}</p>}
    </Page>
  );
}

function summaryProgress(snapshot: ReportSnapshot): Progress {
  const progress = emptyProgress();
  for (const line of snapshot.summary.lines) {
    progress[line.category] += line.count;
    progress.total += line.count;
  }
  progress.none = snapshot.summary.withoutStatus;
  progress.total += snapshot.summary.withoutStatus;
  return progress;
}

/** The report as the district writes it: a summary, then one table per chapter. */
function ReportBody({ snapshot }: { snapshot: ReportSnapshot }) {
  const { t, formatNumber } = useI18n();
  let previous: ReportSnapshot['chapters'][number]['headings'] = [];
  return (
    <>
      <Section headingId="report-summary" title={t('plans.report.summary')}>
        <p className="rf-hint">{t('plans.report.summaryLead')}</p>
        <ProgressBar progress={summaryProgress(snapshot)} label={t('plans.report.summary')} />
        <DataTable caption={t('plans.report.summary')}>
          <thead>
            <tr>
              <th scope="col">{t('plans.report.col.statusWord')}</th>
              <th scope="col" className="rf-num">{t('plans.report.col.count')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.summary.lines.map((line) => (
              <tr key={line.code}>
                <th scope="row">{line.label}</th>
                <td className="rf-num">{formatNumber(line.count)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('plans.category.none')}</th>
              <td className="rf-num">{formatNumber(snapshot.summary.withoutStatus)}</td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('plans.report.total')}</th>
              <td className="rf-num">{formatNumber(snapshot.summary.total)}</td>
            </tr>
          </tfoot>
        </DataTable>
      </Section>
      <Section headingId="report-chapters" title={t('plans.report.measures')}>
        {snapshot.chapters.map((chapter, index) => {
          // Headings shared with the chapter before are not repeated.
          const firstNew = chapter.headings.findIndex((heading, depth) => {
            const before = previous[depth];
            return !before || before.title !== heading.title || before.code !== heading.code;
          });
          const newHeadings = firstNew < 0 ? [] : chapter.headings.slice(firstNew).map((heading, offset) => ({ heading, depth: firstNew + offset }));
          previous = chapter.headings;
          const last = chapter.headings[chapter.headings.length - 1];
          const caption = last ? `${last.levelLabel}: ${fullName(last)}` : t('plans.report.measures');
          return (
            <Fragment key={index}>
              {newHeadings.map(({ heading, depth }) => {
                const level = Math.min(6, 3 + depth);
                const Heading = `h${level}` as 'h3' | 'h4' | 'h5' | 'h6';
                return (
                  <Heading key={depth} className={`rf-report-heading rf-report-heading--${depth}`}>
                    <span className="rf-level-tag">{heading.levelLabel}</span> {fullName(heading)}
                  </Heading>
                );
              })}
              <DataTable caption={caption}>
                <thead>
                  <tr>
                    <th scope="col">{t('plans.report.col.measure')}</th>
                    <th scope="col">{t('plans.report.col.description')}</th>
                    <th scope="col">{t('plans.report.col.deadline')}</th>
                    <th scope="col">{t('plans.report.col.status')}</th>
                    <th scope="col">{t('plans.report.col.remarks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {chapter.rows.map((row) => (
                    <tr key={row.itemId} className={row.council ? 'rf-row--council' : undefined}>
                      <th scope="row" className="rf-report-measure">
                        {row.council && <span className="rf-level-tag">{row.levelLabel}</span>}
                        {row.council && ' '}
                        {fullName(row)}
                      </th>
                      <td className="rf-prewrap">{row.description}</td>
                      <td>{row.deadlineText}</td>
                      <td>
                        {row.statusLabel ? (
                          <StatusWord status={{ label: row.statusLabel, category: row.category ?? 'in_progress' }} />
                        ) : row.council ? (
                          ''
                        ) : (
                          <span className="rf-muted">{t('plans.category.none')}</span>
                        )}
                      </td>
                      <td className="rf-prewrap">{row.remarks}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            </Fragment>
          );
        })}
      </Section>
    </>
  );
}
