import {
  DISTRICT_CENTRES,
  isStale,
  type Language,
  type PublicLocation,
  type PublicSearchHit,
  type PublicSearchQuery,
  type PublicSearchResult,
  type PublicService,
} from '@rusfag/core';
import { openStatus, osloLocal } from '@rusfag/core';
import type { DbOrTrx } from '../../platform/context.js';
import * as publicRepo from './public-repository.js';
import * as repo from './repository.js';

export const PAGE_SIZE = 20;

/** The district's own name ("Sagene"): pages say "Bydel Sagene" or "Sagene district" themselves. */
const districtName = (unitName: string) => unitName.replace(/^Bydel\s+/i, '');

/**
 * The public view of a location. Confidentiality is decided here, once, for every public output:
 * a confidential location keeps its name and accessibility, nothing that says where it is.
 */
export function publicLocation(location: repo.LocationRow): PublicLocation {
  const district = location.district_code && location.district_name ? { code: location.district_code, name: districtName(location.district_name) } : null;
  if (location.confidential) {
    return {
      id: location.id,
      name: location.name,
      confidential: true,
      address: null,
      postalCode: null,
      city: null,
      district: null,
      latitude: null,
      longitude: null,
      description: '',
      transportation: '',
      wheelchairAccessible: location.wheelchair_accessible,
      accessibilityNote: '',
      example: location.example,
    };
  }
  return {
    id: location.id,
    name: location.name,
    confidential: false,
    address: location.address || null,
    postalCode: location.postal_code || null,
    city: location.city || null,
    district,
    latitude: location.latitude,
    longitude: location.longitude,
    description: location.description,
    transportation: location.transportation,
    wheelchairAccessible: location.wheelchair_accessible,
    accessibilityNote: location.accessibility_note,
    example: location.example,
  };
}

/** The public document of a service's working copy (what publishing freezes). */
export function publicDocument(
  service: repo.ServiceRow,
  organization: repo.OrganizationRow,
  parts: repo.ServiceParts,
  publishedAt: Date,
): PublicService {
  const term = (t: repo.TermRow) => ({ code: t.code, name: t.name, nameEn: t.name_en });
  return {
    id: service.id,
    name: service.name,
    nameEn: service.name_en,
    alternateName: service.alternate_name,
    description: service.description,
    descriptionEn: service.description_en,
    status: service.status,
    statusNote: service.status_note,
    organization: {
      id: organization.id,
      name: organization.name,
      description: organization.description,
      website: organization.website,
      email: organization.email,
    },
    targetGroups: parts.terms.filter((t) => t.taxonomy === 'target_group').map(term),
    categories: parts.terms.filter((t) => t.taxonomy === 'category').map(term),
    cityWide: service.city_wide,
    districts: parts.districts.map((d) => ({ code: d.code, name: districtName(d.name) })),
    eligibility: service.eligibility,
    eligibilityEn: service.eligibility_en,
    minimumAge: service.minimum_age,
    maximumAge: service.maximum_age,
    referralRequired: service.referral_required,
    freeOfCharge: service.free_of_charge,
    feesDescription: service.fees_description,
    howToGetIn: service.how_to_get_in,
    howToGetInEn: service.how_to_get_in_en,
    languages: parts.languages,
    url: service.url,
    email: service.email,
    phones: parts.phones,
    contacts: parts.contacts,
    locations: parts.locations.map(publicLocation),
    hours: parts.hours,
    hoursNote: service.hours_note,
    hoursExample: service.hours_example,
    lastVerifiedOn: service.last_verified_on,
    // The public sees which unit vouches for the record, not the person.
    lastVerifiedBy: service.last_verified_on ? organization.steward_name : '',
    publishedAt: publishedAt.toISOString(),
  };
}

/** Publishes the working copy: one snapshot row (and its points, hours and words) replaces the old one. */
export async function writePublicSnapshot(db: DbOrTrx, serviceId: string, publishedAt: Date): Promise<PublicService> {
  const service = await repo.findService(db, serviceId);
  if (!service) throw new Error(`service ${serviceId} vanished while publishing`);
  const organization = await repo.findOrganization(db, service.organization_id);
  if (!organization) throw new Error(`organisation of ${serviceId} vanished while publishing`);
  const parts = await repo.loadServiceParts(db, serviceId);
  const document = publicDocument(service, organization, parts, publishedAt);
  const terms = (lang: Language) => [...document.targetGroups, ...document.categories].map((t) => (lang === 'nb' ? t.name : t.nameEn)).join(' ');
  const words = publicRepo.wordsOf(document);
  const oldWords = await publicRepo.writeSnapshot(
    db,
    {
      serviceId,
      document,
      textNb: {
        a: `${document.name} ${document.alternateName}`,
        b: `${document.organization.name} ${terms('nb')} ${document.districts.map((d) => d.name).join(' ')}`,
        c: `${document.description} ${document.eligibility} ${document.howToGetIn}`,
      },
      textEn: {
        a: `${document.nameEn || document.name} ${document.alternateName}`,
        b: `${document.organization.name} ${terms('en')}`,
        c: `${document.descriptionEn} ${document.eligibilityEn} ${document.howToGetInEn}`,
      },
      words,
      // Confidential locations have no coordinates in the document, so they cannot be found by distance.
      points: document.locations.flatMap((l) => (l.latitude !== null && l.longitude !== null ? [{ latitude: l.latitude, longitude: l.longitude }] : [])),
      wheelchair: document.locations.some((l) => l.wheelchairAccessible === true),
    },
    publishedAt,
  );
  await publicRepo.adjustWords(db, oldWords, words);
  return document;
}

export async function removePublicSnapshot(db: DbOrTrx, serviceId: string): Promise<void> {
  const oldWords = await publicRepo.removeSnapshot(db, serviceId);
  await publicRepo.adjustWords(db, oldWords, []);
}

const OPEN_NOW = /(^|\s)(åpe?nt?|open)\s+(nå|now)(?=\s|$)/iu;

/** Names a resident might write for a district: "Sagene", "i Gamle Oslo", "st hanshaugen". */
function districtMatcher(districts: readonly { code: string; name: string }[]) {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = districts
    .map((d) => {
      const name = d.name.toLocaleLowerCase('nb').replace(/^bydel\s+/, '');
      // "St. Hanshaugen" may be written "st hanshaugen" or "st.hanshaugen".
      const words = name.split(/[.\s]+/).filter(Boolean).map(escape).join('[.\\s]*');
      return { code: d.code, name: d.name, length: name.length, re: new RegExp(`(^|\\s)((i|på|in)\\s+)?(bydel\\s+)?${words}(?=\\s|$)`, 'u') };
    })
    .sort((a, b) => b.length - a.length);
  return (text: string): { code: string; name: string; rest: string } | null => {
    const haystack = text.toLocaleLowerCase('nb').replace(/[,;:!?]+/g, ' ').replace(/\s+/g, ' ').trim();
    for (const d of patterns) {
      if (d.re.test(haystack)) return { code: d.code, name: d.name.replace(/^Bydel\s+/, ''), rest: haystack.replace(d.re, ' ').trim() };
    }
    return null;
  };
}

/**
 * Target groups and categories written in the text ("pårørende", "barn som pårørende",
 * "lavterskel") become filters: the taxonomy says it better than words in a description.
 * Longest names first, so "barn som pårørende" is not read as "pårørende".
 */
function termMatcher(terms: readonly repo.TermRow[]) {
  const patterns = terms
    .flatMap((t) => [t.name, t.name_en].filter(Boolean).map((label) => ({ term: t, label: label.toLocaleLowerCase('nb') })))
    .sort((a, b) => b.label.length - a.label.length)
    .map((p) => ({ ...p, re: new RegExp(`(^|\\s)${p.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?=\\s|$)`, 'u') }));
  return (text: string) => {
    let rest = text.toLocaleLowerCase('nb').replace(/[,;:!?]+/g, ' ').replace(/\s+/g, ' ').trim();
    const found: { text: string; term: repo.TermRow }[] = [];
    for (const p of patterns) {
      if (found.some((f) => f.term.code === p.term.code && f.term.taxonomy === p.term.taxonomy)) continue;
      const match = rest.match(p.re);
      if (match) {
        found.push({ text: match[0].trim(), term: p.term });
        rest = rest.replace(p.re, ' ').replace(/\s+/g, ' ').trim();
      }
    }
    return { found, rest };
  };
}

/** Words that say nothing about which service is meant ("tilbud for …", "tjenester i …"). */
const GENERIC_WORDS = new Set(['tilbud', 'tilbudet', 'tilbudene', 'tjeneste', 'tjenesten', 'tjenester', 'tjenestene', 'service', 'services', 'for', 'til', 'med', 'som', 'og', 'i', 'på']);

/** Words a tsquery can take safely: letters and digits only, so no operator can be smuggled in. */
export function queryWords(text: string): string[] {
  return text
    .toLocaleLowerCase('nb')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && word.length <= 40 && !GENERIC_WORDS.has(word))
    .slice(0, 12);
}

const tsquery = (words: readonly string[], operator: '&' | '|') => (words.length ? words.map((w) => `${w}:*`).join(` ${operator} `) : null);

function previousDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}


function hitOf(row: publicRepo.SearchRow, now: Date, today: string): PublicSearchHit {
  const doc = row.document;
  const status = doc.hours.weekly.length + doc.hours.exceptions.length ? openStatus(doc.hours, now) : { state: 'unknown' as const };
  return {
    id: doc.id,
    name: doc.name,
    organizationName: doc.organization.name,
    summary: summaryOf(doc.description),
    status: doc.status,
    targetGroups: doc.targetGroups,
    categories: doc.categories,
    cityWide: doc.cityWide,
    districts: doc.districts,
    freeOfCharge: doc.freeOfCharge,
    referralRequired: doc.referralRequired,
    open: doc.status !== 'active' ? (status.state === 'unknown' ? 'unknown' : 'closed') : status.state,
    distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
    lastVerifiedOn: doc.lastVerifiedOn,
    stale: isStale(doc.lastVerifiedOn, today),
  };
}

export function summaryOf(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  if (text.length <= 220) return text;
  const cut = text.slice(0, 220);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 180))} …`;
}

/**
 * Public search. Free text is read the way a resident writes it: a district name ("i Sagene")
 * becomes the district filter, "åpent nå" the open-now filter, misspelt words are replaced by the
 * closest word in the directory. Every word must match (prefix, stemmed); when nothing matches
 * all of them, services matching any are shown and the page says so.
 */
/** The terms and districts a search reads the free text against (the page's form shows the same). */
export interface SearchVocabulary {
  terms: repo.TermRow[];
  districts: { id: string; code: string; name: string }[];
}

export async function loadSearchVocabulary(db: DbOrTrx): Promise<SearchVocabulary> {
  const [terms, districts] = await Promise.all([repo.listTerms(db), repo.listDistricts(db)]);
  return { terms, districts };
}

export async function searchServices(
  db: DbOrTrx,
  query: PublicSearchQuery,
  now: Date,
  vocabulary?: SearchVocabulary,
): Promise<PublicSearchResult> {
  const { terms, districts } = vocabulary ?? (await loadSearchVocabulary(db));
  let text = query.q;
  let openNow = query.apent;
  let interpretedOpen = false;
  if (OPEN_NOW.test(text)) {
    text = text.replace(OPEN_NOW, ' ');
    interpretedOpen = !openNow;
    openNow = true;
  }
  let district = query.bydel ?? null;
  let interpretedDistrict: string | null = null;
  const found = districtMatcher(districts)(text);
  if (found) {
    text = found.rest;
    if (!district) {
      district = found.code;
      interpretedDistrict = found.name;
    }
  }
  const recognised = termMatcher(terms)(text);
  text = recognised.rest;
  const targetGroups = new Set(query.malgruppe);
  const categories = new Set(query.kategori);
  for (const { term } of recognised.found) (term.taxonomy === 'target_group' ? targetGroups : categories).add(term.code);
  const words = queryWords(text);
  const corrections = await publicRepo.correctWords(db, words);
  const corrected = words.map((w) => corrections.get(w) ?? w);
  const local = osloLocal(now);
  const yesterday = previousDate(local.date);
  const filter: publicRepo.SearchFilter = {
    tsNb: tsquery(corrected, '&'),
    tsEn: tsquery(corrected, '&'),
    targetGroups: [...targetGroups],
    categories: [...categories],
    district,
    freeOfCharge: query.gratis,
    noReferral: query.uten_henvisning,
    language: query.sprak ?? null,
    wheelchair: query.rullestol,
    openAt: openNow
      ? { date: local.date, weekday: local.weekday, minute: local.minute, previousDate: yesterday, previousWeekday: local.weekday === 1 ? 7 : local.weekday - 1 }
      : null,
  };
  const fromCode = query.fra ?? (query.sorter === 'avstand' ? district : null);
  const from =
    query.lat !== undefined && query.lon !== undefined
      ? { latitude: query.lat, longitude: query.lon }
      : fromCode
        ? (DISTRICT_CENTRES[fromCode] ?? null)
        : null;
  const order: publicRepo.SearchOrder = { by: query.sorter === 'avstand' ? 'distance' : query.sorter === 'navn' ? 'name' : 'relevance', from };
  const page = { limit: PAGE_SIZE, offset: (query.side - 1) * PAGE_SIZE };
  let rows = await publicRepo.search(db, filter, order, page);
  let relaxed = false;
  if (rows.length === 0 && corrected.length > 1) {
    // Relax only when no service matches every word (a later page may simply be past the end).
    const anyStrict = query.side === 1 ? [] : await publicRepo.search(db, filter, order, { limit: 1, offset: 0 });
    if (anyStrict.length === 0) {
      rows = await publicRepo.search(db, { ...filter, tsNb: tsquery(corrected, '|'), tsEn: tsquery(corrected, '|') }, order, page);
      relaxed = rows.length > 0;
    }
  }
  // Past the last page there are no rows to read the total from: ask for the first row.
  const total = rows[0]?.total ?? (query.side > 1 ? ((await publicRepo.search(db, filter, order, { limit: 1, offset: 0 }))[0]?.total ?? 0) : 0);
  return {
    total,
    page: query.side,
    pageSize: PAGE_SIZE,
    hits: rows.map((row) => hitOf(row, now, local.date)),
    interpretation: {
      corrected: [...corrections].map(([from, to]) => ({ from, to })),
      district: interpretedDistrict,
      openNow: interpretedOpen,
      terms: recognised.found.map(({ text, term }) => ({ text, taxonomy: term.taxonomy, code: term.code, name: term.name, nameEn: term.name_en })),
      relaxed,
    },
  };
}

export async function getPublicService(db: DbOrTrx, id: string): Promise<PublicService | undefined> {
  return publicRepo.findPublicDocument(db, id);
}
