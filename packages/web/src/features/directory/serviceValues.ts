import {
  ServiceInput,
  validateOpeningHours,
  type OpeningHours,
  type ServiceStatus,
} from '@rusfag/core';
import { validateWith, type FieldErrors, type Schema } from '../../app/forms';
import type { MessageKey, Translate } from '../../app/i18n';
import { booleanOf, normaliseTime, rowKey, tristateOf, type Tristate } from './model';

/**
 * The service form as the editor types it (every number and time as text, rows with keys), and
 * the ServiceInput the server takes. The form keeps what is typed as typed; the request is made
 * from it at the moment it is checked or sent.
 */

export interface PhoneRow {
  key: string;
  number: string;
  description: string;
}
export interface ContactRow {
  key: string;
  name: string;
  title: string;
  email: string;
  phone: string;
}
export interface WeeklyRow {
  key: string;
  weekday: string;
  opensAt: string;
  closesAt: string;
  validFrom: string;
  validTo: string;
}
export interface ExceptionRow {
  key: string;
  from: string;
  to: string;
  closed: boolean;
  opensAt: string;
  closesAt: string;
  reason: string;
}

export interface ServiceValues {
  organizationId: string;
  name: string;
  nameEn: string;
  alternateName: string;
  description: string;
  descriptionEn: string;
  status: ServiceStatus;
  statusNote: string;
  targetGroups: string[];
  eligibility: string;
  eligibilityEn: string;
  minimumAge: string;
  maximumAge: string;
  referralRequired: Tristate;
  cityWide: boolean;
  districtIds: string[];
  locationIds: string[];
  weekly: WeeklyRow[];
  exceptions: ExceptionRow[];
  hoursNote: string;
  phones: PhoneRow[];
  email: string;
  url: string;
  contacts: ContactRow[];
  freeOfCharge: Tristate;
  feesDescription: string;
  howToGetIn: string;
  howToGetInEn: string;
  languages: string[];
  categories: string[];
}

export function emptyValues(organizationId = ''): ServiceValues {
  return valuesOf({
    organizationId,
    name: '',
    nameEn: '',
    alternateName: '',
    description: '',
    descriptionEn: '',
    url: '',
    email: '',
    status: 'active',
    statusNote: '',
    howToGetIn: '',
    howToGetInEn: '',
    eligibility: '',
    eligibilityEn: '',
    minimumAge: null,
    maximumAge: null,
    referralRequired: null,
    freeOfCharge: null,
    feesDescription: '',
    cityWide: false,
    districtIds: [],
    targetGroups: [],
    categories: [],
    languages: [],
    locationIds: [],
    phones: [],
    contacts: [],
    hours: { weekly: [], exceptions: [] },
    hoursNote: '',
  });
}

/** The form's values for a saved service. */
export function valuesOf(input: ServiceInput): ServiceValues {
  return {
    organizationId: input.organizationId,
    name: input.name,
    nameEn: input.nameEn,
    alternateName: input.alternateName,
    description: input.description,
    descriptionEn: input.descriptionEn,
    status: input.status,
    statusNote: input.statusNote,
    targetGroups: [...input.targetGroups],
    eligibility: input.eligibility,
    eligibilityEn: input.eligibilityEn,
    minimumAge: input.minimumAge === null ? '' : String(input.minimumAge),
    maximumAge: input.maximumAge === null ? '' : String(input.maximumAge),
    referralRequired: tristateOf(input.referralRequired),
    cityWide: input.cityWide,
    districtIds: [...input.districtIds],
    locationIds: [...input.locationIds],
    weekly: input.hours.weekly.map((rule) => ({
      key: rowKey(),
      weekday: String(rule.weekday),
      opensAt: rule.opensAt,
      closesAt: rule.closesAt,
      validFrom: rule.validFrom ?? '',
      validTo: rule.validTo ?? '',
    })),
    exceptions: input.hours.exceptions.map((exception) => ({
      key: rowKey(),
      from: exception.from,
      to: exception.to,
      closed: exception.closed,
      opensAt: exception.opensAt ?? '',
      closesAt: exception.closesAt ?? '',
      reason: exception.reason,
    })),
    hoursNote: input.hoursNote,
    phones: input.phones.map((phone) => ({ key: rowKey(), number: phone.number, description: phone.description })),
    email: input.email,
    url: input.url,
    contacts: input.contacts.map((contact) => ({ key: rowKey(), ...contact })),
    freeOfCharge: tristateOf(input.freeOfCharge),
    feesDescription: input.feesDescription,
    howToGetIn: input.howToGetIn,
    howToGetInEn: input.howToGetInEn,
    languages: [...input.languages],
    categories: [...input.categories],
  };
}

function age(text: string): number | null {
  const value = text.trim();
  if (value === '') return null;
  // "18 år" is read as 18; anything else stays not-a-number for the check to refuse.
  return /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
}

const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The opening hours as the server takes them (times normalised, empty dates as null). */
export function hoursOf(values: Pick<ServiceValues, 'weekly' | 'exceptions'>): OpeningHours {
  return {
    weekly: values.weekly.map((row) => ({
      weekday: Number(row.weekday),
      opensAt: normaliseTime(row.opensAt),
      closesAt: normaliseTime(row.closesAt),
      validFrom: optional(row.validFrom),
      validTo: optional(row.validTo),
    })),
    exceptions: values.exceptions.map((row) => ({
      from: row.from.trim(),
      to: row.to.trim() === '' ? row.from.trim() : row.to.trim(),
      closed: row.closed,
      opensAt: row.closed ? null : optional(normaliseTime(row.opensAt)),
      closesAt: row.closed ? null : optional(normaliseTime(row.closesAt)),
      reason: row.reason.trim(),
    })),
  };
}

/** The request body: a full replacement of the service's working copy. */
export function inputOf(values: ServiceValues): ServiceInput {
  return {
    organizationId: values.organizationId,
    name: values.name.trim(),
    nameEn: values.nameEn.trim(),
    alternateName: values.alternateName.trim(),
    description: values.description.trim(),
    descriptionEn: values.descriptionEn.trim(),
    url: values.url.trim(),
    email: values.email.trim(),
    status: values.status,
    statusNote: values.statusNote.trim(),
    howToGetIn: values.howToGetIn.trim(),
    howToGetInEn: values.howToGetInEn.trim(),
    eligibility: values.eligibility.trim(),
    eligibilityEn: values.eligibilityEn.trim(),
    minimumAge: age(values.minimumAge),
    maximumAge: age(values.maximumAge),
    referralRequired: booleanOf(values.referralRequired),
    freeOfCharge: booleanOf(values.freeOfCharge),
    feesDescription: values.feesDescription.trim(),
    cityWide: values.cityWide,
    // City-wide covers every district: none are stored beside it.
    districtIds: values.cityWide ? [] : values.districtIds,
    targetGroups: values.targetGroups,
    categories: values.categories,
    languages: values.languages,
    locationIds: values.locationIds,
    phones: values.phones.map((phone) => ({ number: phone.number.trim(), description: phone.description.trim() })),
    contacts: values.contacts.map((contact) => ({
      name: contact.name.trim(),
      title: contact.title.trim(),
      email: contact.email.trim(),
      phone: contact.phone.trim(),
    })),
    hours: hoursOf(values),
    hoursNote: values.hoursNote.trim(),
  };
}

/** The same data without the row keys: whether the form differs from what was saved. */
export function sameInput(a: ServiceValues, b: ServiceValues): boolean {
  return JSON.stringify(inputOf(a)) === JSON.stringify(inputOf(b));
}

/** Messages the contract gives in Norwegian, and ours for them in the language of the page. */
const CONTRACT_MESSAGES: Record<string, MessageKey> = {
  'Skriv en nettadresse som begynner med https://': 'directory.error.url',
  'Skriv en gyldig e-postadresse': 'field.invalidEmail',
  'Et telefonnummer kan bare ha sifre, mellomrom, + og bindestrek': 'directory.error.phone',
  'Nedre aldersgrense kan ikke være høyere enn øvre': 'directory.error.ageOrder',
  'Skriv klokkeslett som TT:MM': 'directory.error.time',
  'Postnummer har fire sifre': 'directory.error.postalCode',
  'Oppgi både breddegrad og lengdegrad, eller ingen av dem': 'directory.error.coordinates',
  'Navnet må ha minst 2 tegn': 'directory.error.nameShort',
  'Stedet må ha et navn': 'field.required',
};

/**
 * Checks a value with the contract's zod schema, as the server will: the app's own wording
 * (validateWith), and for the contract's own rules (a web address, a phone number) its words.
 */
export function checkWith(schema: Schema, value: unknown, t: Translate): FieldErrors {
  const errors = validateWith(schema, value, t);
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = CONTRACT_MESSAGES[issue.message];
      const path = issue.path.map(String).join('.');
      if (key && path && errors[path] !== undefined) errors[path] = t(key);
    }
  }
  return errors;
}

/** What the form can tell before sending: the contract, the hours' rules and the server's own checks. */
export function checkService(values: ServiceValues, t: Translate): FieldErrors {
  const input = inputOf(values);
  const errors = checkWith(ServiceInput, input, t);
  for (const key of ['minimumAge', 'maximumAge'] as const) {
    if (Number.isNaN(input[key])) errors[key] = t('directory.error.age');
  }
  if (!values.organizationId) errors.organizationId = t('directory.error.organizationRequired');
  if (input.targetGroups.length === 0) errors.targetGroups ??= t('directory.error.targetGroupRequired');
  if (input.categories.length === 0) errors.categories ??= t('directory.error.categoryRequired');
  if (!input.cityWide && input.districtIds.length === 0) errors.districtIds ??= t('directory.error.areaRequired');
  // The hours' rules (overlaps, order of dates) in the same Norwegian words the server uses.
  for (const problem of validateOpeningHours(input.hours)) {
    const path = ['hours', ...problem.path].join('.');
    errors[path] ??= problem.message;
  }
  return errors;
}
