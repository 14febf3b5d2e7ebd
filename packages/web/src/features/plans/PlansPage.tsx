import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { PlanSummary } from '@rusfag/core';
import { useAuth } from '../../app/auth';
import { formatDay } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { EmptyState, NotLoaded, Page } from '../../app/page';
import { useApiData } from '../../app/useApi';
import { planPath, stateLabel, type PlanListResponse } from './model';
import { ProgressBar } from './ProgressBar';

export function PlansPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const plans = useApiData<PlanListResponse>('/api/plans');

  return (
    <Page
      title={t('plans.title')}
      lead={<p>{t('plans.lead')}</p>}
      actions={
        can('plan.create') ? (
          <Link to="/planer/ny" className="pkt-btn pkt-btn--primary pkt-btn--icon-left">
            <Icon name="plus-sign" className="pkt-btn__icon" />
            <span className="pkt-btn__text">{t('plans.new')}</span>
          </Link>
        ) : null
      }
    >
      {!plans.data && <NotLoaded loading={plans.loading} error={plans.error} onRetry={plans.reload} />}
      {plans.data && plans.data.plans.length === 0 && (
        <EmptyState title={t('plans.empty.title')} headingLevel={2}>
          <p>{can('plan.create') ? t('plans.empty.planner') : t('plans.empty.reader')}</p>
        </EmptyState>
      )}
      {plans.data && plans.data.plans.length > 0 && (
        <ul className="rf-plan-cards">
          {plans.data.plans.map((plan) => (
            <PlanCard key={plan.id} plan={plan} headingLevel={2} />
          ))}
        </ul>
      )}
      <p className="rf-section">
        <Link to="/innsyn/planer">{t('plans.publicLink')}</Link>
      </p>
    </Page>
  );
}

/** One plan in a list: its title as a link, owner, period, state and the progress bar. */
export function PlanCard({ plan, headingLevel, children }: { plan: PlanSummary; headingLevel: 2 | 3 | 4; children?: ReactNode }) {
  const { t } = useI18n();
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <li className="rf-plan-card">
      <Heading className="rf-plan-card__title">
        <Link to={planPath(plan.id)}>{plan.title}</Link>
      </Heading>
      <p className="rf-plan-card__meta">
        <span>{plan.ownerName}</span>
        <span>{t('plans.period', { start: plan.startYear, end: plan.endYear })}</span>
        <span className={`pkt-tag pkt-tag--small pkt-tag--thin-text ${plan.state === 'adopted' ? 'pkt-tag--green' : 'pkt-tag--gray'}`}>
          {stateLabel(t, plan.state)}
        </span>
        {plan.adoptedOn && <span>{t('plans.adoptedOn', { date: formatDay(plan.adoptedOn) })}</span>}
        {plan.publishedAt && <span>{t('plans.published')}</span>}
      </p>
      <ProgressBar progress={plan.progress} label={t('plans.progress.of', { name: plan.title })} />
      {children}
    </li>
  );
}
