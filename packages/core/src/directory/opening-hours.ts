/**
 * Opening hours of the service directory (model.ts: WeeklyHours, HoursException, OpeningHours):
 * validating them, deciding "open now" on the Oslo clock, and describing them in a few lines.
 *
 * How the hours are read:
 * - Times are Europe/Oslo wall-clock 'HH:MM'. Opening 00:00–23:59; closing 00:00–24:00, where
 *   '00:00' and '24:00' both mean midnight at the end of the day. A closing time before the
 *   opening time runs past midnight: Friday 20:00–02:00 is open until 02:00 on Saturday.
 *   '00:00'–'24:00' is open all day; any other pair of equal times is an error (ambiguous).
 * - Store with toMinutes(opensAt) and toMinutes(closesAt, 'closes'): a closing '00:00' is 1440,
 *   never 0, as closes_min 1–1440 requires.
 * - In minutes (as the database stores them: opens_min 0–1439, closes_min 1–1440) an interval is
 *   opens..closes of its own day, closes > 1440 when it runs past midnight; never longer than 24 h.
 *   Intervals are half-open: open at opens, closed at closes.
 * - A day's hours: if any exception covers the date, the exceptions alone decide (a closed one
 *   wins over open ones, which validation forbids anyway); otherwise the weekly rules for the
 *   weekday whose season (validFrom–validTo, inclusive, either side open) covers the date.
 *   The previous day's intervals that run past midnight also count ("Friday's night"), even when
 *   an exception closes the next day: New Year's Eve 20:00–03:00 is open at 02:00 on 1 January.
 * - Everything is wall-clock: on the spring DST day 02:00–02:59 does not exist, so a time in that
 *   hour is shown as written (a service "opening 02:30" opens in practice at 03:00).
 * - Empty optional fields: null, undefined and '' all mean "not given" (forms send '').
 *
 * Decisions where the brief left a choice (also in the report to the team):
 * - Overlapping exceptions are an error, except open exceptions with exactly the same from and to
 *   (Christmas Eve 10:00–12:00 and 14:00–16:00), whose times must not overlap. Holidays that fall
 *   on the same day (Kristi himmelfartsdag on 1 May 2008, 17 May = 2. pinsedag in 2027) must
 *   therefore become one exception: see norwegianPublicHolidays.
 * - Weekly rules overlap when they share time on a week's clock (Sunday 22:00–02:00 overlaps
 *   Monday 01:00–03:00) and their seasons share at least one date. Ordinary hours without a
 *   season plus summer hours for June–August overlap: end the ordinary season, or use exceptions.
 * - Dates must be real days in 1900–2100 (as the deadline parser); computation accepts 1000–9999.
 * - formatWeekly lists closed days ("Søndag stengt") only when at least one day is open, and
 *   gives no lines at all when there are no weekly rules (the caller says "not registered").
 *   Two neighbouring days read "Lørdag og søndag"; three or more "Mandag–fredag"; all seven
 *   "Alle dager". Without a date it shows every rule whatever its season: pass the Oslo date on
 *   public pages.
 * - Dates in formatted text are 23.11.2026 in both languages, as everywhere in Rusfag
 *   (CONTRIBUTING.md; web/src/app/format.ts). Times: nb 08.00 (Norwegian typography), en 08:00.
 * - openStatus's closesAt/opensNext are wall-clock {date, time}; closing at midnight is the next
 *   date at '00:00'. Touching intervals (Friday 20:00–24:00 and Saturday 00:00–02:00) are one
 *   opening. closesAt is null when no closing is found within 14 days (open around the clock).
 *   The 14 days are counted on the wall clock (14 × 24 h of Oslo time from now).
 */
import type { Language } from '../common/contract.js';
import type { HoursException, OpeningHours } from './model.js';

export const MAX_WEEKLY_RULES = 200;
export const MAX_EXCEPTIONS = 400;
export const MAX_REASON_LENGTH = 200;
/** How far openStatus looks for the next opening or closing. */
export const OPEN_STATUS_HORIZON_DAYS = 14;

const DAY = 1440;
const TIME_ZONE = 'Europe/Oslo';
const WEEK = 7 * DAY;

// ————————————————————————————————————————————— times

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * 'HH:MM' → minutes after midnight, or null when not a time. As an opening time 00:00–23:59
 * (0–1439); as a closing time 00:00–24:00 where both mean midnight (1440), as closes_min 1–1440.
 */
export function toMinutes(time: unknown, role: 'opens' | 'closes' = 'opens'): number | null {
  if (typeof time !== 'string') return null;
  if (time === '24:00') return role === 'closes' ? DAY : null;
  const m = TIME.exec(time);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return role === 'closes' && minutes === 0 ? DAY : minutes;
}

/**
 * Minutes → 'HH:MM'. 1440 is '24:00' (closing at midnight); 1441–2879 are past midnight and
 * shown on the next day's clock (1560 → '02:00'). Throws a RangeError for anything else: minutes
 * come from the database or from this module, so a bad value is a bug, not user input.
 */
export function fromMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 2 * DAY) {
    throw new RangeError(`Not a minute of the day: ${minutes}`);
  }
  if (minutes === DAY) return '24:00';
  const m = minutes % DAY;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** An interval in minutes from opensAt/closesAt, or null when either is not a time or they are equal. */
function interval(opensAt: unknown, closesAt: unknown): Interval | null {
  const opens = toMinutes(opensAt, 'opens');
  const closes = toMinutes(closesAt, 'closes');
  if (opens === null || closes === null) return null;
  // Equal times are ambiguous (closed? all day?); all day is written 00:00–24:00.
  if (opensAt === closesAt) return null;
  // A closing at or before the opening runs past midnight.
  return { opens, closes: closes <= opens ? closes + DAY : closes };
}

// ————————————————————————————————————————————— calendar (day numbers, no time zones)

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Days since 1970-01-01 for a real 'YYYY-MM-DD' with a year in [minYear, maxYear], else null. */
function dayNumber(value: unknown, minYear = 1000, maxYear = 9999): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < minYear || y > maxYear) return null;
  const n = Math.round(utcMs(y, mo, d) / 86_400_000);
  return isoDate(n) === value ? n : null;
}

// setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
function utcMs(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

function isoDate(day: number): string {
  const t = new Date(day * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** ISO weekday, 1 = Monday; day 0 (1970-01-01) was a Thursday. */
const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7 + 1;

/** Optional dates: null, undefined and '' are "not given". */
const given = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

// ————————————————————————————————————————————— reading hours leniently

export interface Interval {
  /** Minutes after the day's midnight, 0–1439. */
  opens: number;
  /** Minutes after the same midnight, opens+1 … opens+1439 (above 1440 past midnight). */
  closes: number;
}

interface Rule extends Interval {
  weekday: number;
  from: number | null;
  to: number | null;
}

interface Exception {
  from: number;
  to: number;
  closed: boolean;
  interval: Interval | null;
}

interface Hours {
  rules: Rule[];
  exceptions: Exception[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The usable parts of hours that may not have been validated: entries that validation would
 * reject are left out (an exception that covers its dates still covers them, with no hours).
 */
function read(hours: unknown): Hours {
  const h = isRecord(hours) ? hours : {};
  const rules: Rule[] = [];
  for (const r of list(h['weekly'])) {
    if (!isRecord(r)) continue;
    const weekday = r['weekday'];
    const i = interval(r['opensAt'], r['closesAt']);
    const from = given(r['validFrom']) ? dayNumber(r['validFrom']) : null;
    const to = given(r['validTo']) ? dayNumber(r['validTo']) : null;
    if (typeof weekday !== 'number' || !Number.isInteger(weekday) || weekday < 1 || weekday > 7 || !i) continue;
    if ((given(r['validFrom']) && from === null) || (given(r['validTo']) && to === null)) continue;
    rules.push({ weekday, ...i, from, to });
  }
  const exceptions: Exception[] = [];
  for (const e of list(h['exceptions'])) {
    if (!isRecord(e) || typeof e['closed'] !== 'boolean') continue;
    const from = dayNumber(e['from']);
    const to = dayNumber(e['to']);
    if (from === null || to === null || from > to) continue;
    const closed = e['closed'];
    exceptions.push({ from, to, closed, interval: closed ? null : interval(e['opensAt'], e['closesAt']) });
  }
  return { rules, exceptions };
}

function scheduleOf(h: Hours, day: number): Interval[] {
  const covering = h.exceptions.filter((e) => e.from <= day && day <= e.to);
  let intervals: Interval[];
  if (covering.length > 0) {
    intervals = covering.some((e) => e.closed) ? [] : covering.flatMap((e) => (e.interval ? [e.interval] : []));
  } else {
    const weekday = weekdayOf(day);
    intervals = h.rules.filter((r) => r.weekday === weekday && (r.from === null || r.from <= day) && (r.to === null || day <= r.to));
  }
  return intervals.map(({ opens, closes }) => ({ opens, closes })).sort((a, b) => a.opens - b.opens || a.closes - b.closes);
}

function openAt(h: Hours, day: number, minute: number): boolean {
  return (
    scheduleOf(h, day).some((i) => i.opens <= minute && minute < i.closes) ||
    scheduleOf(h, day - 1).some((i) => i.opens <= minute + DAY && minute + DAY < i.closes)
  );
}

// ————————————————————————————————————————————— the Oslo clock

export interface OsloLocal {
  /** 'YYYY-MM-DD' in Oslo. */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after Oslo midnight, 0–1439. */
  minute: number;
}

let osloFormat: Intl.DateTimeFormat | null = null;

/**
 * The Oslo wall clock at an instant, whatever the machine's time zone; daylight saving time comes
 * from the time zone database (via Intl). Throws a RangeError for an invalid Date.
 */
export function osloLocal(instant: Date): OsloLocal {
  osloFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    // h23, not hour12: false: some engines answer '24' for midnight with the latter.
    hourCycle: 'h23',
  });
  const p: Record<string, string> = {};
  for (const part of osloFormat.formatToParts(instant)) p[part.type] = part.value;
  const date = `${pad(Number(p['year']), 4)}-${p['month'] ?? ''}-${p['day'] ?? ''}`;
  const day = dayNumber(date);
  return {
    date,
    weekday: day === null ? 0 : weekdayOf(day),
    minute: (Number(p['hour']) % 24) * 60 + Number(p['minute']),
  };
}

// ————————————————————————————————————————————— schedules and "open now"

/**
 * The intervals that start on a date ('YYYY-MM-DD'), sorted; closes above 1440 run past midnight.
 * An unreadable date has none. Entries that validation would reject are ignored.
 */
export function daySchedule(hours: OpeningHours, date: string): Interval[] {
  const day = dayNumber(date);
  return day === null ? [] : scheduleOf(read(hours), day);
}

/** Whether open at an Oslo wall-clock minute (0–1439) of a date, counting the previous night's hours. */
export function isOpenAt(hours: OpeningHours, local: { date: string; minute: number }): boolean {
  const day = dayNumber(local.date);
  const { minute } = local;
  if (day === null || !Number.isInteger(minute) || minute < 0 || minute >= DAY) return false;
  return openAt(read(hours), day, minute);
}

/** A wall-clock moment in Oslo: date 'YYYY-MM-DD', time 'HH:MM' (midnight is the next date's 00:00). */
export interface LocalMoment {
  date: string;
  time: string;
}

export type OpenStatus =
  | { state: 'open'; closesAt: LocalMoment | null }
  | { state: 'closed'; opensNext: LocalMoment | null }
  | { state: 'unknown' };

const moment = (t: number): LocalMoment => {
  const day = Math.floor(t / DAY);
  return { date: isoDate(day), time: fromMinutes(t - day * DAY) };
};

/**
 * Open or closed at an instant, on the Oslo clock. 'unknown' when there are no (usable) weekly
 * rules and no exceptions, or the instant is not a valid Date. Looks 14 days ahead for the next
 * closing or opening: closesAt null = open around the clock; opensNext null = closed for 14 days.
 */
export function openStatus(hours: OpeningHours, instant: Date): OpenStatus {
  const h = read(hours);
  if ((h.rules.length === 0 && h.exceptions.length === 0) || Number.isNaN(instant.getTime())) return { state: 'unknown' };
  const local = osloLocal(instant);
  const today = dayNumber(local.date);
  if (today === null) return { state: 'unknown' };
  // One line of wall-clock minutes from yesterday (its night may reach into today) to the horizon.
  const now = today * DAY + local.minute;
  const horizon = now + OPEN_STATUS_HORIZON_DAYS * DAY;
  const spans: { start: number; end: number }[] = [];
  for (let day = today - 1; day <= today + OPEN_STATUS_HORIZON_DAYS; day++) {
    for (const i of scheduleOf(h, day)) spans.push({ start: day * DAY + i.opens, end: day * DAY + i.closes });
  }
  spans.sort((a, b) => a.start - b.start);
  // Touching or overlapping intervals are one opening: 20:00–24:00 then 00:00–02:00 closes at 02:00.
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const current = merged.find((s) => s.start <= now && now < s.end);
  if (current) return { state: 'open', closesAt: current.end > horizon ? null : moment(current.end) };
  const next = merged.find((s) => s.start > now && s.start <= horizon);
  return { state: 'closed', opensNext: next ? moment(next.start) : null };
}

// ————————————————————————————————————————————— validation

export const HOURS_PROBLEM_CODES = [
  /** Not an object / list / boolean where one is expected. */
  'invalid_type',
  'too_many_weekly',
  'too_many_exceptions',
  'weekday_invalid',
  'time_invalid',
  /** Opening and closing at the same time (other than 00:00–24:00). */
  'times_equal',
  'date_invalid',
  /** validFrom after validTo. */
  'season_order',
  /** An exception's from after its to. */
  'exception_order',
  /** An open exception without opensAt or closesAt. */
  'exception_times_missing',
  /** A closed exception with opensAt or closesAt. */
  'exception_times_not_allowed',
  /** Date ranges that overlap without being identical open exceptions. */
  'exception_overlap',
  /** Open exceptions for the same dates whose times overlap. */
  'exception_times_overlap',
  'weekly_overlap',
  'reason_required',
  'reason_too_long',
] as const;
export type HoursProblemCode = (typeof HOURS_PROBLEM_CODES)[number];

export interface HoursProblem {
  /** Where: ['weekly', 2, 'closesAt']; [] for the whole value. */
  path: (string | number)[];
  code: HoursProblemCode;
  /** For people, in Norwegian. */
  message: string;
}

const WEEKDAYS_NB = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const nbDate = (day: number): string => {
  const [y, m, d] = isoDate(day).split('-');
  return `${d ?? ''}.${m ?? ''}.${y ?? ''}`;
};
const nbDates = (from: number, to: number): string => (from === to ? nbDate(from) : `${nbDate(from)}–${nbDate(to)}`);
const clock = (i: Interval, lang: Language): string => {
  const text = `${fromMinutes(i.opens)}–${fromMinutes(i.closes)}`;
  return lang === 'nb' ? text.replace(/:/g, '.') : text;
};

/** Shared by two intervals repeated every `period` minutes (a day, a week; Infinity = once). */
function share(a: Interval, b: Interval, period: number): boolean {
  const shifts = Number.isFinite(period) ? [-period, 0, period] : [0];
  return shifts.some((k) => a.opens < b.closes + k && b.opens + k < a.closes);
}

/**
 * Every problem in a set of opening hours, with a path and a Norwegian message; [] when they can
 * be saved. Never throws, whatever it is given.
 */
export function validateOpeningHours(hours: OpeningHours): HoursProblem[] {
  const problems: HoursProblem[] = [];
  const add = (path: (string | number)[], code: HoursProblemCode, message: string): void => {
    problems.push({ path, code, message });
  };
  if (!isRecord(hours)) {
    add([], 'invalid_type', 'Åpningstidene må ha en liste med faste ukentlige tider og en liste med unntak.');
    return problems;
  }
  const weekly: unknown = hours.weekly;
  const exceptions: unknown = hours.exceptions;
  if (!Array.isArray(weekly)) add(['weekly'], 'invalid_type', 'De faste åpningstidene må være en liste.');
  if (!Array.isArray(exceptions)) add(['exceptions'], 'invalid_type', 'Unntakene må være en liste.');

  // Weekly rules, one at a time; the readable ones are kept for the overlap check.
  const rules: { index: number; rule: Rule }[] = [];
  const weeklyList = list(weekly);
  if (weeklyList.length > MAX_WEEKLY_RULES) {
    add(['weekly'], 'too_many_weekly', `Det kan være høyst ${MAX_WEEKLY_RULES} faste åpningstider.`);
  }
  // Index loops, not forEach: a sparse list's holes are problems too.
  for (let i = 0; i < weeklyList.length; i++) {
    const rule = validateWeekly(weeklyList[i], ['weekly', i], add);
    if (rule) rules.push({ index: i, rule });
  }

  const excs: { index: number; exc: Exception; reason: string }[] = [];
  const exceptionList = list(exceptions);
  if (exceptionList.length > MAX_EXCEPTIONS) {
    add(['exceptions'], 'too_many_exceptions', `Det kan være høyst ${MAX_EXCEPTIONS} unntak.`);
  }
  for (let i = 0; i < exceptionList.length; i++) {
    const e = exceptionList[i];
    const exc = validateException(e, ['exceptions', i], add);
    if (exc && isRecord(e)) excs.push({ index: i, exc, reason: typeof e['reason'] === 'string' ? e['reason'].trim() : '' });
  }

  // Pairwise checks only within the limits, so the work stays bounded.
  if (weeklyList.length <= MAX_WEEKLY_RULES) {
    for (let j = 0; j < rules.length; j++) {
      const b = rules[j];
      if (!b) continue;
      const other = rules.slice(0, j).find(({ rule: a }) => weeklyOverlap(a, b.rule));
      if (other) {
        const a = other.rule;
        add(
          ['weekly', b.index],
          'weekly_overlap',
          `Åpningstiden overlapper med ${WEEKDAYS_NB[a.weekday - 1] ?? ''} ${clock(a, 'nb')}. Slå dem sammen eller gi dem ulike perioder.`,
        );
      }
    }
  }
  if (exceptionList.length <= MAX_EXCEPTIONS) {
    for (let j = 0; j < excs.length; j++) {
      const b = excs[j];
      if (!b) continue;
      for (const a of excs.slice(0, j)) {
        if (a.exc.from > b.exc.to || b.exc.from > a.exc.to) continue;
        const dates = nbDates(a.exc.from, a.exc.to);
        const named = a.reason ? `«${a.reason}» (${dates})` : `unntaket ${dates}`;
        const same = a.exc.from === b.exc.from && a.exc.to === b.exc.to;
        if (!same || a.exc.closed || b.exc.closed) {
          add(
            ['exceptions', b.index],
            'exception_overlap',
            same
              ? `Unntaket gjelder de samme datoene som ${named}, og ett av dem er stengt. Behold bare ett.`
              : `Unntaket overlapper med ${named}. Unntak kan bare dele datoer når de har nøyaktig samme fra- og til-dato (for eksempel to åpningstider på julaften).`,
          );
          break;
        }
        const [ia, ib] = [a.exc.interval, b.exc.interval];
        if (ia && ib && share(ia, ib, a.exc.from === a.exc.to ? Infinity : DAY)) {
          add(['exceptions', b.index], 'exception_times_overlap', `Åpningstiden overlapper med ${clock(ia, 'nb')} i ${named}.`);
          break;
        }
      }
    }
  }
  return problems;
}

type Add = (path: (string | number)[], code: HoursProblemCode, message: string) => void;

const TIME_MESSAGE = {
  opensAt: 'Skriv åpningstiden som TT:MM, fra 00:00 til 23:59.',
  closesAt: 'Skriv stengetiden som TT:MM, fra 00:00 til 24:00.',
} as const;
const DATE_MESSAGE = 'Datoen må finnes i kalenderen og skrives ÅÅÅÅ-MM-DD (år 1900–2100).';
const EQUAL_MESSAGE = 'Åpnings- og stengetid kan ikke være like. For døgnåpent, skriv 00:00–24:00.';

function validateTimes(r: Record<string, unknown>, path: (string | number)[], add: Add): Interval | null {
  let ok = true;
  for (const field of ['opensAt', 'closesAt'] as const) {
    if (toMinutes(r[field], field === 'opensAt' ? 'opens' : 'closes') === null) {
      add([...path, field], 'time_invalid', TIME_MESSAGE[field]);
      ok = false;
    }
  }
  if (!ok) return null;
  const i = interval(r['opensAt'], r['closesAt']);
  if (!i) add([...path, 'closesAt'], 'times_equal', EQUAL_MESSAGE);
  return i;
}

/** A date field: its day number, null when not given (if optional), undefined when invalid. */
function validateDate(r: Record<string, unknown>, field: string, path: (string | number)[], optional: boolean, add: Add): number | null | undefined {
  const v = r[field];
  if (optional && !given(v)) return null;
  const day = dayNumber(v, 1900, 2100);
  if (day === null) {
    add([...path, field], 'date_invalid', DATE_MESSAGE);
    return undefined;
  }
  return day;
}

function validateWeekly(r: unknown, path: (string | number)[], add: Add): Rule | null {
  if (!isRecord(r)) {
    add(path, 'invalid_type', 'Hver faste åpningstid må ha ukedag, åpningstid og stengetid.');
    return null;
  }
  const weekday = r['weekday'];
  const weekdayOk = typeof weekday === 'number' && Number.isInteger(weekday) && weekday >= 1 && weekday <= 7;
  if (!weekdayOk) add([...path, 'weekday'], 'weekday_invalid', 'Ukedagen må være et tall fra 1 (mandag) til 7 (søndag).');
  const i = validateTimes(r, path, add);
  const from = validateDate(r, 'validFrom', path, true, add);
  const to = validateDate(r, 'validTo', path, true, add);
  if (typeof from === 'number' && typeof to === 'number' && from > to) {
    add([...path, 'validTo'], 'season_order', 'Perioden kan ikke slutte før den begynner.');
  }
  if (!weekdayOk || !i || from === undefined || to === undefined) return null;
  return { weekday: weekday, ...i, from, to };
}

function validateException(e: unknown, path: (string | number)[], add: Add): Exception | null {
  if (!isRecord(e)) {
    add(path, 'invalid_type', 'Hvert unntak må ha datoer, om det er stengt, og en begrunnelse.');
    return null;
  }
  const from = validateDate(e, 'from', path, false, add);
  const to = validateDate(e, 'to', path, false, add);
  const ordered = typeof from === 'number' && typeof to === 'number' && from <= to;
  if (typeof from === 'number' && typeof to === 'number' && !ordered) {
    add([...path, 'to'], 'exception_order', 'Til-datoen kan ikke være før fra-datoen.');
  }
  const reason = e['reason'];
  if (typeof reason !== 'string' || reason.trim() === '') {
    add([...path, 'reason'], 'reason_required', 'Skriv hvorfor åpningstidene er annerledes, for eksempel «Julaften».');
  } else if ([...reason].length > MAX_REASON_LENGTH) {
    add([...path, 'reason'], 'reason_too_long', `Begrunnelsen kan ha høyst ${MAX_REASON_LENGTH} tegn.`);
  }
  const closed = e['closed'];
  if (typeof closed !== 'boolean') {
    add([...path, 'closed'], 'invalid_type', 'Angi om tjenesten er stengt eller har egne åpningstider disse dagene.');
    return null;
  }
  let i: Interval | null = null;
  if (closed) {
    for (const field of ['opensAt', 'closesAt'] as const) {
      if (given(e[field])) add([...path, field], 'exception_times_not_allowed', 'Et stengt unntak skal ikke ha åpnings- eller stengetid.');
    }
  } else {
    const missing = (['opensAt', 'closesAt'] as const).filter((field) => !given(e[field]));
    for (const field of missing) add([...path, field], 'exception_times_missing', 'Et unntak som ikke er stengt, må ha både åpnings- og stengetid.');
    if (missing.length === 0) {
      i = validateTimes(e, path, add);
      if (!i) return null;
    }
  }
  if (!ordered) return null;
  return { from, to, closed, interval: i };
}

function weeklyOverlap(a: Rule, b: Rule): boolean {
  const seasons = (a.from === null || b.to === null || a.from <= b.to) && (b.from === null || a.to === null || b.from <= a.to);
  if (!seasons) return false;
  const onWeek = (r: Rule): Interval => ({ opens: (r.weekday - 1) * DAY + r.opens, closes: (r.weekday - 1) * DAY + r.closes });
  return share(onWeek(a), onWeek(b), WEEK);
}

// ————————————————————————————————————————————— describing

const DAYS_NB = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag'];
const TEXT = {
  nb: { closed: 'stengt', allDay: 'døgnåpent', and: 'og', everyDay: 'Alle dager', always: 'Døgnåpent alle dager' },
  en: { closed: 'closed', allDay: 'open 24 hours', and: 'and', everyDay: 'Every day', always: 'Open 24 hours, every day' },
} as const;

function days(first: number, last: number, lang: Language): string {
  const t = TEXT[lang];
  if (first === 1 && last === 7) return t.everyDay;
  const name = (d: number, start: boolean): string => {
    const n = (lang === 'nb' ? DAYS_NB : WEEKDAYS_EN)[d - 1] ?? '';
    return start || lang === 'en' ? n : n.toLowerCase();
  };
  if (first === last) return name(first, true);
  if (last === first + 1) return `${name(first, true)} ${t.and} ${name(last, false)}`;
  return `${name(first, true)}–${name(last, false)}`;
}

function times(intervals: Interval[], lang: Language): string {
  if (intervals.length === 0) return TEXT[lang].closed;
  return intervals.map((i) => (i.opens === 0 && i.closes === DAY ? TEXT[lang].allDay : clock(i, lang))).join(', ');
}

/**
 * The weekly hours as short lines, consecutive weekdays with the same hours together:
 * "Mandag–fredag 08.00–15.30", "Lørdag 10.00–14.00", "Søndag stengt". With `on` ('YYYY-MM-DD'),
 * only the rules whose season covers that date; without, every rule. [] when there are none.
 */
export function formatWeekly(hours: OpeningHours, lang: Language, on?: string): string[] {
  const day = on === undefined ? null : dayNumber(on);
  const rules = read(hours).rules.filter((r) => day === null || ((r.from === null || r.from <= day) && (r.to === null || day <= r.to)));
  if (rules.length === 0) return [];
  const perDay = [1, 2, 3, 4, 5, 6, 7].map((wd) =>
    rules.filter((r) => r.weekday === wd).map(({ opens, closes }) => ({ opens, closes })).sort((a, b) => a.opens - b.opens || a.closes - b.closes),
  );
  const text = perDay.map((intervals) => times(intervals, lang));
  if (text.every((t) => t === TEXT[lang].allDay)) return [TEXT[lang].always];
  const lines: string[] = [];
  for (let first = 1; first <= 7; ) {
    let last = first;
    while (last < 7 && text[last] === text[first - 1]) last++;
    lines.push(`${days(first, last, lang)} ${text[first - 1] ?? ''}`);
    first = last + 1;
  }
  return lines;
}

/**
 * One exception as a line: "24.12.2026: 10.00–14.00 (Julaften)",
 * "01.07.2026–31.07.2026: stengt (Sommerstengt)". The reason is shown as written.
 */
export function formatException(ex: HoursException, lang: Language): string {
  return formatExceptions([ex], lang)[0] ?? '';
}

/**
 * Exceptions as lines, sorted by date; open exceptions with the same dates share a line:
 * "24.12.2026: 10.00–12.00, 14.00–16.00 (Julaften)".
 */
export function formatExceptions(exceptions: readonly HoursException[], lang: Language): string[] {
  const groups = new Map<string, { from: number; to: number; closed: boolean; intervals: Interval[]; reasons: string[]; raw: string }>();
  for (const e of list(exceptions)) {
    if (!isRecord(e)) continue;
    const from = dayNumber(e['from']);
    const to = dayNumber(e['to']);
    const closed = e['closed'] === true;
    const i = closed ? null : interval(e['opensAt'], e['closesAt']);
    const raw = from !== null && to !== null ? nbDates(from, to) : `${String(e['from'])}–${String(e['to'])}`;
    const key = `${raw}|${closed}`;
    const group = groups.get(key) ?? { from: from ?? Infinity, to: to ?? Infinity, closed, intervals: [], reasons: [], raw };
    if (i) group.intervals.push(i);
    const reason = typeof e['reason'] === 'string' ? e['reason'].trim() : '';
    if (reason && !group.reasons.includes(reason)) group.reasons.push(reason);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.from - b.from || a.to - b.to || Number(b.closed) - Number(a.closed))
    .map((g) => {
      g.intervals.sort((a, b) => a.opens - b.opens);
      const what = g.closed ? TEXT[lang].closed : g.intervals.length > 0 ? times(g.intervals, lang) : '';
      const reasons = g.reasons.length > 0 ? ` (${g.reasons.join(', ')})` : '';
      return what ? `${g.raw}: ${what}${reasons}` : `${g.raw}${reasons}`;
    });
}

// ————————————————————————————————————————————— Norwegian public holidays

/** Easter Sunday ('YYYY-MM-DD') by the anonymous Gregorian algorithm; null outside 1583–9999. */
export function easterSunday(year: number): string | null {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) return null;
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export interface PublicHoliday {
  date: string;
  name: string;
  nameEn: string;
}

/**
 * Norway's 12 public holidays (helligdager and the two høytidsdager 1 and 17 May) in a year, by
 * date. Two can fall on the same date (1 May 2008 was also Kristi himmelfartsdag; 17 May 2027 is
 * 2. pinsedag): both are listed, so merge them before making exceptions, which may not overlap.
 * [] for a year outside 1583–9999.
 */
export function norwegianPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const e = dayNumber(easter);
  if (easter === null || e === null) return [];
  const fixed = (mmdd: string): number => dayNumber(`${pad(year, 4)}-${mmdd}`) ?? e;
  const holidays: [number, string, string][] = [
    [fixed('01-01'), 'Nyttårsdag', "New Year's Day"],
    [e - 3, 'Skjærtorsdag', 'Maundy Thursday'],
    [e - 2, 'Langfredag', 'Good Friday'],
    [e, 'Første påskedag', 'Easter Sunday'],
    [e + 1, 'Andre påskedag', 'Easter Monday'],
    [fixed('05-01'), '1. mai', 'Labour Day'],
    [fixed('05-17'), '17. mai', 'Constitution Day'],
    [e + 39, 'Kristi himmelfartsdag', 'Ascension Day'],
    [e + 49, 'Første pinsedag', 'Whit Sunday'],
    [e + 50, 'Andre pinsedag', 'Whit Monday'],
    [fixed('12-25'), 'Første juledag', 'Christmas Day'],
    [fixed('12-26'), 'Andre juledag', "St Stephen's Day"],
  ];
  // A stable sort keeps the listed order for holidays on the same date.
  return holidays.sort((a, b) => a[0] - b[0]).map(([day, name, nameEn]) => ({ date: isoDate(day), name, nameEn }));
}

