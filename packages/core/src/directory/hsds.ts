/**
 * Open Referral HSDS 3.0 for the service directory: how the published snapshot (PublicService)
 * is written as HSDS objects for the open-data API and the JSON export, and the vocabulary the
 * import reads back (hsds-import.ts). Pure: no I/O. The full mapping is in docs/hsds-mapping.md;
 * the decisions, in short:
 *
 * - Identifiers. Services, organisations and locations keep their Rusfag UUIDs. Nested objects
 *   that have no identity of their own in Rusfag (phones, schedules, attributes, languages, …)
 *   get name-based UUIDs (v5, SHA-1) derived from their owner and position, so the same data
 *   always gives the same ids. Taxonomy terms get ids from (taxonomy, code), the same in every
 *   Rusfag database.
 * - Status. Rusfag's 'temporarily_closed' is HSDS 3.0's 'temporarily closed' (the 3.0 schema has
 *   it); the status note goes in `alert`.
 * - Target groups and categories are attributes whose taxonomy_term belongs to the taxonomy
 *   'rusfag-malgruppe' or 'rusfag-kategori' (term code = Rusfag's code).
 * - Fields HSDS has no place for (English texts, referral needed, a confidential address, a
 *   location's district, example-data marks, wheelchair access as yes/no/unknown) are attributes
 *   of the extension taxonomy 'rusfag-felt' with the value in `value`: a consumer that does not
 *   know them can ignore them, and the import reads them back, so an export reproduces the
 *   directory when imported.
 * - Opening hours are schedules of the service: weekly rules as freq WEEKLY with byday
 *   (MO,TU,…; rules with the same times and season share one schedule), opens_at/closes_at as
 *   'HH:MM' Oslo wall-clock time (no UTC offset: Oslo's offset changes with daylight saving time,
 *   which HSDS's numeric `timezone` cannot say), '24:00' closing at midnight, a season as
 *   valid_from/valid_to. A dated exception is a schedule with valid_from/valid_to and no freq
 *   or byday: `description` is the reason, `notes` 'Stengt' (no opens_at/closes_at) or
 *   'Endret åpningstid' (with them). The free-text hours note is a schedule with only a
 *   description.
 * - Confidential locations are already stripped in the snapshot (public-service.ts); here they
 *   become a location with its name and the 'confidential' mark only.
 * - Service areas: one per district (its name, e.g. 'Bydel Sagene'); city-wide is one area 'Oslo'.
 * - Cost: free of charge → one cost_option 'Gratis' (amount 0 NOK); not free → 'Egenbetaling'
 *   (NOK, no amount); unknown → none. The fee text is fees_description.
 * - last_modified is when the service was published; assured_date is when it was last verified.
 */
import { z } from 'zod';
import type { PublicLocation, PublicService } from './contract.js';
import { COMMON_LANGUAGES, type OpeningHours, type Taxonomy, type WeeklyHours } from './model.js';

export const HSDS_VERSION = '3.0';

// ————————————————————————————————————————————— name-based UUIDs (RFC 4122 version 5)

/** The namespace of every derived id in Rusfag's HSDS output. Never change it: ids would change. */
export const RUSFAG_HSDS_NAMESPACE = 'cf4aa07c-0e25-4f37-9eca-880d1dbd6a32';

function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(bytes);
}

/** SHA-1 (FIPS 180-4). Used only to derive stable identifiers, never for security. */
export function sha1(message: Uint8Array): Uint8Array {
  const length = ((message.length + 9 + 63) >> 6) << 6;
  const buffer = new Uint8Array(length);
  buffer.set(message);
  buffer[message.length] = 0x80;
  const view = new DataView(buffer.buffer);
  const bits = message.length * 8;
  view.setUint32(length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(length - 4, bits >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let offset = 0; offset < length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const next = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = ((b << 30) | (b >>> 2)) >>> 0;
      b = a;
      a = next;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((value, i) => outView.setUint32(i * 4, value));
  return out;
}

/** A version 5 UUID: the same name in the same namespace always gives the same id. */
export function uuidV5(name: string, namespace: string = RUSFAG_HSDS_NAMESPACE): string {
  const ns = namespace.replace(/-/g, '');
  const nameBytes = utf8(name);
  const input = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) input[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  input.set(nameBytes, 16);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ————————————————————————————————————————————— taxonomies

export type HsdsTaxonomyKey = 'rusfag-malgruppe' | 'rusfag-kategori' | 'rusfag-felt';

export const HSDS_TAXONOMIES: readonly { key: HsdsTaxonomyKey; taxonomy: Taxonomy | 'extension'; description: string }[] = [
  { key: 'rusfag-malgruppe', taxonomy: 'target_group', description: 'Målgrupper i Oslo kommunes tjenesteoversikt for rusfeltet (Rusfag)' },
  { key: 'rusfag-kategori', taxonomy: 'category', description: 'Kategorier av tjenester i Oslo kommunes tjenesteoversikt for rusfeltet (Rusfag)' },
  {
    key: 'rusfag-felt',
    taxonomy: 'extension',
    description: 'Opplysninger i Rusfag som HSDS 3.0 ikke har egne felt for; verdien står i attributtets value',
  },
];

export const taxonomyKeyOf = (taxonomy: Taxonomy): HsdsTaxonomyKey => (taxonomy === 'target_group' ? 'rusfag-malgruppe' : 'rusfag-kategori');
export const taxonomyId = (key: HsdsTaxonomyKey): string => uuidV5(`taxonomy:${key}`);
export const taxonomyTermId = (key: HsdsTaxonomyKey, code: string): string => uuidV5(`taxonomy_term:${key}:${code}`);

/**
 * The extension fields ('rusfag-felt'): code → what it says. Values are text; yes/no values are
 * 'true' or 'false'.
 */
export const HSDS_EXTENSION_TERMS = {
  name_en: 'Navnet på engelsk',
  description_en: 'Beskrivelsen på engelsk',
  eligibility_description_en: 'Hvem tjenesten er for, på engelsk',
  application_process_en: 'Hvordan man får tjenesten, på engelsk',
  referral_required: 'Krever henvisning (true/false)',
  hours_example: 'Åpningstidene er eksempeldata, ikke bekreftet av tjenesten (true)',
  confidential: 'Skjermet adresse: stedet har en adresse som ikke vises offentlig (true)',
  wheelchair_accessible: 'Tilgjengelig med rullestol (true/false)',
  example_data: 'Adressen er eksempeldata, ikke en ekte adresse (true)',
  district: 'Bydelen stedet ligger i',
} as const;
export type HsdsExtensionCode = keyof typeof HSDS_EXTENSION_TERMS;

// ————————————————————————————————————————————— HSDS object shapes (what Rusfag writes)
// (type aliases, not interfaces, so they fit the routes' open response schemas)

export type HsdsTaxonomy = {
  id: string;
  name: string;
  description: string;
  version?: string;
};

export type HsdsTaxonomyTerm = {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  language?: string;
  taxonomy_detail?: HsdsTaxonomy;
};

export type HsdsAttribute = {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: string;
  taxonomy_term_id: string;
  taxonomy_term: HsdsTaxonomyTerm;
  value?: string;
};

export type HsdsSchedule = {
  id: string;
  service_id: string;
  freq?: 'WEEKLY';
  wkst?: 'MO';
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  valid_from?: string;
  valid_to?: string;
  description?: string;
  notes?: string;
};

export type HsdsAddress = {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
};

export type HsdsLocation = {
  id: string;
  location_type: 'physical';
  organization_id: string;
  name: string;
  description?: string;
  transportation?: string;
  latitude?: number;
  longitude?: number;
  addresses?: HsdsAddress[];
  accessibility?: { id: string; location_id: string; description?: string; details?: string }[];
  attributes?: HsdsAttribute[];
};

export type HsdsOrganization = {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  locations?: HsdsLocation[];
  services?: HsdsService[];
};

export type HsdsStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

export type HsdsService = {
  id: string;
  organization_id: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  email?: string;
  status: HsdsStatus;
  alert?: string;
  application_process?: string;
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified: string;
  organization: HsdsOrganization;
  phones?: { id: string; service_id: string; number: string; description?: string }[];
  schedules?: HsdsSchedule[];
  service_areas?: { id: string; service_id: string; name: string; description?: string }[];
  service_at_locations?: { id: string; service_id: string; location_id: string; location: HsdsLocation }[];
  languages?: { id: string; service_id: string; name: string; code: string }[];
  cost_options?: { id: string; service_id: string; option: string; currency: string; amount?: number }[];
  contacts?: { id: string; service_id: string; name?: string; title?: string; email?: string; phones?: { id: string; contact_id: string; number: string }[] }[];
  attributes?: HsdsAttribute[];
};

/** A page of results as HSDS 3.0's API describes it (openapi.json: components.schemas.Page). */
export type HsdsPage<T> = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
};

export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

// ————————————————————————————————————————————— Rusfag → HSDS

/** Optional text: HSDS leaves out what is not known rather than sending ''. */
const opt = <K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> =>
  value ? ({ [key]: value } as Record<K, string>) : {};

const TAXONOMY_NAMES: Record<Taxonomy, string> = { target_group: 'Målgruppe', category: 'Kategori' };

export function hsdsTaxonomy(key: HsdsTaxonomyKey): HsdsTaxonomy {
  const taxonomy = HSDS_TAXONOMIES.find((t) => t.key === key)!;
  return { id: taxonomyId(key), name: key, description: taxonomy.description, version: '1' };
}

/** A target group or category as an HSDS taxonomy term. */
export function hsdsTerm(term: { taxonomy: Taxonomy; code: string; name: string; nameEn: string }, withDetail = true): HsdsTaxonomyTerm {
  const key = taxonomyKeyOf(term.taxonomy);
  return {
    id: taxonomyTermId(key, term.code),
    code: term.code,
    name: term.name,
    description: `${TAXONOMY_NAMES[term.taxonomy]} «${term.name}»${term.nameEn ? ` (engelsk: ${term.nameEn})` : ''}`,
    taxonomy: key,
    taxonomy_id: taxonomyId(key),
    language: 'nb',
    ...(withDetail ? { taxonomy_detail: hsdsTaxonomy(key) } : {}),
  };
}

export function hsdsExtensionTerm(code: HsdsExtensionCode, withDetail = true): HsdsTaxonomyTerm {
  return {
    id: taxonomyTermId('rusfag-felt', code),
    code,
    name: code,
    description: HSDS_EXTENSION_TERMS[code],
    taxonomy: 'rusfag-felt',
    taxonomy_id: taxonomyId('rusfag-felt'),
    language: 'nb',
    ...(withDetail ? { taxonomy_detail: hsdsTaxonomy('rusfag-felt') } : {}),
  };
}

function extensionAttribute(entity: 'service' | 'location', linkId: string, code: HsdsExtensionCode, value: string): HsdsAttribute {
  const term = hsdsExtensionTerm(code);
  return {
    id: uuidV5(`attribute:${entity}:${linkId}:rusfag-felt:${code}`),
    link_id: linkId,
    link_type: 'rusfag-felt',
    link_entity: entity,
    taxonomy_term_id: term.id,
    taxonomy_term: term,
    value,
  };
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const bydayOf = (weekday: number): string => WEEKDAY_CODES[weekday - 1] ?? '';

/**
 * Opening hours (and the free-text note) as HSDS schedules of a service. Weekly rules with the
 * same times and season are one schedule (byday 'MO,TU,WE'); exceptions are dated schedules
 * without freq; the note is a schedule with only a description.
 */
export function hsdsSchedules(serviceId: string, hours: OpeningHours, hoursNote: string): HsdsSchedule[] {
  const schedules: HsdsSchedule[] = [];
  const id = () => uuidV5(`schedule:${serviceId}:${schedules.length}`);
  const groups = new Map<string, WeeklyHours[]>();
  for (const rule of hours.weekly) {
    const key = [rule.opensAt, rule.closesAt, rule.validFrom ?? '', rule.validTo ?? ''].join('|');
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  for (const rules of groups.values()) {
    const first = rules[0]!;
    const days = [...new Set(rules.map((r) => r.weekday))].sort((a, b) => a - b);
    schedules.push({
      id: id(),
      service_id: serviceId,
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: days.map(bydayOf).join(','),
      opens_at: first.opensAt,
      closes_at: first.closesAt,
      ...opt('valid_from', first.validFrom),
      ...opt('valid_to', first.validTo),
    });
  }
  for (const ex of hours.exceptions) {
    const open = !ex.closed && ex.opensAt && ex.closesAt;
    schedules.push({
      id: id(),
      service_id: serviceId,
      valid_from: ex.from,
      valid_to: ex.to,
      ...(open ? { opens_at: ex.opensAt!, closes_at: ex.closesAt! } : {}),
      ...opt('description', ex.reason),
      notes: open ? 'Endret åpningstid' : 'Stengt',
    });
  }
  if (hoursNote.trim()) schedules.push({ id: id(), service_id: serviceId, description: hoursNote });
  return schedules;
}

/** A published location. A confidential one arrives without address (public-service.ts) and leaves with its name only. */
export function hsdsLocation(location: PublicLocation, organizationId: string): HsdsLocation {
  const attributes: HsdsAttribute[] = [];
  const ext = (code: HsdsExtensionCode, value: string) => attributes.push(extensionAttribute('location', location.id, code, value));
  if (location.confidential) ext('confidential', 'true');
  if (location.wheelchairAccessible !== null) ext('wheelchair_accessible', String(location.wheelchairAccessible));
  if (location.example) ext('example_data', 'true');
  if (location.district) ext('district', location.district.name);
  const accessibility =
    location.accessibilityNote || location.wheelchairAccessible !== null
      ? [
          {
            id: uuidV5(`accessibility:${location.id}`),
            location_id: location.id,
            ...opt('description', location.accessibilityNote),
            ...(location.wheelchairAccessible === null
              ? {}
              : { details: location.wheelchairAccessible ? 'Tilgjengelig med rullestol' : 'Ikke tilgjengelig med rullestol' }),
          },
        ]
      : [];
  const hasAddress = !location.confidential && Boolean(location.address || location.postalCode || location.city);
  return {
    id: location.id,
    location_type: 'physical',
    organization_id: organizationId,
    name: location.name,
    ...(location.confidential
      ? {}
      : {
          ...opt('description', location.description),
          ...opt('transportation', location.transportation),
          ...(location.latitude !== null && location.longitude !== null ? { latitude: location.latitude, longitude: location.longitude } : {}),
        }),
    ...(hasAddress
      ? {
          addresses: [
            {
              id: uuidV5(`address:${location.id}`),
              location_id: location.id,
              address_1: location.address ?? '',
              city: location.city ?? '',
              ...opt('region', location.district?.name),
              state_province: 'Oslo',
              postal_code: location.postalCode ?? '',
              country: 'NO',
              address_type: 'physical' as const,
            },
          ],
        }
      : {}),
    ...(accessibility.length ? { accessibility } : {}),
    ...(attributes.length ? { attributes } : {}),
  };
}

export function hsdsOrganization(organization: PublicService['organization']): HsdsOrganization {
  return {
    id: organization.id,
    name: organization.name,
    description: organization.description,
    ...opt('email', organization.email),
    ...opt('website', organization.website),
  };
}

export const hsdsStatus = (status: PublicService['status']): HsdsStatus => (status === 'temporarily_closed' ? 'temporarily closed' : status);

const languageName = (code: string): string => COMMON_LANGUAGES.find((l) => l.code === code)?.name ?? code;

/**
 * A published service as HSDS. `full` false gives the list form of the API (the one-to-one
 * fields and the organisation); true adds every nested part.
 */
export function hsdsService(doc: PublicService, full = true): HsdsService {
  const base: HsdsService = {
    id: doc.id,
    organization_id: doc.organization.id,
    name: doc.name,
    ...opt('alternate_name', doc.alternateName),
    ...opt('description', doc.description),
    ...opt('url', doc.url),
    ...opt('email', doc.email),
    status: hsdsStatus(doc.status),
    ...opt('alert', doc.statusNote),
    ...opt('application_process', doc.howToGetIn),
    ...opt('fees_description', doc.feesDescription),
    ...opt('eligibility_description', doc.eligibility),
    ...(doc.minimumAge !== null ? { minimum_age: doc.minimumAge } : {}),
    ...(doc.maximumAge !== null ? { maximum_age: doc.maximumAge } : {}),
    ...opt('assured_date', doc.lastVerifiedOn),
    last_modified: doc.publishedAt,
    organization: hsdsOrganization(doc.organization),
  };
  if (!full) return base;
  const sid = doc.id;
  const attributes: HsdsAttribute[] = [
    ...doc.targetGroups.map((t) => ({ ...t, taxonomy: 'target_group' as const })),
    ...doc.categories.map((t) => ({ ...t, taxonomy: 'category' as const })),
  ].map((t) => {
    const term = hsdsTerm(t);
    return {
      id: uuidV5(`attribute:service:${sid}:${term.taxonomy}:${t.code}`),
      link_id: sid,
      link_type: t.taxonomy === 'target_group' ? 'malgruppe' : 'kategori',
      link_entity: 'service',
      taxonomy_term_id: term.id,
      taxonomy_term: term,
    };
  });
  const ext = (code: HsdsExtensionCode, value: string) => {
    if (value) attributes.push(extensionAttribute('service', sid, code, value));
  };
  ext('name_en', doc.nameEn);
  ext('description_en', doc.descriptionEn);
  ext('eligibility_description_en', doc.eligibilityEn);
  ext('application_process_en', doc.howToGetInEn);
  if (doc.referralRequired !== null) ext('referral_required', String(doc.referralRequired));
  if (doc.hoursExample) ext('hours_example', 'true');

  const areas = [
    ...(doc.cityWide ? [{ name: 'Oslo', description: 'Hele Oslo kommune' }] : []),
    ...doc.districts.map((d) => ({ name: d.name })),
  ];
  return {
    ...base,
    phones: doc.phones.map((phone, i) => ({ id: uuidV5(`phone:${sid}:${i}`), service_id: sid, number: phone.number, ...opt('description', phone.description) })),
    schedules: hsdsSchedules(sid, doc.hours, doc.hoursNote),
    service_areas: areas.map((area, i) => ({ id: uuidV5(`service_area:${sid}:${i}`), service_id: sid, ...area })),
    service_at_locations: doc.locations.map((location) => ({
      id: uuidV5(`service_at_location:${sid}:${location.id}`),
      service_id: sid,
      location_id: location.id,
      location: hsdsLocation(location, doc.organization.id),
    })),
    languages: doc.languages.map((code) => ({ id: uuidV5(`language:${sid}:${code}`), service_id: sid, name: languageName(code), code })),
    cost_options:
      doc.freeOfCharge === null
        ? []
        : [
            doc.freeOfCharge
              ? { id: uuidV5(`cost_option:${sid}`), service_id: sid, option: 'Gratis', currency: 'NOK', amount: 0 }
              : { id: uuidV5(`cost_option:${sid}`), service_id: sid, option: 'Egenbetaling', currency: 'NOK' },
          ],
    contacts: doc.contacts.map((contact, i) => {
      const id = uuidV5(`contact:${sid}:${i}`);
      return {
        id,
        service_id: sid,
        ...opt('name', contact.name),
        ...opt('title', contact.title),
        ...opt('email', contact.email),
        ...(contact.phone ? { phones: [{ id: uuidV5(`contact_phone:${id}`), contact_id: id, number: contact.phone }] } : {}),
      };
    }),
    attributes,
  };
}

/** The locations of a set of published services, once each (for an organisation's `locations`). */
export function hsdsLocationsOf(docs: readonly PublicService[]): HsdsLocation[] {
  const seen = new Map<string, HsdsLocation>();
  for (const doc of docs) for (const location of doc.locations) if (!seen.has(location.id)) seen.set(location.id, hsdsLocation(location, doc.organization.id));
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));
}

/** Every taxonomy term Rusfag uses: the target groups and categories given, then the extension fields. */
export function hsdsTaxonomyTerms(terms: readonly { taxonomy: Taxonomy; code: string; name: string; nameEn: string }[], withDetail = false): HsdsTaxonomyTerm[] {
  return [
    ...terms.map((t) => hsdsTerm(t, withDetail)),
    ...(Object.keys(HSDS_EXTENSION_TERMS) as HsdsExtensionCode[]).map((code) => hsdsExtensionTerm(code, withDetail)),
  ];
}

/** The full export: every published service expanded, their organisations (with locations) and the taxonomy. */
export type HsdsExport = {
  hsds_version: string;
  publisher: string;
  generated_at: string;
  organizations: HsdsOrganization[];
  services: HsdsService[];
  taxonomies: HsdsTaxonomy[];
  taxonomy_terms: HsdsTaxonomyTerm[];
};

export function hsdsExport(
  docs: readonly PublicService[],
  terms: readonly { taxonomy: Taxonomy; code: string; name: string; nameEn: string }[],
  generatedAt: Date,
): HsdsExport {
  const byOrganization = new Map<string, PublicService[]>();
  for (const doc of docs) byOrganization.set(doc.organization.id, [...(byOrganization.get(doc.organization.id) ?? []), doc]);
  const organizations = [...byOrganization.values()]
    .map((services) => ({ ...hsdsOrganization(services[0]!.organization), locations: hsdsLocationsOf(services) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));
  return {
    hsds_version: HSDS_VERSION,
    publisher: 'Oslo kommune – tjenesteoversikten i Rusfag',
    generated_at: generatedAt.toISOString(),
    organizations,
    services: docs.map((doc) => hsdsService(doc, true)),
    taxonomies: HSDS_TAXONOMIES.map((t) => hsdsTaxonomy(t.key)),
    taxonomy_terms: hsdsTaxonomyTerms(terms),
  };
}

// ————————————————————————————————————————————— response schemas (loose: HSDS objects are open)

const Loose = z.looseObject({ id: z.string() });
export const HsdsServiceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  organization: Loose.optional(),
});
export const HsdsMinimalServiceSchema = z.object({ id: z.string(), last_modified: z.string() });
export const HsdsOrganizationSchema = z.looseObject({ id: z.string(), name: z.string(), description: z.string() });
export const HsdsTaxonomySchema = z.looseObject({ id: z.string(), name: z.string(), description: z.string() });
export const HsdsTaxonomyTermSchema = z.looseObject({ id: z.string(), name: z.string(), description: z.string(), code: z.string() });

export const hsdsPageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });

export const HsdsApiRoot = z.object({ version: z.string(), profile: z.string().optional(), openapi_url: z.string() });

/** HSDS query booleans: ?full=true / ?full=1 / ?full (empty). */
const HsdsBool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === '');

const PageParams = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(50),
  search: z.string().trim().max(200).optional(),
  /** HSDS's `format`: only JSON is served. */
  format: z.literal('json').optional(),
};

export const HsdsServiceQuery = z.object({
  ...PageParams,
  taxonomy_term_id: z.string().max(100).optional(),
  taxonomy_id: z.string().max(100).optional(),
  organization_id: z.string().max(100).optional(),
  /** A date ('2026-11-01') or a date-time with offset; services published on or after it. */
  modified_after: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  minimal: HsdsBool,
  full: HsdsBool,
});
export type HsdsServiceQuery = z.infer<typeof HsdsServiceQuery>;

export const HsdsOrganizationQuery = z.object({ ...PageParams, full: HsdsBool, full_service: HsdsBool });
export type HsdsOrganizationQuery = z.infer<typeof HsdsOrganizationQuery>;
export const HsdsIdParams = z.object({ id: z.string().max(100) });
export const HsdsOrganizationOneQuery = z.object({ full_service: HsdsBool });

export const HsdsTaxonomyQuery = z.object(PageParams);
export const HsdsTaxonomyTermQuery = z.object({
  ...PageParams,
  taxonomy_id: z.string().max(100).optional(),
  top_only: HsdsBool,
  parent_id: z.string().max(100).optional(),
});
export type HsdsTaxonomyTermQuery = z.infer<typeof HsdsTaxonomyTermQuery>;
