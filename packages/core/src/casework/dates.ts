/**
 * Calendar helpers for the casework rules: 'YYYY-MM-DD' dates read strictly, whole months added
 * with the day clamped, day counts, and the Oslo date of an instant. No clock is read here: every
 * rule takes today as a parameter.
 *
 * Internal to casework (not exported from the package index): plans/ and directory/ have helpers
 * with the same names, and `export *` would clash.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An instant as the API sends it: a date, a time and a zone (Z or ±HH:MM). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The parts of a real calendar day written 'YYYY-MM-DD' (year 1000–9999), else null. */
export function readDate(value: unknown): Ymd | null {
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value);
  if (!match) return null;
  const t = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  if (t.y < 1000 || t.m < 1 || t.m > 12 || t.d < 1 || t.d > daysInMonth(t.y, t.m)) return null;
  return t;
}

export const isDate = (value: unknown): value is string => readDate(value) !== null;

export const toIso = (t: Ymd): string => `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}`;

/**
 * A date plus (or minus) whole calendar months, the day clamped to the month's last day:
 * 31.01 + 3 months = 30.04, 30.11 + 3 months = 28.02 (29.02 in leap years). Null for a non-date
 * or a result outside the years 1000–9999.
 */
export function addMonths(iso: string, months: number): string | null {
  const t = readDate(iso);
  if (!t || !Number.isInteger(months)) return null;
  const index = t.y * 12 + (t.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1000 || y > 9999) return null;
  return toIso({ y, m, d: Math.min(t.d, daysInMonth(y, m)) });
}

// setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
function utcDay(t: Ymd): number {
  const date = new Date(0);
  date.setUTCFullYear(t.y, t.m - 1, t.d);
  return Math.round(date.getTime() / DAY_MS);
}

/** Days since 1970-01-01, or null for a non-date. */
export function dayNumber(iso: unknown): number | null {
  const t = readDate(iso);
  return t ? utcDay(t) : null;
}

export function fromDayNumber(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** A date plus (or minus) whole days; null for a non-date. */
export function addDays(iso: string, days: number): string | null {
  const n = dayNumber(iso);
  if (n === null || !Number.isInteger(days)) return null;
  const result = fromDayNumber(n + days);
  return isDate(result) ? result : null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); null when either is no date. */
export function daysFromTo(from: unknown, to: unknown): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** '2026-03-31' → '31.03.2026', the date format of every Norwegian text in Rusfag. */
export function formatNb(iso: string): string {
  const t = readDate(iso);
  return t ? `${pad(t.d)}.${pad(t.m)}.${pad(t.y, 4)}` : iso;
}

export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && INSTANT.test(value) && Number.isFinite(Date.parse(value)) && isDate(value.slice(0, 10));

let osloDateFormat: Intl.DateTimeFormat | null = null;

/** The date on the Oslo wall clock at an instant ('…Z' or with an offset); null if not an instant. */
export function osloDateOf(instant: unknown): string | null {
  if (!isInstant(instant)) return null;
  osloDateFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts: Record<string, string> = {};
  for (const part of osloDateFormat.formatToParts(new Date(Date.parse(instant)))) parts[part.type] = part.value;
  const date = `${pad(Number(parts['year']), 4)}-${parts['month'] ?? ''}-${parts['day'] ?? ''}`;
  return isDate(date) ? date : null;
}

/** A record for lenient reading of plain input; arrays are not records. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list, or empty for anything else: snapshots come from many places, and a rule never throws. */
export const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
