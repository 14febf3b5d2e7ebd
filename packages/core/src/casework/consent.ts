/**
 * Consent (samtykke; Tiltak 1, domain.md §6, issue 5 item 2): what may be shared (categories),
 * with whom (units, partners, next of kin), from and until when, and withdrawal, which takes
 * effect at once. consentCovers decides whether one act of sharing is covered.
 *
 * Decisions (also in the report to the team):
 * - Tiltak 1: "Samtykket må spesifikt angi hvilke opplysninger som kan deles, hvem de kan deles med
 *   og for hvor lenge samtykket gjelder." So a consent names its categories and recipients (no
 *   "everything" wildcard) and has an end date; validFrom and validUntil are Oslo dates, both
 *   days included.
 * - A recipient is matched exactly (kind and id). A consent to share with a unit does not cover
 *   its sub-units: the caller expands the organisation tree if that is wanted.
 * - `at` and `withdrawnAt` may be dates or instants. Two instants compare as instants (shared at
 *   10:15, withdrawn at 10:20: covered). When either is a date, dates compare, and a withdrawal on
 *   the same day counts as before: the safe side, since "withdrawal takes effect at once". A
 *   withdrawal that cannot be read counts as a withdrawal.
 * - A consent with unreadable dates, or an end before its start, never covers anything.
 * - "Expires soon" is 30 days or less before validUntil (CONSENT_EXPIRY_WARNING_DAYS).
 * - The category list is a default drawn from Appendix 3's sections and the casework records;
 *   a municipality can pass its own to validateConsent. consentCovers compares codes only.
 */
import { daysFromTo, formatNb, isDate, isRecord, listOf, osloDateOf } from './dates.js';
import type { CaseworkProblem, CaseworkText } from './model.js';

export const CONSENT_RECIPIENT_KINDS = ['unit', 'partner', 'next_of_kin'] as const;
export type ConsentRecipientKind = (typeof CONSENT_RECIPIENT_KINDS)[number];

export const CONSENT_RECIPIENT_KIND_LABELS: Record<ConsentRecipientKind, CaseworkText> = {
  unit: { nb: 'Enhet i kommunen', en: 'Municipal unit' },
  partner: { nb: 'Samarbeidspartner', en: 'Partner' },
  next_of_kin: { nb: 'Pårørende', en: 'Next of kin' },
};

export interface ConsentRecipient {
  kind: ConsentRecipientKind;
  /** A unit id, a partner's id, or a next of kin's id. */
  id: string;
}

export interface ConsentCategory {
  code: string;
  label: CaseworkText;
}

/** The default categories: Appendix 3's sections and the records of the casework module. */
export const CONSENT_CATEGORIES: readonly ConsentCategory[] = [
  { code: 'contact_details', label: { nb: 'Kontaktopplysninger', en: 'Contact details' } },
  { code: 'family_network', label: { nb: 'Familie og nettverk', en: 'Family and network' } },
  { code: 'housing', label: { nb: 'Bolig', en: 'Housing' } },
  { code: 'health', label: { nb: 'Psykisk og fysisk helse', en: 'Mental and physical health' } },
  { code: 'substance_use', label: { nb: 'Rusbruk', en: 'Substance use' } },
  { code: 'economy', label: { nb: 'Økonomi', en: 'Economy' } },
  { code: 'work_activity', label: { nb: 'Utdanning, arbeid og aktivitet', en: 'Education, work and activity' } },
  { code: 'services', label: { nb: 'Tjenester og samarbeidspartnere', en: 'Services and partners' } },
  { code: 'assessment', label: { nb: 'Kartlegging og vurdering', en: 'Assessment' } },
  { code: 'individual_plan', label: { nb: 'Individuell plan', en: 'Individual plan' } },
  { code: 'crisis_plan', label: { nb: 'Kriseplan', en: 'Crisis plan' } },
];

export const CONSENT_FORMS = ['written', 'oral'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

export interface Consent {
  id: string;
  categories: readonly string[];
  recipients: readonly ConsentRecipient[];
  /** 'YYYY-MM-DD', included. */
  validFrom: string;
  /** 'YYYY-MM-DD', included. */
  validUntil: string;
  /** A date or an instant; null while in force. */
  withdrawnAt: string | null;
}

export const CONSENT_EXPIRY_WARNING_DAYS = 30;
export const MAX_CONSENT_CATEGORIES = 50;
export const MAX_CONSENT_RECIPIENTS = 50;

export type ConsentState = 'valid' | 'not_yet_valid' | 'expired' | 'withdrawn' | 'invalid';

/** A moment as a date (Oslo) and, when it was given as an instant, the instant too. */
interface Moment {
  date: string;
  instant: number | null;
}

function readMoment(value: unknown): Moment | null {
  if (isDate(value)) return { date: value, instant: null };
  const date = osloDateOf(value);
  return date === null ? null : { date, instant: Date.parse(value as string) };
}

/** Withdrawn at or before `at`: instants compare as instants, otherwise by date, the same day counting as withdrawn. */
function withdrawnBy(withdrawnAt: unknown, at: Moment): boolean {
  if (withdrawnAt === null || withdrawnAt === undefined) return false;
  const w = readMoment(withdrawnAt);
  if (w === null) return true;
  if (w.instant !== null && at.instant !== null) return w.instant <= at.instant;
  return w.date <= at.date;
}

/** Where a consent stands at a date or instant. Never throws. */
export function consentState(consent: Consent, at: string): ConsentState {
  const moment = readMoment(at);
  if (!isRecord(consent) || moment === null) return 'invalid';
  const { validFrom, validUntil } = consent;
  if (!isDate(validFrom) || !isDate(validUntil) || validUntil < validFrom) return 'invalid';
  if (withdrawnBy(consent.withdrawnAt, moment)) return 'withdrawn';
  if (moment.date < validFrom) return 'not_yet_valid';
  if (moment.date > validUntil) return 'expired';
  return 'valid';
}

/** Valid today and ending within `days` days (30 by default). */
export function consentExpiresSoon(consent: Consent, today: string, days: number = CONSENT_EXPIRY_WARNING_DAYS): boolean {
  if (consentState(consent, today) !== 'valid') return false;
  const left = daysFromTo(today, consent.validUntil);
  return left !== null && left <= days;
}

export interface ConsentRequest {
  category: string;
  recipient: ConsentRecipient;
  /** When the sharing happens: a date or an instant. */
  at: string;
}

export type ConsentRefusal = 'invalid_request' | 'no_consent' | 'category_not_covered' | 'recipient_not_covered' | 'withdrawn' | 'expired' | 'not_yet_valid';

export type ConsentDecision =
  | { covered: true; consentId: string; validUntil: string; message: string }
  | { covered: false; code: ConsentRefusal; message: string };

const includesCategory = (c: Consent, category: string): boolean => listOf(c.categories).includes(category);
const includesRecipient = (c: Consent, r: ConsentRecipient): boolean =>
  listOf(c.recipients).some((x) => isRecord(x) && x['kind'] === r.kind && x['id'] === r.id);

/**
 * Whether a valid consent that has not been withdrawn covers sharing `category` with `recipient`
 * at `at`, and if not, why — in Norwegian, for the person who tried. Never throws.
 */
export function consentCovers(consents: readonly Consent[], request: ConsentRequest): ConsentDecision {
  const moment = isRecord(request) ? readMoment(request.at) : null;
  const recipient = isRecord(request) ? request.recipient : null;
  const category = isRecord(request) ? request.category : null;
  if (
    moment === null ||
    typeof category !== 'string' ||
    category === '' ||
    !isRecord(recipient) ||
    !(CONSENT_RECIPIENT_KINDS as readonly unknown[]).includes(recipient.kind) ||
    typeof recipient.id !== 'string' ||
    recipient.id === ''
  ) {
    return { covered: false, code: 'invalid_request', message: 'Det mangler kategori, mottaker eller tidspunkt for delingen.' };
  }
  const at = request.at; // readable: moment is not null
  const all = listOf(consents).filter((c): c is Consent => isRecord(c));
  const matching = all.filter((c) => includesCategory(c, category) && includesRecipient(c, recipient));
  const valid = matching
    .filter((c) => consentState(c, at) === 'valid')
    .sort((a, b) => (a.validUntil < b.validUntil ? 1 : a.validUntil > b.validUntil ? -1 : 0));
  const best = valid[0];
  if (best) {
    return { covered: true, consentId: String(best.id), validUntil: best.validUntil, message: `Samtykke gjelder til og med ${formatNb(best.validUntil)}.` };
  }

  // Not covered: say what comes closest, so the caseworker knows what to do.
  const states = matching.map((c) => ({ c, state: consentState(c, at) }));
  const withdrawn = states.find((s) => s.state === 'withdrawn');
  if (withdrawn) {
    const w = readMoment(withdrawn.c.withdrawnAt);
    return {
      covered: false,
      code: 'withdrawn',
      message: `Samtykket er trukket tilbake${w ? ` (${formatNb(w.date)})` : ''}. Opplysningene kan ikke deles.`,
    };
  }
  const expired = states.filter((s) => s.state === 'expired').sort((a, b) => (a.c.validUntil < b.c.validUntil ? 1 : -1))[0];
  if (expired) {
    return { covered: false, code: 'expired', message: `Samtykket gikk ut ${formatNb(expired.c.validUntil)}. Innhent nytt samtykke før opplysningene deles.` };
  }
  const later = states.filter((s) => s.state === 'not_yet_valid').sort((a, b) => (a.c.validFrom < b.c.validFrom ? -1 : 1))[0];
  if (later) {
    return { covered: false, code: 'not_yet_valid', message: `Samtykket gjelder først fra ${formatNb(later.c.validFrom)}.` };
  }
  const validNow = all.filter((c) => consentState(c, at) === 'valid');
  if (validNow.some((c) => includesRecipient(c, recipient))) {
    const label = CONSENT_CATEGORIES.find((x) => x.code === category)?.label.nb ?? category;
    return { covered: false, code: 'category_not_covered', message: `Samtykket til denne mottakeren omfatter ikke «${label}».` };
  }
  if (validNow.some((c) => includesCategory(c, category))) {
    return { covered: false, code: 'recipient_not_covered', message: 'Samtykket omfatter ikke denne mottakeren.' };
  }
  return { covered: false, code: 'no_consent', message: 'Det finnes ikke noe gyldig samtykke til å dele disse opplysningene med denne mottakeren.' };
}

export interface ConsentInput {
  categories: string[];
  recipients: ConsentRecipient[];
  validFrom: string;
  validUntil: string;
  givenAs: ConsentForm;
}

export type ConsentValidation = { ok: true; consent: ConsentInput } | { ok: false; problems: CaseworkProblem[] };

/**
 * Checks a consent as a caseworker records it: at least one known category and one recipient,
 * real dates with the end not before the start, and how it was given. Returns the clean record
 * (known fields only). Never throws.
 */
export function validateConsent(input: unknown, options: { categories?: readonly ConsentCategory[] } = {}): ConsentValidation {
  const problems: CaseworkProblem[] = [];
  const add = (path: (string | number)[], code: string, message: string): void => {
    problems.push({ path, code, message });
  };
  if (!isRecord(input)) return { ok: false, problems: [{ path: [], code: 'invalid_type', message: 'Samtykket mangler.' }] };
  const catalogue = options.categories ?? CONSENT_CATEGORIES;

  const categories: string[] = [];
  const cats = input['categories'];
  if (!Array.isArray(cats) || cats.length === 0) add(['categories'], 'required', 'Velg hvilke opplysninger som kan deles.');
  else if (cats.length > MAX_CONSENT_CATEGORIES) add(['categories'], 'too_many', `Velg høyst ${MAX_CONSENT_CATEGORIES} kategorier.`);
  else
    cats.forEach((c: unknown, i) => {
      if (typeof c !== 'string' || !catalogue.some((x) => x.code === c)) add(['categories', i], 'invalid_choice', 'Ukjent kategori. Velg fra listen.');
      else if (categories.includes(c)) add(['categories', i], 'duplicate', 'Kategorien er valgt to ganger.');
      else categories.push(c);
    });

  const recipients: ConsentRecipient[] = [];
  const recs = input['recipients'];
  if (!Array.isArray(recs) || recs.length === 0) add(['recipients'], 'required', 'Velg hvem opplysningene kan deles med.');
  else if (recs.length > MAX_CONSENT_RECIPIENTS) add(['recipients'], 'too_many', `Velg høyst ${MAX_CONSENT_RECIPIENTS} mottakere.`);
  else
    recs.forEach((r: unknown, i) => {
      const kind = isRecord(r) ? r['kind'] : undefined;
      const id = isRecord(r) ? r['id'] : undefined;
      if (!(CONSENT_RECIPIENT_KINDS as readonly unknown[]).includes(kind)) add(['recipients', i, 'kind'], 'invalid_choice', 'Velg enhet, samarbeidspartner eller pårørende.');
      else if (typeof id !== 'string' || id.trim() === '' || id.length > 200) add(['recipients', i, 'id'], 'required', 'Velg mottakeren.');
      else if (recipients.some((x) => x.kind === kind && x.id === id)) add(['recipients', i], 'duplicate', 'Mottakeren er valgt to ganger.');
      else recipients.push({ kind: kind as ConsentRecipientKind, id });
    });

  const { validFrom, validUntil, givenAs } = input;
  if (!isDate(validFrom)) add(['validFrom'], 'invalid_date', 'Skriv datoen samtykket gjelder fra (ÅÅÅÅ-MM-DD).');
  if (!isDate(validUntil)) add(['validUntil'], 'invalid_date', 'Skriv datoen samtykket gjelder til (ÅÅÅÅ-MM-DD). Et samtykke må si hvor lenge det gjelder.');
  else if (isDate(validFrom) && validUntil < validFrom) add(['validUntil'], 'end_before_start', 'Sluttdatoen kan ikke være før startdatoen.');
  if (!(CONSENT_FORMS as readonly unknown[]).includes(givenAs)) add(['givenAs'], 'invalid_choice', 'Velg om samtykket er gitt skriftlig eller muntlig.');

  if (problems.length > 0 || !isDate(validFrom) || !isDate(validUntil)) return { ok: false, problems };
  return { ok: true, consent: { categories, recipients, validFrom, validUntil, givenAs: givenAs as ConsentForm } };
}
