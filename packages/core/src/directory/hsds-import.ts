/**
 * Reading HSDS files for the directory import: HSDS 3.0 JSON (Rusfag's own export, the API's
 * pages, an array of services or one service) and HSDS 1.x (and 2.0) tabular data packages (the
 * CSV files of a zip with datapackage.json; the zip itself is opened by the server). Pure: the
 * caller passes the file contents and the vocabulary (target groups, categories, districts).
 *
 * Both readers turn the files into the same plain records (organisations, locations, services
 * in Rusfag's terms, with the source's ids kept as external ids) and a report: every record or
 * row that cannot be taken, and why, in Norwegian, with its id, name and file/line (CSV) or path
 * (JSON). An error refuses the record it is about; a warning says what was left out or guessed.
 * Whether references to records not in the file exist in Rusfag (an organisation imported
 * before) is for the server to decide.
 *
 * How things are read (see also docs/hsds-mapping.md):
 * - Times: 'HH:MM' or 'HH:MM:SS' (seconds 00), optionally with +01:00/+02:00 (Oslo's offsets).
 *   'Z' and other offsets are refused: turning UTC into Oslo time depends on the date. '9am',
 *   'kl 9' and the like are refused with the expected format in the message.
 * - Weekdays (1.x regular_schedules.weekday): English or Norwegian names and abbreviations,
 *   iCal codes (MO), or numbers read as ISO (1 = Monday … 7 = Sunday; 0 = Sunday).
 * - Schedules (3.0): freq WEEKLY or byday → weekly rules; dates without byday/freq → an exception
 *   (closed unless opens_at/closes_at are given); a description alone → the hours note. Monthly
 *   rules, intervals other than 1 and "2MO"-style days are refused. Location schedules are used
 *   for services at the location that have none of their own.
 * - Languages: ISO codes (two letters; common three-letter codes are mapped); free text such as
 *   "Norsk og engelsk" is split and common names (Norwegian or English) mapped to codes, with a
 *   warning; unknown names are left out with a warning.
 * - Taxonomy terms are matched to Rusfag's target groups and categories by code or by name
 *   (Norwegian or English, case and accents ignored); others are left out with a warning.
 * - Service areas: 'Oslo' / 'Hele byen' (and the like) → city-wide; a district's name (with or
 *   without "Bydel") or code → that district; others are left out with a warning.
 * - Web and e-mail addresses that are not http(s) / e-mail are left out with a warning (never a
 *   `javascript:` link); telephone numbers keep digits, spaces, + ( ) -, and text after the number
 *   moves to the description.
 * - Text is stored as text: HTML or scripts in a description are shown as text on the pages.
 */
import { z } from 'zod';
import { HSDS_EXTENSION_TERMS, type HsdsExtensionCode } from './hsds.js';
import { COMMON_LANGUAGES, type OpeningHours, type ServiceStatus, type Taxonomy } from './model.js';
import { validateOpeningHours } from './opening-hours.js';

export const IMPORT_FORMATS = ['hsds-json', 'hsds-datapackage'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportSource {
  /** The CSV file (data packages) or null (JSON). */
  file: string | null;
  /** The line in the CSV file where the row starts (1 is the header). */
  line: number | null;
  /** Where in a JSON file: 'services[3].schedules[1]'. */
  path: string | null;
}

/** What a problem is about: a record (refused by an error), a row of a CSV file, or the file. */
export type ImportEntity = 'organization' | 'location' | 'service' | 'row' | 'file';

export interface ImportProblem {
  severity: 'error' | 'warning';
  entity: ImportEntity;
  /** The record's id in the file (external id). */
  id: string | null;
  name: string | null;
  file: string | null;
  line: number | null;
  path: string | null;
  /** In Norwegian. */
  message: string;
}

export interface ImportOrganization {
  source: ImportSource;
  externalId: string;
  refused: boolean;
  name: string;
  alternateName: string;
  description: string;
  descriptionEn: string;
  email: string;
  website: string;
}

export interface ImportLocation {
  source: ImportSource;
  externalId: string;
  refused: boolean;
  organizationExternalId: string | null;
  name: string;
  description: string;
  address: string;
  postalCode: string;
  city: string;
  districtCode: string | null;
  latitude: number | null;
  longitude: number | null;
  confidential: boolean;
  wheelchairAccessible: boolean | null;
  accessibilityNote: string;
  transportation: string;
  example: boolean;
}

export interface ImportReference {
  externalId: string;
  source: ImportSource;
}

export interface ImportService {
  source: ImportSource;
  externalId: string;
  refused: boolean;
  organization: ImportReference;
  locations: ImportReference[];
  name: string;
  nameEn: string;
  alternateName: string;
  description: string;
  descriptionEn: string;
  url: string;
  email: string;
  status: ServiceStatus;
  statusNote: string;
  howToGetIn: string;
  howToGetInEn: string;
  eligibility: string;
  eligibilityEn: string;
  minimumAge: number | null;
  maximumAge: number | null;
  referralRequired: boolean | null;
  freeOfCharge: boolean | null;
  feesDescription: string;
  cityWide: boolean;
  districtCodes: string[];
  targetGroups: string[];
  categories: string[];
  languages: string[];
  phones: { number: string; description: string }[];
  contacts: { name: string; title: string; email: string; phone: string }[];
  hours: OpeningHours;
  hoursNote: string;
  hoursExample: boolean;
  lastVerifiedOn: string | null;
}

export interface ImportBundle {
  format: ImportFormat;
  organizations: ImportOrganization[];
  locations: ImportLocation[];
  services: ImportService[];
  problems: ImportProblem[];
  /** Problems that stop the whole file (unreadable, missing files): nothing can be previewed. */
  fatal: ImportProblem[];
}

export interface ImportVocabulary {
  terms: readonly { taxonomy: Taxonomy; code: string; name: string; nameEn: string }[];
  districts: readonly { code: string; name: string }[];
  /** Today in Oslo ('YYYY-MM-DD'): a verification date after it is left out. */
  today: string;
}

// ————————————————————————————————————————————— small readers

type Raw = Record<string, unknown>;

const isRaw = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field as text: strings trimmed, numbers written out, anything else ''. */
function text(raw: Raw | null | undefined, key: string): string {
  const value = raw?.[key];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return '';
}

const list = (raw: Raw | null | undefined, key: string): Raw[] => {
  const value = raw?.[key];
  return Array.isArray(value) ? value.filter(isRaw) : [];
};
const object = (raw: Raw | null | undefined, key: string): Raw | null => {
  const value = raw?.[key];
  return isRaw(value) ? value : null;
};

/** Text compared loosely: case, accents, æøå and punctuation do not matter. */
export function looseText(value: string): string {
  return value
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const short = (value: string, max = 60): string => (value.length > max ? `${value.slice(0, max)}…` : value);

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** 'YYYY-MM-DD' (a date-time is cut to its date), or null when it is not a real date. */
export function parseHsdsDate(value: string): string | null {
  const candidate = value.trim().slice(0, 10);
  return isRealDate(candidate) ? candidate : null;
}

const OSLO_OFFSETS = new Set(['+01:00', '+0100', '+02:00', '+0200', '+01', '+02']);

/**
 * An HSDS time ('09:00', '09:00:00', '09:00+01:00') as Rusfag's 'HH:MM', or a Norwegian message
 * saying why not. '24:00' is returned as is (a closing time at midnight).
 */
export function parseHsdsTime(value: string): { ok: true; time: string } | { ok: false; message: string } {
  const v = value.trim();
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(v);
  if (!m) return { ok: false, message: `«${short(v)}» er ikke et klokkeslett Rusfag kan lese. Skriv tiden som TT:MM, f.eks. 09:00 eller 15:30.` };
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (m[3] !== undefined && m[3] !== '00') return { ok: false, message: `«${v}» har sekunder; Rusfag lagrer åpningstider i hele minutter (TT:MM).` };
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) return { ok: false, message: `«${v}» er ikke et gyldig klokkeslett (00:00–24:00).` };
  if (m[4] && !OSLO_OFFSETS.has(m[4])) {
    return {
      ok: false,
      message: `Tidssonen i «${v}» kan ikke gjøres om til norsk tid uten en dato (sommertid). Oppgi lokal Oslo-tid uten tidssone, f.eks. ${String(hours).padStart(2, '0')}:${m[2]}.`,
    };
  }
  return { ok: true, time: `${String(hours).padStart(2, '0')}:${m[2]}` };
}

const WEEKDAY_NAMES: Record<string, number> = {
  monday: 1, mon: 1, mandag: 1, man: 1, mo: 1,
  tuesday: 2, tue: 2, tues: 2, tirsdag: 2, tir: 2, tu: 2,
  wednesday: 3, wed: 3, onsdag: 3, ons: 3, we: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, torsdag: 4, tor: 4, th: 4,
  friday: 5, fri: 5, fredag: 5, fre: 5, fr: 5,
  saturday: 6, sat: 6, lordag: 6, lor: 6, sa: 6,
  sunday: 7, sun: 7, sondag: 7, son: 7, su: 7,
};

/** A weekday as written in HSDS 1.x ('Monday', 'mandag', 'MO', '1') → ISO 1–7, or null. */
export function parseWeekday(value: string): number | null {
  const v = looseText(value).replace(/\s+/g, '');
  if (/^[0-7]$/.test(v)) return Number(v) === 0 ? 7 : Number(v);
  return WEEKDAY_NAMES[v] ?? null;
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Language names people write (Norwegian and English), in loose form → ISO 639 code. */
const LANGUAGE_NAMES: Record<string, string> = {
  ...Object.fromEntries(COMMON_LANGUAGES.flatMap((l) => [[looseText(l.name), l.code], [looseText(l.nameEn), l.code]])),
  bokmal: 'nb', 'norsk bokmal': 'nb', norwegian: 'nb', 'norwegian bokmal': 'nb', nynorsk: 'nn', 'norsk nynorsk': 'nn',
  samisk: 'se', sami: 'se', svensk: 'sv', swedish: 'sv', dansk: 'da', danish: 'da', tysk: 'de', german: 'de',
  fransk: 'fr', french: 'fr', spansk: 'es', spanish: 'es', tyrkisk: 'tr', turkish: 'tr', kurdisk: 'ku', kurdish: 'ku',
  farsi: 'fa', dari: 'prs', pashto: 'ps', thai: 'th', vietnamesisk: 'vi', vietnamese: 'vi', litauisk: 'lt', lithuanian: 'lt',
  rumensk: 'ro', romanian: 'ro', portugisisk: 'pt', portuguese: 'pt', italiensk: 'it', italian: 'it', kinesisk: 'zh',
  chinese: 'zh', tamil: 'ta', punjabi: 'pa', hindi: 'hi', bosnisk: 'bs', bosnian: 'bs', serbisk: 'sr', serbian: 'sr',
  kroatisk: 'hr', croatian: 'hr', amharisk: 'am', amharic: 'am', tigrinya: 'ti', 'norsk tegnsprak': 'nsi', tegnsprak: 'nsi',
  'norwegian sign language': 'nsi',
};

/** ISO 639-2/3 codes of common languages → ISO 639-1, as Rusfag stores them. */
const THREE_LETTER: Record<string, string> = {
  nob: 'nb', nor: 'nb', nno: 'nn', eng: 'en', ara: 'ar', som: 'so', urd: 'ur', pol: 'pl', tir: 'ti', fas: 'fa', per: 'fa',
  rus: 'ru', ukr: 'uk', sme: 'se', swe: 'sv', dan: 'da', deu: 'de', ger: 'de', fra: 'fr', fre: 'fr', spa: 'es', tur: 'tr',
  kur: 'ku', vie: 'vi', tha: 'th', lit: 'lt', ron: 'ro', rum: 'ro', por: 'pt', ita: 'it', zho: 'zh', chi: 'zh', tam: 'ta',
  pan: 'pa', hin: 'hi', bos: 'bs', srp: 'sr', hrv: 'hr', amh: 'am', pus: 'ps',
};

/** A language code as Rusfag stores it ('nb', or a three-letter code it has no two-letter code for), or null. */
export function languageCode(value: string): string | null {
  const v = value.trim().toLowerCase().replace(/_/g, '-');
  const base = v.split('-')[0] ?? '';
  if (v === 'no' || v === 'nb-no' || v === 'no-nb') return 'nb';
  if (/^[a-z]{2}$/.test(base)) return base;
  if (/^[a-z]{3}$/.test(base)) return THREE_LETTER[base] ?? base;
  return null;
}

/** Free text such as "Norsk og engelsk" → codes, and the parts that are not languages Rusfag knows. */
export function parseLanguageText(value: string): { codes: string[]; unknown: string[] } {
  const parts = value
    .split(/\s*(?:,|;|\/|&|\+|\bog\b|\band\b|\bsamt\b|\beller\b|\bor\b)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const code = LANGUAGE_NAMES[looseText(part)] ?? (/^[a-z]{2,3}$/i.test(part) && part.length === 2 ? part.toLowerCase() : undefined);
    if (code) codes.push(code);
    else unknown.push(part);
  }
  return { codes: [...new Set(codes)], unknown };
}

function webUrl(value: string): string | null {
  let v = value.trim();
  if (!v) return '';
  if (/^www\./i.test(v)) v = `https://${v}`;
  return /^https?:\/\/[^\s<>"]+$/i.test(v) && v.length <= 500 ? v : null;
}

function emailAddress(value: string): string | null {
  const v = value.trim().replace(/^mailto:/i, '');
  if (!v) return '';
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(v) && v.length <= 200 ? v : null;
}

const PHONE = /^[+0-9 ()-]+$/;

/** A telephone number as Rusfag stores it; text after the number ("22 22 22 22 (sentralbord)") moves to the description. */
export function phoneNumber(value: string): { number: string; rest: string } | null {
  const v = value.trim().replace(/^"+|"+$/g, '').replace(/(\d)\.(?=\d)/g, '$1 ').trim();
  if (PHONE.test(v) && v.replace(/\D/g, '').length >= 3 && v.length <= 40) return { number: v, rest: '' };
  const m = /^([+0-9][0-9 -]{2,38}[0-9])\s*[,;:(–-]?\s*(.*?)\)?$/u.exec(v);
  if (m && m[1]!.replace(/\D/g, '').length >= 3) return { number: m[1]!.trim(), rest: m[2]!.trim() };
  return null;
}

const TRUE = new Set(['true', '1', 'yes', 'ja', 'y', 't', 'x']);
const FALSE = new Set(['false', '0', 'no', 'nei', 'n', 'f']);
function yesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  return TRUE.has(v) ? true : FALSE.has(v) ? false : null;
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** The taxonomy term of Rusfag that an incoming term stands for, if any. */
export function matchTerm(
  terms: ImportVocabulary['terms'],
  incoming: { taxonomy: string; code: string; name: string },
): ImportVocabulary['terms'][number] | null {
  const hint = /malgruppe|målgruppe|target/i.test(incoming.taxonomy) ? 'target_group' : /kategori|category/i.test(incoming.taxonomy) ? 'category' : null;
  const pool = hint ? terms.filter((t) => t.taxonomy === hint) : terms;
  const code = looseText(incoming.code);
  const name = looseText(incoming.name);
  return (
    pool.find((t) => code && looseText(t.code) === code) ??
    pool.find((t) => name && (looseText(t.name) === name || looseText(t.nameEn) === name || looseText(t.code) === name)) ??
    pool.find((t) => code && (looseText(t.name) === code || looseText(t.nameEn) === code)) ??
    null
  );
}

const CITY_WIDE = new Set(['oslo', 'hele oslo', 'oslo kommune', 'hele oslo kommune', 'hele byen', 'byomfattende', 'city wide', 'citywide', 'all of oslo', 'oslo municipality']);

/** A service area or region as Rusfag reads it: city-wide, a district code, or not known. */
export function matchArea(districts: ImportVocabulary['districts'], value: string): 'city' | string | null {
  const v = looseText(value);
  if (!v) return null;
  if (CITY_WIDE.has(v)) return 'city';
  const bare = (name: string) => looseText(name).replace(/^bydel /, '');
  const wanted = v.replace(/^bydel /, '').replace(/ bydel$/, '');
  return districts.find((d) => looseText(d.code) === v || bare(d.name) === wanted)?.code ?? null;
}

// ————————————————————————————————————————————— CSV

export interface CsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * RFC 4180 CSV (HSDS data packages): fields separated by `delimiter`, quoted fields may hold the
 * delimiter, line breaks and doubled quotes. Each row keeps the line it starts on. A quote that is
 * never closed is an error with the line where the field began.
 */
export function parseCsvTable(source: string, delimiter = ','): CsvTable | { error: string; line: number } {
  const input = source.replace(/^\uFEFF/, '');
  const records: { line: number; cells: string[] }[] = [];
  let line = 1;
  let pos = 0;
  while (pos < input.length) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (input[pos] === '"') {
        const quoteLine = line;
        pos++;
        for (;;) {
          if (pos >= input.length) return { error: 'Et felt i anførselstegn blir aldri avsluttet', line: quoteLine };
          const ch = input[pos]!;
          if (ch === '"') {
            if (input[pos + 1] === '"') {
              cell += '"';
              pos += 2;
              continue;
            }
            pos++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          pos++;
        }
        // Text after the closing quote, before the delimiter, is kept (lenient, as spreadsheets write it).
        while (pos < input.length && input[pos] !== delimiter && input[pos] !== '\n' && input[pos] !== '\r') cell += input[pos++];
      } else {
        while (pos < input.length && input[pos] !== delimiter && input[pos] !== '\n' && input[pos] !== '\r') cell += input[pos++];
      }
      cells.push(cell);
      if (input[pos] === delimiter) {
        pos++;
        continue;
      }
      break;
    }
    if (input[pos] === '\r') pos++;
    if (input[pos] === '\n') {
      pos++;
      line++;
    }
    if (!(cells.length === 1 && cells[0]!.trim() === '')) records.push({ line: startLine, cells });
  }
  const [header, ...rows] = records;
  return { header: (header?.cells ?? []).map((h) => h.trim().toLowerCase()), rows };
}

// ————————————————————————————————————————————— the reader

interface Entry {
  raw: Raw;
  source: ImportSource;
}

/** What a reader hands the normaliser: HSDS 3.0-shaped objects, each with where it came from. */
interface RawInput {
  organizations: Entry[];
  locations: Entry[];
  services: Entry[];
  /** Taxonomy terms and taxonomies by id, for attributes that only give taxonomy_term_id. */
  terms: Map<string, Raw>;
  taxonomies: Map<string, Raw>;
}

const LIMITS = {
  name: 200,
  description: 10000,
  orgDescription: 5000,
  statusNote: 500,
  howToGetIn: 2000,
  eligibility: 2000,
  fees: 1000,
  hoursNote: 1000,
  locationDescription: 2000,
  address: 300,
  city: 100,
  accessibility: 1000,
  transportation: 1000,
  phoneDescription: 200,
} as const;

class Normaliser {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly vocab: ImportVocabulary,
    private readonly sources: WeakMap<object, ImportSource>,
  ) {}

  add(severity: ImportProblem['severity'], entity: ImportEntity, id: string | null, name: string | null, source: ImportSource, message: string): void {
    this.problems.push({ severity, entity, id: id || null, name: name || null, file: source.file, line: source.line, path: source.path, message });
  }

  /** Where a nested object came from: its own row (CSV) or its place under the parent (JSON). */
  childSource(child: Raw, parent: ImportSource, key: string, index: number): ImportSource {
    return this.sources.get(child) ?? { ...parent, path: parent.path === null ? null : `${parent.path}.${key}[${index}]` };
  }

  run(input: RawInput, format: ImportFormat): ImportBundle {
    const organizations = this.unique(input.organizations, 'organization', (entry) => this.organization(entry));
    const locationsById = new Map<string, Entry>();
    for (const entry of input.locations) {
      const id = text(entry.raw, 'id');
      if (id && !locationsById.has(id)) locationsById.set(id, entry);
    }
    const locations = this.unique(input.locations, 'location', (entry) => this.location(entry));
    const services = this.unique(input.services, 'service', (entry) => this.service(entry, input, locationsById));
    return { format, organizations, locations, services, problems: this.problems, fatal: [] };
  }

  /** Records with an id of their own, once each: a second record with the same id is refused. */
  private unique<T extends { externalId: string; refused: boolean }>(entries: Entry[], entity: 'organization' | 'location' | 'service', read: (entry: Entry) => T): T[] {
    const seen = new Map<string, ImportSource>();
    const out: T[] = [];
    for (const entry of entries) {
      const id = text(entry.raw, 'id');
      const name = text(entry.raw, 'name');
      if (!id) {
        this.add('error', entity, null, name, entry.source, `${ENTITY_NAMES[entity]} mangler id, så den kan ikke kobles til resten av dataene.`);
        continue;
      }
      const first = seen.get(id);
      if (first) {
        // Nested copies of the same location (one per service) are expected in JSON; rows twice in a CSV are not.
        if (entity === 'location' && entry.source.file === null) continue;
        this.add('error', entity, id, name, entry.source, `Id-en «${short(id)}» er brukt før${first.line ? ` (linje ${first.line})` : first.path ? ` (${first.path})` : ''}.`);
        continue;
      }
      seen.set(id, entry.source);
      out.push(read(entry));
    }
    return out;
  }

  private limited(value: string, max: number, label: string, fail: (message: string) => void): string {
    if (value.length > max) fail(`${label} er for lang (${value.length} tegn; høyst ${max}).`);
    return value;
  }

  private organization({ raw, source }: Entry): ImportOrganization {
    const id = text(raw, 'id');
    const name = text(raw, 'name');
    const record: ImportOrganization = {
      source,
      externalId: id,
      refused: false,
      name,
      alternateName: '',
      description: '',
      descriptionEn: '',
      email: '',
      website: '',
    };
    const error = (message: string) => {
      record.refused = true;
      this.add('error', 'organization', id, name, source, message);
    };
    const warn = (message: string) => this.add('warning', 'organization', id, name, source, message);
    if (name.length < 2) error('Organisasjonen mangler navn (minst 2 tegn).');
    this.limited(name, LIMITS.name, 'Navnet', error);
    record.alternateName = this.limited(text(raw, 'alternate_name'), LIMITS.name, 'Det alternative navnet', error);
    record.description = this.limited(text(raw, 'description'), LIMITS.orgDescription, 'Beskrivelsen', error);
    const email = emailAddress(text(raw, 'email'));
    if (email === null) warn(`E-postadressen «${short(text(raw, 'email'))}» er ugyldig og ble utelatt.`);
    record.email = email ?? '';
    const site = text(raw, 'website') || text(raw, 'url');
    const website = webUrl(site);
    if (website === null) warn(`Nettadressen «${short(site)}» er ikke en http(s)-adresse og ble utelatt.`);
    record.website = website ?? '';
    return record;
  }

  private location({ raw, source }: Entry): ImportLocation {
    const id = text(raw, 'id');
    const name = text(raw, 'name');
    const record: ImportLocation = {
      source,
      externalId: id,
      refused: false,
      organizationExternalId: text(raw, 'organization_id') || null,
      name,
      description: '',
      address: '',
      postalCode: '',
      city: '',
      districtCode: null,
      latitude: null,
      longitude: null,
      confidential: false,
      wheelchairAccessible: null,
      accessibilityNote: '',
      transportation: '',
      example: false,
    };
    const error = (message: string) => {
      record.refused = true;
      this.add('error', 'location', id, name, source, message);
    };
    const warn = (message: string) => this.add('warning', 'location', id, name, source, message);
    const type = text(raw, 'location_type').toLowerCase();
    if (type === 'virtual') error('Stedet er virtuelt (location_type «virtual»); Rusfag har bare fysiske steder. Oppgi nettadressen på tjenesten.');
    if (!name) error('Stedet mangler navn.');
    this.limited(name, LIMITS.name, 'Navnet', error);

    const ext = this.extensions(list(raw, 'attributes'));
    record.confidential = ext.get('confidential') === 'true';
    record.example = ext.get('example_data') === 'true';
    record.description = this.limited(text(raw, 'description'), LIMITS.locationDescription, 'Beskrivelsen', error);
    record.transportation = this.limited(text(raw, 'transportation'), LIMITS.transportation, 'Veibeskrivelsen', error);

    const addresses = list(raw, 'addresses');
    const address = addresses.find((a) => !text(a, 'address_type') || text(a, 'address_type') === 'physical') ?? null;
    if (address) {
      record.address = this.limited(
        ['address_1', 'address_2', 'address_3', 'address_4'].map((k) => text(address, k)).filter(Boolean).join(', '),
        LIMITS.address,
        'Adressen',
        error,
      );
      const postal = text(address, 'postal_code').replace(/\s+/g, '');
      if (postal && !/^\d{4}$/.test(postal)) warn(`Postnummeret «${short(postal)}» er ikke et norsk postnummer (fire sifre) og ble utelatt.`);
      else record.postalCode = postal;
      record.city = this.limited(text(address, 'city'), LIMITS.city, 'Poststedet', error);
    }
    const districtText = ext.get('district') ?? (address ? text(address, 'region') : '');
    if (districtText) {
      const match = matchArea(this.vocab.districts, districtText);
      if (match && match !== 'city') record.districtCode = match;
      else if (match !== 'city') warn(`Bydelen «${short(districtText)}» finnes ikke i Oslo og ble utelatt.`);
    }

    const lat = numberOf(raw.latitude);
    const lon = numberOf(raw.longitude);
    if (lat !== null && lon !== null) {
      if (lat < -90 || lat > 90 || lon < -180 || lon > 180) warn(`Koordinatene (${lat}, ${lon}) er utenfor gyldig område og ble utelatt.`);
      else {
        record.latitude = lat;
        record.longitude = lon;
      }
    } else if (lat !== null || lon !== null) {
      warn('Stedet har bare én av breddegrad og lengdegrad; koordinatene ble utelatt.');
    } else if (!record.confidential) {
      warn('Stedet mangler koordinater, så det kan ikke sorteres etter avstand.');
    }

    const accessibility = list(raw, 'accessibility');
    const wheelchair = ext.get('wheelchair_accessible');
    if (wheelchair === 'true' || wheelchair === 'false') {
      record.wheelchairAccessible = wheelchair === 'true';
      record.accessibilityNote = text(accessibility[0], 'description');
    } else if (accessibility.length) {
      const notes = accessibility.map((a) => [text(a, 'description') || text(a, 'accessibility'), text(a, 'details')].filter(Boolean).join(' – ')).filter(Boolean);
      record.accessibilityNote = notes.join('; ');
      const all = notes.join(' ');
      if (/rullestol|wheelchair|trinnfri|step.free|universelt utformet/i.test(all)) {
        record.wheelchairAccessible = !/\b(ikke|not|no|uten|without)\b/i.test(all);
      }
    }
    this.limited(record.accessibilityNote, LIMITS.accessibility, 'Tilgjengelighetsbeskrivelsen', error);
    return record;
  }

  /** The 'rusfag-felt' attributes of an object: code → value. */
  private extensions(attributes: Raw[]): Map<HsdsExtensionCode, string> {
    const out = new Map<HsdsExtensionCode, string>();
    for (const attribute of attributes) {
      const term = object(attribute, 'taxonomy_term');
      const taxonomy = text(term, 'taxonomy') || text(object(term, 'taxonomy_detail'), 'name');
      const code = text(term, 'code');
      if (taxonomy === 'rusfag-felt' && Object.hasOwn(HSDS_EXTENSION_TERMS, code)) out.set(code as HsdsExtensionCode, text(attribute, 'value'));
    }
    return out;
  }

  private service({ raw, source }: Entry, input: RawInput, locationsById: Map<string, Entry>): ImportService {
    const id = text(raw, 'id');
    const name = text(raw, 'name');
    const organizationId = text(raw, 'organization_id') || text(object(raw, 'organization'), 'id');
    const record: ImportService = {
      source,
      externalId: id,
      refused: false,
      organization: { externalId: organizationId, source },
      locations: [],
      name,
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
      districtCodes: [],
      targetGroups: [],
      categories: [],
      languages: [],
      phones: [],
      contacts: [],
      hours: { weekly: [], exceptions: [] },
      hoursNote: '',
      hoursExample: false,
      lastVerifiedOn: null,
    };
    const error = (message: string, at: ImportSource = source) => {
      record.refused = true;
      this.add('error', 'service', id, name, at, message);
    };
    const warn = (message: string, at: ImportSource = source) => this.add('warning', 'service', id, name, at, message);

    if (!organizationId) error('Tjenesten mangler organisasjon (organization_id).');
    if (name.length < 2) error('Tjenesten mangler navn (minst 2 tegn).');
    this.limited(name, LIMITS.name, 'Navnet', error);
    record.alternateName = this.limited(text(raw, 'alternate_name'), LIMITS.name, 'Det alternative navnet', error);
    record.description = this.limited(text(raw, 'description'), LIMITS.description, 'Beskrivelsen', error);
    const url = webUrl(text(raw, 'url'));
    if (url === null) warn(`Nettadressen «${short(text(raw, 'url'))}» er ikke en http(s)-adresse og ble utelatt.`);
    record.url = url ?? '';
    const email = emailAddress(text(raw, 'email'));
    if (email === null) warn(`E-postadressen «${short(text(raw, 'email'))}» er ugyldig og ble utelatt.`);
    record.email = email ?? '';

    const status = looseText(text(raw, 'status'));
    const statuses: Record<string, ServiceStatus> = {
      active: 'active', aktiv: 'active', inactive: 'inactive', inaktiv: 'inactive', defunct: 'defunct', nedlagt: 'defunct',
      'temporarily closed': 'temporarily_closed', 'midlertidig stengt': 'temporarily_closed',
    };
    if (!status) warn('Tjenesten mangler status og ble satt til aktiv.');
    else if (statuses[status]) record.status = statuses[status];
    else error(`Statusen «${short(text(raw, 'status'))}» er ukjent; bruk active, inactive, defunct eller temporarily closed.`);
    record.statusNote = this.limited(text(raw, 'alert'), LIMITS.statusNote, 'Varselet (alert)', error);
    record.howToGetIn = this.limited(text(raw, 'application_process'), LIMITS.howToGetIn, 'Hvordan man får tjenesten (application_process)', error);
    record.eligibility = this.limited(text(raw, 'eligibility_description'), LIMITS.eligibility, 'Hvem tjenesten er for (eligibility_description)', error);

    for (const key of ['minimum_age', 'maximum_age'] as const) {
      const value = raw[key];
      if (value === undefined || value === null || value === '') continue;
      const n = numberOf(value);
      if (n === null || !Number.isInteger(n) || n < 0 || n > 130) warn(`${key === 'minimum_age' ? 'Nedre' : 'Øvre'} aldersgrense «${short(String(value))}» er ikke et helt tall 0–130 og ble utelatt.`);
      else if (key === 'minimum_age') record.minimumAge = n;
      else record.maximumAge = n;
    }
    if (record.minimumAge !== null && record.maximumAge !== null && record.minimumAge > record.maximumAge) error('Nedre aldersgrense er høyere enn øvre.');

    const assured = text(raw, 'assured_date');
    if (assured) {
      const date = parseHsdsDate(assured);
      if (!date || date > this.vocab.today) warn(`Datoen for sist bekreftet «${short(assured)}» er ugyldig eller fram i tid og ble utelatt.`);
      else record.lastVerifiedOn = date;
    }

    // Cost: a free option (amount 0 or a name that says so) → free; other options → not free.
    record.feesDescription = this.limited(text(raw, 'fees_description') || text(raw, 'fees'), LIMITS.fees, 'Beskrivelsen av kostnad', error);
    const costs = list(raw, 'cost_options');
    const FREE = /^(gratis|free|free of charge|kostnadsfri|kostnadsfritt|ingen egenandel|ingen kostnad|no cost)\.?$/i;
    if (costs.length) {
      record.freeOfCharge = costs.some((c) => numberOf(c.amount) === 0 || FREE.test(text(c, 'option')) || FREE.test(text(c, 'amount_description')));
    } else if (FREE.test(record.feesDescription)) {
      record.freeOfCharge = true;
      record.feesDescription = '';
    }

    // Languages.
    const languages: string[] = [];
    list(raw, 'languages').forEach((language, i) => {
      const at = this.childSource(language, source, 'languages', i);
      const code = text(language, 'code');
      const languageText = text(language, 'name') || text(language, 'language');
      if (code) {
        const mapped = languageCode(code);
        if (mapped) languages.push(mapped);
        else warn(`Språkkoden «${short(code)}» er ikke en ISO 639-kode og ble utelatt.`, at);
      } else if (languageText) {
        const parsed = parseLanguageText(languageText);
        languages.push(...parsed.codes);
        if (parsed.unknown.length) warn(`Språket «${parsed.unknown.map((u) => short(u, 30)).join('», «')}» er ukjent og ble utelatt${parsed.codes.length ? ` (lest: ${parsed.codes.join(', ')})` : ''}.`, at);
        else if (parsed.codes.length > 1) warn(`Språkteksten «${short(languageText)}» ble lest som ${parsed.codes.join(', ')}.`, at);
      }
    });
    record.languages = [...new Set(languages)].slice(0, 40);

    // Phones and contacts, with those of the service's locations and service-at-locations.
    const sals = list(raw, 'service_at_locations');
    const phoneSources: { phone: Raw; at: ImportSource }[] = [
      ...list(raw, 'phones').map((phone, i) => ({ phone, at: this.childSource(phone, source, 'phones', i) })),
      ...sals.flatMap((sal, s) => list(sal, 'phones').map((phone, i) => ({ phone, at: this.childSource(phone, this.childSource(sal, source, 'service_at_locations', s), 'phones', i) }))),
    ];
    for (const sal of sals) {
      const location = locationsById.get(text(sal, 'location_id') || text(object(sal, 'location'), 'id'));
      if (location) list(location.raw, 'phones').forEach((phone, i) => phoneSources.push({ phone, at: this.childSource(phone, location.source, 'phones', i) }));
    }
    const seenNumbers = new Set<string>();
    for (const { phone, at } of phoneSources) {
      const parsed = phoneNumber(text(phone, 'number'));
      if (!parsed) {
        if (text(phone, 'number')) warn(`Telefonnummeret «${short(text(phone, 'number'))}» kan ikke leses og ble utelatt.`, at);
        continue;
      }
      if (seenNumbers.has(parsed.number)) continue;
      seenNumbers.add(parsed.number);
      const extension = text(phone, 'extension');
      const description = [text(phone, 'description'), parsed.rest, extension ? `linje ${extension}` : ''].filter(Boolean).join(', ');
      if (description.length > LIMITS.phoneDescription) error(`Beskrivelsen av telefonnummeret ${parsed.number} er for lang (høyst ${LIMITS.phoneDescription} tegn).`, at);
      record.phones.push({ number: parsed.number, description });
    }
    if (record.phones.length > 20) {
      warn(`Tjenesten har ${record.phones.length} telefonnumre; de 20 første ble tatt med.`);
      record.phones = record.phones.slice(0, 20);
    }
    const contacts = [...list(raw, 'contacts'), ...sals.flatMap((sal) => list(sal, 'contacts'))];
    contacts.forEach((contact, i) => {
      const at = this.childSource(contact, source, 'contacts', i);
      const contactEmail = emailAddress(text(contact, 'email'));
      if (contactEmail === null) warn(`E-postadressen «${short(text(contact, 'email'))}» til kontaktpersonen er ugyldig og ble utelatt.`, at);
      const phone = list(contact, 'phones').map((p) => phoneNumber(text(p, 'number'))).find(Boolean);
      const entry = {
        name: this.limited(text(contact, 'name'), LIMITS.name, 'Navnet på kontaktpersonen', (m) => error(m, at)),
        title: this.limited(text(contact, 'title') || text(contact, 'department'), LIMITS.name, 'Tittelen på kontaktpersonen', (m) => error(m, at)),
        email: contactEmail ?? '',
        phone: phone?.number ?? '',
      };
      if (entry.name || entry.title || entry.email || entry.phone) record.contacts.push(entry);
    });
    if (record.contacts.length > 20) {
      warn(`Tjenesten har ${record.contacts.length} kontaktpersoner; de 20 første ble tatt med.`);
      record.contacts = record.contacts.slice(0, 20);
    }

    // Locations.
    sals.forEach((sal, i) => {
      const at = this.childSource(sal, source, 'service_at_locations', i);
      const locationId = text(sal, 'location_id') || text(object(sal, 'location'), 'id');
      if (!locationId) error('En kobling til et sted (service_at_location) mangler stedets id.', at);
      else if (!record.locations.some((l) => l.externalId === locationId)) record.locations.push({ externalId: locationId, source: at });
    });
    if (record.locations.length > 200) error(`Tjenesten er koblet til ${record.locations.length} steder; høyst 200.`);

    // Service areas.
    list(raw, 'service_areas').forEach((area, i) => {
      const at = this.childSource(area, source, 'service_areas', i);
      const areaName = text(area, 'name') || text(area, 'service_area');
      const match = matchArea(this.vocab.districts, areaName);
      if (match === 'city') record.cityWide = true;
      else if (match) {
        if (!record.districtCodes.includes(match)) record.districtCodes.push(match);
      } else if (areaName) warn(`Tjenesteområdet «${short(areaName)}» er ikke Oslo eller en bydel i Oslo og ble utelatt.`, at);
    });

    // Taxonomy terms and Rusfag's extension fields.
    const ext = new Map<HsdsExtensionCode, string>();
    list(raw, 'attributes').forEach((attribute, i) => {
      const at = this.childSource(attribute, source, 'attributes', i);
      const term = object(attribute, 'taxonomy_term') ?? input.terms.get(text(attribute, 'taxonomy_term_id')) ?? null;
      if (!term) {
        warn(`Attributtet viser til taksonomiterm «${short(text(attribute, 'taxonomy_term_id'))}», som ikke finnes i filen; det ble utelatt.`, at);
        return;
      }
      const taxonomy =
        text(term, 'taxonomy') || text(object(term, 'taxonomy_detail'), 'name') || text(input.taxonomies.get(text(term, 'taxonomy_id')), 'name') || text(term, 'vocabulary');
      const code = text(term, 'code');
      if (taxonomy === 'rusfag-felt') {
        if (Object.hasOwn(HSDS_EXTENSION_TERMS, code)) ext.set(code as HsdsExtensionCode, text(attribute, 'value'));
        return;
      }
      const termName = text(term, 'name') || text(term, 'term');
      const match = matchTerm(this.vocab.terms, { taxonomy, code, name: termName });
      if (!match) {
        warn(`Termen «${short(termName || code)}»${taxonomy ? ` (${short(taxonomy, 40)})` : ''} er ikke en målgruppe eller kategori i Rusfag og ble utelatt.`, at);
        return;
      }
      const target = match.taxonomy === 'target_group' ? record.targetGroups : record.categories;
      if (!target.includes(match.code)) target.push(match.code);
    });
    record.nameEn = this.limited(ext.get('name_en') ?? '', LIMITS.name, 'Det engelske navnet', error);
    record.descriptionEn = this.limited(ext.get('description_en') ?? '', LIMITS.description, 'Den engelske beskrivelsen', error);
    record.eligibilityEn = this.limited(ext.get('eligibility_description_en') ?? '', LIMITS.eligibility, 'Den engelske teksten om hvem tjenesten er for', error);
    record.howToGetInEn = this.limited(ext.get('application_process_en') ?? '', LIMITS.howToGetIn, 'Den engelske teksten om hvordan man får tjenesten', error);
    const referral = ext.get('referral_required');
    record.referralRequired = referral === undefined ? null : yesNo(referral);
    record.hoursExample = ext.get('hours_example') === 'true';

    // Opening hours: the service's own schedules, else those of its service-at-location, else its location's.
    let schedules = list(raw, 'schedules').map((s, i) => ({ schedule: s, at: this.childSource(s, source, 'schedules', i) }));
    if (!schedules.length) {
      const candidates = sals
        .map((sal, s) => {
          const own = list(sal, 'schedules').map((schedule, i) => ({ schedule, at: this.childSource(schedule, this.childSource(sal, source, 'service_at_locations', s), 'schedules', i) }));
          if (own.length) return own;
          const location = locationsById.get(text(sal, 'location_id') || text(object(sal, 'location'), 'id'));
          return location ? list(location.raw, 'schedules').map((schedule, i) => ({ schedule, at: this.childSource(schedule, location.source, 'schedules', i) })) : [];
        })
        .filter((c) => c.length);
      if (candidates.length > 1) warn('Tjenesten har ulike åpningstider på flere steder; åpningstidene for det første stedet ble brukt.');
      schedules = candidates[0] ?? [];
    }
    this.hours(record, schedules, error);
    return record;
  }

  private hours(record: ImportService, schedules: { schedule: Raw; at: ImportSource }[], error: (message: string, at?: ImportSource) => void): void {
    const notes: string[] = [];
    for (const { schedule: s, at } of schedules) {
      const freq = text(s, 'freq').toUpperCase();
      const byday = text(s, 'byday');
      const interval = numberOf(s.interval);
      const time = (key: 'opens_at' | 'closes_at'): string | null | undefined => {
        const value = text(s, key);
        if (!value) return undefined;
        const parsed = parseHsdsTime(value);
        if (!parsed.ok) {
          error(`${key === 'opens_at' ? 'Åpningstiden' : 'Stengetiden'}: ${parsed.message}`, at);
          return null;
        }
        return parsed.time;
      };
      const date = (key: 'valid_from' | 'valid_to'): string | null | undefined => {
        const value = text(s, key);
        if (!value) return undefined;
        const parsed = parseHsdsDate(value);
        if (!parsed) error(`Datoen «${short(value)}» (${key}) er ikke en gyldig dato (ÅÅÅÅ-MM-DD).`, at);
        return parsed;
      };
      const opens = time('opens_at');
      const closes = time('closes_at');
      const from = date('valid_from');
      const to = date('valid_to');
      if (opens === null || closes === null || from === null || to === null) continue;
      if (freq && freq !== 'WEEKLY') {
        error(`Gjentakelsen «${short(freq)}» kan ikke leses; Rusfag har ukentlige åpningstider og datoer med unntak.`, at);
        continue;
      }
      if (interval !== null && interval !== 1) {
        error(`Åpningstider som gjentas hver ${interval}. uke kan ikke lagres; Rusfag har bare ukentlige åpningstider.`, at);
        continue;
      }
      if (byday || freq === 'WEEKLY') {
        const days = byday.split(',').map((d) => d.trim().toUpperCase()).filter(Boolean);
        const bad = days.filter((d) => !BYDAY.includes(d));
        if (!days.length) error('Den ukentlige åpningstiden mangler ukedager (byday).', at);
        else if (bad.length) error(`Ukedagen «${short(bad.join(','))}» kan ikke leses; bruk MO, TU, WE, TH, FR, SA eller SU.`, at);
        else if (!opens || !closes) error('Den ukentlige åpningstiden mangler åpnings- eller stengetid.', at);
        else {
          for (const day of days) {
            record.hours.weekly.push({ weekday: BYDAY.indexOf(day) + 1, opensAt: opens, closesAt: closes, validFrom: from ?? null, validTo: to ?? null });
          }
        }
        continue;
      }
      const description = text(s, 'description');
      const note = text(s, 'notes');
      if (from || to) {
        const closedFlag = s.$closed === true;
        const closed = closedFlag || (!opens && !closes);
        if (!closed && (!opens || !closes)) {
          error('Unntaket mangler åpnings- eller stengetid.', at);
          continue;
        }
        const generated = note === 'Stengt' || note === 'Endret åpningstid';
        const reason = description || (generated ? '' : note) || (closed ? 'Stengt' : 'Endret åpningstid');
        record.hours.exceptions.push({ from: from ?? to!, to: to ?? from!, closed, opensAt: closed ? null : opens!, closesAt: closed ? null : closes!, reason });
        continue;
      }
      if (opens || closes) {
        error(`Åpningstiden ${opens ?? ''}–${closes ?? ''} mangler ukedager (byday) eller datoer (valid_from/valid_to).`, at);
        continue;
      }
      if (description || note) notes.push([description, note].filter(Boolean).join(' '));
    }
    record.hoursNote = this.limited(notes.join('\n'), LIMITS.hoursNote, 'Merknaden om åpningstider', error);
    for (const problem of validateOpeningHours(record.hours)) {
      error(`Åpningstidene: ${problem.message}`);
    }
  }
}

const ENTITY_NAMES: Record<'organization' | 'location' | 'service', string> = { organization: 'Organisasjonen', location: 'Stedet', service: 'Tjenesten' };

function fatal(message: string, file: string | null = null, line: number | null = null): ImportProblem {
  return { severity: 'error', entity: 'file', id: null, name: null, file, line, path: null, message };
}

const emptyBundle = (format: ImportFormat, problems: ImportProblem[]): ImportBundle => ({
  format,
  organizations: [],
  locations: [],
  services: [],
  problems: [],
  fatal: problems,
});

// ————————————————————————————————————————————— HSDS 3.0 JSON

/**
 * HSDS 3.0 JSON: Rusfag's export ({ services, organizations, taxonomy_terms }), a page of the API
 * ({ contents }), an array of services, or one service. Organisations come from `organizations`
 * (with nested `services` and `locations`) and from each service's `organization`; locations from
 * the services' service_at_locations and the organisations' locations.
 */
export function readHsdsJson(source: string, vocab: ImportVocabulary): ImportBundle {
  let root: unknown;
  try {
    root = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    return emptyBundle('hsds-json', [fatal(`Filen er ikke gyldig JSON: ${e instanceof Error ? e.message : String(e)}.`)]);
  }
  const input: RawInput = { organizations: [], locations: [], services: [], terms: new Map(), taxonomies: new Map() };
  const at = (path: string): ImportSource => ({ file: null, line: null, path });
  let services: unknown[] = [];
  let servicesPath = 'services';
  if (Array.isArray(root)) {
    services = root;
    servicesPath = '';
  } else if (isRaw(root)) {
    if (Array.isArray(root.services)) services = root.services;
    else if (Array.isArray(root.contents)) {
      services = root.contents;
      servicesPath = 'contents';
    } else if (typeof root.name === 'string' && ('status' in root || 'organization_id' in root || 'organization' in root)) {
      services = [root];
      servicesPath = '';
    }
  } else {
    return emptyBundle('hsds-json', [fatal('Filen inneholder ikke HSDS-data (et objekt eller en liste med tjenester).')]);
  }
  const itemPath = (base: string, i: number) => (base ? `${base}[${i}]` : `[${i}]`);
  const organizations = isRaw(root) ? list(root, 'organizations') : [];
  if (!services.length && !organizations.length) {
    return emptyBundle('hsds-json', [fatal('Fant ingen tjenester eller organisasjoner i filen (services, organizations eller contents).')]);
  }
  if (isRaw(root)) {
    for (const term of list(root, 'taxonomy_terms')) if (text(term, 'id')) input.terms.set(text(term, 'id'), term);
    for (const taxonomy of list(root, 'taxonomies')) if (text(taxonomy, 'id')) input.taxonomies.set(text(taxonomy, 'id'), taxonomy);
  }
  const addLocation = (location: Raw, path: string, organizationId: string) => {
    input.locations.push({ raw: organizationId && !text(location, 'organization_id') ? { ...location, organization_id: organizationId } : location, source: at(path) });
  };
  const organizationIds = new Set<string>();
  organizations.forEach((organization, i) => {
    const path = `organizations[${i}]`;
    input.organizations.push({ raw: organization, source: at(path) });
    organizationIds.add(text(organization, 'id'));
    list(organization, 'locations').forEach((location, j) => addLocation(location, `${path}.locations[${j}]`, text(organization, 'id')));
    list(organization, 'services').forEach((service, j) => {
      input.services.push({ raw: text(service, 'organization_id') ? service : { ...service, organization_id: text(organization, 'id') }, source: at(`${path}.services[${j}]`) });
    });
  });
  services.forEach((service, i) => {
    const path = itemPath(servicesPath, i);
    if (!isRaw(service)) {
      input.services.push({ raw: {}, source: at(path) });
      return;
    }
    input.services.push({ raw: service, source: at(path) });
    const organization = object(service, 'organization');
    if (organization && text(organization, 'id') && !organizationIds.has(text(organization, 'id'))) {
      organizationIds.add(text(organization, 'id'));
      input.organizations.push({ raw: organization, source: at(`${path}.organization`) });
    }
    list(service, 'service_at_locations').forEach((sal, j) => {
      const location = object(sal, 'location');
      if (location) addLocation(location, `${path}.service_at_locations[${j}].location`, text(service, 'organization_id') || text(organization, 'id'));
    });
  });
  return new Normaliser(vocab, new WeakMap()).run(input, 'hsds-json');
}

// ————————————————————————————————————————————— HSDS 1.x / 2.0 tabular data packages

/** Resource names (singular, plural, 1.0–2.0 spellings) → what Rusfag reads from them. */
const RESOURCE_KINDS: Record<string, string> = {
  organization: 'organization', organizations: 'organization',
  service: 'service', services: 'service',
  location: 'location', locations: 'location',
  service_at_location: 'service_at_location', service_at_locations: 'service_at_location',
  services_at_location: 'service_at_location', services_at_locations: 'service_at_location',
  phone: 'phone', phones: 'phone',
  contact: 'contact', contacts: 'contact',
  physical_address: 'address', physical_addresses: 'address', address: 'address', addresses: 'address',
  regular_schedule: 'regular_schedule', regular_schedules: 'regular_schedule',
  holiday_schedule: 'holiday_schedule', holiday_schedules: 'holiday_schedule',
  schedule: 'schedule', schedules: 'schedule',
  language: 'language', languages: 'language',
  eligibility: 'eligibility', eligibilities: 'eligibility',
  service_area: 'service_area', service_areas: 'service_area',
  accessibility_for_disabilities: 'accessibility', accessibility: 'accessibility', accessibilities: 'accessibility',
  service_taxonomy: 'service_taxonomy', service_taxonomies: 'service_taxonomy',
  taxonomy: 'taxonomy', taxonomies: 'taxonomy',
  taxonomy_term: 'taxonomy_term', taxonomy_terms: 'taxonomy_term',
  service_attribute: 'attribute', service_attributes: 'attribute', attribute: 'attribute', attributes: 'attribute',
  cost_option: 'cost_option', cost_options: 'cost_option',
};

/** Files that HSDS has but Rusfag has no place for; they are named in the report as not read. */
const UNUSED_KINDS = new Set([
  'program', 'programs', 'funding', 'fundings', 'metadata', 'meta_table_description', 'meta_table_descriptions', 'required_document',
  'required_documents', 'payment_accepted', 'payments_accepted', 'interpretation_services', 'accreditation', 'accreditations', 'license',
  'licenses', 'organization_identifier', 'organization_identifiers', 'postal_address', 'postal_addresses', 'fee', 'fees',
]);

/**
 * An HSDS tabular data package: `datapackage` is the text of datapackage.json, `files` the other
 * files of the zip by their path relative to it. Every resource the package names must be there;
 * rows that point at ids not in the package are reported with their file and line.
 */
export function readHsdsDatapackage(datapackage: string, files: ReadonlyMap<string, string>, vocab: ImportVocabulary): ImportBundle {
  const format = 'hsds-datapackage';
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(datapackage.replace(/^\uFEFF/, ''));
  } catch (e) {
    return emptyBundle(format, [fatal(`datapackage.json er ikke gyldig JSON: ${e instanceof Error ? e.message : String(e)}.`, 'datapackage.json')]);
  }
  const resources = isRaw(descriptor) ? list(descriptor, 'resources') : [];
  if (!resources.length) return emptyBundle(format, [fatal('datapackage.json har ingen ressurser (resources) å lese.', 'datapackage.json')]);

  const fatalProblems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const tables = new Map<string, { file: string; table: CsvTable }[]>();
  for (const resource of resources) {
    const rawPath = resource.path;
    const path = typeof rawPath === 'string' ? rawPath : Array.isArray(rawPath) && typeof rawPath[0] === 'string' ? rawPath[0] : '';
    const name = (text(resource, 'name') || path.replace(/^.*\//, '').replace(/\.csv$/i, '')).toLowerCase();
    if (!path) {
      fatalProblems.push(fatal(`Ressursen «${short(name)}» i datapackage.json mangler filnavn (path).`, 'datapackage.json'));
      continue;
    }
    if (/^[a-z]+:\/\//i.test(path)) {
      fatalProblems.push(fatal(`Ressursen «${short(name)}» peker på en nettadresse (${short(path)}); alle filene må ligge i zip-filen.`, 'datapackage.json'));
      continue;
    }
    const content = files.get(path.replace(/^\.\//, ''));
    if (content === undefined) {
      fatalProblems.push(fatal(`Filen «${short(path)}» står i datapackage.json, men finnes ikke i zip-filen.`, path));
      continue;
    }
    const kind = RESOURCE_KINDS[name] ?? RESOURCE_KINDS[path.replace(/^.*\//, '').replace(/\.csv$/i, '').toLowerCase()];
    if (!kind) {
      warnings.push({
        severity: 'warning', entity: 'file', id: null, name: null, file: path, line: null, path: null,
        message: UNUSED_KINDS.has(name) ? `Filen har opplysninger Rusfag ikke har plass til (${name}); den ble ikke lest.` : `Ressursen «${short(name)}» er ukjent i HSDS og ble ikke lest.`,
      });
      continue;
    }
    const dialect = object(resource, 'dialect');
    const header = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const delimiter = text(dialect, 'delimiter') || (!header.includes(',') && header.includes(';') ? ';' : !header.includes(',') && header.includes('\t') ? '\t' : ',');
    const table = parseCsvTable(content, delimiter);
    if ('error' in table) {
      fatalProblems.push(fatal(`${table.error} (linje ${table.line}).`, path, table.line));
      continue;
    }
    if (!table.header.includes('id') && !['eligibility', 'language', 'service_area'].includes(kind)) {
      fatalProblems.push(fatal('Filen mangler kolonnen «id».', path, 1));
      continue;
    }
    tables.set(kind, [...(tables.get(kind) ?? []), { file: path, table }]);
  }
  if (!fatalProblems.length && !tables.has('service')) fatalProblems.push(fatal('Datapakken har ingen tjenester (services.csv).', 'datapackage.json'));
  if (!fatalProblems.length && !tables.has('organization')) fatalProblems.push(fatal('Datapakken har ingen organisasjoner (organizations.csv).', 'datapackage.json'));
  if (fatalProblems.length) return emptyBundle(format, fatalProblems);

  const sources = new WeakMap<object, ImportSource>();
  const rowProblems: ImportProblem[] = [];
  const rowsOf = (kind: string): { raw: Raw; source: ImportSource }[] =>
    (tables.get(kind) ?? []).flatMap(({ file, table }) =>
      table.rows.flatMap((row) => {
        const source: ImportSource = { file, line: row.line, path: null };
        if (row.cells.length > table.header.length && row.cells.slice(table.header.length).some((c) => c.trim() !== '')) {
          rowProblems.push({
            severity: 'error', entity: 'row', id: row.cells[table.header.indexOf('id')]?.trim() || null, name: null, file, line: row.line, path: null,
            message: `Raden har ${row.cells.length} felt, men overskriften har ${table.header.length}; raden ble ikke lest.`,
          });
          return [];
        }
        const raw: Raw = {};
        table.header.forEach((column, i) => {
          if (column) raw[column] = (row.cells[i] ?? '').trim();
        });
        sources.set(raw, source);
        return [{ raw, source }];
      }),
    );
  const orphan = (row: { raw: Raw; source: ImportSource }, message: string, severity: 'error' | 'warning' = 'error') =>
    rowProblems.push({ severity, entity: 'row', id: text(row.raw, 'id') || null, name: null, file: row.source.file, line: row.source.line, path: null, message });
  const push = (raw: Raw, key: string, value: Raw) => {
    const current = raw[key];
    raw[key] = Array.isArray(current) ? [...(current as unknown[]), value] : [value];
  };

  const organizations = rowsOf('organization');
  const services = rowsOf('service');
  const locations = rowsOf('location');
  const serviceById = new Map(services.map((s) => [text(s.raw, 'id'), s.raw]));
  const locationById = new Map(locations.map((l) => [text(l.raw, 'id'), l.raw]));
  const salById = new Map<string, string>();

  for (const service of services) {
    // 1.0 had location_id on the service itself.
    const locationId = text(service.raw, 'location_id');
    if (locationId) push(service.raw, 'service_at_locations', { location_id: locationId });
  }
  for (const row of rowsOf('service_at_location')) {
    const service = serviceById.get(text(row.raw, 'service_id'));
    if (!service) {
      orphan(row, `Koblingen viser til tjenesten «${short(text(row.raw, 'service_id'))}», som ikke finnes i services.csv.`);
      continue;
    }
    salById.set(text(row.raw, 'id'), text(row.raw, 'service_id'));
    const sal: Raw = { id: text(row.raw, 'id'), location_id: text(row.raw, 'location_id') };
    sources.set(sal, row.source);
    push(service, 'service_at_locations', sal);
  }
  /** The service (or location) a row of a detail file belongs to. */
  const ownerOf = (row: { raw: Raw }): { service?: Raw; location?: Raw } => {
    const serviceId = text(row.raw, 'service_id') || salById.get(text(row.raw, 'service_at_location_id')) || (text(row.raw, 'link_entity') !== 'location' ? text(row.raw, 'link_id') : '');
    if (serviceId) return serviceById.has(serviceId) ? { service: serviceById.get(serviceId)! } : {};
    const locationId = text(row.raw, 'location_id') || (text(row.raw, 'link_entity') === 'location' ? text(row.raw, 'link_id') : '');
    if (locationId && locationById.has(locationId)) return { location: locationById.get(locationId)! };
    return {};
  };
  const describeOwner = (row: { raw: Raw }) => {
    const serviceId = text(row.raw, 'service_id') || text(row.raw, 'service_at_location_id') || text(row.raw, 'link_id');
    const locationId = text(row.raw, 'location_id');
    return serviceId ? `tjenesten «${short(serviceId)}», som ikke finnes i services.csv` : locationId ? `stedet «${short(locationId)}», som ikke finnes i locations.csv` : 'verken en tjeneste eller et sted';
  };

  const contactsById = new Map<string, Raw>();
  for (const row of rowsOf('contact')) {
    const owner = ownerOf(row);
    const contact: Raw = { ...row.raw };
    sources.set(contact, row.source);
    contactsById.set(text(row.raw, 'id'), contact);
    if (owner.service) push(owner.service, 'contacts', contact);
    else if (text(row.raw, 'organization_id') && !text(row.raw, 'service_id') && !text(row.raw, 'service_at_location_id'))
      orphan(row, 'Kontaktpersonen hører til organisasjonen, ikke en tjeneste; Rusfag har kontaktpersoner bare på tjenester, så den ble ikke tatt med.', 'warning');
    else orphan(row, `Kontaktpersonen viser til ${describeOwner(row)}.`);
  }
  for (const row of rowsOf('phone')) {
    const contact = contactsById.get(text(row.raw, 'contact_id'));
    const owner = ownerOf(row);
    const phone: Raw = { ...row.raw };
    sources.set(phone, row.source);
    if (owner.service) push(owner.service, 'phones', phone);
    else if (owner.location) push(owner.location, 'phones', phone);
    else if (contact) push(contact, 'phones', phone);
    else if (text(row.raw, 'organization_id') && !text(row.raw, 'service_id') && !text(row.raw, 'location_id'))
      orphan(row, 'Telefonnummeret hører til organisasjonen, ikke en tjeneste eller et sted; det ble ikke tatt med.', 'warning');
    else orphan(row, `Telefonnummeret viser til ${describeOwner(row)}.`);
  }
  for (const row of rowsOf('address')) {
    const location = locationById.get(text(row.raw, 'location_id'));
    if (!location) {
      orphan(row, `Adressen viser til stedet «${short(text(row.raw, 'location_id'))}», som ikke finnes i locations.csv.`);
      continue;
    }
    if (text(row.raw, 'address_type') && text(row.raw, 'address_type') !== 'physical') continue;
    const address: Raw = { ...row.raw, address_type: 'physical' };
    sources.set(address, row.source);
    push(location, 'addresses', address);
  }
  for (const row of rowsOf('accessibility')) {
    const location = locationById.get(text(row.raw, 'location_id'));
    if (!location) {
      orphan(row, `Tilgjengeligheten viser til stedet «${short(text(row.raw, 'location_id'))}», som ikke finnes i locations.csv.`);
      continue;
    }
    push(location, 'accessibility', { description: text(row.raw, 'accessibility') || text(row.raw, 'description'), details: text(row.raw, 'details') });
  }
  const schedule = (row: { raw: Raw; source: ImportSource }, value: Raw) => {
    const owner = ownerOf(row);
    sources.set(value, row.source);
    if (owner.service) push(owner.service, 'schedules', value);
    else if (owner.location) push(owner.location, 'schedules', value);
    else orphan(row, `Åpningstiden viser til ${describeOwner(row)}.`);
  };
  for (const row of rowsOf('regular_schedule')) {
    const weekdayText = text(row.raw, 'weekday');
    const weekday = parseWeekday(weekdayText);
    const owner = ownerOf(row);
    if (weekday === null && (owner.service || owner.location)) {
      const service = owner.service ?? null;
      rowProblems.push({
        severity: 'error', entity: service ? 'service' : 'location', id: text(service ?? owner.location, 'id') || null, name: text(service ?? owner.location, 'name') || null,
        file: row.source.file, line: row.source.line, path: null,
        message: `Ukedagen «${short(weekdayText)}» kan ikke leses; skriv f.eks. Monday, mandag eller 1 (mandag) – 7 (søndag).`,
      });
      continue;
    }
    schedule(row, { freq: 'WEEKLY', byday: weekday ? BYDAY[weekday - 1] : '', opens_at: text(row.raw, 'opens_at'), closes_at: text(row.raw, 'closes_at'), valid_from: text(row.raw, 'valid_from'), valid_to: text(row.raw, 'valid_to') });
  }
  for (const row of rowsOf('holiday_schedule')) {
    const closed = yesNo(text(row.raw, 'closed'));
    schedule(row, {
      valid_from: text(row.raw, 'start_date') || text(row.raw, 'valid_from'),
      valid_to: text(row.raw, 'end_date') || text(row.raw, 'valid_to') || text(row.raw, 'start_date'),
      ...(closed ? {} : { opens_at: text(row.raw, 'opens_at'), closes_at: text(row.raw, 'closes_at') }),
      description: text(row.raw, 'description'),
      $closed: closed === true,
    });
  }
  for (const row of rowsOf('schedule')) schedule(row, { ...row.raw });
  for (const row of rowsOf('language')) {
    const owner = ownerOf(row);
    const language: Raw = { code: text(row.raw, 'code'), name: text(row.raw, 'name') || text(row.raw, 'language') };
    sources.set(language, row.source);
    if (owner.service) push(owner.service, 'languages', language);
    else if (owner.location) {
      // A location's languages count for every service there.
      for (const service of services) if (list(service.raw, 'service_at_locations').some((sal) => text(sal, 'location_id') === text(owner.location, 'id'))) push(service.raw, 'languages', language);
    } else orphan(row, `Språket viser til ${describeOwner(row)}.`);
  }
  const eligibility = new Map<Raw, string[]>();
  for (const row of rowsOf('eligibility')) {
    const owner = ownerOf(row);
    if (!owner.service) {
      orphan(row, `Målgruppeteksten viser til ${describeOwner(row)}.`);
      continue;
    }
    const value = text(row.raw, 'eligibility') || text(row.raw, 'description') || text(row.raw, 'eligibility_description');
    if (value) eligibility.set(owner.service, [...(eligibility.get(owner.service) ?? []), value]);
  }
  for (const [service, values] of eligibility) if (!text(service, 'eligibility_description')) service.eligibility_description = values.join('\n');
  for (const row of rowsOf('service_area')) {
    const owner = ownerOf(row);
    if (!owner.service) {
      orphan(row, `Tjenesteområdet viser til ${describeOwner(row)}.`);
      continue;
    }
    const area: Raw = { name: text(row.raw, 'service_area') || text(row.raw, 'name'), description: text(row.raw, 'description') };
    sources.set(area, row.source);
    push(owner.service, 'service_areas', area);
  }
  for (const row of rowsOf('cost_option')) {
    const owner = ownerOf(row);
    if (owner.service) push(owner.service, 'cost_options', { ...row.raw });
    else orphan(row, `Kostnaden viser til ${describeOwner(row)}.`);
  }

  // Taxonomy: 1.x taxonomy.csv (id, name, vocabulary) + service_taxonomy.csv; 2.0/3.0 taxonomy_terms.csv + attributes.csv.
  const terms = new Map<string, Raw>();
  const taxonomies = new Map<string, Raw>();
  for (const row of rowsOf('taxonomy')) {
    if (text(row.raw, 'vocabulary') || text(row.raw, 'parent_id') || text(row.raw, 'parent_name') || !text(row.raw, 'description')) {
      terms.set(text(row.raw, 'id'), { id: text(row.raw, 'id'), code: text(row.raw, 'id'), name: text(row.raw, 'name'), taxonomy: text(row.raw, 'vocabulary') });
    }
    taxonomies.set(text(row.raw, 'id'), row.raw);
  }
  for (const row of rowsOf('taxonomy_term')) terms.set(text(row.raw, 'id'), { ...row.raw, name: text(row.raw, 'name') || text(row.raw, 'term') });
  const attribute = (row: { raw: Raw; source: ImportSource }, termId: string) => {
    const owner = ownerOf(row);
    const value: Raw = { taxonomy_term_id: termId, value: text(row.raw, 'value') || text(row.raw, 'taxonomy_detail') };
    sources.set(value, row.source);
    if (owner.service) push(owner.service, 'attributes', value);
    else if (owner.location) push(owner.location, 'attributes', value);
    else orphan(row, `Termen viser til ${describeOwner(row)}.`);
  };
  for (const row of rowsOf('service_taxonomy')) attribute(row, text(row.raw, 'taxonomy_id'));
  for (const row of rowsOf('attribute')) attribute(row, text(row.raw, 'taxonomy_term_id'));
  // Location attributes carry Rusfag's extension fields too.
  for (const location of locations) {
    const attrs = list(location.raw, 'attributes').map((a) => ({ ...a, taxonomy_term: terms.get(text(a, 'taxonomy_term_id')) ?? null }));
    if (attrs.length) location.raw.attributes = attrs;
  }

  const input: RawInput = { organizations, locations, services, terms, taxonomies };
  const bundle = new Normaliser(vocab, sources).run(input, format);
  bundle.problems.unshift(...warnings, ...rowProblems);
  // A row error about a service (an unreadable weekday) refuses that service.
  for (const problem of rowProblems) {
    if (problem.severity !== 'error') continue;
    if (problem.entity === 'service') for (const s of bundle.services) if (s.externalId === problem.id) s.refused = true;
    if (problem.entity === 'location') for (const l of bundle.locations) if (l.externalId === problem.id) l.refused = true;
  }
  return bundle;
}

// ————————————————————————————————————————————— the API contract of the import

/** The largest import body: 50 MB (base64 zip or JSON text). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export const DirectoryImportRequest = z.object({
  format: z.enum(IMPORT_FORMATS),
  /** JSON text (hsds-json) or the zip file in base64 (hsds-datapackage). */
  content: z.string().min(1).max(IMPORT_MAX_BYTES),
  /** The unit whose directory editors will keep the organisations the import creates. */
  stewardUnitId: z.uuid(),
  /** Publish the imported services at once (otherwise they are drafts). */
  publish: z.boolean().default(false),
});
export type DirectoryImportRequest = z.infer<typeof DirectoryImportRequest>;

export const DirectoryImportConfirm = z
  .object({
    /** Import the rest when some records are refused (they are left out, as the report says). */
    skipRefused: z.boolean().default(false),
  })
  .default({ skipRefused: false });

export const ImportProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  entity: z.enum(['organization', 'location', 'service', 'row', 'file']),
  id: z.string().nullable(),
  name: z.string().nullable(),
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  path: z.string().nullable(),
  message: z.string(),
});

const ImportCounts = z.object({ create: z.number().int(), update: z.number().int(), refused: z.number().int() });

/** An import: its preview (what it would do, and the report), then its progress and outcome. */
export const DirectoryImport = z.object({
  id: z.uuid(),
  format: z.enum(IMPORT_FORMATS),
  state: z.enum(['preview', 'running', 'done', 'failed']),
  stewardUnitId: z.uuid(),
  stewardName: z.string(),
  publish: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: z.object({ organizations: ImportCounts, locations: ImportCounts, services: ImportCounts }),
  errors: z.number().int(),
  warnings: z.number().int(),
  /** Every problem, errors first (the first 5,000; `errors` and `warnings` count them all). */
  problems: z.array(ImportProblemSchema),
  /** Records to write and written so far (progress while running). */
  total: z.number().int(),
  processed: z.number().int(),
  /** Why a confirmed import failed (nothing was written). */
  failure: z.string().nullable(),
});
export type DirectoryImport = z.infer<typeof DirectoryImport>;
