import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { daysBetween } from '@rusfag/core';
import { api, serverClockOffset } from '../../app/api';
import { formatDay, todayInOslo } from '../../app/format';
import { errorMessage } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { AlertBox, DataTable, NotLoaded, Section } from '../../app/page';
import type { Loaded } from '../../app/useApi';
import { dueText, reportPath, type PeriodRow, type ReportPeriods, type ReportResponse } from './model';
import type { PlanData } from './PlanPage';

/** The report's state in words: "Utkast", "Godkjent", and "publisert" when residents can see it. */
export function ReportState({ report }: { report: { state: 'draft' | 'approved'; publishedAt: string | null } }) {
  const { t } = useI18n();
  return (
    <span className="rf-report-state">
      <span className={`pkt-tag pkt-tag--small pkt-tag--thin-text ${report.state === 'approved' ? 'pkt-tag--green' : 'pkt-tag--yellow'}`}>
        {report.state === 'approved' ? t('plans.report.approved') : t('plans.report.draft')}
      </span>
      {report.publishedAt && (
        <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--blue-light">{t('plans.report.publishedTag')}</span>
      )}
    </span>
  );
}

/** The "Rapporter" tab: each reporting period with its due date, what is missing, and its report. */
export function ReportsTab({ data, periodsLoad }: { data: PlanData; periodsLoad: Loaded<ReportPeriods> }) {
  const { t, tp, formatNumber } = useI18n();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const today = todayInOslo(serverClockOffset());
  const periods = data.periods;

  if (!periods) {
    return (
      <Section headingId="reports-heading" title={t('plans.reports.heading')}>
        <NotLoaded loading={periodsLoad.loading} error={periodsLoad.error} onRetry={periodsLoad.reload} />
      </Section>
    );
  }
  const canCreate = periods.actions.includes('report.create');

  const create = async (row: PeriodRow) => {
    setBusy(row.period.label);
    setError(null);
    try {
      const report = await api.post<ReportResponse>(`/api/plans/${data.plan.id}/reports`, { periodLabel: row.period.label });
      void navigate(reportPath(data.plan.id, report.id), { state: { flash: t('plans.reports.created', { period: row.period.label }) } });
    } catch (failure) {
      setError(errorMessage(failure, t));
      setBusy(null);
    }
  };

  /** A reminder for the period being reported on, and for ended periods still without an approved report. */
  const reminder = (row: PeriodRow) => {
    const days = daysBetween(today, row.period.due);
    if (row.period.label === periods.current) return dueText(tp, t, days);
    if (row.period.start <= today && days < 0 && row.report?.state !== 'approved') return dueText(tp, t, days);
    return null;
  };

  return (
    <Section headingId="reports-heading" title={t('plans.reports.heading')}>
      <p className="rf-hint">{t('plans.reports.lead', { days: data.plan.reportDueDays })}</p>
      <div role="alert" className="rf-error-summary">
        {error && (
          <AlertBox kind="error" className="pkt-alert--compact">
            {error}
          </AlertBox>
        )}
      </div>
      <DataTable caption={t('plans.reports.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('plans.reports.col.period')}</th>
            <th scope="col">{t('plans.reports.col.due')}</th>
            <th scope="col">{t('plans.reports.col.missing')}</th>
            <th scope="col">{t('plans.reports.col.report')}</th>
          </tr>
        </thead>
        <tbody>
          {periods.periods.map((row) => {
            const note = reminder(row);
            const started = row.period.start <= today;
            return (
              <tr key={row.period.label} className={row.period.label === periods.current ? 'rf-row--current' : undefined}>
                <th scope="row">
                  {row.period.label}
                  {row.period.label === periods.current && <span className="rf-block rf-small">{t('plans.reports.current')}</span>}
                  <span className="rf-block rf-muted rf-small">
                    {formatDay(row.period.start)}–{formatDay(row.period.end)}
                  </span>
                </th>
                <td className="rf-nowrap">
                  {formatDay(row.period.due)}
                  {note && <span className="rf-block rf-due-note">{note}</span>}
                </td>
                <td>{started ? formatNumber(row.missing) : <span className="rf-muted">{t('plans.reports.notStarted')}</span>}</td>
                <td>
                  {row.report ? (
                    <span className="rf-report-cell">
                      <Link to={reportPath(data.plan.id, row.report.id)}>{t('plans.report.title', { period: row.period.label })}</Link>
                      <ReportState report={row.report} />
                    </span>
                  ) : canCreate && started ? (
                    <button
                      type="button"
                      className="pkt-btn pkt-btn--secondary pkt-btn--small"
                      disabled={busy !== null}
                      onClick={() => void create(row)}
                    >
                      <span className="pkt-btn__text">{t('plans.reports.create', { period: row.period.label })}</span>
                    </button>
                  ) : (
                    <span className="rf-muted">{t('plans.reports.none')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </Section>
  );
}
