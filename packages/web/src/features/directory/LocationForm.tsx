import { useRef, useState, type FormEvent } from 'react';
import { LocationInput, type LocationDetail } from '@rusfag/core';
import { api } from '../../app/api';
import { CheckboxField, ErrorSummary, FormActions, SelectField, TextAreaField, TextField, errorMessage, errorsFromApi, summaryItems, useFormSubmit, type FieldErrors } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { TristateGroup } from './fields';
import { booleanOf, placeErrors, tristateOf, type Tristate, type Vocabulary } from './model';
import { checkWith } from './serviceValues';

/**
 * A location of an organisation: every field of LocationInput. A confidential location (a
 * shelter, say) keeps its address here for the staff; the public pages and open data never show
 * it, only how to make contact.
 */

interface Values {
  name: string;
  description: string;
  address: string;
  postalCode: string;
  city: string;
  districtId: string;
  latitude: string;
  longitude: string;
  confidential: boolean;
  wheelchairAccessible: Tristate;
  accessibilityNote: string;
  transportation: string;
}

const coordinate = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

function valuesOf(location: LocationDetail | null): Values {
  return {
    name: location?.name ?? '',
    description: location?.description ?? '',
    address: location?.address ?? '',
    postalCode: location?.postalCode ?? '',
    city: location?.city ?? 'Oslo',
    districtId: location?.districtId ?? '',
    latitude: coordinate(location?.latitude ?? null),
    longitude: coordinate(location?.longitude ?? null),
    confidential: location?.confidential ?? false,
    wheelchairAccessible: tristateOf(location?.wheelchairAccessible),
    accessibilityNote: location?.accessibilityNote ?? '',
    transportation: location?.transportation ?? '',
  };
}

/** '59,9139' or '59.9139' → 59.9139; '' → null; anything else NaN (refused by the check). */
function decimal(text: string): number | null {
  const value = text.trim().replace(',', '.');
  if (value === '') return null;
  return /^-?\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
}

function inputOf(organizationId: string, values: Values): LocationInput {
  return {
    organizationId,
    name: values.name.trim(),
    description: values.description.trim(),
    address: values.address.trim(),
    postalCode: values.postalCode.trim(),
    city: values.city.trim(),
    districtId: values.districtId || null,
    latitude: decimal(values.latitude),
    longitude: decimal(values.longitude),
    confidential: values.confidential,
    wheelchairAccessible: booleanOf(values.wheelchairAccessible),
    accessibilityNote: values.accessibilityNote.trim(),
    transportation: values.transportation.trim(),
  };
}

export function LocationForm({
  organizationId,
  location,
  vocabulary,
  headingId,
  title,
  onSaved,
  onCancel,
}: {
  organizationId: string;
  /** null: a new location. */
  location: LocationDetail | null;
  vocabulary: Vocabulary;
  headingId: string;
  title: string;
  onSaved: (saved: LocationDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(() => valuesOf(location));
  const summaryRef = useRef<HTMLDivElement>(null);
  const prefix = location ? `loc-${location.id}` : 'loc-new';
  const id = (field: keyof Values) => `${prefix}-${field}`;
  const fields = [
    { path: 'name', id: id('name'), label: t('directory.loc.name') },
    { path: 'description', id: id('description'), label: t('directory.loc.description') },
    { path: 'confidential', id: id('confidential'), label: t('directory.loc.confidential') },
    { path: 'address', id: id('address'), label: t('directory.loc.address') },
    { path: 'postalCode', id: id('postalCode'), label: t('directory.loc.postalCode') },
    { path: 'city', id: id('city'), label: t('directory.loc.city') },
    { path: 'districtId', id: id('districtId'), label: t('directory.loc.district') },
    { path: 'latitude', id: id('latitude'), label: t('directory.loc.latitude') },
    { path: 'longitude', id: id('longitude'), label: t('directory.loc.longitude') },
    { path: 'wheelchairAccessible', id: id('wheelchairAccessible'), label: t('directory.loc.wheelchair') },
    { path: 'accessibilityNote', id: id('accessibilityNote'), label: t('directory.loc.accessibilityNote') },
    { path: 'transportation', id: id('transportation'), label: t('directory.loc.transportation') },
  ];
  const known = new Set(fields.map((field) => field.path));
  const form = useFormSubmit(fields.map((field) => field.path));
  const update = (change: Partial<Values>) => setValues((previous) => ({ ...previous, ...change }));
  const focusSummary = () => window.requestAnimationFrame(() => summaryRef.current?.focus());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = inputOf(organizationId, values);
    const found: FieldErrors = checkWith(LocationInput, body, t);
    for (const key of ['latitude', 'longitude'] as const) {
      if (Number.isNaN(body[key])) found[key] = t('directory.error.coordinate');
    }
    if (form.showErrors(found)) {
      focusSummary();
      return;
    }
    await form.send(
      async () => {
        const saved = location
          ? await api.put<LocationDetail>(`/api/directory/locations/${encodeURIComponent(location.id)}`, body)
          : await api.post<LocationDetail>('/api/directory/locations', body);
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

  return (
    <form className="rf-form rf-item-form" onSubmit={(event) => void submit(event)} aria-labelledby={headingId} noValidate>
      <h3 id={headingId} className="rf-h3">
        {title}
      </h3>
      <div ref={summaryRef} tabIndex={-1} className="rf-summary-focus">
        <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
      </div>
      <TextField id={id('name')} label={t('directory.loc.name')} hint={t('directory.loc.nameHint')} value={values.name} onChange={(event) => update({ name: event.target.value })} error={form.errors.name} autoComplete="off" autoFocus wide />
      <TextAreaField
        id={id('description')}
        label={t('directory.loc.description')}
        value={values.description}
        onChange={(event) => update({ description: event.target.value })}
        error={form.errors.description}
        rows={2}
        optional
        wide
      />
      <CheckboxField
        id={id('confidential')}
        label={t('directory.loc.confidential')}
        hint={t('directory.location.confidentialHint')}
        checked={values.confidential}
        onChange={(event) => update({ confidential: event.target.checked })}
      />
      <TextField id={id('address')} label={t('directory.loc.address')} value={values.address} onChange={(event) => update({ address: event.target.value })} error={form.errors.address} autoComplete="off" optional wide />
      <div className="rf-field-row">
        <TextField
          id={id('postalCode')}
          label={t('directory.loc.postalCode')}
          inputMode="numeric"
          className="rf-input--year"
          value={values.postalCode}
          onChange={(event) => update({ postalCode: event.target.value })}
          error={form.errors.postalCode}
          autoComplete="off"
          optional
        />
        <TextField id={id('city')} label={t('directory.loc.city')} value={values.city} onChange={(event) => update({ city: event.target.value })} error={form.errors.city} autoComplete="off" optional />
      </div>
      <SelectField id={id('districtId')} label={t('directory.loc.district')} value={values.districtId} onChange={(event) => update({ districtId: event.target.value })} error={form.errors.districtId} optional>
        <option value="">{t('directory.loc.noDistrict')}</option>
        {vocabulary.districts.map((district) => (
          <option key={district.id} value={district.id}>
            {district.name}
          </option>
        ))}
      </SelectField>
      <div className="rf-field-row">
        <TextField
          id={id('latitude')}
          label={t('directory.loc.latitude')}
          hint={t('directory.loc.coordinatesHint')}
          inputMode="decimal"
          value={values.latitude}
          onChange={(event) => update({ latitude: event.target.value })}
          error={form.errors.latitude}
          autoComplete="off"
          optional
        />
        <TextField
          id={id('longitude')}
          label={t('directory.loc.longitude')}
          inputMode="decimal"
          value={values.longitude}
          onChange={(event) => update({ longitude: event.target.value })}
          error={form.errors.longitude}
          autoComplete="off"
          optional
        />
      </div>
      <TristateGroup
        id={id('wheelchairAccessible')}
        legend={t('directory.loc.wheelchair')}
        value={values.wheelchairAccessible}
        onChange={(wheelchairAccessible) => update({ wheelchairAccessible })}
        labels={{ yes: t('common.yes'), no: t('common.no'), unknown: t('directory.tristate.unknown') }}
        error={form.errors.wheelchairAccessible}
      />
      <TextAreaField
        id={id('accessibilityNote')}
        label={t('directory.loc.accessibilityNote')}
        value={values.accessibilityNote}
        onChange={(event) => update({ accessibilityNote: event.target.value })}
        error={form.errors.accessibilityNote}
        rows={2}
        optional
        wide
      />
      <TextAreaField
        id={id('transportation')}
        label={t('directory.loc.transportation')}
        hint={t('directory.loc.transportationHint')}
        value={values.transportation}
        onChange={(event) => update({ transportation: event.target.value })}
        error={form.errors.transportation}
        rows={2}
        optional
        wide
      />
      <FormActions submitLabel={location ? t('directory.loc.save') : t('directory.loc.create')} busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
