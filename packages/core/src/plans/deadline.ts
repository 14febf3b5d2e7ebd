/**
 * Reading the free-text deadlines (frister) of action plans — "31.03.2007", "Våren 2007",
 * "Kontinuerlig", "Årlig 30. april og 16. mai" — into a `DeadlineValue` (domain.md §1), and
 * describing a value again in a few words for reports and the UI.
 *
 * How the parser reads a text:
 * 1. `normalize`: lower case; accents other than æøå dropped (é → e); UTF-8 read as Latin-1
 *    repaired ("HÃ¸sten"); every dash → "-"; whitespace collapsed; brackets, quotes, colons,
 *    bullets and trailing punctuation dropped.
 * 2. Patterns are written in real Norwegian and `rx` widens each æ/ø/å to the spellings seen in
 *    typed and OCR'd plans: å = aa|a, ø = oe|o|g|e ("fullfgrt", "enske"), æ = ae|ee|e|a.
 *    Every pattern must match the whole (normalized) text; anything left over means "unknown".
 * 3. Whole phrases first (continuous, recurring), then a time expression: a single span (a day,
 *    month, season, quarter, year, school year, the plan period), a range of two spans, or a
 *    qualifier ("fra", "innen", "oppstart", "før", "etter") in front of either. Filler words in
 *    front ("Gjennomføres", "Frist:", "I løpet av", status words such as "Gjennomført") are
 *    peeled off one at a time, trying again after each.
 *
 * Decisions where domain.md is silent (also in the report to the team):
 * - Vinteren YYYY = 1 Jan–end of Feb YYYY; "Vinteren 2007/2008" = 1 Dec 2007–end of Feb 2008.
 *   Sommeren = Jun–Aug. Høsthalvåret = Jul–Dec; vårhalvåret/vårsemesteret = Jan–Jun,
 *   høstsemesteret = Aug–Dec (as Høsten).
 * - Skoleåret YYYY/YYYY+1 = 15 Aug YYYY–30 Jun YYYY+1 (Oslo schools start in the middle of
 *   August; the school year's last day is in late June). The years must be consecutive.
 * - "Innen X" (by) gives a date with qualifier 'by' on X's last day: "Innen 2008" = 2008-12-31,
 *   "Innen utgangen av planperioden" = 31 Dec of the plan's end year. "Før X" = by the day before
 *   X starts. "Fra X" = qualifier 'from' on X's first day, "Etter X" = 'from' the day after X.
 *   "Oppstart X" is a date with 'start' when X is a day, otherwise the period X itself (the start
 *   happens some time within it).
 * - "I løpet av X", "I X", "Hele X" are the period X.
 * - Status text with a time ("Gjennomført høsten 2007", "Iverksatt 01.03.2007", "Utsatt til
 *   høsten 2008") is read by its time part; a status alone ("Utgår") is unknown; a negated status
 *   ("Ikke gjennomført 2007") is unknown.
 * - A bare "2006/2007" is the two calendar years 2006–2007 (only "Skoleåret 2006/2007" is a
 *   school year). "2020-23" is 2020–2023. Two-digit years in numeric dates: 00–69 → 2000s,
 *   70–99 → 1900s. Month names need a four-digit year ("mai 2008").
 * - A time without a year ("Våren", "30.04", "første kvartal") uses the plan period's year when
 *   the plan covers a single year (KoRus' work plan 2018), otherwise it is unknown. In a range,
 *   the left side takes the right side's year ("Juni–august 2008"; "Desember–februar 2008" =
 *   Dec 2007–Feb 2008).
 * - Recurring: "Årlig i mars" / "Hver høst" = every year (the model has no field for a month or
 *   season within the cycle; the text keeps it). Several windows ("Årlig i mars og oktober",
 *   "Hver vår og høst") give timesPerCycle = their count. Days are sorted and de-duplicated.
 *   timesPerCycle is set only when above 1 ("En gang i året" = "Årlig"). "Hvert semester" =
 *   twice per school year; "Halvårlig" / "Kvartalsvis" / "Tertialvis" = 2 / 4 / 3 times a year.
 *   "Daglig", "Annenhver uke", "Hvert annet år" cannot be expressed in the model: unknown.
 * - Anything with extra words ("Kontinuerlig, evalueres årlig", "Våren og høsten 2018",
 *   "Snarest", "Ved behov") is unknown; the text is kept for a person to read.
 * - Texts longer than 160 characters (after normalization) are unknown: deadlines are short, and
 *   the cap bounds the work done for any input.
 */
import type { Deadline, DeadlineValue, PlanPeriod } from './model.js';

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const MAX_LENGTH = 160;
const UNKNOWN: DeadlineValue = { kind: 'unknown' };

// ————————————————————————————————————————————— calendar, by hand (no Date, no time zones)

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const plausibleYear = (y: number): boolean => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** 'YYYY-MM-DD' for a real calendar day in a plausible year, else null. */
function isoDate(y: number, m: number, d: number): string | null {
  if (!plausibleYear(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The parts of a 'YYYY-MM-DD' string, only when it is a real day in a plausible year. */
function readIso(value: unknown): Ymd | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isoDate(ymd.y, ymd.m, ymd.d) === value ? ymd : null;
}

function shiftDay(iso: string, by: 1 | -1): string | null {
  const t = readIso(iso);
  if (!t) return null;
  let { y, m, d } = t;
  d += by;
  if (d < 1) {
    m -= 1;
    if (m < 1) [y, m] = [y - 1, 12];
    d = daysInMonth(y, m);
  } else if (d > daysInMonth(y, m)) {
    [m, d] = [m + 1, 1];
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return isoDate(y, m, d);
}

// ————————————————————————————————————————————— text normalization and patterns

/** UTF-8 read as Latin-1 / Windows-1252, as in some exported Word tables. */
const MOJIBAKE: readonly (readonly [string, string])[] = [
  ['Ã¥', 'å'],
  ['Ã…', 'Å'],
  ['Ã¸', 'ø'],
  ['Ã˜', 'Ø'],
  ['Ã¦', 'æ'],
  ['Ã†', 'Æ'],
  ['Ã©', 'é'],
];

function normalize(text: string): string {
  let s = text;
  for (const [bad, good] of MOJIBAKE) s = s.split(bad).join(good);
  return (
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/a\u030a/g, 'å') // keep å (æ and ø do not decompose) …
      .replace(/\p{M}/gu, '') // … and drop other accents: é → e, ö → o
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '') // zero-width characters, soft hyphen
      .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-') // every dash is "-"
      .replace(/[()[\]{}«»"“”„‘’`':]/g, ' ') // brackets, quotes and colons are only noise
      .replace(/\s+/gu, ' ')
      .trim()
      .replace(/^(?:[-•·*>]+ )+/, '') // a bullet in front
      .replace(/[\s.,;!?…*]+$/, '') // trailing punctuation
      .replace(/ ?([-/]) ?/g, '$1') // "2007 – 2009" → "2007-2009", "mai / juni" → "mai/juni"
      .replace(/ ?, ?/g, ', ')
      .replace(/(\d)\. (?=\d)/g, '$1.') // "31. 12. 2008" → "31.12.2008"
      .replace(/\bpr\.?(?= )/g, 'per')
      .trim()
  );
}

const FUZZY: Record<string, string> = { å: '(?:å|aa|a)', ø: '(?:ø|oe|o|g|e)', æ: '(?:æ|ae|ee|e|a)' };
/** "før" only as ø/oe/g: a plain "for" is the common word "for" ("For 2008"). */
const FOER = 'f(?:\\u00f8|oe|g)r';

/** A whole-text pattern from Norwegian source: each æ/ø/å also matches its typed/OCR'd forms. */
function rx(source: string): RegExp {
  return new RegExp(`^(?:${source.replace(/[åøæ]/g, (c) => FUZZY[c] ?? c)})$`, 'u');
}

const MONTH_NUMBERS: Record<string, number> = {
  januar: 1, jan: 1, februar: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, mai: 5, juni: 6,
  jun: 6, juli: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, desember: 12, des: 12,
};
/** A month name or abbreviation, captured as `mon`: "mars", "jan.", "des". */
const MONTH = `(?<mon>${Object.keys(MONTH_NUMBERS).join('|')})\\.?`;
/** An ordinal: "1", "første", "andre", "tredje", "fjerde", "siste". */
const ORDINAL = '(?<n>\\d|første|fyrste|andre|annet|tredje|fjerde|siste)\\.? ?';

type Groups = Partial<Record<string, string>>;
interface Span {
  start: string;
  end: string;
  /** Written as one day ("31.03.2007"), not as a span that happens to be one day long. */
  day: boolean;
}
interface Context {
  /** The plan period, when given and sane. */
  plan?: PlanPeriod;
  /** The year for a time written without one (one-year plans; the left side of a range). */
  year?: number;
}
interface Rule<T> {
  pattern: RegExp;
  build: (g: Groups, ctx: Context) => T | null;
}

function firstMatch<T>(rules: readonly Rule<T>[], s: string, ctx: Context): T | null {
  for (const rule of rules) {
    const m = rule.pattern.exec(s);
    const value = m ? rule.build(m.groups ?? {}, ctx) : null;
    if (value) return value;
  }
  return null;
}

/** A written year (4 digits, or 2 digits: 00–69 → 20xx, 70–99 → 19xx), or the context's year. */
function readYear(text: string | undefined, ctx: Context): number | null {
  if (text === undefined) return ctx.year ?? null;
  const n = Number(text);
  const y = text.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
  return plausibleYear(y) ? y : null;
}

/** The second year of "2006/07", "2020-23", "2006/2007". */
function secondYear(first: number, text: string | undefined): number | null {
  if (text === undefined) return null;
  if (text.length === 4) return Number(text);
  let y = Math.floor(first / 100) * 100 + Number(text);
  if (y < first) y += 100;
  return y;
}

function ordinal(text: string | undefined, parts: number): number | null {
  if (text === undefined) return null;
  let n: number;
  if (/^\d$/.test(text)) n = Number(text);
  else if (text === 'siste') n = parts;
  else if (text.startsWith('fj')) n = 4;
  else if (text.startsWith('f')) n = 1;
  else if (text.startsWith('a')) n = 2;
  else n = 3; // tredje
  return n >= 1 && n <= parts ? n : null;
}

// ————————————————————————————————————————————— spans

function daySpan(y: number | null, m: number, d: number): Span | null {
  const date = y === null ? null : isoDate(y, m, d);
  return date ? { start: date, end: date, day: true } : null;
}

function monthSpan(y1: number | null, m1: number, y2: number | null, m2: number): Span | null {
  if (y1 === null || y2 === null || !plausibleYear(y2)) return null;
  const start = isoDate(y1, m1, 1);
  const end = isoDate(y2, m2, daysInMonth(y2, m2));
  return start && end && start <= end ? { start, end, day: false } : null;
}

/** "Våren 2007" and the like: a fixed run of months in one year. */
function season(words: string, first: number, last: number): Rule<Span> {
  return {
    pattern: rx(`(?:${words})(?: (?<y>\\d{4}))?`),
    build: (g, ctx) => {
      const y = readYear(g.y, ctx);
      return monthSpan(y, first, y, last);
    },
  };
}

/** "1. halvår 2008", "tredje kvartal 2008": part n of a year cut into `parts` equal parts. */
function yearPart(words: string, parts: 2 | 3 | 4): Rule<Span> {
  return {
    pattern: rx(`${ORDINAL}(?:${words})(?: (?<y>\\d{4}))?`),
    build: (g, ctx) => {
      const n = ordinal(g.n, parts);
      const y = readYear(g.y, ctx);
      const months = 12 / parts;
      return n === null ? null : monthSpan(y, (n - 1) * months + 1, y, n * months);
    },
  };
}

/** The years written ("Hele planperioden 2007 – 2009"), else the plan period given. */
function planSpan(g: Groups, ctx: Context): Span | null {
  if (g.a !== undefined) return monthSpan(Number(g.a), 1, secondYear(Number(g.a), g.b), 12);
  return ctx.plan ? monthSpan(ctx.plan.startYear, 1, ctx.plan.endYear, 12) : null;
}

/** One time expression: a day, a month, a season, a part of a year, a year, a school year… */
const SPANS: readonly Rule<Span>[] = [
  // "31.03.2007", "31.3.07", "01.06.2007", "31/03/2007"; "30.04" when the year is known
  {
    pattern: rx('(?<d>\\d{1,2})[./](?<m>\\d{1,2})(?:[./](?<y>\\d{4}|\\d{2}))?'),
    build: (g, ctx) => daySpan(readYear(g.y, ctx), Number(g.m), Number(g.d)),
  },
  // "1/5-2008", "1/5-08" (a common Norwegian way of writing 1 May 2008)
  {
    pattern: rx('(?<d>\\d{1,2})/(?<m>\\d{1,2})-(?<y>\\d{4}|\\d{2})'),
    build: (g, ctx) => daySpan(readYear(g.y, ctx), Number(g.m), Number(g.d)),
  },
  // "31-03-2007"
  {
    pattern: rx('(?<d>\\d{1,2})-(?<m>\\d{1,2})-(?<y>\\d{4})'),
    build: (g, ctx) => daySpan(readYear(g.y, ctx), Number(g.m), Number(g.d)),
  },
  // ISO "2007-03-31"
  {
    pattern: rx('(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})'),
    build: (g, ctx) => daySpan(readYear(g.y, ctx), Number(g.m), Number(g.d)),
  },
  // "1. mai 2008", "1.mai 2008", "1 mai 2008", "01. jan. 2008"; "30. april" when the year is known
  {
    pattern: rx(`(?<d>\\d{1,2})\\.? ?${MONTH}(?: (?<y>\\d{4}))?`),
    build: (g, ctx) => daySpan(readYear(g.y, ctx), MONTH_NUMBERS[g.mon ?? ''] ?? 0, Number(g.d)),
  },
  // "Mars 2008", "des. 2008"; "april" when the year is known
  {
    pattern: rx(`${MONTH}(?: (?<y>\\d{4}))?`),
    build: (g, ctx) => {
      const y = readYear(g.y, ctx);
      const m = MONTH_NUMBERS[g.mon ?? ''] ?? 0;
      return monthSpan(y, m, y, m);
    },
  },
  // "2021", "året 2021", "kalenderåret 2021", "år 2021"
  {
    pattern: rx('(?:(?:kalender)?året |år )?(?<y>\\d{4})'),
    build: (g, ctx) => {
      const y = readYear(g.y, ctx);
      return monthSpan(y, 1, y, 12);
    },
  },
  // "året", "år", "inneværende år", "dette året": the plan's year (one-year plans only)
  {
    pattern: rx('året|år|inneværende år|dette året|dette år'),
    build: (_g, ctx) => monthSpan(ctx.year ?? null, 1, ctx.year ?? null, 12),
  },
  // "Våren 2007", "Vår 2007", "Vårsemesteret 2008", "Vårhalvåret 2008" = January–June
  season('våren|vår|vårsemesteret|vårsemester|vårhalvåret|vårhalvår', 1, 6),
  // "Sommeren 2007", "Sommer 2007" = June–August
  season('sommeren|sommer', 6, 8),
  // "Høsten 2007", "Høst 2007", "Hausten 2007" (nynorsk), "Høstsemesteret 2007" = August–December
  season('høsten|høst|hausten|haust|høstsemesteret|høstsemester', 8, 12),
  // "Høsthalvåret 2007" = July–December
  season('høsthalvåret|høsthalvår', 7, 12),
  // "Vinteren 2007", "Vinter 2007" = January–February
  season('vinteren|vinter', 1, 2),
  // "Vinteren 2007/2008", "Vinteren 2007-08" = December 2007–February 2008
  {
    pattern: rx('(?:vinteren|vinter) (?<a>\\d{4})[-/](?<b>\\d{4}|\\d{2})'),
    build: (g) => {
      const a = Number(g.a);
      return secondYear(a, g.b) === a + 1 ? monthSpan(a, 12, a + 1, 2) : null;
    },
  },
  // "1. halvår 2008", "Første halvår 2008", "2. halvår", "Første halvdel av 2008"
  yearPart('halvåret|halvår|halvdelen av|halvdel av', 2),
  // "1. tertial 2021" = January–April, "2." = May–August, "3." = September–December
  yearPart('tertialet|tertial', 3),
  // "1. kvartal 2008" … "4. kvartal", "Første kvartal 2008", "3. kv. 2008"
  yearPart('kvartalet|kvartal|kv\\.?', 4),
  // "Q1 2008" … "Q4 2008"
  {
    pattern: rx('q(?<n>[1-4])(?: (?<y>\\d{4}))?'),
    build: (g, ctx) => {
      const n = Number(g.n);
      const y = readYear(g.y, ctx);
      return monthSpan(y, n * 3 - 2, y, n * 3);
    },
  },
  // "Skoleåret 2006/2007", "Skoleåret 2006/07", "Skoleår 2006-2007" = 15 August–30 June
  {
    pattern: rx('(?:skoleåret|skoleår|undervisningsåret) (?<a>\\d{4})[-/](?<b>\\d{4}|\\d{2})'),
    build: (g) => {
      const a = Number(g.a);
      const start = isoDate(a, 8, 15);
      const end = secondYear(a, g.b) === a + 1 ? isoDate(a + 1, 6, 30) : null;
      return start && end ? { start, end, day: false } : null;
    },
  },
  // "Hele planperioden 2007 – 2009", "Planperioden 2020-23", "Perioden 2020–2023" (the years
  // written win); "Planperioden", "Hele planperioden", "Hele perioden" (the plan period given)
  {
    pattern: rx(
      '(?:hele |heile )?(?:handlings)?(?:planperioden|planperiode|perioden)(?: (?<a>\\d{4})(?:-|/| til )(?<b>\\d{4}|\\d{2}))?',
    ),
    build: planSpan,
  },
  // "2020-23" = 2020–2023 ("2020-2023" is read as a range of two years)
  {
    pattern: rx('(?<a>\\d{4})-(?<b>\\d{2})'),
    build: (g) => {
      const a = Number(g.a);
      return monthSpan(a, 1, secondYear(a, g.b), 12);
    },
  },
];

function parseSpan(s: string, ctx: Context): Span | null {
  return firstMatch(SPANS, s, ctx);
}

/** Words that open a range: "Fra 01.03.2007 til 31.12.2007", "Mellom mars og juni 2008". */
const RANGE_OPENER = rx('(?<open>fra og med |f\\.?o\\.?m\\.? |fra |mellom |i tiden )?(?<rest>.+)');
const RANGE_SEPARATORS = ['-', '/', ' til og med ', ' t.o.m. ', ' til ', ' og '];
/** What may stand left of a "/": a month name or a year ("mai/juni 2018", "2006/2007"). */
const SLASH_LEFT = rx(`${MONTH}|\\d{4}`);

/**
 * Two spans joined by "-", "/", "til" ("og" only after "mellom"), e.g. "Juni–august 2008",
 * "2020-2023", "Mai/juni 2018", "01.03.2007 – 31.12.2007", "Høsten 2007 – våren 2008".
 * "/" joins a month or year to a later one only ("30/4" is a day). The left side may borrow the
 * right's year.
 */
function parseRange(s: string, ctx: Context): Span | null {
  const m = RANGE_OPENER.exec(s);
  const rest = m?.groups?.rest ?? s;
  const between = m?.groups?.open === 'mellom ';
  for (let i = 1; i < rest.length - 1; i++) {
    for (const sep of RANGE_SEPARATORS) {
      if (!rest.startsWith(sep, i) || (sep === ' og ') !== between) continue;
      const leftText = rest.slice(0, i);
      if (sep === '/' && !SLASH_LEFT.test(leftText)) continue;
      const right = parseSpan(rest.slice(i + sep.length), ctx);
      if (!right || (sep === '/' && right.day)) continue;
      const rightYear = Number(right.start.slice(0, 4));
      let left = parseSpan(leftText, { ...ctx, year: undefined });
      if (!left) {
        left = parseSpan(leftText, { ...ctx, year: rightYear });
        if (left && left.start > right.start) left = parseSpan(leftText, { ...ctx, year: rightYear - 1 });
      }
      if (!left) continue;
      if (left.start <= right.start && left.end <= right.end) return { start: left.start, end: right.end, day: false };
    }
  }
  return null;
}

function spanValue(span: Span): DeadlineValue {
  return span.day ? { kind: 'date', date: span.start } : { kind: 'period', start: span.start, end: span.end };
}

// ————————————————————————————————————————————— qualifiers and filler words

type Qualifier = 'from' | 'start' | 'by';
interface QualifierRule {
  pattern: RegExp;
  qualifier: Qualifier;
  /** Which day of the span the date is: its first, its last, the day before, the day after. */
  at: 'first' | 'last' | 'before' | 'after' | 'whole';
}

const QUALIFIERS: readonly QualifierRule[] = [
  // "Innen utgangen av 2008", "Ved utgangen av planperioden", "Senest innen slutten av mars 2008"
  {
    pattern: rx(
      '(?:(?:senest|seinest|seinast) )?(?:innen|innan|ved|før|mot) (?:utgangen|utløpet|slutten|enden) av (?<rest>.+)',
    ),
    qualifier: 'by',
    at: 'last',
  },
  // "Innen 31.12.2008", "Innen 1. mai 2008", "Senest 31.03.2007", "T.o.m. 31.12.2008",
  // "Ut mars 2008", "Oppstart innen 01.06.2007", "Innen 2008" (= by 31.12.2008)
  {
    pattern: rx(
      '(?:oppstart )?(?:(?:senest|seinest|seinast) )?(?:innen|innan|senest|seinest|seinast|til og med|t\\.?o\\.?m\\.?|tom|ut) (?<rest>.+)',
    ),
    qualifier: 'by',
    at: 'last',
  },
  // "Før 1. mai 2008" = by 30.04.2008; "Før sommeren 2008" = by 31.05.2008
  { pattern: rx(`(?:senest )?${FOER} (?<rest>.+)`), qualifier: 'by', at: 'before' },
  // "Fra 01.03.2007", "F.o.m. 1. mai 2008", "Fra og med høsten 2007" (its first day), "Gjelder fra 2008"
  {
    pattern: rx('(?:fra og med|f\\.?o\\.?m\\.?|fom|fra|frå|gjelder fra|gjeldende fra|med virkning fra) (?<rest>.+)'),
    qualifier: 'from',
    at: 'first',
  },
  // "Etter 1. mai 2008" = from 02.05.2008; "Etter sommeren 2008" = from 01.09.2008
  { pattern: rx('etter (?<rest>.+)'), qualifier: 'from', at: 'after' },
  // "Oppstart 01.06.2007", "Oppstart fra 1. mai 2008", "Starter 01.06.2007", "Iverksettes 01.06.2007";
  // "Oppstart høsten 2007" is the period (the start happens within it)
  {
    pattern: rx(
      '(?:oppstart|oppstartsdato|startdato|start|starter|starter opp|startes|iverksettes|igangsettes|settes i gang)(?: (?:fra|den|i|per))? (?<rest>.+)',
    ),
    qualifier: 'start',
    at: 'whole',
  },
];

/** Words in front that carry no time; each alternative says what it accepts. */
const FILLERS = [
  // labels: "Frist: 31.03.2007", "Tidspunkt: våren 2008", "Periode: 2020–2023"
  'frist|tidsfrist|dato|tidspunkt|tidsperiode|periode|tid',
  // verbs: "Gjennomføres kontinuerlig", "Skal være ferdigstilt innen 2008", "Avholdes våren 2018"
  '(?:skal (?:være )?)?(?:g[ji]ennomføres|utføres|ferdigstilles|ferdigstilt|ferdig|avsluttes|avholdes|arrangeres|planlegges|planlagt|skjer)',
  // status words with a time: "Gjennomført høsten 2007", "Delvis iverksatt 01.03.2007", "Utsatt til høsten 2008"
  '(?:delvis )?(?:g[ji]ennomført|utført|avsluttet|avholdt|iverksatt|igangsatt|påbegynt|startet)|utsatt til|utsatt',
  // prepositions: "I løpet av våren 2008", "I 2021", "Om høsten 2008", "Hele 2008", "Den 1. mai 2008", "Ca. mars 2008"
  'i løpet av|i|på|om|gjennom hele|gjennom|hele|heile|den|ca\\.?|cirka|omkring',
];
const FILLER = rx(`(?:${FILLERS.join('|')}) (?<rest>.+)`);

function stripFiller(s: string): string | null {
  return FILLER.exec(s)?.groups?.rest ?? null;
}

function stripAllFillers(s: string): string {
  let current = s;
  for (let i = 0; i < 6; i++) {
    const next = stripFiller(current);
    if (next === null) break;
    current = next;
  }
  return current;
}

function qualified(rule: QualifierRule, span: Span): DeadlineValue | null {
  let date: string | null;
  switch (rule.at) {
    case 'whole':
      return span.day ? { kind: 'date', date: span.start, qualifier: rule.qualifier } : spanValue(span);
    case 'first':
      date = span.start;
      break;
    case 'last':
      date = span.end;
      break;
    case 'before':
      date = shiftDay(span.start, -1);
      break;
    case 'after':
      date = shiftDay(span.end, 1);
      break;
  }
  return date ? { kind: 'date', date, qualifier: rule.qualifier } : null;
}

/** A time expression: one span, a range, or a qualifier in front of either. */
function parseTime(s: string, ctx: Context): DeadlineValue | null {
  const span = parseSpan(s, ctx);
  if (span) return spanValue(span);
  const range = parseRange(s, ctx);
  if (range) return spanValue(range);
  for (const rule of QUALIFIERS) {
    const rest = rule.pattern.exec(s)?.groups?.rest;
    if (rest === undefined) continue;
    const inner = stripAllFillers(rest);
    const found = parseSpan(inner, ctx) ?? parseRange(inner, ctx);
    const value = found ? qualified(rule, found) : null;
    if (value) return value;
  }
  return null;
}

// ————————————————————————————————————————————— whole phrases: continuous and recurring

type Every = 'year' | 'school_year' | 'month' | 'week';

function recurring(every: Every, times = 1, days?: string[]): DeadlineValue {
  return {
    kind: 'recurring',
    every,
    ...(days && days.length > 0 ? { days } : {}),
    ...(times > 1 ? { timesPerCycle: times } : {}),
  };
}

const DAY_OF_YEAR = [rx('(?<d>\\d{1,2})[./](?<m>\\d{1,2})'), rx(`(?<d>\\d{1,2})\\.? ?${MONTH}`)];
const WITHIN_YEAR_PREFIX = rx('(?:i løpet av|i|om|på|innen|senest|den|per)(?: den)? (?<rest>.+)');

/** 'MM-DD' for "30. april", "30.04", "30/4" (29 February allowed), else null. */
function dayOfYear(item: string): string | null {
  for (const pattern of DAY_OF_YEAR) {
    const g = pattern.exec(item)?.groups;
    if (!g) continue;
    const m = g.mon === undefined ? Number(g.m) : (MONTH_NUMBERS[g.mon] ?? 0);
    const date = isoDate(2000, m, Number(g.d)); // 2000 is a leap year
    if (date) return date.slice(5);
  }
  return null;
}

/**
 * What follows "Årlig"/"Hver": days ("30. april og 16. mai", "innen 30.04") or windows
 * ("i mars", "om høsten", "i mars og oktober", "vår og høst"). Never both; never a year.
 */
function withinYear(every: Every, tail: string): DeadlineValue | null {
  if (/\d{4}/.test(tail)) return null;
  const days: string[] = [];
  let windows = 0;
  for (const raw of tail.split(/, | og | & | \+ | samt /)) {
    const item = WITHIN_YEAR_PREFIX.exec(raw)?.groups?.rest ?? raw;
    const day = dayOfYear(item);
    if (day) days.push(day);
    else if (parseSpan(item, { year: 2000 })?.day === false) windows++;
    else return null;
  }
  if (days.length > 0 && windows > 0) return null;
  if (days.length > 0) return recurring(every, 1, [...new Set(days)].sort());
  return recurring(every, windows);
}

const YEARLY = 'årlige|årlig|årleg|hvert år|hvert eneste år|kvart år|hvert kalenderår|per år';
const NUMBER_WORDS: Record<string, number> = {
  en: 1, ei: 1, ett: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, sju: 7, syv: 7, atte: 8,
  ni: 9, ti: 10, elleve: 11, tolv: 12,
};

/** "To ganger i året" and the like, for one cycle word; `factor` turns a semester into ½ school year. */
function timesPer(words: string, every: Every, factor = 1): Rule<DeadlineValue> {
  return {
    pattern: rx(
      `(?:(?:minst|inntil|opptil|ca\\.?|cirka|omtrent|om lag) )?(?<n>\\d{1,3}|en|ei|ett|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|elleve|tolv) gang(?:er)?,? (?:(?:i løpet av|i|per|hvert|hver|om|på) )?(?:${words})`,
    ),
    build: (g) => {
      const n = /^\d/.test(g.n ?? '') ? Number(g.n) : (NUMBER_WORDS[(g.n ?? '').replace(/^(?:å|aa)/, 'a')] ?? 0);
      return n >= 1 && n <= 365 ? recurring(every, n * factor) : null;
    },
  };
}

const CONTINUOUS_WORDS = 'kontinuerlig|kontinuerleg|kontinuerlige|fortløpende|fortløpande|løpende|løpande|pågående';

/** Phrases that are a whole deadline by themselves. */
const WHOLE_PHRASES: readonly Rule<DeadlineValue>[] = [
  // "Kontinuerlig", "Fortløpende", "Løpende", "Pågående", "Pågår", "Hele tiden", "Alltid",
  // "Kontinuerlig og løpende", "Kontinuerlig arbeid" ("Gjennomføres kontinuerlig" via the filler)
  {
    pattern: rx(
      `(?:${CONTINUOUS_WORDS}|hele tiden|heile tida|pågår|alltid)(?:(?: og |/)(?:${CONTINUOUS_WORDS}))?(?: (?:arbeid|prosess|oppgave|tiltak|oppfølging|drift|aktivitet))?`,
    ),
    build: () => ({ kind: 'continuous' }),
  },
  // "Månedlig", "Hver måned", "Hver mnd", "Per måned", "Kvar månad"
  {
    pattern: rx('månedlig|månedleg|månadleg|(?:hver|kvar|per|en gang i|en gang per) (?:måned|mnd|månad|måneden|månaden)'),
    build: () => recurring('month'),
  },
  // "Ukentlig", "Hver uke", "Per uke", "Kvar veke"
  {
    pattern: rx('ukentlig|ukentleg|vekentleg|(?:hver|kvar|per|en gang i|en gang per) (?:uke|uka|uken|veke|veka)'),
    build: () => recurring('week'),
  },
  // "Hvert skoleår", "Per skoleår", "Ved skolestart hvert år" ("Gjennomføres hvert skoleår" via the filler)
  {
    pattern: rx('(?:(?:ved )?skolestart,? )?(?:hvert|kvart|per|en gang i|en gang per) skoleår(?:et)?|ved skolestart (?:hvert år|årlig)'),
    build: () => recurring('school_year'),
  },
  // "Hvert semester", "Per semester" = twice per school year
  { pattern: rx('(?:hvert|kvart|per) semester'), build: () => recurring('school_year', 2) },
  // "Halvårlig", "Hvert halvår" = twice a year
  { pattern: rx('halvårlig|halvårleg|(?:hvert|kvart|per) halvår'), build: () => recurring('year', 2) },
  // "Tertialvis", "Hvert tertial" = three times a year
  { pattern: rx('tertialvis|(?:hvert|kvart|per) tertial'), build: () => recurring('year', 3) },
  // "Kvartalsvis", "Hvert kvartal" = four times a year
  { pattern: rx('kvartalsvis|(?:hvert|kvart|per) kvartal'), build: () => recurring('year', 4) },
  // "Årlig", "Hvert år", "Årlig 30. april og 16. mai", "Årlig, innen 30.04", "Årlig i mars"
  {
    pattern: rx(`(?:${YEARLY})(?:,? (?<tail>.+))?`),
    build: (g) => (g.tail === undefined ? recurring('year') : withinYear('year', g.tail)),
  },
  // "30. april og 16. mai hvert år", "Innen 30.04 årlig", "I mars hvert år"
  { pattern: rx(`(?<tail>.+?),? (?:${YEARLY})`), build: (g) => withinYear('year', g.tail ?? '') },
  // "Hver høst", "Hver vår og høst" (twice a year), "Hver 1. mai"
  { pattern: rx('(?:hver|hvert|kvar) (?<tail>.+)'), build: (g) => withinYear('year', g.tail ?? '') },
  // "To ganger i løpet av året", "2 ganger i året", "Tre ganger årlig", "Minst 4 ganger per år",
  // "En gang i måneden", "2 ganger per skoleår", "3 ganger i uka", "2 ganger per semester"
  timesPer('året|år|årlig|kalenderåret', 'year'),
  timesPer('skoleåret|skoleår', 'school_year'),
  timesPer('semesteret|semester', 'school_year', 2),
  timesPer('halvåret|halvår', 'year', 2),
  timesPer('tertialet|tertial', 'year', 3),
  timesPer('kvartalet|kvartal', 'year', 4),
  timesPer('måneden|måned|mnd|månaden|månad', 'month'),
  timesPer('uken|uka|uke|veka|veke', 'week'),
  // "Innen planperiodens utløp", "Ved planperiodens slutt" = by 31 December of the plan's last year
  {
    pattern: rx('(?:innen|ved|senest|før) (?:utgangen av )?planperiodens? (?:utløp|slutt|utgang|avslutning)'),
    build: (_g, ctx) => {
      const date = ctx.plan ? isoDate(ctx.plan.endYear, 12, 31) : null;
      return date ? { kind: 'date', date, qualifier: 'by' } : null;
    },
  },
];

/** "Kontinuerlig i planperioden", "Årlig gjennom hele planperioden": the suffix adds nothing. */
const PLAN_SUFFIX = rx('(?<core>.+?),? (?:i|gjennom|i løpet av|for) (?:hele )?(?:plan)?perioden?');

function wholePhrase(s: string, ctx: Context): DeadlineValue | null {
  const core = PLAN_SUFFIX.exec(s)?.groups?.core;
  return firstMatch(WHOLE_PHRASES, s, ctx) ?? (core === undefined ? null : firstMatch(WHOLE_PHRASES, core, ctx));
}

// ————————————————————————————————————————————— the API

function contextFor(period: PlanPeriod | undefined): Context {
  if (!period || typeof period !== 'object') return {};
  const { startYear, endYear } = period;
  if (!plausibleYear(startYear) || !plausibleYear(endYear) || startYear > endYear) return {};
  const plan = { startYear, endYear };
  return startYear === endYear ? { plan, year: startYear } : { plan };
}

/** The last safety net: every produced day is real and plausible, every period in order. */
function checked(value: DeadlineValue): DeadlineValue {
  switch (value.kind) {
    case 'date':
      return readIso(value.date) ? value : UNKNOWN;
    case 'period':
      return readIso(value.start) && readIso(value.end) && value.start <= value.end ? value : UNKNOWN;
    case 'recurring': {
      const daysOk = (value.days ?? []).every((d) => isoDate(2000, Number(d.slice(0, 2)), Number(d.slice(3))) === `2000-${d}`);
      const timesOk = value.timesPerCycle === undefined || (Number.isInteger(value.timesPerCycle) && value.timesPerCycle > 1);
      return daysOk && timesOk ? value : UNKNOWN;
    }
    default:
      return value;
  }
}

function parseValue(text: string, period: PlanPeriod | undefined): DeadlineValue {
  if (text.length > MAX_LENGTH * 4) return UNKNOWN;
  const s = normalize(text);
  if (s === '' || s.length > MAX_LENGTH) return UNKNOWN;
  const ctx = contextFor(period);
  let current: string | null = s;
  for (let level = 0; current !== null && level < 6; level++) {
    const value = wholePhrase(current, ctx) ?? parseTime(current, ctx);
    if (value) return checked(value);
    current = stripFiller(current);
  }
  return UNKNOWN;
}

/**
 * Read a deadline as written in a plan. `period` (the plan's years) is needed for phrases such as
 * "Hele planperioden"; without it they are unknown. Never throws; `text` is returned unchanged.
 */
export function parseDeadline(text: string, period?: PlanPeriod): Deadline {
  if (typeof text !== 'string') return { text, value: UNKNOWN };
  try {
    return { text, value: parseValue(text, period) };
  } catch {
    return { text, value: UNKNOWN };
  }
}

// ————————————————————————————————————————————— describing a value

const MONTHS_NB = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function monthName(m: number, en: boolean): string {
  return (en ? MONTHS_EN : MONTHS_NB)[m - 1] ?? String(m);
}

/** nb "31.03.2007", en "31 March 2007"; anything unreadable as written. */
function formatDate(iso: unknown, en: boolean): string {
  const t = readIso(iso);
  if (!t) return String(iso);
  return en ? `${t.d} ${monthName(t.m, true)} ${t.y}` : `${pad(t.d)}.${pad(t.m)}.${t.y}`;
}

/** nb "30.04", en "30 April" for 'MM-DD'. */
function formatDay(mmdd: unknown, en: boolean): string {
  const m = typeof mmdd === 'string' ? /^(\d{2})-(\d{2})$/.exec(mmdd) : null;
  if (!m) return String(mmdd);
  return en ? `${Number(m[2])} ${monthName(Number(m[1]), true)}` : `${m[2]}.${m[1]}`;
}

function list(items: string[], en: boolean): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${en ? 'and' : 'og'} ${items[items.length - 1] ?? ''}`;
}

function describePeriod(start: unknown, end: unknown, en: boolean): string {
  const a = readIso(start);
  const b = readIso(end);
  if (!a || !b) return `${String(start)}–${String(end)}`;
  if (start === end) return formatDate(start, en);
  if (a.m === 8 && a.d === 15 && b.m === 6 && b.d === 30 && b.y === a.y + 1) {
    return `${en ? 'School year' : 'Skoleåret'} ${a.y}/${b.y}`;
  }
  if (a.d === 1 && b.d === daysInMonth(b.y, b.m)) {
    if (a.m === 1 && b.m === 12) return a.y === b.y ? `${a.y}` : `${a.y}–${b.y}`;
    if (a.y === b.y && a.m === b.m) return capitalize(`${monthName(a.m, en)} ${a.y}`);
    if (a.y === b.y) return capitalize(`${monthName(a.m, en)}–${monthName(b.m, en)} ${a.y}`);
    return capitalize(`${monthName(a.m, en)} ${a.y}–${monthName(b.m, en)} ${b.y}`);
  }
  return `${formatDate(start, en)}–${formatDate(end, en)}`;
}

const EVERY_NB: Record<string, string> = { year: 'Hvert år', school_year: 'Hvert skoleår', month: 'Hver måned', week: 'Hver uke' };
const EVERY_EN: Record<string, string> = { year: 'Every year', school_year: 'Every school year', month: 'Every month', week: 'Every week' };
const PER_NB: Record<string, string> = { year: 'i året', school_year: 'per skoleår', month: 'i måneden', week: 'i uken' };
const PER_EN: Record<string, string> = { year: 'a year', school_year: 'per school year', month: 'a month', week: 'a week' };
const TIMES_NB = ['', 'Én gang', 'To ganger', 'Tre ganger', 'Fire ganger', 'Fem ganger', 'Seks ganger'];

function describeRecurring(value: Extract<DeadlineValue, { kind: 'recurring' }>, en: boolean): string {
  const every = String(value.every);
  const base = (en ? EVERY_EN : EVERY_NB)[every] ?? (en ? 'Recurring' : 'Gjentakende');
  const per = (en ? PER_EN : PER_NB)[every] ?? '';
  const n = value.timesPerCycle;
  const times =
    n === undefined
      ? ''
      : en
        ? `${n === 1 ? 'Once' : n === 2 ? 'Twice' : `${n} times`} ${per}`
        : `${TIMES_NB[n] ?? `${n} ganger`} ${per}`;
  const days = Array.isArray(value.days) ? value.days.map((d) => formatDay(d, en)) : [];
  if (days.length === 0) return times.trim() || base;
  const withDays = `${base}${en ? ' on' : ''} ${list(days, en)}`;
  return times ? `${withDays} (${times.trim().toLowerCase()})` : withDays;
}

function describe(value: DeadlineValue, en: boolean): string {
  switch (value.kind) {
    case 'date': {
      const date = formatDate(value.date, en);
      switch (value.qualifier) {
        case 'from':
          return en ? `From ${date}` : `Fra ${date}`;
        case 'start':
          return en ? `Starts ${date}` : `Oppstart ${date}`;
        case 'by':
          return en ? `By ${date}` : `Innen ${date}`;
        default:
          return date;
      }
    }
    case 'period':
      return describePeriod(value.start, value.end, en);
    case 'continuous':
      return en ? 'Continuous' : 'Kontinuerlig';
    case 'recurring':
      return describeRecurring(value, en);
    default:
      return en ? 'Unknown deadline' : 'Ukjent frist';
  }
}

/**
 * A short description of a parsed deadline for reports and the UI: "Januar–juni 2007",
 * "Kontinuerlig", "Hvert år 30.04 og 16.05", "Innen 31.12.2008"; in English with lang 'en'.
 * Never throws, also for values that did not come from `parseDeadline`.
 */
export function describeDeadline(value: DeadlineValue, lang: 'nb' | 'en'): string {
  const en = lang === 'en';
  try {
    return value && typeof value === 'object' ? describe(value, en) : describe(UNKNOWN, en);
  } catch {
    return en ? 'Unknown deadline' : 'Ukjent frist';
  }
}
