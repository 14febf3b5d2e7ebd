import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { describeDeadline, partnersText, type PublicPlan } from '@rusfag/core';
import { formatDay } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { DataTable, EmptyState, NotLoaded, Page, Section } from '../../app/page';
import { useApiData } from '../../app/useApi';
import {
  childrenOf,
  isCouncil,
  isMeasure,
  itemNames,
  levelLabel,
  publicReportExportUrl,
  stateLabel,
} from '../plans/model';
import { ProgressBar } from '../plans/ProgressBar';
import { StatusWord } from '../plans/StatusHistory';

type PublicItem = PublicPlan['items'][number];

/** "Velferdsetaten; Politiet": the partner organisations' names, then the free text. */
function partnersOf(item: PublicItem): string {
  return partnersText(item.partnerUnits.map((unit) => unit.name), item.partners);
}

/** /innsyn/planer/:id: one published plan with every measure's status and history, and its reports. */
export function PublicPlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const plan = useApiData<PublicPlan>(`/api/public/plans/${encodeURIComponent(id)}`);

  if (plan.error?.status === 404 || plan.error?.status === 400) {
    return (
      <Page title={t('innsyn.notFound.title')}>
        <p>{t('innsyn.notFound.text')}</p>
        <p>
          <Link to="/innsyn/planer">{t('innsyn.backToList')}</Link>
        </p>
      </Page>
    );
  }
  if (!plan.data) {
    return (
      <Page title={t('plans.loading')}>
        <NotLoaded loading={plan.loading} error={plan.error} onRetry={plan.reload} />
      </Page>
    );
  }
  return <PublicPlanView plan={plan.data} />;
}

function PublicPlanView({ plan }: { plan: PublicPlan }) {
  const { t, language } = useI18n();
  const names = useMemo(() => itemNames(plan.items), [plan.items]);
  const children = useMemo(() => childrenOf(plan.items), [plan.items]);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (itemId: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      return next;
    });
  const council = plan.levels.find((level) => level.council);

  const renderItem = (item: PublicItem) => {
    const kids = children.get(item.id) ?? [];
    const measure = isMeasure(plan.levels, item);
    const name = names.get(item.id) ?? '';
    const level = 3 + item.level;
    const Heading = `h${Math.min(6, level)}` as 'h3' | 'h4' | 'h5' | 'h6';
    const history = [...item.history].sort((a, b) => b.reportedOn.localeCompare(a.reportedOn) || b.createdAt.localeCompare(a.createdAt));
    return (
      <li
        key={item.id}
        className={`rf-plan-item rf-plan-item--level-${item.level}${measure ? ' rf-plan-item--measure' : ''}${isCouncil(plan.levels, item) ? ' rf-plan-item--council' : ''}`}
      >
        <div className="rf-plan-item__card">
          <Heading className="rf-plan-item__title" {...(level > 6 ? { role: 'heading', 'aria-level': level } : {})}>
            <span className="rf-level-tag">{levelLabel(plan.levels, item.level)}</span>{' '}
            {item.code && <span className="rf-plan-item__code">{item.code}</span>}
            {item.code && ' '}
            <span className="rf-plan-item__text">{item.title}</span>
          </Heading>
          {measure && (
            <p className="rf-plan-item__status">
              <span className="rf-muted">{t('plans.item.status')}: </span>
              <StatusWord status={item.status} />
              {item.status && <span className="rf-muted"> {t('plans.item.reportedOn', { date: formatDay(item.status.reportedOn) })}</span>}
            </p>
          )}
          {measure && item.status?.remark && <p className="rf-plan-item__remark">{item.status.remark}</p>}
          {!measure && item.progress.total > 0 && <ProgressBar progress={item.progress} label={t('plans.progress.of', { name })} compact />}
          {(item.description || item.responsibleUnits.length > 0 || partnersOf(item) || item.deadlineText) && (
            <dl className="rf-dl rf-plan-item__details">
              {item.description && (
                <div>
                  <dt>{t('plans.field.itemDescription')}</dt>
                  <dd className="rf-prewrap">{item.description}</dd>
                </div>
              )}
              {item.responsibleUnits.length > 0 && (
                <div>
                  <dt>{t('plans.field.units')}</dt>
                  <dd>{item.responsibleUnits.map((unit) => unit.name).join(', ')}</dd>
                </div>
              )}
              {partnersOf(item) && (
                <div>
                  <dt>{t('plans.field.partners')}</dt>
                  <dd>{partnersOf(item)}</dd>
                </div>
              )}
              {item.deadlineText && (
                <div>
                  <dt>{t('plans.field.deadline')}</dt>
                  <dd>
                    {item.deadlineText}
                    {item.deadline.kind !== 'unknown' && (
                      <span className="rf-muted"> ({t('plans.deadline.means', { text: describeDeadline(item.deadline, language) })})</span>
                    )}
                  </dd>
                </div>
              )}
            </dl>
          )}
          {measure && (
            <>
              <button
                type="button"
                className="pkt-btn pkt-btn--tertiary pkt-btn--small pkt-btn--icon-left rf-item-button"
                aria-expanded={open.has(item.id)}
                onClick={() => toggle(item.id)}
              >
                <Icon name="clock-history" className="pkt-btn__icon" />
                <span className="pkt-btn__text">
                  {t('innsyn.showHistory')}
                  <span className="pkt-sr-only"> {t('innsyn.historyOf', { name })}</span>
                </span>
              </button>
              {open.has(item.id) &&
                (history.length === 0 ? (
                  <p className="rf-history-empty">{t('plans.history.none')}</p>
                ) : (
                  <div className="rf-history">
                    <DataTable caption={t('plans.history.for', { name })}>
                      <thead>
                        <tr>
                          <th scope="col">{t('plans.history.reportedOn')}</th>
                          <th scope="col">{t('plans.history.status')}</th>
                          <th scope="col">{t('plans.history.remark')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {history.map((update, index) => (
                          <tr key={index}>
                            <td className="rf-nowrap">{formatDay(update.reportedOn)}</td>
                            <td>
                              <StatusWord status={update} />
                            </td>
                            <td className="rf-prewrap">{update.remark || <span className="rf-muted">–</span>}</td>
                          </tr>
                        ))}
                      </tbody>
                    </DataTable>
                  </div>
                ))}
            </>
          )}
        </div>
        {kids.length > 0 && <ul className="rf-plan-tree">{kids.map(renderItem)}</ul>}
      </li>
    );
  };

  const roots = children.get(null) ?? [];
  return (
    <Page
      title={plan.title}
      lead={
        <p className="rf-plan-meta">
          <span>{plan.ownerName}</span>
          <span>{t('plans.period', { start: plan.startYear, end: plan.endYear })}</span>
          <span>{stateLabel(t, plan.state)}</span>
          {plan.adoptedOn && <span>{t('plans.adoptedOn', { date: formatDay(plan.adoptedOn) })}</span>}
        </p>
      }
    >
      <p className="rf-noprint">
        <Link to="/innsyn/planer">{t('innsyn.backToList')}</Link>
      </p>
      {plan.description && <p className="rf-prewrap rf-plan-description">{plan.description}</p>}
      {plan.links.length > 0 && (
        <ul className="rf-compact-list" aria-label={t('plans.about.links')}>
          {plan.links.map((link, index) => (
            <li key={index}>
              <span className="rf-muted">{link.kind === 'implements' ? t('plans.about.implements') : t('plans.about.related')}: </span>
              {link.url ? (
                <a href={link.url} rel="noreferrer">
                  {link.title}
                </a>
              ) : (
                link.title
              )}
            </li>
          ))}
        </ul>
      )}

      <Section headingId="innsyn-progress" title={t('innsyn.progress')}>
        <ProgressBar progress={plan.progress} label={t('innsyn.progress')} />
      </Section>

      <Section headingId="innsyn-reports" title={t('innsyn.reports')}>
        {plan.reports.length === 0 ? (
          <p>{t('innsyn.noReports')}</p>
        ) : (
          <ul className="rf-report-list">
            {[...plan.reports]
              .sort((a, b) => b.period.start.localeCompare(a.period.start))
              .map((report) => (
                <li key={report.id} className="rf-report-list__item">
                  <span className="rf-report-list__title">{t('plans.report.title', { period: report.period.label })}</span>
                  <span className="rf-muted rf-small">
                    {t('innsyn.reportApproved', { date: formatDay(report.approvedAt) })}
                  </span>
                  <span className="rf-download-row">
                    <a href={publicReportExportUrl(plan.id, report.id, 'docx')} className="rf-download">
                      <Icon name="download" className="rf-download__icon" />
                      {t('plans.download.word')}
                    </a>
                    <a href={publicReportExportUrl(plan.id, report.id, 'pdf')} className="rf-download">
                      <Icon name="download" className="rf-download__icon" />
                      {t('plans.download.pdf')}
                    </a>
                    <a href={publicReportExportUrl(plan.id, report.id, 'xlsx')} className="rf-download">
                      <Icon name="download" className="rf-download__icon" />
                      {t('plans.download.excel')}
                    </a>
                  </span>
                </li>
              ))}
          </ul>
        )}
      </Section>

      <Section headingId="innsyn-measures" title={t('innsyn.measures')}>
        {council && <p className="rf-hint rf-council-note">{t('plans.tree.councilNote', { level: council.label })}</p>}
        {roots.length === 0 ? (
          <EmptyState title={t('plans.tree.empty.title')}>
            <p>{t('plans.tree.empty.reader')}</p>
          </EmptyState>
        ) : (
          <ul className="rf-plan-tree">{roots.map(renderItem)}</ul>
        )}
      </Section>
    </Page>
  );
}
