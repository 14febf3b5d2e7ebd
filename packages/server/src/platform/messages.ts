import type { Language } from '@rusfag/core';

/**
 * Every message the API sends to people, in bokmål and English. Codes are stable and part of the
 * contract; the texts may be improved at any time.
 */
const nb = {
  // generic
  bad_request: 'Forespørselen er ugyldig.',
  validation_failed: 'Noen av feltene er ikke fylt ut riktig.',
  invalid_json: 'Innholdet er ikke gyldig JSON.',
  unsupported_media_type: 'Innholdstypen støttes ikke. Send JSON (application/json).',
  payload_too_large: 'Innholdet er for stort.',
  not_found: 'Fant ikke det du lette etter.',
  route_not_found: 'Denne adressen finnes ikke i API-et.',
  method_not_allowed: 'Metoden er ikke tillatt her.',
  unauthenticated: 'Du må logge inn for å gjøre dette.',
  session_expired: 'Økten din er utløpt. Logg inn på nytt.',
  forbidden: 'Du har ikke tilgang til å gjøre dette.',
  csrf_invalid: 'Skjemaet er utløpt eller ugyldig. Last siden på nytt og prøv igjen.',
  rate_limited: 'For mange forespørsler. Vent litt og prøv igjen.',
  conflict: 'Endringen kolliderer med andre data.',
  internal_error: 'Noe gikk galt hos oss. Prøv igjen senere.',
  service_unavailable: 'Tjenesten er ikke klar ennå.',
  // login
  invalid_credentials: 'Feil brukernavn eller passord.',
  account_locked: 'For mange mislykkede forsøk. Prøv igjen om {minutes} minutter.',
  totp_invalid: 'Koden er feil eller utløpt. Bruk den nyeste koden fra autentiseringsappen.',
  totp_required: 'Du må bekrefte innloggingen med en kode fra autentiseringsappen.',
  totp_not_pending: 'Det er ingen innlogging som venter på kode.',
  totp_already_enrolled: 'Tofaktorautentisering er allerede satt opp.',
  totp_enrolment_required: 'Du må sette opp tofaktorautentisering før du kan fortsette.',
  // passwords and users
  password_too_short: 'Passordet må ha minst 12 tegn.',
  password_too_long: 'Passordet kan ha høyst 256 tegn.',
  password_too_common: 'Passordet er for vanlig. Velg en lengre setning eller noe mindre forutsigbart.',
  password_contains_username: 'Passordet kan ikke inneholde brukernavnet.',
  password_wrong_current: 'Det nåværende passordet er feil.',
  username_taken: 'Brukernavnet er allerede i bruk.',
  unit_not_found: 'Fant ikke enheten.',
  role_already_assigned: 'Brukeren har allerede denne rollen ved denne enheten.',
  cannot_change_self: 'Du kan ikke fjerne din egen administratortilgang eller deaktivere deg selv.',
  org_name_taken: 'Det finnes allerede en enhet med dette navnet på samme nivå.',
  org_code_taken: 'Koden er allerede i bruk av en annen enhet.',
  org_invalid_parent: 'Denne typen enhet kan ikke ligge under den valgte overordnede enheten.',
  org_parent_inactive: 'Den overordnede enheten er deaktivert.',
  // field-level
  field_required: 'Feltet må fylles ut.',
  field_invalid_type: 'Feltet har feil type (forventet {expected}).',
  field_too_short: 'Må ha minst {minimum} tegn.',
  field_too_long: 'Kan ha høyst {maximum} tegn.',
  field_too_small: 'Må være minst {minimum}.',
  field_too_big: 'Kan være høyst {maximum}.',
  field_too_few: 'Må ha minst {minimum} elementer.',
  field_too_many: 'Kan ha høyst {maximum} elementer.',
  field_invalid_format: 'Ugyldig format.',
  field_invalid_uuid: 'Ugyldig id.',
  field_invalid_email: 'Ugyldig e-postadresse.',
  field_invalid_date: 'Ugyldig dato (bruk ÅÅÅÅ-MM-DD).',
  field_invalid_value: 'Ugyldig verdi. Tillatt: {options}.',
  field_unrecognized_keys: 'Ukjente felt: {keys}.',
  field_invalid: 'Ugyldig verdi.',
  username_format: 'Brukernavnet kan bare ha små bokstaver a–z, tall, punktum, bindestrek og understrek.',
  totp_format: 'Koden består av 6 sifre.',
  code_format: 'Koden kan bare ha bokstaver, tall, punktum, bindestrek og understrek.',
  empty_update: 'Ingen endringer ble sendt.',
} as const;

export type MessageCode = keyof typeof nb;

const en: Record<MessageCode, string> = {
  bad_request: 'The request is invalid.',
  validation_failed: 'Some fields are not filled in correctly.',
  invalid_json: 'The body is not valid JSON.',
  unsupported_media_type: 'Unsupported content type. Send JSON (application/json).',
  payload_too_large: 'The body is too large.',
  not_found: 'Not found.',
  route_not_found: 'This address does not exist in the API.',
  method_not_allowed: 'Method not allowed here.',
  unauthenticated: 'You must log in to do this.',
  session_expired: 'Your session has expired. Please log in again.',
  forbidden: 'You do not have access to do this.',
  csrf_invalid: 'The form has expired or is invalid. Reload the page and try again.',
  rate_limited: 'Too many requests. Wait a little and try again.',
  conflict: 'The change conflicts with other data.',
  internal_error: 'Something went wrong on our side. Please try again later.',
  service_unavailable: 'The service is not ready yet.',
  invalid_credentials: 'Wrong username or password.',
  account_locked: 'Too many failed attempts. Try again in {minutes} minutes.',
  totp_invalid: 'The code is wrong or expired. Use the newest code from your authenticator app.',
  totp_required: 'Confirm the login with a code from your authenticator app.',
  totp_not_pending: 'No login is waiting for a code.',
  totp_already_enrolled: 'Two-factor authentication is already set up.',
  totp_enrolment_required: 'You must set up two-factor authentication before you continue.',
  password_too_short: 'The password must have at least 12 characters.',
  password_too_long: 'The password can have at most 256 characters.',
  password_too_common: 'The password is too common. Choose a longer sentence or something less predictable.',
  password_contains_username: 'The password cannot contain the username.',
  password_wrong_current: 'The current password is wrong.',
  username_taken: 'The username is already taken.',
  unit_not_found: 'Unit not found.',
  role_already_assigned: 'The user already has this role at this unit.',
  cannot_change_self: 'You cannot remove your own administrator access or deactivate yourself.',
  org_name_taken: 'A unit with this name already exists at the same level.',
  org_code_taken: 'The code is already used by another unit.',
  org_invalid_parent: 'This kind of unit cannot be placed under the chosen parent.',
  org_parent_inactive: 'The parent unit is deactivated.',
  field_required: 'This field is required.',
  field_invalid_type: 'Wrong type (expected {expected}).',
  field_too_short: 'Must have at least {minimum} characters.',
  field_too_long: 'Can have at most {maximum} characters.',
  field_too_small: 'Must be at least {minimum}.',
  field_too_big: 'Can be at most {maximum}.',
  field_too_few: 'Must have at least {minimum} items.',
  field_too_many: 'Can have at most {maximum} items.',
  field_invalid_format: 'Invalid format.',
  field_invalid_uuid: 'Invalid id.',
  field_invalid_email: 'Invalid e-mail address.',
  field_invalid_date: 'Invalid date (use YYYY-MM-DD).',
  field_invalid_value: 'Invalid value. Allowed: {options}.',
  field_unrecognized_keys: 'Unknown fields: {keys}.',
  field_invalid: 'Invalid value.',
  username_format: 'The username may only contain lowercase letters a–z, digits, dot, hyphen and underscore.',
  totp_format: 'The code has 6 digits.',
  code_format: 'The code may only contain letters, digits, dot, hyphen and underscore.',
  empty_update: 'No changes were sent.',
};

const catalogues: Record<Language, Record<MessageCode, string>> = { nb, en };

export function isMessageCode(value: string): value is MessageCode {
  return Object.hasOwn(nb, value);
}

export function translate(lang: Language, code: MessageCode, params: Record<string, string | number> = {}): string {
  return catalogues[lang][code].replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}

/** Picks the answer language from Accept-Language: English only when it is preferred over Norwegian. */
export function languageFrom(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'nb';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('nb') || tag.startsWith('no') || tag.startsWith('nn')) return 'nb';
  }
  return 'nb';
}
