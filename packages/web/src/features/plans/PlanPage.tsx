import { useCallback } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import type { PlanDetail, PlanItemList } from '@rusfag/core';
import { formatDay } from '../../app/format';
import { StatusMessage } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { NotLoaded, Page } from '../../app/page';
import { useApiData } from '../../app/useApi';
import { AboutTab } from './AboutTab';
import { ImportTab } from './ImportTab';
import { TAB_PARAM, isTab, stateLabel, type ReportPeriods, type TabKey } from './model';
import { PlanTree } from './PlanTree';
import { ReportsTab } from './ReportsTab';
import { StatusUpdateTab } from './StatusUpdateTab';
import { TabList, TabPanel } from './Tabs';

/** Everything a tab of the plan page works with: the plan, its tree and its reporting periods. */
export interface PlanData {
  plan: PlanDetail;
  items: PlanItemList;
  periods: ReportPeriods | undefined;
  setPlan: (plan: PlanDetail) => void;
  setItems: (items: PlanItemList) => void;
  /** After statuses or the plan changed: fetch plan, tree and periods again. */
  refresh: () => void;
}

export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash ?? null;
  const [params, setParams] = useSearchParams();
  const raw = params.get(TAB_PARAM);
  const tab: TabKey = isTab(raw) ? raw : 'plan';

  const base = `/api/plans/${encodeURIComponent(id)}`;
  const plan = useApiData<PlanDetail>(base);
  const items = useApiData<PlanItemList>(`${base}/items`);
  const periods = useApiData<ReportPeriods>(`${base}/reports`);
  const { reload: reloadPlan } = plan;
  const { reload: reloadItems } = items;
  const { reload: reloadPeriods } = periods;
  const refresh = useCallback(() => {
    reloadPlan();
    reloadItems();
    reloadPeriods();
  }, [reloadPlan, reloadItems, reloadPeriods]);

  const select = (next: TabKey) => {
    const updated = new URLSearchParams();
    if (next !== 'plan') updated.set(TAB_PARAM, next);
    setParams(updated);
  };

  if (plan.error?.status === 404 || plan.error?.status === 400) {
    return (
      <Page title={t('plans.notFound.title')}>
        <p>{t('plans.notFound.text')}</p>
        <p>
          <Link to="/planer">{t('plans.backToList')}</Link>
        </p>
      </Page>
    );
  }
  if (!plan.data || !items.data) {
    return (
      <Page title={t('plans.loading')}>
        <NotLoaded
          loading={(plan.loading || items.loading) && !plan.error && !items.error}
          error={plan.error ?? items.error}
          onRetry={refresh}
        />
      </Page>
    );
  }

  const data: PlanData = {
    plan: plan.data,
    items: items.data,
    periods: periods.data,
    setPlan: plan.setData,
    setItems: items.setData,
    refresh,
  };
  const p = plan.data;
  const tabs: { key: TabKey; label: string }[] = [
    { key: 'plan', label: t('plans.tab.plan') },
    { key: 'status', label: t('plans.tab.status') },
    { key: 'rapporter', label: t('plans.tab.reports') },
    { key: 'import', label: t('plans.tab.import') },
    { key: 'om', label: t('plans.tab.about') },
  ];

  return (
    <Page
      title={p.title}
      lead={
        <p className="rf-plan-meta">
          <span>{p.ownerName}</span>
          <span>{t('plans.period', { start: p.startYear, end: p.endYear })}</span>
          <span className={`pkt-tag pkt-tag--small pkt-tag--thin-text ${p.state === 'adopted' ? 'pkt-tag--green' : 'pkt-tag--gray'}`}>
            {stateLabel(t, p.state)}
          </span>
          {p.adoptedOn && <span>{t('plans.adoptedOn', { date: formatDay(p.adoptedOn) })}</span>}
          {p.publishedAt && <span>{t('plans.published')}</span>}
        </p>
      }
    >
      <p className="rf-noprint">
        <Link to="/planer">{t('plans.backToList')}</Link>
      </p>
      <StatusMessage>{flash}</StatusMessage>
      <TabList idPrefix="plan" label={t('plans.tabs.label')} tabs={tabs} active={tab} onSelect={select} />
      <TabPanel idPrefix="plan" tab={tab}>
        {tab === 'plan' && <PlanTree data={data} />}
        {tab === 'status' && <StatusUpdateTab data={data} />}
        {tab === 'rapporter' && <ReportsTab data={data} periodsLoad={periods} />}
        {tab === 'import' && <ImportTab data={data} />}
        {tab === 'om' && <AboutTab data={data} />}
      </TabPanel>
    </Page>
  );
}
