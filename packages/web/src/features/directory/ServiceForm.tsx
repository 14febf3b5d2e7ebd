import { Link } from 'react-router-dom';
import { SERVICE_STATUSES, type LocationDetail, type OrganizationSummary, type ServiceStatus } from '@rusfag/core';
import { CheckboxField, SelectField, TextAreaField, TextField, type FieldErrors } from '../../app/forms';
import { useI18n, type Translate } from '../../app/i18n';
import { CheckboxGroup, FormPart, RowGroup, SmallButton, TristateGroup, useFocusAfterChange } from './fields';
import { HoursEditor, hoursFields } from './HoursEditor';
import { organizationPath, rowKey, statusLabel, termName, type Tristate, type Vocabulary } from './model';
import type { ContactRow, PhoneRow, ServiceValues } from './serviceValues';

/**
 * Every field of a service (ServiceInput), in the fieldsets an editor thinks in: what it is, for
 * whom, where, when, how to get in touch, what it costs and how to get in, languages and
 * categories. The values, their problems and the sending belong to the page (ServicePage).
 */

export const PHONES_GROUP_ID = 'svc-phones';
export const CONTACTS_GROUP_ID = 'svc-contacts';
const phoneFieldId = (index: number, field: 'number' | 'description') => `svc-phone-${index}-${field}`;
const contactFieldId = (index: number, field: 'name' | 'title' | 'email' | 'phone') => `svc-contact-${index}-${field}`;

/** Labels of the service's fields, also used by the change history. */
export function fieldLabels(t: Translate): Record<string, string> {
  return {
    organizationId: t('directory.field.organization'),
    name: t('directory.field.name'),
    nameEn: t('directory.field.nameEn'),
    alternateName: t('directory.field.alternateName'),
    description: t('directory.field.description'),
    descriptionEn: t('directory.field.descriptionEn'),
    status: t('directory.field.status'),
    statusNote: t('directory.field.statusNote'),
    targetGroups: t('directory.field.targetGroups'),
    eligibility: t('directory.field.eligibility'),
    eligibilityEn: t('directory.field.eligibilityEn'),
    minimumAge: t('directory.field.minimumAge'),
    maximumAge: t('directory.field.maximumAge'),
    referralRequired: t('directory.field.referral'),
    cityWide: t('directory.field.cityWide'),
    districtIds: t('directory.field.districts'),
    locationIds: t('directory.field.locations'),
    hours: t('directory.part.hours'),
    hoursNote: t('directory.hours.note'),
    phones: t('directory.field.phones'),
    email: t('directory.field.email'),
    url: t('directory.field.url'),
    contacts: t('directory.field.contacts'),
    freeOfCharge: t('directory.field.free'),
    feesDescription: t('directory.field.fees'),
    howToGetIn: t('directory.field.howToGetIn'),
    howToGetInEn: t('directory.field.howToGetInEn'),
    languages: t('directory.field.languages'),
    categories: t('directory.field.categories'),
  };
}

/** The form's fields for the error summary, in the order they stand, each with the id to jump to. */
export function serviceFields(t: Translate, values: ServiceValues): { path: string; id: string; label: string }[] {
  const label = fieldLabels(t);
  const named = (row: string, field: string) => `${row}: ${field}`;
  return [
    { path: 'organizationId', id: 'svc-organization', label: label.organizationId! },
    { path: 'name', id: 'svc-name', label: label.name! },
    { path: 'nameEn', id: 'svc-name-en', label: label.nameEn! },
    { path: 'alternateName', id: 'svc-alternate-name', label: label.alternateName! },
    { path: 'description', id: 'svc-description', label: label.description! },
    { path: 'descriptionEn', id: 'svc-description-en', label: label.descriptionEn! },
    { path: 'status', id: 'svc-status', label: label.status! },
    { path: 'statusNote', id: 'svc-status-note', label: label.statusNote! },
    { path: 'targetGroups', id: 'svc-target-groups', label: label.targetGroups! },
    { path: 'eligibility', id: 'svc-eligibility', label: label.eligibility! },
    { path: 'eligibilityEn', id: 'svc-eligibility-en', label: label.eligibilityEn! },
    { path: 'minimumAge', id: 'svc-minimum-age', label: label.minimumAge! },
    { path: 'maximumAge', id: 'svc-maximum-age', label: label.maximumAge! },
    { path: 'referralRequired', id: 'svc-referral', label: label.referralRequired! },
    { path: 'cityWide', id: 'svc-city-wide', label: label.cityWide! },
    { path: 'districtIds', id: values.cityWide ? 'svc-city-wide' : 'svc-districts', label: label.districtIds! },
    { path: 'locationIds', id: 'svc-locations', label: label.locationIds! },
    ...hoursFields(t, values),
    { path: 'phones', id: PHONES_GROUP_ID, label: label.phones! },
    ...values.phones.flatMap((_, index) => {
      const row = t('directory.phone.row', { number: index + 1 });
      return [
        { path: `phones.${index}`, id: phoneFieldId(index, 'number'), label: row },
        { path: `phones.${index}.number`, id: phoneFieldId(index, 'number'), label: named(row, t('directory.phone.number')) },
        { path: `phones.${index}.description`, id: phoneFieldId(index, 'description'), label: named(row, t('directory.phone.description')) },
      ];
    }),
    { path: 'email', id: 'svc-email', label: label.email! },
    { path: 'url', id: 'svc-url', label: label.url! },
    { path: 'contacts', id: CONTACTS_GROUP_ID, label: label.contacts! },
    ...values.contacts.flatMap((_, index) => {
      const row = t('directory.contact.row', { number: index + 1 });
      return [
        { path: `contacts.${index}`, id: contactFieldId(index, 'name'), label: row },
        { path: `contacts.${index}.name`, id: contactFieldId(index, 'name'), label: named(row, t('directory.contact.name')) },
        { path: `contacts.${index}.title`, id: contactFieldId(index, 'title'), label: named(row, t('directory.contact.title')) },
        { path: `contacts.${index}.email`, id: contactFieldId(index, 'email'), label: named(row, t('directory.contact.email')) },
        { path: `contacts.${index}.phone`, id: contactFieldId(index, 'phone'), label: named(row, t('directory.contact.phone')) },
      ];
    }),
    { path: 'freeOfCharge', id: 'svc-free', label: label.freeOfCharge! },
    { path: 'feesDescription', id: 'svc-fees', label: label.feesDescription! },
    { path: 'howToGetIn', id: 'svc-how', label: label.howToGetIn! },
    { path: 'howToGetInEn', id: 'svc-how-en', label: label.howToGetInEn! },
    { path: 'languages', id: 'svc-languages', label: label.languages! },
    { path: 'categories', id: 'svc-categories', label: label.categories! },
  ];
}

export function ServiceFields({
  values,
  update,
  errors,
  vocabulary,
  organizations,
  locations,
}: {
  values: ServiceValues;
  update: (change: Partial<ServiceValues>) => void;
  errors: FieldErrors;
  vocabulary: Vocabulary;
  organizations: readonly OrganizationSummary[];
  /** The chosen organisation's locations; null while they load. */
  locations: readonly LocationDetail[] | null;
}) {
  const { t, language } = useI18n();
  const label = fieldLabels(t);
  const tristate = (yes: string, no: string): Record<Tristate, string> => ({ yes, no, unknown: t('directory.tristate.unknown') });
  // Organisations the editor may place a service with, and the one it has whatever happens.
  const choosable = organizations.filter((organization) => organization.actions.includes('directory.edit') || organization.id === values.organizationId);
  const knownLanguages = new Set(vocabulary.languages.map((entry) => entry.code));

  return (
    <>
      <FormPart id="svc-part-about" legend={t('directory.part.about')}>
        <SelectField
          id="svc-organization"
          label={label.organizationId!}
          hint={t('directory.field.organizationHint')}
          value={values.organizationId}
          // Locations belong to one organisation: another organisation's cannot stay chosen.
          onChange={(event) => update({ organizationId: event.target.value, locationIds: [] })}
          error={errors.organizationId}
        >
          {!values.organizationId && <option value="">{t('directory.field.chooseOrganization')}</option>}
          {choosable.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </SelectField>
        <TextField id="svc-name" label={label.name!} value={values.name} onChange={(event) => update({ name: event.target.value })} error={errors.name} autoComplete="off" wide />
        <TextField
          id="svc-name-en"
          label={label.nameEn!}
          lang="en"
          value={values.nameEn}
          onChange={(event) => update({ nameEn: event.target.value })}
          error={errors.nameEn}
          autoComplete="off"
          optional
          wide
        />
        <TextField
          id="svc-alternate-name"
          label={label.alternateName!}
          hint={t('directory.field.alternateNameHint')}
          value={values.alternateName}
          onChange={(event) => update({ alternateName: event.target.value })}
          error={errors.alternateName}
          autoComplete="off"
          optional
          wide
        />
        <TextAreaField
          id="svc-description"
          label={label.description!}
          hint={t('directory.field.descriptionHint')}
          value={values.description}
          onChange={(event) => update({ description: event.target.value })}
          error={errors.description}
          rows={6}
          wide
        />
        <TextAreaField
          id="svc-description-en"
          label={label.descriptionEn!}
          lang="en"
          value={values.descriptionEn}
          onChange={(event) => update({ descriptionEn: event.target.value })}
          error={errors.descriptionEn}
          rows={4}
          optional
          wide
        />
        <SelectField id="svc-status" label={label.status!} value={values.status} onChange={(event) => update({ status: event.target.value as ServiceStatus })} error={errors.status}>
          {SERVICE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(t, status)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="svc-status-note"
          label={label.statusNote!}
          hint={t('directory.field.statusNoteHint')}
          value={values.statusNote}
          onChange={(event) => update({ statusNote: event.target.value })}
          error={errors.statusNote}
          autoComplete="off"
          optional
          wide
        />
      </FormPart>

      <FormPart id="svc-part-who" legend={t('directory.part.who')}>
        <CheckboxGroup
          id="svc-target-groups"
          legend={label.targetGroups!}
          hint={t('directory.field.targetGroupsHint')}
          options={vocabulary.targetGroups.map((term) => ({ value: term.code, label: termName(term, language) }))}
          selected={values.targetGroups}
          onChange={(targetGroups) => update({ targetGroups })}
          error={errors.targetGroups}
        />
        <TextAreaField
          id="svc-eligibility"
          label={label.eligibility!}
          hint={t('directory.field.eligibilityHint')}
          value={values.eligibility}
          onChange={(event) => update({ eligibility: event.target.value })}
          error={errors.eligibility}
          rows={3}
          optional
          wide
        />
        <TextAreaField
          id="svc-eligibility-en"
          label={label.eligibilityEn!}
          lang="en"
          value={values.eligibilityEn}
          onChange={(event) => update({ eligibilityEn: event.target.value })}
          error={errors.eligibilityEn}
          rows={2}
          optional
          wide
        />
        <div className="rf-field-row">
          <TextField
            id="svc-minimum-age"
            label={label.minimumAge!}
            inputMode="numeric"
            className="rf-input--year"
            value={values.minimumAge}
            onChange={(event) => update({ minimumAge: event.target.value })}
            error={errors.minimumAge}
            autoComplete="off"
            optional
          />
          <TextField
            id="svc-maximum-age"
            label={label.maximumAge!}
            inputMode="numeric"
            className="rf-input--year"
            value={values.maximumAge}
            onChange={(event) => update({ maximumAge: event.target.value })}
            error={errors.maximumAge}
            autoComplete="off"
            optional
          />
        </div>
        <TristateGroup
          id="svc-referral"
          legend={label.referralRequired!}
          value={values.referralRequired}
          onChange={(referralRequired) => update({ referralRequired })}
          labels={tristate(t('directory.referral.yes'), t('directory.referral.no'))}
          error={errors.referralRequired}
        />
      </FormPart>

      <FormPart id="svc-part-where" legend={t('directory.part.where')}>
        <CheckboxField
          id="svc-city-wide"
          label={label.cityWide!}
          hint={t('directory.field.cityWideHint')}
          checked={values.cityWide}
          onChange={(event) => update({ cityWide: event.target.checked })}
        />
        {errors.districtIds && values.cityWide && <p className="rf-field__error">{errors.districtIds}</p>}
        {!values.cityWide && (
          <CheckboxGroup
            id="svc-districts"
            legend={label.districtIds!}
            hint={t('directory.field.districtsHint')}
            options={vocabulary.districts.map((district) => ({ value: district.id, label: district.name }))}
            selected={values.districtIds}
            onChange={(districtIds) => update({ districtIds })}
            error={errors.districtIds}
          />
        )}
        <LocationChoices values={values} update={update} locations={locations} error={errors.locationIds} />
      </FormPart>

      <HoursEditor values={values} update={update} errors={errors} />

      <FormPart id="svc-part-contact" legend={t('directory.part.contact')}>
        <PhoneRows rows={values.phones} onChange={(phones) => update({ phones })} errors={errors} />
        <TextField
          id="svc-email"
          type="email"
          label={label.email!}
          value={values.email}
          onChange={(event) => update({ email: event.target.value })}
          error={errors.email}
          autoComplete="off"
          optional
          wide
        />
        <TextField
          id="svc-url"
          type="url"
          inputMode="url"
          label={label.url!}
          hint={t('directory.field.urlHint')}
          value={values.url}
          onChange={(event) => update({ url: event.target.value })}
          error={errors.url}
          autoComplete="off"
          optional
          wide
        />
        <ContactRows rows={values.contacts} onChange={(contacts) => update({ contacts })} errors={errors} />
      </FormPart>

      <FormPart id="svc-part-access" legend={t('directory.part.access')}>
        <TristateGroup
          id="svc-free"
          legend={label.freeOfCharge!}
          value={values.freeOfCharge}
          onChange={(freeOfCharge) => update({ freeOfCharge })}
          labels={tristate(t('directory.free.yes'), t('directory.free.no'))}
          error={errors.freeOfCharge}
        />
        <TextAreaField
          id="svc-fees"
          label={label.feesDescription!}
          hint={t('directory.field.feesHint')}
          value={values.feesDescription}
          onChange={(event) => update({ feesDescription: event.target.value })}
          error={errors.feesDescription}
          rows={2}
          optional
          wide
        />
        <TextAreaField
          id="svc-how"
          label={label.howToGetIn!}
          hint={t('directory.field.howToGetInHint')}
          value={values.howToGetIn}
          onChange={(event) => update({ howToGetIn: event.target.value })}
          error={errors.howToGetIn}
          rows={3}
          optional
          wide
        />
        <TextAreaField
          id="svc-how-en"
          label={label.howToGetInEn!}
          lang="en"
          value={values.howToGetInEn}
          onChange={(event) => update({ howToGetInEn: event.target.value })}
          error={errors.howToGetInEn}
          rows={2}
          optional
          wide
        />
      </FormPart>

      <CheckboxGroup
        id="svc-languages"
        legend={t('directory.part.languages')}
        hint={t('directory.field.languagesHint')}
        options={[
          ...vocabulary.languages.map((entry) => ({ value: entry.code, label: termName(entry, language) })),
          // A language from an import that the list does not name stays visible (and can be removed).
          ...values.languages.filter((code) => !knownLanguages.has(code)).map((code) => ({ value: code, label: code })),
        ]}
        selected={values.languages}
        onChange={(languages) => update({ languages })}
        error={errors.languages}
        part
      />

      <CheckboxGroup
        id="svc-categories"
        legend={t('directory.part.categories')}
        hint={t('directory.field.categoriesHint')}
        options={vocabulary.categories.map((term) => ({ value: term.code, label: termName(term, language) }))}
        selected={values.categories}
        onChange={(categories) => update({ categories })}
        error={errors.categories}
        part
      />
    </>
  );
}

/** The organisation's locations as checkboxes; a confidential one says so instead of its address. */
function LocationChoices({
  values,
  update,
  locations,
  error,
}: {
  values: ServiceValues;
  update: (change: Partial<ServiceValues>) => void;
  locations: readonly LocationDetail[] | null;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const manage = values.organizationId ? (
    <Link to={`${organizationPath(values.organizationId)}#steder`}>{t('directory.field.manageLocations')}</Link>
  ) : null;
  if (!values.organizationId) {
    return (
      <div className="rf-choice-group" id="svc-locations" tabIndex={-1}>
        <p className="rf-legend-like">{t('directory.field.locations')}</p>
        <p className="rf-muted">{t('directory.field.locationsChooseOrganization')}</p>
      </div>
    );
  }
  if (locations === null) {
    return (
      <div className="rf-choice-group" id="svc-locations" tabIndex={-1}>
        <p className="rf-legend-like">{t('directory.field.locations')}</p>
        <p className="rf-loading">{t('common.loading')}</p>
      </div>
    );
  }
  if (locations.length === 0) {
    return (
      <div className="rf-choice-group" id="svc-locations" tabIndex={-1}>
        <p className="rf-legend-like">{t('directory.field.locations')}</p>
        <p>
          {t('directory.field.locationsNone')} {manage}
        </p>
        {error && <p className="rf-field__error">{error}</p>}
      </div>
    );
  }
  return (
    <CheckboxGroup
      id="svc-locations"
      legend={t('directory.field.locations')}
      hint={
        <>
          {t('directory.field.locationsHint')} {manage}
        </>
      }
      options={locations.map((location) => ({
        value: location.id,
        label: location.name,
        hint: location.confidential ? (
          <span className="rf-confidential">{t('directory.location.confidentialShort')}</span>
        ) : (
          [location.address, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || undefined
        ),
      }))}
      selected={values.locationIds}
      onChange={(locationIds) => update({ locationIds })}
      error={error}
    />
  );
}

function PhoneRows({ rows, onChange, errors }: { rows: PhoneRow[]; onChange: (rows: PhoneRow[]) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  const focus = useFocusAfterChange();
  const set = (index: number, change: Partial<PhoneRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <RowGroup id={PHONES_GROUP_ID} legend={t('directory.field.phones')} hint={t('directory.phone.hint')} error={errors.phones}>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="rf-fieldset rf-settings-row">
          <legend className="rf-legend">{t('directory.phone.row', { number: index + 1 })}</legend>
          <div className="rf-role-row">
            <TextField
              id={phoneFieldId(index, 'number')}
              type="tel"
              label={t('directory.phone.number')}
              value={row.number}
              autoComplete="off"
              onChange={(event) => set(index, { number: event.target.value })}
              error={errors[`phones.${index}.number`] ?? errors[`phones.${index}`]}
            />
            <TextField
              id={phoneFieldId(index, 'description')}
              label={t('directory.phone.description')}
              hint={t('directory.phone.descriptionHint')}
              value={row.description}
              autoComplete="off"
              onChange={(event) => set(index, { description: event.target.value })}
              error={errors[`phones.${index}.description`]}
              optional
            />
          </div>
          <SmallButton
            icon="trash-can"
            onClick={() => {
              onChange(rows.filter((_, i) => i !== index));
              focus('svc-phone-add');
            }}
          >
            {t('directory.phone.remove', { number: index + 1 })}
            {row.number.trim() && <span className="pkt-sr-only"> ({row.number.trim()})</span>}
          </SmallButton>
        </fieldset>
      ))}
      {rows.length < 20 && (
        <SmallButton
          id="svc-phone-add"
          icon="plus-sign"
          onClick={() => {
            onChange([...rows, { key: rowKey(), number: '', description: '' }]);
            focus(phoneFieldId(rows.length, 'number'));
          }}
        >
          {t('directory.phone.add')}
        </SmallButton>
      )}
    </RowGroup>
  );
}

function ContactRows({ rows, onChange, errors }: { rows: ContactRow[]; onChange: (rows: ContactRow[]) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  const focus = useFocusAfterChange();
  const set = (index: number, change: Partial<ContactRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <RowGroup id={CONTACTS_GROUP_ID} legend={t('directory.field.contacts')} hint={t('directory.contact.hint')} error={errors.contacts}>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="rf-fieldset rf-settings-row">
          <legend className="rf-legend">{t('directory.contact.row', { number: index + 1 })}</legend>
          <div className="rf-role-row">
            <TextField
              id={contactFieldId(index, 'name')}
              label={t('directory.contact.name')}
              value={row.name}
              autoComplete="off"
              onChange={(event) => set(index, { name: event.target.value })}
              error={errors[`contacts.${index}.name`] ?? errors[`contacts.${index}`]}
              optional
            />
            <TextField
              id={contactFieldId(index, 'title')}
              label={t('directory.contact.title')}
              value={row.title}
              autoComplete="off"
              onChange={(event) => set(index, { title: event.target.value })}
              error={errors[`contacts.${index}.title`]}
              optional
            />
          </div>
          <div className="rf-role-row">
            <TextField
              id={contactFieldId(index, 'email')}
              type="email"
              label={t('directory.contact.email')}
              value={row.email}
              autoComplete="off"
              onChange={(event) => set(index, { email: event.target.value })}
              error={errors[`contacts.${index}.email`]}
              optional
            />
            <TextField
              id={contactFieldId(index, 'phone')}
              type="tel"
              label={t('directory.contact.phone')}
              value={row.phone}
              autoComplete="off"
              onChange={(event) => set(index, { phone: event.target.value })}
              error={errors[`contacts.${index}.phone`]}
              optional
            />
          </div>
          <SmallButton
            icon="trash-can"
            onClick={() => {
              onChange(rows.filter((_, i) => i !== index));
              focus('svc-contact-add');
            }}
          >
            {t('directory.contact.remove', { number: index + 1 })}
            {row.name.trim() && <span className="pkt-sr-only"> ({row.name.trim()})</span>}
          </SmallButton>
        </fieldset>
      ))}
      {rows.length < 20 && (
        <SmallButton
          id="svc-contact-add"
          icon="plus-sign"
          onClick={() => {
            onChange([...rows, { key: rowKey(), name: '', title: '', email: '', phone: '' }]);
            focus(contactFieldId(rows.length, 'name'));
          }}
        >
          {t('directory.contact.add')}
        </SmallButton>
      )}
    </RowGroup>
  );
}
