/**
 * The service directory (tjenesteoversikten), aligned with Open Referral HSDS 3.0: organisations
 * offer services at locations, with opening hours, contact routes, languages, cost, eligibility,
 * service area and taxonomy terms. See docs/ordliste.md and ../shared/docs/domain.md §4.
 */

/** HSDS service.status. 'temporarily_closed' is ours (HSDS has only active/inactive/defunct); exported as inactive with a note. */
export const SERVICE_STATUSES = ['active', 'temporarily_closed', 'inactive', 'defunct'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Review workflow: a draft is not public; publishing copies the working copy into the public snapshot. */
export const PUBLICATION_STATES = ['draft', 'published'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export type Taxonomy = 'target_group' | 'category';

export interface TaxonomyTerm {
  taxonomy: Taxonomy;
  /** Stable code used in URLs (?malgruppe=parorende) and in the HSDS export (taxonomy_term.code). */
  code: string;
  name: string;
  nameEn: string;
}

/** Target groups named in issue 4 / domain.md §4; the order is the order shown in filters. */
export const TARGET_GROUPS: readonly TaxonomyTerm[] = [
  { taxonomy: 'target_group', code: 'ungdom', name: 'Ungdom', nameEn: 'Young people' },
  { taxonomy: 'target_group', code: 'unge-voksne', name: 'Unge voksne', nameEn: 'Young adults' },
  { taxonomy: 'target_group', code: 'voksne', name: 'Voksne', nameEn: 'Adults' },
  { taxonomy: 'target_group', code: 'eldre', name: 'Eldre', nameEn: 'Older people' },
  { taxonomy: 'target_group', code: 'parorende', name: 'Pårørende', nameEn: 'Next of kin' },
  { taxonomy: 'target_group', code: 'barn-som-parorende', name: 'Barn som pårørende', nameEn: 'Children as next of kin' },
  { taxonomy: 'target_group', code: 'gravide', name: 'Gravide', nameEn: 'Pregnant women' },
];

export const CATEGORIES: readonly TaxonomyTerm[] = [
  { taxonomy: 'category', code: 'lavterskel', name: 'Lavterskel', nameEn: 'Low threshold' },
  { taxonomy: 'category', code: 'bolig', name: 'Bolig', nameEn: 'Housing' },
  { taxonomy: 'category', code: 'arbeid-og-aktivitet', name: 'Arbeid og aktivitet', nameEn: 'Work and activity' },
  { taxonomy: 'category', code: 'behandling', name: 'Behandling', nameEn: 'Treatment' },
  { taxonomy: 'category', code: 'helse', name: 'Helse', nameEn: 'Health' },
  { taxonomy: 'category', code: 'radgivning', name: 'Rådgivning', nameEn: 'Counselling' },
  { taxonomy: 'category', code: 'selvhjelp-og-likepersoner', name: 'Selvhjelp og likepersoner', nameEn: 'Self-help and peer support' },
  { taxonomy: 'category', code: 'akutt', name: 'Akutt', nameEn: 'Emergency' },
];

export const TAXONOMY_TERMS: readonly TaxonomyTerm[] = [...TARGET_GROUPS, ...CATEGORIES];

/**
 * Languages a service can be used in (ISO 639-1, as HSDS language.code). The list is what the
 * filter offers; the data may hold any valid two-letter code.
 */
export const COMMON_LANGUAGES: readonly { code: string; name: string; nameEn: string }[] = [
  { code: 'nb', name: 'Norsk', nameEn: 'Norwegian' },
  { code: 'en', name: 'Engelsk', nameEn: 'English' },
  { code: 'ar', name: 'Arabisk', nameEn: 'Arabic' },
  { code: 'so', name: 'Somali', nameEn: 'Somali' },
  { code: 'ur', name: 'Urdu', nameEn: 'Urdu' },
  { code: 'pl', name: 'Polsk', nameEn: 'Polish' },
  { code: 'ti', name: 'Tigrinja', nameEn: 'Tigrinya' },
  { code: 'fa', name: 'Persisk', nameEn: 'Persian' },
  { code: 'ru', name: 'Russisk', nameEn: 'Russian' },
  { code: 'uk', name: 'Ukrainsk', nameEn: 'Ukrainian' },
  { code: 'se', name: 'Nordsamisk', nameEn: 'Northern Sami' },
];

/** A service counts as unverified publicly after 12 months; owners are reminded after 6. */
export const VERIFY_REMIND_MONTHS = 6;
export const VERIFY_STALE_MONTHS = 12;

/**
 * Opening hours as weekly rules plus dated exceptions (holidays, summer closing). Times are local
 * Europe/Oslo wall-clock 'HH:MM'; '24:00' closes at midnight; a closing time at or before the
 * opening time runs past midnight into the next day. See opening-hours.ts for the rules.
 */
export interface WeeklyHours {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  opensAt: string;
  closesAt: string;
  /** Optional season ('YYYY-MM-DD', inclusive): e.g. summer hours. */
  validFrom?: string | null;
  validTo?: string | null;
}

export interface HoursException {
  /** First and last date covered, inclusive ('YYYY-MM-DD'). */
  from: string;
  to: string;
  /** Closed the whole day(s); otherwise open only opensAt–closesAt on those days. */
  closed: boolean;
  opensAt?: string | null;
  closesAt?: string | null;
  /** Why: "Julaften", "Sommerstengt". */
  reason: string;
}

export interface OpeningHours {
  weekly: WeeklyHours[];
  exceptions: HoursException[];
}
