import { useMemo, useRef, useState, type FormEvent } from 'react';
import { OrganizationInput, type OrganizationSummary } from '@rusfag/core';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { ErrorSummary, FormActions, SelectField, TextAreaField, TextField, errorMessage, errorsFromApi, summaryItems, useFormSubmit, type FieldErrors } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { NotLoaded } from '../../app/page';
import { UnitOptions } from '../organizations/UnitOptions';
import { scopeOfRole, useOrgUnits } from '../organizations/units';
import { placeErrors } from './model';
import { checkWith } from './serviceValues';

/**
 * An organisation (provider) of the directory: its name, description, contact, the unit of the
 * organisation chart that keeps it (steward: one of the units where the editor is a directory
 * editor) and, optionally, the unit it is in the organisation chart.
 */

interface Values {
  name: string;
  alternateName: string;
  description: string;
  descriptionEn: string;
  email: string;
  website: string;
  stewardUnitId: string;
  orgUnitId: string;
}

function valuesOf(organization: OrganizationSummary | null): Values {
  return {
    name: organization?.name ?? '',
    alternateName: organization?.alternateName ?? '',
    description: organization?.description ?? '',
    descriptionEn: organization?.descriptionEn ?? '',
    email: organization?.email ?? '',
    website: organization?.website ?? '',
    stewardUnitId: organization?.stewardUnitId ?? '',
    orgUnitId: organization?.orgUnitId ?? '',
  };
}

function inputOf(values: Values): OrganizationInput {
  return {
    name: values.name.trim(),
    alternateName: values.alternateName.trim(),
    description: values.description.trim(),
    descriptionEn: values.descriptionEn.trim(),
    email: values.email.trim(),
    website: values.website.trim(),
    stewardUnitId: values.stewardUnitId,
    orgUnitId: values.orgUnitId || null,
  };
}

export function OrganizationForm({
  organization,
  headingId,
  title,
  onSaved,
  onCancel,
}: {
  /** null: a new organisation. */
  organization: OrganizationSummary | null;
  headingId: string;
  title: string;
  onSaved: (saved: OrganizationSummary) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const units = useOrgUnits();
  const [values, setValues] = useState<Values>(() => valuesOf(organization));
  const summaryRef = useRef<HTMLDivElement>(null);
  const prefix = organization ? `org-${organization.id}` : 'org-new';
  const id = (field: keyof Values) => `${prefix}-${field}`;
  const fields = [
    { path: 'name', id: id('name'), label: t('directory.org.name') },
    { path: 'alternateName', id: id('alternateName'), label: t('directory.org.alternateName') },
    { path: 'description', id: id('description'), label: t('directory.org.description') },
    { path: 'descriptionEn', id: id('descriptionEn'), label: t('directory.org.descriptionEn') },
    { path: 'email', id: id('email'), label: t('directory.org.email') },
    { path: 'website', id: id('website'), label: t('directory.org.website') },
    { path: 'stewardUnitId', id: id('stewardUnitId'), label: t('directory.org.steward') },
    { path: 'orgUnitId', id: id('orgUnitId'), label: t('directory.org.orgUnit') },
  ];
  const known = new Set(fields.map((field) => field.path));
  const form = useFormSubmit(fields.map((field) => field.path));

  /** Units where the editor is a directory editor (and below): the stewards they may choose. */
  const stewards = useMemo(() => (units.index ? scopeOfRole(units.index, me, 'directory_editor') : null), [units.index, me]);
  // The steward it has stays choosable, even if it is outside the editor's own units.
  const allowed = useMemo(() => {
    if (!stewards) return null;
    const set = new Set(stewards);
    if (organization) set.add(organization.stewardUnitId);
    return set;
  }, [stewards, organization]);

  const update = (change: Partial<Values>) => setValues((previous) => ({ ...previous, ...change }));
  const focusSummary = () => window.requestAnimationFrame(() => summaryRef.current?.focus());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = inputOf(values);
    const found: FieldErrors = checkWith(OrganizationInput, body, t);
    if (!body.stewardUnitId) found.stewardUnitId = t('directory.org.stewardRequired');
    if (form.showErrors(found)) {
      focusSummary();
      return;
    }
    await form.send(
      async () => {
        const saved = organization
          ? await api.put<OrganizationSummary>(`/api/directory/organizations/${encodeURIComponent(organization.id)}`, body)
          : await api.post<OrganizationSummary>('/api/directory/organizations', body);
        onSaved(saved);
      },
      (error) => {
        const placed = placeErrors(errorsFromApi(error), known);
        form.setErrors(placed);
        form.setMessage(Object.keys(placed).length > 0 && Object.keys(placed).every((path) => known.has(path)) ? t('form.fixErrors') : errorMessage(error, t));
        focusSummary();
      },
    );
  };

  if (!units.index || !allowed) {
    return <NotLoaded loading={units.loading} error={units.error} onRetry={units.reload} />;
  }

  return (
    <form className="rf-form rf-item-form" onSubmit={(event) => void submit(event)} aria-labelledby={headingId} noValidate>
      <h3 id={headingId} className="rf-h3">
        {title}
      </h3>
      <div ref={summaryRef} tabIndex={-1} className="rf-summary-focus">
        <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
      </div>
      <TextField id={id('name')} label={t('directory.org.name')} value={values.name} onChange={(event) => update({ name: event.target.value })} error={form.errors.name} autoComplete="off" autoFocus wide />
      <TextField
        id={id('alternateName')}
        label={t('directory.org.alternateName')}
        hint={t('directory.org.alternateNameHint')}
        value={values.alternateName}
        onChange={(event) => update({ alternateName: event.target.value })}
        error={form.errors.alternateName}
        autoComplete="off"
        optional
        wide
      />
      <TextAreaField
        id={id('description')}
        label={t('directory.org.description')}
        value={values.description}
        onChange={(event) => update({ description: event.target.value })}
        error={form.errors.description}
        rows={4}
        optional
        wide
      />
      <TextAreaField
        id={id('descriptionEn')}
        label={t('directory.org.descriptionEn')}
        lang="en"
        value={values.descriptionEn}
        onChange={(event) => update({ descriptionEn: event.target.value })}
        error={form.errors.descriptionEn}
        rows={3}
        optional
        wide
      />
      <TextField
        id={id('email')}
        type="email"
        label={t('directory.org.email')}
        value={values.email}
        onChange={(event) => update({ email: event.target.value })}
        error={form.errors.email}
        autoComplete="off"
        optional
        wide
      />
      <TextField
        id={id('website')}
        type="url"
        inputMode="url"
        label={t('directory.org.website')}
        hint={t('directory.field.urlHint')}
        value={values.website}
        onChange={(event) => update({ website: event.target.value })}
        error={form.errors.website}
        autoComplete="off"
        optional
        wide
      />
      <SelectField
        id={id('stewardUnitId')}
        label={t('directory.org.steward')}
        hint={t('directory.org.stewardHint')}
        value={values.stewardUnitId}
        onChange={(event) => update({ stewardUnitId: event.target.value })}
        error={form.errors.stewardUnitId}
      >
        {!values.stewardUnitId && <option value="">{t('directory.org.chooseSteward')}</option>}
        <UnitOptions index={units.index} allowed={allowed} />
      </SelectField>
      <SelectField
        id={id('orgUnitId')}
        label={t('directory.org.orgUnit')}
        hint={t('directory.org.orgUnitHint')}
        value={values.orgUnitId}
        onChange={(event) => update({ orgUnitId: event.target.value })}
        error={form.errors.orgUnitId}
        optional
      >
        <option value="">{t('directory.org.noOrgUnit')}</option>
        <UnitOptions index={units.index} />
      </SelectField>
      <FormActions submitLabel={organization ? t('directory.org.save') : t('directory.org.create')} busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
