import { Link } from 'react-router-dom';
import { formatDay } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { EmptyState, NotLoaded, Page, Section } from '../../app/page';
import { useApiData } from '../../app/useApi';
import { stateLabel, type PublicPlanListResponse } from '../plans/model';
import { ProgressBar } from '../plans/ProgressBar';

/** /innsyn/planer: the plans the districts and agencies have published, by owner, without login. */
export function PublicPlansPage() {
  const { t } = useI18n();
  const plans = useApiData<PublicPlanListResponse>('/api/public/plans');

  const owners = new Map<string, PublicPlanListResponse['plans']>();
  for (const plan of plans.data?.plans ?? []) owners.set(plan.ownerName, [...(owners.get(plan.ownerName) ?? []), plan]);
  const sorted = [...owners.entries()].sort((a, b) => a[0].localeCompare(b[0], 'nb'));

  return (
    <Page title={t('innsyn.title')} lead={<p>{t('innsyn.lead')}</p>}>
      {!plans.data && <NotLoaded loading={plans.loading} error={plans.error} onRetry={plans.reload} />}
      {plans.data && plans.data.plans.length === 0 && (
        <EmptyState title={t('innsyn.empty.title')} headingLevel={2}>
          <p>{t('innsyn.empty.text')}</p>
        </EmptyState>
      )}
      {sorted.map(([owner, list], index) => (
        <Section key={owner} headingId={`innsyn-owner-${index}`} title={owner}>
          <ul className="rf-plan-cards">
            {list.map((plan) => (
              <li key={plan.id} className="rf-plan-card">
                <h3 className="rf-plan-card__title">
                  <Link to={`/innsyn/planer/${plan.id}`}>{plan.title}</Link>
                </h3>
                <p className="rf-plan-card__meta">
                  <span>{t('plans.period', { start: plan.startYear, end: plan.endYear })}</span>
                  <span>{stateLabel(t, plan.state)}</span>
                  {plan.adoptedOn && <span>{t('plans.adoptedOn', { date: formatDay(plan.adoptedOn) })}</span>}
                </p>
                <ProgressBar progress={plan.progress} label={t('plans.progress.of', { name: plan.title })} />
              </li>
            ))}
          </ul>
        </Section>
      ))}
    </Page>
  );
}
