/**
 * Norwegian national identity numbers (domain.md §6, issue 5 item 1): fødselsnummer and D-nummer,
 * read from what a caseworker types, and synthetic numbers for demo and test data.
 *
 * An 11-digit number is DDMMYY III K1 K2:
 * - DDMMYY is the birth date. A D-nummer adds 4 to the first digit (day 41–71). Synthetic test
 *   numbers add to the month: Skatteetaten's Tenor numbers +80 (81–92), NAV's (Dolly/TPS) test
 *   numbers +40 (41–52). Both kinds can be combined with a D-nummer's day.
 * - III is the individual number; its third digit is odd for men and even for women.
 * - K1 and K2 are mod-11 check digits with the weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2
 *   (K2 over the nine digits and K1); a remainder that gives 10 means the number does not exist.
 * - The century comes from the individual number (Skatteetaten): 000–499 → 1900–1999;
 *   500–749 with YY 54–99 → 1854–1899; 900–999 with YY 40–99 → 1940–1999; 500–999 with YY 00–39 →
 *   2000–2039. Any other combination is not a number anybody has.
 *
 * Decisions (also in the report to the team):
 * - Month +40 is also how H-numbers (hjelpenummer, helse) are written, so a +40 number cannot be
 *   told from a NAV test number. It is read as synthetic: accepted only in test/demo mode, which
 *   rejects H-numbers in production, as the brief allows. The older H-numbers that start with 8 or
 *   9 have no real day and are rejected as invalid dates.
 * - D-numbers: since August 2021 Skatteetaten assigns D-numbers from other individual-number series
 *   (500–599 → 1858–1899, 000–199 → 1900–1939, 000–499 and 600–999 → 1940–1999, 200–999 →
 *   2000–2039), and a D-number's date may differ from the real birth date. A D-number is accepted
 *   when either table allows it; its birth date is the latest possible one that is not after
 *   `today` (when given), and `birthDateReliable` is false: take the real date from the client.
 * - Only spaces (U+0020) may separate digits: "010190 12345" is read, "010190-12345" is not.
 * - New numbers from 1 January 2032 will allow four values of K1 and carry no gender or century
 *   (Skatteetaten, "Nytt fødselsnummer fra 2032"). They are not accepted yet: the rules must be
 *   extended before then, and then changing K1 alone no longer always gives an invalid number.
 * - generateSyntheticNationalId always adds 80 to the month, so it cannot produce a number that
 *   could belong to a real person.
 */
import { isDate, pad, readDate, type Ymd } from './dates.js';

export type NationalIdKind = 'fnr' | 'dnr';
export type Gender = 'female' | 'male';
/** 'tenor': Skatteetaten's synthetic numbers (month + 80); 'nav': NAV's test numbers (month + 40). */
export type SyntheticScheme = 'tenor' | 'nav';

export const NATIONAL_ID_ERROR_CODES = [
  'empty',
  'invalid_characters',
  'wrong_length',
  'invalid_date',
  'invalid_individual_number',
  'invalid_check_digit',
  'synthetic_not_allowed',
  'future_birth_date',
] as const;
export type NationalIdErrorCode = (typeof NATIONAL_ID_ERROR_CODES)[number];

export interface NationalIdValid {
  ok: true;
  /** The 11 digits, without spaces: store this. */
  value: string;
  kind: NationalIdKind;
  synthetic: boolean;
  syntheticScheme: SyntheticScheme | null;
  /** 'YYYY-MM-DD' from the number (without the D and synthetic offsets). */
  birthDate: string;
  /** False for D-numbers: their date and century may differ from the person's real birth date. */
  birthDateReliable: boolean;
  gender: Gender;
}

export interface NationalIdInvalid {
  ok: false;
  code: NationalIdErrorCode;
  /** For people, in Norwegian. */
  message: string;
}

export type NationalIdResult = NationalIdValid | NationalIdInvalid;

export interface NationalIdOptions {
  /** Accept synthetic test numbers: only when the instance runs in demo or test mode. */
  allowSynthetic?: boolean;
  /** 'YYYY-MM-DD': refuse a birth date after it, and choose a D-number's century with it. */
  today?: string;
}

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;
const MAX_INPUT = 64;

const MESSAGES: Record<NationalIdErrorCode, string> = {
  empty: 'Skriv fødselsnummer eller D-nummer (11 sifre).',
  invalid_characters: 'Fødselsnummeret kan bare inneholde sifre og mellomrom.',
  wrong_length: 'Fødselsnummeret må ha 11 sifre.',
  invalid_date: 'De seks første sifrene må være en dato som finnes (DDMMÅÅ).',
  invalid_individual_number: 'Individnummeret (siffer 7–9) passer ikke med fødselsåret. Sjekk at nummeret er skrevet riktig.',
  invalid_check_digit: 'Kontrollsifrene stemmer ikke. Sjekk at nummeret er skrevet riktig.',
  synthetic_not_allowed: 'Dette er et syntetisk testnummer. Testnumre kan bare brukes i demo- og testmiljø.',
  future_birth_date: 'Fødselsdatoen i nummeret er fram i tid.',
};

const fail = (code: NationalIdErrorCode, message: string = MESSAGES[code]): NationalIdInvalid => ({ ok: false, code, message });

/** One mod-11 check digit, or null when the remainder gives 10 (no such number). */
function checkDigit(digits: readonly number[], weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  const k = (11 - (sum % 11)) % 11;
  return k === 10 ? null : k;
}

/** K1 and K2 for the first nine digits, or null when either would be 10. */
function checkDigits(nine: readonly number[]): [number, number] | null {
  const k1 = checkDigit(nine, W1);
  if (k1 === null) return null;
  const k2 = checkDigit([...nine, k1], W2);
  return k2 === null ? null : [k1, k2];
}

/** The century of a fødselsnummer by Skatteetaten's individual-number table, or null. */
function classicCentury(individual: number, yy: number): number | null {
  if (individual <= 499) return 1900;
  if (individual <= 749 && yy >= 54) return 1800;
  if (individual >= 900 && yy >= 40) return 1900;
  if (yy <= 39) return 2000;
  return null;
}

/** The centuries of the D-number series used since August 2021. */
function dnumberCenturies2021(individual: number, yy: number): number[] {
  const out: number[] = [];
  if (individual >= 500 && individual <= 599 && yy >= 58) out.push(1800);
  if (individual <= 199 && yy <= 39) out.push(1900);
  if ((individual <= 499 || individual >= 600) && yy >= 40) out.push(1900);
  if (individual >= 200 && yy <= 39) out.push(2000);
  return out;
}

/**
 * Reads a fødselsnummer or D-nummer. Spaces between the digits are allowed, nothing else. Never
 * throws, whatever it is given.
 */
export function parseNationalId(text: unknown, options: NationalIdOptions = {}): NationalIdResult {
  if (typeof text !== 'string') return fail('empty');
  if (text.length > MAX_INPUT) return fail('wrong_length');
  const compact = text.replace(/ /g, '');
  if (compact === '') return fail('empty');
  if (!/^\d+$/.test(compact)) return fail('invalid_characters');
  if (compact.length !== 11) {
    return fail('wrong_length', `Fødselsnummeret må ha 11 sifre (det har ${compact.length}).`);
  }
  const digits = [...compact].map(Number);
  const [dd, mm, yy, individual] = [Number(compact.slice(0, 2)), Number(compact.slice(2, 4)), Number(compact.slice(4, 6)), Number(compact.slice(6, 9))];

  const kind: NationalIdKind = dd > 40 ? 'dnr' : 'fnr';
  const day = kind === 'dnr' ? dd - 40 : dd;
  const scheme: SyntheticScheme | null = mm > 80 ? 'tenor' : mm > 40 ? 'nav' : null;
  const month = scheme === 'tenor' ? mm - 80 : scheme === 'nav' ? mm - 40 : mm;
  if (day < 1 || day > 31 || month < 1 || month > 12) return fail('invalid_date');

  // Every century the individual number allows whose calendar has this day (29.02 needs a leap year).
  const classic = classicCentury(individual, yy);
  const centuries = kind === 'dnr' ? [...new Set([...(classic === null ? [] : [classic]), ...dnumberCenturies2021(individual, yy)])] : classic === null ? [] : [classic];
  if (centuries.length === 0) return fail('invalid_individual_number');
  const dates = centuries
    .map((c) => `${pad(c + yy, 4)}-${pad(month)}-${pad(day)}`)
    .filter(isDate)
    .sort();
  if (dates.length === 0) return fail('invalid_date');

  const expected = checkDigits(digits.slice(0, 9));
  if (!expected || expected[0] !== digits[9] || expected[1] !== digits[10]) return fail('invalid_check_digit');

  if (scheme !== null && options.allowSynthetic !== true) {
    return fail(
      'synthetic_not_allowed',
      scheme === 'tenor'
        ? 'Dette er et syntetisk testnummer (måned + 80). Testnumre kan bare brukes i demo- og testmiljø.'
        : 'Dette er et testnummer (måned + 40) eller et H-nummer. Ingen av delene kan brukes her; skriv fødselsnummer eller D-nummer.',
    );
  }

  const today = isDate(options.today) ? options.today : null;
  const possible = today === null ? dates : dates.filter((d) => d <= today);
  const birthDate = possible[possible.length - 1];
  if (birthDate === undefined) return fail('future_birth_date');

  return {
    ok: true,
    value: compact,
    kind,
    synthetic: scheme !== null,
    syntheticScheme: scheme,
    birthDate,
    birthDateReliable: kind === 'fnr',
    gender: (digits[8] ?? 0) % 2 === 1 ? 'male' : 'female',
  };
}

/** True when parseNationalId accepts the text with these options. */
export function isValidNationalId(text: unknown, options: NationalIdOptions = {}): boolean {
  return parseNationalId(text, options).ok;
}

/** "01019012345" → "010190 12345" for reading; anything else as given. */
export function formatNationalId(value: string): string {
  const compact = typeof value === 'string' ? value.replace(/ /g, '') : '';
  return /^\d{11}$/.test(compact) ? `${compact.slice(0, 6)} ${compact.slice(6)}` : String(value);
}

/**
 * "01019012345" → "010190 *****": the date part only, for lists and search results where the
 * whole number is not needed (domain.md §6: show no more personal data than the task needs).
 */
export function maskNationalId(value: string): string {
  const compact = typeof value === 'string' ? value.replace(/ /g, '') : '';
  return /^\d{11}$/.test(compact) ? `${compact.slice(0, 6)} *****` : '***********';
}

/** Individual numbers a person born in `year` can have, by Skatteetaten's (classic) table. */
function individualRanges(year: number): [number, number][] {
  if (year >= 1854 && year <= 1899) return [[500, 749]];
  if (year >= 1900 && year <= 1939) return [[0, 499]];
  if (year >= 1940 && year <= 1999) return [[0, 499], [900, 999]];
  if (year >= 2000 && year <= 2039) return [[500, 999]];
  return [];
}

/**
 * A synthetic national id (Skatteetaten's scheme: month + 80) for demo and test data, born on
 * `birthDate` (1854–2039) with the given gender; a D-nummer too with kind 'dnr'. Deterministic for
 * a deterministic `rng` (a function returning numbers in [0, 1), like Math.random). Throws a
 * RangeError for a birth date or gender it cannot encode: callers are programs, not people.
 */
export function generateSyntheticNationalId(
  rng: () => number,
  birthDate: string,
  gender: Gender,
  options: { kind?: NationalIdKind } = {},
): string {
  const t: Ymd | null = readDate(birthDate);
  const ranges = t ? individualRanges(t.y) : [];
  if (!t || ranges.length === 0) throw new RangeError(`Cannot encode the birth date ${String(birthDate)} (1854–2039).`);
  if (gender !== 'female' && gender !== 'male') throw new RangeError(`Unknown gender ${String(gender)}.`);
  const parity = gender === 'male' ? 1 : 0;
  const candidates: number[] = [];
  for (const [from, to] of ranges) for (let i = from; i <= to; i++) if (i % 2 === parity) candidates.push(i);

  const day = options.kind === 'dnr' ? t.d + 40 : t.d;
  const head = [...`${pad(day)}${pad(t.m + 80)}${pad(t.y % 100)}`].map(Number);
  const r = rng();
  const start = Number.isFinite(r) ? Math.min(candidates.length - 1, Math.max(0, Math.floor(r * candidates.length))) : 0;
  // Walk from a random start: about one individual number in six gives a check digit of 10.
  for (let n = 0; n < candidates.length; n++) {
    const individual = candidates[(start + n) % candidates.length] ?? 0;
    const nine = [...head, ...[...pad(individual, 3)].map(Number)];
    const k = checkDigits(nine);
    if (k) return [...nine, ...k].join('');
  }
  throw new RangeError(`No synthetic number exists for ${birthDate}.`);
}
