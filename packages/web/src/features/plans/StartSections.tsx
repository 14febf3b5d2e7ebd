import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { daysBetween, type TodoList } from '@rusfag/core';
import { api, isAbort, serverClockOffset } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDay, todayInOslo } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { LoadError, Loading } from '../../app/page';
import { useApiData } from '../../app/useApi';
import { dueText, fullName, planPath, reportPath, type PlanListResponse, type ReportPeriods } from './model';
import { PlanCard } from './PlansPage';

type Level = 2 | 3;

function Heading({ level, id, children }: { level: Level | 4; id?: string; children: ReactNode }) {
  const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
  return (
    <Tag className={level === 2 ? 'rf-h2' : 'rf-h3'} id={id}>
      {children}
    </Tag>
  );
}

/** The reporting periods of several plans, fetched side by side; a plan whose call fails is left out. */
function usePeriodsOf(planIds: readonly string[] | null): Map<string, ReportPeriods> | null {
  const [periods, setPeriods] = useState<Map<string, ReportPeriods> | null>(null);
  const key = planIds?.join(',') ?? null;
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const ids = key ? key.split(',') : [];
    void Promise.all(
      ids.map((id) =>
        api
          .get<ReportPeriods>(`/api/plans/${id}/reports`, { signal: controller.signal })
          .then((result): [string, ReportPeriods] => [id, result])
          .catch((error: unknown) => {
            if (isAbort(error)) throw error;
            return null;
          }),
      ),
    )
      .then((entries) => setPeriods(new Map(entries.filter((entry): entry is [string, ReportPeriods] => entry !== null))))
      .catch(() => undefined);
    return () => controller.abort();
  }, [key]);
  return periods;
}

/** The planner's start page: the organisation's plans with progress, the next due date and what is missing. */
export function PlannerStart({ level }: { level: Level }) {
  const { t, tp } = useI18n();
  const { can } = useAuth();
  const plans = useApiData<PlanListResponse>('/api/plans');
  const periods = usePeriodsOf(plans.data ? plans.data.plans.map((plan) => plan.id) : null);
  const today = todayInOslo(serverClockOffset());

  return (
    <section aria-labelledby="start-plans-heading">
      <Heading level={level} id="start-plans-heading">
        {t('start.planner.plansTitle')}
      </Heading>
      {plans.loading && !plans.data && <Loading />}
      {plans.error && <LoadError message={plans.error.message} onRetry={plans.reload} />}
      {plans.data && plans.data.plans.length === 0 && (
        <div className="rf-empty">
          <p>{t('start.planner.noPlans')}</p>
          {can('plan.create') && (
            <p>
              <Link to="/planer/ny">{t('plans.new')}</Link>
            </p>
          )}
        </div>
      )}
      {plans.data && plans.data.plans.length > 0 && (
        <ul className="rf-plan-cards">
          {plans.data.plans.map((plan) => {
            const list = periods?.get(plan.id);
            const current = list?.current ? list.periods.find((row) => row.period.label === list.current) : undefined;
            return (
              <PlanCard key={plan.id} plan={plan} headingLevel={(level + 1) as 3 | 4}>
                {periods === null && <p className="rf-loading">{t('common.loading')}</p>}
                {list && current && (
                  <p className="rf-plan-card__due">
                    <Icon name="calendar" className="rf-inline-icon" />
                    <span>
                      {t('start.planner.nextDue', { period: current.period.label, date: formatDay(current.period.due) })}{' '}
                      <strong>{dueText(tp, t, daysBetween(today, current.period.due))}</strong>.{' '}
                      {current.missing > 0 ? (
                        <Link to={planPath(plan.id, 'status', { mangler: '1' })}>
                          {tp('start.planner.missing', current.missing, { period: current.period.label })}
                        </Link>
                      ) : (
                        t('start.planner.noneMissing', { period: current.period.label })
                      )}
                    </span>
                  </p>
                )}
                {list && !current && plan.state !== 'draft' && <p className="rf-muted">{t('start.planner.noPeriod')}</p>}
                {list && plan.state === 'draft' && <p className="rf-muted">{t('start.planner.draftPlan')}</p>}
              </PlanCard>
            );
          })}
        </ul>
      )}
      <p>
        <Link to="/planer">{t('start.planner.allPlans')}</Link>
      </p>
    </section>
  );
}

/** The unit leader's to-do list: measures without a status this period, by plan, with the days left. */
export function UnitLeaderTodo({ level }: { level: Level }) {
  const { t, tp } = useI18n();
  const todo = useApiData<TodoList>('/api/plans/todo');
  const sub = (level + 1) as 3 | 4;
  return (
    <section aria-labelledby="start-todo-heading" className="rf-empty">
      <Heading level={level} id="start-todo-heading">
        {t('start.unit_leader.todoTitle')}
      </Heading>
      {todo.loading && !todo.data && <Loading />}
      {todo.error && <LoadError message={todo.error.message} onRetry={todo.reload} />}
      {todo.data && todo.data.plans.length === 0 && <p>{t('start.unit_leader.todoNone')}</p>}
      {todo.data?.plans.map((entry) => (
        <div key={entry.planId} className="rf-todo">
          <Heading level={sub}>{entry.planTitle}</Heading>
          <p className="rf-todo__due">
            <Icon name="calendar" className="rf-inline-icon" />
            <span>
              {t('start.unit_leader.todoDue', { period: entry.period.label, date: formatDay(entry.period.due) })}{' '}
              <strong className={entry.daysLeft < 0 ? 'rf-overdue' : undefined}>{dueText(tp, t, entry.daysLeft)}</strong>.
            </span>
          </p>
          {entry.measures.length > 0 && (
            <>
              <p>{tp('start.unit_leader.todoCount', entry.measures.length, { period: entry.period.label })}</p>
              <ul className="rf-todo__list">
                {entry.measures.map((measure) => (
                  <li key={measure.itemId}>
                    {fullName(measure)}
                    {measure.responsibleUnits.length > 0 && <span className="rf-muted rf-small"> – {measure.responsibleUnits.join(', ')}</span>}
                    {measure.status && <span className="rf-muted rf-small"> ({t('start.unit_leader.lastStatus', { status: measure.status })})</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <Link to={planPath(entry.planId, 'status', { mangler: '1' })} className="pkt-btn pkt-btn--secondary pkt-btn--small">
              <span className="pkt-btn__text">
                {t('start.unit_leader.todoLink')}
                <span className="pkt-sr-only"> – {entry.planTitle}</span>
              </span>
            </Link>
          </p>
        </div>
      ))}
    </section>
  );
}

/** Draft reports the user may approve, across the plans they can read. */
export function ReportsToApprove({ level }: { level: Level }) {
  const { t } = useI18n();
  const plans = useApiData<PlanListResponse>('/api/plans');
  const periods = usePeriodsOf(plans.data ? plans.data.plans.map((plan) => plan.id) : null);
  const drafts =
    plans.data && periods
      ? plans.data.plans.flatMap((plan) => {
          const list = periods.get(plan.id);
          if (!list?.actions.includes('report.approve')) return [];
          return list.periods.flatMap((row) => (row.report?.state === 'draft' ? [{ plan, row, report: row.report }] : []));
        })
      : null;
  return (
    <section aria-labelledby="start-approve-heading" className="rf-empty">
      <Heading level={level} id="start-approve-heading">
        {t('start.unit_leader.reportsTitle')}
      </Heading>
      {plans.error && <LoadError message={plans.error.message} onRetry={plans.reload} />}
      {!plans.error && drafts === null && <Loading />}
      {drafts && drafts.length === 0 && <p>{t('start.unit_leader.reportsNone')}</p>}
      {drafts && drafts.length > 0 && (
        <ul className="rf-link-list rf-link-list--stacked">
          {drafts.map(({ plan, row, report }) => (
            <li key={report.id}>
              <Link to={reportPath(plan.id, report.id)}>{t('plans.report.title', { period: row.period.label })}</Link>
              <span className="rf-muted"> – {plan.title}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
