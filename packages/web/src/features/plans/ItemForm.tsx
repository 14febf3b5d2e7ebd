import { useMemo, type FormEvent } from 'react';
import {
  CreatePlanItemRequest,
  UpdatePlanItemRequest,
  describeDeadline,
  parseDeadline,
  type PlanDetail,
  type PlanItem,
  type PlanItemList,
} from '@rusfag/core';
import { api } from '../../app/api';
import { useDraft } from '../../app/drafts';
import {
  ErrorSummary,
  FormActions,
  TextAreaField,
  TextField,
  errorMessage,
  errorsFromApi,
  summaryItems,
  useFormSubmit,
  validateWith,
  type FieldErrors,
} from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { subtreeIds, unitLabel, type UnitIndex } from '../organizations/units';
import { isMeasure } from './model';
import { UnitChoices } from './UnitChoices';

interface Values {
  code: string;
  title: string;
  description: string;
  unitIds: string[];
  partnerUnitIds: string[];
  partners: string;
  targetGroups: string;
  deadlineText: string;
}

function splitGroups(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((group) => group.trim())
    .filter(Boolean);
}

/** The fields sent for an item; measures have responsible units, partners, target groups and a deadline. */
function fieldsOf(values: Values, measure: boolean) {
  return {
    code: values.code.trim() === '' ? null : values.code.trim(),
    title: values.title.trim(),
    description: values.description.trim(),
    ...(measure
      ? {
          responsibleUnitIds: values.unitIds,
          partnerUnitIds: values.partnerUnitIds,
          partners: values.partners.trim(),
          targetGroups: splitGroups(values.targetGroups),
          deadlineText: values.deadlineText.trim(),
        }
      : {}),
  };
}

/** Field problems on "targetGroups.2", "responsibleUnitIds.0" and "partnerUnitIds.1" belong to their whole field. */
function collapse(errors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split('.')[0] ?? path;
    if (result[field] === undefined) result[field] = message;
  }
  return result;
}

/**
 * Adds or edits one item of the plan. Opens under the item (or at the top for the first level),
 * takes focus on its first field, and hands the new tree back; the tree moves focus to the item.
 */
export function ItemForm({
  plan,
  level,
  parentId,
  item,
  units,
  title,
  onSaved,
  onCancel,
}: {
  plan: PlanDetail;
  level: number;
  parentId: string | null;
  item?: PlanItem;
  units: UnitIndex | null;
  title: string;
  onSaved: (list: PlanItemList, newItemId: string | null) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const measure = isMeasure(plan.levels, { level });
  const formId = item ? `item-form-${item.id}` : `item-form-new-${parentId ?? 'top'}`;
  const initial: Values = {
    code: item?.code ?? '',
    title: item?.title ?? '',
    description: item?.description ?? '',
    unitIds: item?.responsibleUnits.map((unit) => unit.id) ?? [],
    partnerUnitIds: item?.partnerUnits.map((unit) => unit.id) ?? [],
    partners: item?.partners ?? '',
    targetGroups: item?.targetGroups.join(', ') ?? '',
    deadlineText: item?.deadlineText ?? '',
  };
  const [values, setValues, { restored, discard }] = useDraft<Values>(`plan-${plan.id}-${formId}`, initial);
  const update = (change: Partial<Values>) => setValues((previous) => ({ ...previous, ...change }));

  const fields = [
    { path: 'code', id: `${formId}-code`, label: t('plans.field.code') },
    { path: 'title', id: `${formId}-title`, label: t('plans.field.itemTitle') },
    { path: 'description', id: `${formId}-description`, label: t('plans.field.itemDescription') },
    { path: 'responsibleUnitIds', id: `${formId}-units`, label: t('plans.field.units') },
    { path: 'partnerUnitIds', id: `${formId}-partner-units`, label: t('plans.field.partnerUnits') },
    { path: 'partners', id: `${formId}-partners`, label: t('plans.field.partnersText') },
    { path: 'targetGroups', id: `${formId}-groups`, label: t('plans.field.targetGroups') },
    { path: 'deadlineText', id: `${formId}-deadline`, label: t('plans.field.deadline') },
  ];
  const form = useFormSubmit(fields.map((field) => field.path));

  /** Units of the plan's owner, and any unit the item already has from elsewhere. */
  const unitChoices = useMemo(() => {
    if (!units) return [];
    const own = subtreeIds(units, [plan.ownerUnitId]);
    return units.ordered.filter((unit) => (own.has(unit.id) && unit.active) || values.unitIds.includes(unit.id));
  }, [units, plan.ownerUnitId, values.unitIds]);
  /** Any unit of the tree may be a partner (other agencies and districts too), and any it already has. */
  const partnerChoices = useMemo(
    () => (units ? units.ordered.filter((unit) => unit.active || values.partnerUnitIds.includes(unit.id)) : []),
    [units, values.partnerUnitIds],
  );

  const deadline = values.deadlineText.trim()
    ? parseDeadline(values.deadlineText.trim(), { startYear: plan.startYear, endYear: plan.endYear })
    : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = fieldsOf(values, measure);
    if (item) {
      const before = fieldsOf(initial, measure);
      const change = Object.fromEntries(
        Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before])),
      );
      if (Object.keys(change).length === 0) {
        discard();
        onCancel();
        return;
      }
      if (form.showErrors(collapse(validateWith(UpdatePlanItemRequest, change, t)))) return;
      await form.send(
        async () => {
          const list = await api.patch<PlanItemList>(`/api/plans/${plan.id}/items/${item.id}`, change);
          discard();
          onSaved(list, item.id);
        },
        (error) => {
          const { errors, message } = refusal(error);
          form.setErrors(errors);
          form.setMessage(message);
        },
      );
      return;
    }
    const body = { parentId, ...next };
    if (form.showErrors(collapse(validateWith(CreatePlanItemRequest, body, t)))) return;
    await form.send(
      async () => {
        const list = await api.post<PlanItemList>(`/api/plans/${plan.id}/items`, body);
        discard();
        // A new item goes last among its siblings.
        const siblings = list.items.filter((candidate) => candidate.parentId === parentId);
        const newest = siblings.reduce<PlanItem | null>((best, candidate) => (best === null || candidate.position > best.position ? candidate : best), null);
        onSaved(list, newest?.id ?? null);
      },
      (error) => {
        const { errors, message } = refusal(error);
        form.setErrors(errors);
        form.setMessage(message);
      },
    );
  };

  // The server's field problems, folded onto the fields shown.
  const refusal = (error: unknown) => {
    const apiErrors = collapse(errorsFromApi(error));
    const known = Object.keys(apiErrors).every((path) => fields.some((field) => field.path === path));
    const message = Object.keys(apiErrors).length > 0 && known ? t('form.fixErrors') : errorMessage(error, t);
    return { errors: apiErrors, message };
  };

  return (
    <form className="rf-form rf-subform rf-item-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${formId}-heading`} noValidate>
      <p id={`${formId}-heading`} className="rf-form-title">
        {title}
      </p>
      {restored && <p className="rf-hint">{t('draft.restored')}</p>}
      <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
      <TextField
        id={`${formId}-code`}
        label={t('plans.field.code')}
        hint={t('plans.field.codeHint')}
        value={values.code}
        onChange={(event) => update({ code: event.target.value })}
        error={form.errors.code}
        optional
        autoComplete="off"
        autoFocus
        className="rf-input--code"
      />
      <TextAreaField
        id={`${formId}-title`}
        label={t('plans.field.itemTitle')}
        value={values.title}
        onChange={(event) => update({ title: event.target.value })}
        error={form.errors.title}
        rows={2}
        wide
      />
      <TextAreaField
        id={`${formId}-description`}
        label={t('plans.field.itemDescription')}
        value={values.description}
        onChange={(event) => update({ description: event.target.value })}
        error={form.errors.description}
        optional
        rows={3}
        wide
      />
      {measure && (
        <>
          <UnitChoices
            id={`${formId}-units`}
            legend={t('plans.field.units')}
            choices={unitChoices}
            selected={values.unitIds}
            onChange={(unitIds) => update({ unitIds })}
            error={form.errors.responsibleUnitIds}
            loading={!units}
          />
          <UnitChoices
            id={`${formId}-partner-units`}
            legend={t('plans.field.partnerUnits')}
            hint={t('plans.field.partnerUnitsHint')}
            choices={partnerChoices}
            selected={values.partnerUnitIds}
            onChange={(partnerUnitIds) => update({ partnerUnitIds })}
            error={form.errors.partnerUnitIds}
            loading={!units}
            labelOf={(unit) => (units ? unitLabel(units, unit.id, unit.name) : unit.name)}
            indent={false}
            search={{ label: t('plans.field.partnerSearch'), initial: (unit) => unit.kind === 'district' || unit.kind === 'agency' }}
          />
          <TextAreaField
            id={`${formId}-partners`}
            label={t('plans.field.partnersText')}
            hint={t('plans.field.partnersTextHint')}
            value={values.partners}
            onChange={(event) => update({ partners: event.target.value })}
            error={form.errors.partners}
            optional
            rows={2}
            wide
          />
          <TextField
            id={`${formId}-groups`}
            label={t('plans.field.targetGroups')}
            hint={t('plans.field.targetGroupsHint')}
            value={values.targetGroups}
            onChange={(event) => update({ targetGroups: event.target.value })}
            error={form.errors.targetGroups}
            optional
            autoComplete="off"
            wide
          />
          <TextField
            id={`${formId}-deadline`}
            label={t('plans.field.deadline')}
            hint={
              <>
                {t('plans.field.deadlineHint')}
                {deadline && (
                  <span className="rf-block rf-deadline-reading">
                    {deadline.value.kind === 'unknown'
                      ? t('plans.deadline.unknownLong')
                      : t('plans.deadline.reading', { text: describeDeadline(deadline.value, language) })}
                  </span>
                )}
              </>
            }
            value={values.deadlineText}
            onChange={(event) => update({ deadlineText: event.target.value })}
            error={form.errors.deadlineText}
            optional
            autoComplete="off"
          />
        </>
      )}
      <FormActions
        submitLabel={t('plans.field.save')}
        busy={form.busy}
        onCancel={() => {
          discard();
          onCancel();
        }}
      />
    </form>
  );
}
