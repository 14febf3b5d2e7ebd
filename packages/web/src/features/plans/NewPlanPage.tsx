import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { CreatePlanRequest, type PlanDetail } from '@rusfag/core';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useDraft } from '../../app/drafts';
import { todayInOslo } from '../../app/format';
import {
  ErrorSummary,
  FormActions,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
  summaryItems,
  useFormSubmit,
  validateWith,
  type FieldErrors,
} from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { NotLoaded, Page } from '../../app/page';
import { scopeOfRole, unitLabel, useOrgUnits } from '../organizations/units';
import { planPath } from './model';

interface Draft {
  ownerUnitId: string;
  title: string;
  description: string;
  startYear: string;
  endYear: string;
  template: 'district' | 'work' | 'chapter';
  reportingCycle: 'yearly' | 'tertial';
}

const THIS_YEAR = Number(todayInOslo().slice(0, 4));
const EMPTY: Draft = {
  ownerUnitId: '',
  title: '',
  description: '',
  startYear: String(THIS_YEAR),
  endYear: String(THIS_YEAR + 3),
  template: 'district',
  reportingCycle: 'yearly',
};

function year(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}

export function NewPlanPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const units = useOrgUnits();
  const [draft, setDraft, { restored, discard }] = useDraft<Draft>('new-plan', EMPTY);
  const [attempted, setAttempted] = useState(false);

  /** Districts and agencies where the user is a planner: the owners a plan may have. */
  const owners = useMemo(() => {
    if (!units.index) return [];
    const scope = scopeOfRole(units.index, me, 'planner');
    return units.index.ordered.filter((unit) => unit.active && scope.has(unit.id) && (unit.kind === 'district' || unit.kind === 'agency'));
  }, [units.index, me]);

  // With one possible owner there is nothing to choose.
  const onlyOwner = owners.length === 1 ? owners[0] : undefined;
  useEffect(() => {
    if (onlyOwner && !draft.ownerUnitId) setDraft((previous) => ({ ...previous, ownerUnitId: onlyOwner.id }));
  }, [onlyOwner, draft.ownerUnitId, setDraft]);

  const fields = [
    { path: 'ownerUnitId', id: 'plan-owner', label: t('plans.field.owner') },
    { path: 'title', id: 'plan-title', label: t('plans.field.title') },
    { path: 'description', id: 'plan-description', label: t('plans.field.description') },
    { path: 'startYear', id: 'plan-start', label: t('plans.field.startYear') },
    { path: 'endYear', id: 'plan-end', label: t('plans.field.endYear') },
    { path: 'template', id: 'plan-template', label: t('plans.field.template') },
    { path: 'reportingCycle', id: 'plan-cycle', label: t('plans.field.cycle') },
  ];
  const form = useFormSubmit(fields.map((field) => field.path));

  const request = () => ({
    ownerUnitId: draft.ownerUnitId,
    title: draft.title.trim(),
    description: draft.description.trim(),
    startYear: year(draft.startYear),
    endYear: year(draft.endYear),
    template: draft.template,
    reportingCycle: draft.reportingCycle,
  });

  const validate = (): FieldErrors => {
    const found = validateWith(CreatePlanRequest, request(), t);
    const start = year(draft.startYear);
    const end = year(draft.endYear);
    if (!found.endYear && start !== undefined && end !== undefined && (end < start || end > start + 20)) {
      found.endYear = t('plans.field.periodInvalid');
    }
    return found;
  };

  const fixText = t('form.fixErrors');
  useEffect(() => {
    if (!attempted) return;
    const found = validate();
    form.setErrors(found);
    if (Object.keys(found).length === 0) form.setMessage((previous) => (previous === fixText ? null : previous));
    // validate() reads exactly the draft.
  }, [attempted, draft]);

  const update = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (form.showErrors(validate())) return;
    await form.send(async () => {
      const created = await api.post<PlanDetail>('/api/plans', request());
      discard();
      void navigate(planPath(created.id), { state: { flash: t('plans.new.created', { title: created.title }) } });
    });
  };

  if (units.error || !units.index) {
    return (
      <Page title={t('plans.new.title')}>
        <NotLoaded loading={units.loading && !units.index} error={units.error} onRetry={units.reload} />
      </Page>
    );
  }
  const index = units.index;

  return (
    <Page title={t('plans.new.title')} lead={<p>{t('plans.new.lead')}</p>}>
      <p>
        <Link to="/planer">{t('plans.backToList')}</Link>
      </p>
      {restored && (
        <StatusMessage>
          {t('draft.restored')}{' '}
          <button type="button" className="pkt-link-button rf-link-button" onClick={discard}>
            {t('draft.discard')}
          </button>
        </StatusMessage>
      )}
      <form className="rf-form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
        <SelectField
          id="plan-owner"
          label={t('plans.field.owner')}
          hint={t('plans.field.ownerHint')}
          value={draft.ownerUnitId}
          onChange={(event) => update({ ownerUnitId: event.target.value })}
          error={form.errors.ownerUnitId}
        >
          {!onlyOwner && <option value="">{t('plans.field.chooseOwner')}</option>}
          {owners.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unitLabel(index, unit.id)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="plan-title"
          label={t('plans.field.title')}
          hint={t('plans.field.titleHint')}
          value={draft.title}
          onChange={(event) => update({ title: event.target.value })}
          error={form.errors.title}
          autoComplete="off"
          wide
        />
        <TextAreaField
          id="plan-description"
          label={t('plans.field.description')}
          value={draft.description}
          onChange={(event) => update({ description: event.target.value })}
          error={form.errors.description}
          optional
          rows={4}
          wide
        />
        <div className="rf-field-row">
          <TextField
            id="plan-start"
            label={t('plans.field.startYear')}
            inputMode="numeric"
            value={draft.startYear}
            onChange={(event) => update({ startYear: event.target.value })}
            error={form.errors.startYear}
            autoComplete="off"
            className="rf-input--year"
          />
          <TextField
            id="plan-end"
            label={t('plans.field.endYear')}
            inputMode="numeric"
            value={draft.endYear}
            onChange={(event) => update({ endYear: event.target.value })}
            error={form.errors.endYear}
            autoComplete="off"
            className="rf-input--year"
          />
        </div>
        <SelectField
          id="plan-template"
          label={t('plans.field.template')}
          hint={t('plans.field.templateHint')}
          value={draft.template}
          onChange={(event) => update({ template: event.target.value as Draft['template'] })}
          error={form.errors.template}
        >
          <option value="district">{t('plans.template.district')}</option>
          <option value="work">{t('plans.template.work')}</option>
          <option value="chapter">{t('plans.template.chapter')}</option>
        </SelectField>
        <SelectField
          id="plan-cycle"
          label={t('plans.field.cycle')}
          hint={t('plans.field.cycleHint')}
          value={draft.reportingCycle}
          onChange={(event) => update({ reportingCycle: event.target.value as Draft['reportingCycle'] })}
          error={form.errors.reportingCycle}
        >
          <option value="yearly">{t('plans.cycle.yearly')}</option>
          <option value="tertial">{t('plans.cycle.tertial')}</option>
        </SelectField>
        <FormActions submitLabel={t('plans.new.submit')} busy={form.busy}>
          <Link to="/planer" className="pkt-btn pkt-btn--tertiary" onClick={discard}>
            <span className="pkt-btn__text">{t('common.cancel')}</span>
          </Link>
        </FormActions>
      </form>
    </Page>
  );
}
