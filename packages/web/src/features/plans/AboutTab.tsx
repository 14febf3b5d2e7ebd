import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { UpdatePlanRequest, type PlanDetail } from '@rusfag/core';
import { api, serverClockOffset } from '../../app/api';
import { formatDateTime, formatDay, todayInOslo } from '../../app/format';
import {
  ErrorSummary,
  FormActions,
  SelectField,
  TextAreaField,
  TextField,
  summaryItems,
  useAction,
  useFormSubmit,
  validateWith,
  type FieldErrors,
} from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { AlertBox, Section } from '../../app/page';
import { useApiData } from '../../app/useApi';
import { categoryLabel, cycleLabel, planPath, stateLabel, type PlanListResponse } from './model';
import type { PlanData } from './PlanPage';
import {
  LevelFields,
  LinkFields,
  TermFields,
  checkTerms,
  levelRows,
  levelsOf,
  linkRows,
  linksOf,
  normaliseLinks,
  settingsFields,
  termRows,
  termsOf,
} from './PlanSettings';

/** The "Om planen" tab: the plan's details, and adopting, archiving and publishing it. */
export function AboutTab({ data }: { data: PlanData }) {
  const { t } = useI18n();
  const { plan } = data;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const canEdit = plan.actions.includes('plan.update') && plan.state !== 'archived';

  return (
    <>
      <Section headingId="about-heading" title={t('plans.about.heading')} headingRef={headingRef}>
        <dl className="rf-dl">
          <div>
            <dt>{t('plans.field.owner')}</dt>
            <dd>{plan.ownerName}</dd>
          </div>
          <div>
            <dt>{t('plans.about.period')}</dt>
            <dd>{t('plans.period', { start: plan.startYear, end: plan.endYear })}</dd>
          </div>
          <div>
            <dt>{t('plans.about.state')}</dt>
            <dd>{stateLabel(t, plan.state)}</dd>
          </div>
          <div>
            <dt>{t('plans.about.adoptedOn')}</dt>
            <dd>{plan.adoptedOn ? formatDay(plan.adoptedOn) : <span className="rf-muted">{t('plans.about.notAdopted')}</span>}</dd>
          </div>
          <div>
            <dt>{t('plans.about.published')}</dt>
            <dd>{plan.publishedAt ? t('plans.about.publishedSince', { date: formatDateTime(plan.publishedAt) }) : t('plans.about.notPublished')}</dd>
          </div>
          <div>
            <dt>{t('plans.field.cycle')}</dt>
            <dd>{t('plans.about.cycleText', { cycle: cycleLabel(t, plan.reportingCycle), days: plan.reportDueDays })}</dd>
          </div>
          <div>
            <dt>{t('plans.about.levels')}</dt>
            <dd>
              <ol className="rf-compact-list">
                {plan.levels.map((level, index) => (
                  <li key={index}>
                    {level.label}
                    {level.measure && <span className="rf-muted"> ({level.council ? t('plans.about.councilLevel') : t('plans.about.measureLevel')})</span>}
                  </li>
                ))}
              </ol>
            </dd>
          </div>
          <div>
            <dt>{t('plans.about.terms')}</dt>
            <dd>
              <ul className="rf-compact-list">
                {plan.statusTerms.map((term) => (
                  <li key={term.code}>
                    {term.label} <span className="rf-muted">({categoryLabel(t, term.category)})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          {plan.links.length > 0 && (
            <div>
              <dt>{t('plans.about.links')}</dt>
              <dd>
                <ul className="rf-compact-list">
                  {plan.links.map((link, index) => (
                    <li key={index}>
                      <span className="rf-muted">{link.kind === 'implements' ? t('plans.about.implements') : t('plans.about.related')}: </span>
                      {link.planId ? (
                        <Link to={planPath(link.planId)}>{link.title}</Link>
                      ) : link.url ? (
                        <a href={link.url} rel="noreferrer">
                          {link.title}
                        </a>
                      ) : (
                        link.title
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
        {plan.description && <p className="rf-prewrap rf-plan-description">{plan.description}</p>}
        <div role="status" className="rf-status">
          {saved && (
            <AlertBox kind="success" className="pkt-alert--compact">
              {saved}
            </AlertBox>
          )}
        </div>
        {canEdit && !editing && (
          <button
            type="button"
            className="pkt-btn pkt-btn--secondary pkt-btn--small"
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
          >
            <span className="pkt-btn__text">{t('plans.about.edit')}</span>
          </button>
        )}
        {canEdit && editing && (
          <EditPlanForm
            plan={plan}
            onDone={(updated) => {
              if (updated) {
                data.setPlan(updated);
                data.refresh();
                setSaved(t('plans.about.saved'));
              }
              setEditing(false);
              headingRef.current?.focus();
            }}
          />
        )}
      </Section>
      <StateSection data={data} />
    </>
  );
}

function EditPlanForm({ plan, onDone }: { plan: PlanDetail; onDone: (updated?: PlanDetail) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    title: plan.title,
    description: plan.description,
    startYear: String(plan.startYear),
    endYear: String(plan.endYear),
    reportingCycle: plan.reportingCycle,
    reportDueDays: String(plan.reportDueDays),
  });
  // The plan's settings as rows; what they were is kept to send only what changed.
  const [initial] = useState(() => ({ levels: levelRows(plan), terms: termRows(plan), links: linkRows(plan) }));
  const [levels, setLevels] = useState(initial.levels);
  const [terms, setTerms] = useState(initial.terms);
  const [links, setLinks] = useState(initial.links);
  const plans = useApiData<PlanListResponse>('/api/plans');
  const fields = [
    { path: 'title', id: 'edit-plan-title', label: t('plans.field.title') },
    { path: 'description', id: 'edit-plan-description', label: t('plans.field.description') },
    { path: 'startYear', id: 'edit-plan-start', label: t('plans.field.startYear') },
    { path: 'endYear', id: 'edit-plan-end', label: t('plans.field.endYear') },
    { path: 'reportingCycle', id: 'edit-plan-cycle', label: t('plans.field.cycle') },
    { path: 'reportDueDays', id: 'edit-plan-due', label: t('plans.field.dueDays') },
    ...settingsFields(t, levels, terms, links),
  ];
  const form = useFormSubmit(fields.map((field) => field.path));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));
    const next = {
      title: values.title.trim(),
      description: values.description.trim(),
      startYear: number(values.startYear),
      endYear: number(values.endYear),
      reportingCycle: values.reportingCycle,
      reportDueDays: number(values.reportDueDays),
    };
    const change: Record<string, unknown> = Object.fromEntries(Object.entries(next).filter(([key, value]) => value !== plan[key as keyof typeof next]));
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (!same(levelsOf(levels), levelsOf(initial.levels))) change.levels = levelsOf(levels);
    if (!same(termsOf(terms), termsOf(initial.terms))) change.statusTerms = termsOf(terms);
    const nextLinks = linksOf(links, plans.data?.plans);
    if (!same(nextLinks, normaliseLinks(plan.links))) change.links = nextLinks;
    if (Object.keys(change).length === 0) {
      onDone();
      return;
    }
    const found: FieldErrors = { ...validateWith(UpdatePlanRequest, change, t), ...checkTerms(terms, t('plans.settings.termDuplicate')) };
    for (const key of ['startYear', 'endYear', 'reportDueDays'] as const) {
      if (key in change && Number.isNaN(next[key])) found[key] = values[key].trim() === '' ? t('field.required') : t('field.invalid');
    }
    if (!found.endYear && next.endYear < next.startYear) found.endYear = t('plans.field.periodInvalid');
    if (form.showErrors(found)) return;
    await form.send(async () => onDone(await api.patch<PlanDetail>(`/api/plans/${plan.id}`, change)));
  };

  return (
    <form className="rf-form rf-subform" onSubmit={(event) => void submit(event)} aria-labelledby="edit-plan-heading" noValidate>
      <h3 id="edit-plan-heading" className="rf-h3">
        {t('plans.about.edit')}
      </h3>
      <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
      <TextField id="edit-plan-title" label={t('plans.field.title')} value={values.title} onChange={(event) => setValues({ ...values, title: event.target.value })} error={form.errors.title} autoFocus wide />
      <TextAreaField
        id="edit-plan-description"
        label={t('plans.field.description')}
        value={values.description}
        onChange={(event) => setValues({ ...values, description: event.target.value })}
        error={form.errors.description}
        rows={5}
        optional
        wide
      />
      <div className="rf-field-row">
        <TextField id="edit-plan-start" label={t('plans.field.startYear')} inputMode="numeric" className="rf-input--year" value={values.startYear}
          onChange={(event) => setValues({ ...values, startYear: event.target.value })} error={form.errors.startYear} />
        <TextField id="edit-plan-end" label={t('plans.field.endYear')} inputMode="numeric" className="rf-input--year" value={values.endYear}
          onChange={(event) => setValues({ ...values, endYear: event.target.value })} error={form.errors.endYear} />
      </div>
      <SelectField id="edit-plan-cycle" label={t('plans.field.cycle')} value={values.reportingCycle}
        onChange={(event) => setValues({ ...values, reportingCycle: event.target.value as PlanDetail['reportingCycle'] })} error={form.errors.reportingCycle}>
        <option value="yearly">{t('plans.cycle.yearly')}</option>
        <option value="tertial">{t('plans.cycle.tertial')}</option>
      </SelectField>
      <TextField id="edit-plan-due" label={t('plans.field.dueDays')} hint={t('plans.field.dueDaysHint')} inputMode="numeric" className="rf-input--year"
        value={values.reportDueDays} onChange={(event) => setValues({ ...values, reportDueDays: event.target.value })} error={form.errors.reportDueDays} />
      <LevelFields rows={levels} onChange={setLevels} errors={form.errors} />
      <TermFields rows={terms} onChange={setTerms} errors={form.errors} />
      <LinkFields planId={plan.id} rows={links} onChange={setLinks} errors={form.errors} plans={plans.data?.plans} />
      <FormActions submitLabel={t('plans.field.save')} busy={form.busy} onCancel={() => onDone()} />
    </form>
  );
}

/** Adopting (with the date), archiving and publishing, each offered only where the server allows it. */
function StateSection({ data }: { data: PlanData }) {
  const { t } = useI18n();
  const { plan } = data;
  const today = todayInOslo(serverClockOffset());
  const action = useAction();
  const [adoptedOn, setAdoptedOn] = useState(plan.adoptedOn ?? today);
  const [dateError, setDateError] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const canUpdate = plan.actions.includes('plan.update');
  const canPublish = plan.actions.includes('plan.publish');
  if (!canUpdate && !canPublish) return null;

  const perform = (request: () => Promise<PlanDetail>, text: string) =>
    action.run(async () => {
      const updated = await request();
      data.setPlan(updated);
      data.refresh();
      window.requestAnimationFrame(() => statusRef.current?.focus());
      return text;
    });

  const adopt = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(adoptedOn)) {
      setDateError(adoptedOn ? t('field.invalidDate') : t('field.required'));
      return;
    }
    if (adoptedOn > today) {
      setDateError(t('plans.status.dateInFuture'));
      return;
    }
    setDateError(null);
    void perform(() => api.post<PlanDetail>(`/api/plans/${plan.id}/state`, { state: 'adopted', adoptedOn }), t('plans.about.adoptedDone'));
  };

  return (
    <Section headingId="plan-state-heading" title={t('plans.about.stateHeading')}>
      <div role="status" className="rf-status" ref={statusRef} tabIndex={-1}>
        {action.status && (
          <AlertBox kind="success" className="pkt-alert--compact">
            {action.status}
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
      {canUpdate && plan.state === 'draft' && (
        <form className="rf-form rf-action-block" onSubmit={adopt} noValidate>
          <p>{t('plans.about.adoptText')}</p>
          <TextField
            id="plan-adopted-on"
            type="date"
            label={t('plans.about.adoptedOnField')}
            value={adoptedOn}
            max={today}
            onChange={(event) => setAdoptedOn(event.target.value)}
            error={dateError ?? undefined}
          />
          <div className="rf-button-row">
            <button type="submit" className="pkt-btn pkt-btn--primary" disabled={action.busy}>
              <span className="pkt-btn__text">{t('plans.about.adopt')}</span>
            </button>
          </div>
        </form>
      )}
      {canUpdate && plan.state === 'adopted' && (
        <div className="rf-action-block">
          <p>{t('plans.about.archiveText')}</p>
          <button
            type="button"
            className="pkt-btn pkt-btn--secondary"
            disabled={action.busy}
            onClick={() => void perform(() => api.post<PlanDetail>(`/api/plans/${plan.id}/state`, { state: 'archived' }), t('plans.about.archivedDone'))}
          >
            <span className="pkt-btn__text">{t('plans.about.archive')}</span>
          </button>
        </div>
      )}
      {canUpdate && plan.state === 'archived' && (
        <div className="rf-action-block">
          <p>{t('plans.about.reopenText')}</p>
          <button
            type="button"
            className="pkt-btn pkt-btn--secondary"
            disabled={action.busy}
            onClick={() => void perform(() => api.post<PlanDetail>(`/api/plans/${plan.id}/state`, { state: 'adopted' }), t('plans.about.reopenedDone'))}
          >
            <span className="pkt-btn__text">{t('plans.about.reopen')}</span>
          </button>
        </div>
      )}
      {canPublish && (
        <div className="rf-action-block">
          {plan.state === 'draft' ? (
            <p>{t('plans.about.publishAfterAdopt')}</p>
          ) : (
            <>
              <p>{plan.publishedAt ? t('plans.about.publishedText') : t('plans.about.publishText')}</p>
              <div className="rf-button-row">
                <button
                  type="button"
                  className={`pkt-btn ${plan.publishedAt ? 'pkt-btn--secondary' : 'pkt-btn--primary'}`}
                  disabled={action.busy}
                  onClick={() =>
                    void perform(
                      () => api.post<PlanDetail>(`/api/plans/${plan.id}/publish`, { published: !plan.publishedAt }),
                      plan.publishedAt ? t('plans.about.unpublishedDone') : t('plans.about.publishedDone'),
                    )
                  }
                >
                  <span className="pkt-btn__text">{plan.publishedAt ? t('plans.about.unpublish') : t('plans.about.publish')}</span>
                </button>
              </div>
            </>
          )}
          {plan.publishedAt && (
            <p>
              <Link to={`/innsyn/planer/${plan.id}`}>{t('plans.about.publicLink')}</Link>
            </p>
          )}
        </div>
      )}
    </Section>
  );
}
