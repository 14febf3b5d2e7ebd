/**
 * The Oslostandard's clocks (issue 5 items 4 and 8): a review at least every 3 months (Tiltak 5
 * and 7: "minst hver 3. måned"), and the yearly quality-of-life question in January–May with the
 * anonymised report to Velferdsetaten by 30 June (Tiltak 9), with MANSA's 1–7 answer labels.
 *
 * Decisions (also in the report to the team):
 * - The next review is due 3 calendar months after the latest assessment or review, the day
 *   clamped to the month's end (31.01 → 30.04; 30.11 → 28.02 or 29.02). It is overdue from the day
 *   after the due date: a review on the due date is in time. Dates after today (typed ahead) are
 *   not counted.
 * - "Due soon" is 14 days or less before the due date, for work lists.
 * - The QoL window is 1 January–31 May of the calendar year. Only an answer dated in this year's
 *   window (and not after today) makes the client "asked this year"; "ønsker ikke å svare" counts
 *   as asked — the question was put — and is reported as declined. An answer recorded outside the
 *   window is kept but does not count (validateQolAnswer says so, so the form can warn).
 * - One answer per client per year: a second one in the same year's window is refused.
 * - The MANSA anchor labels are configurable; the default is domain.md's (the official Norwegian
 *   labels were not found). English labels are MANSA's own anchors.
 */
import { addMonths, daysFromTo, formatNb, isDate, isRecord, listOf, pad, readDate } from './dates.js';
import type { CaseworkProblem, CaseworkText } from './model.js';

// ————————————————————————————————————————————— reviews

export const REVIEW_INTERVAL_MONTHS = 3;
export const REVIEW_DUE_SOON_DAYS = 14;

/** The day the next review is due: 3 calendar months after the last assessment or review. Null for a non-date. */
export function nextReviewDue(lastReviewOrAssessment: string): string | null {
  return addMonths(lastReviewOrAssessment, REVIEW_INTERVAL_MONTHS);
}

/** Overdue from the day after the due date. False when either is not a date. */
export function isOverdue(due: string | null, today: string): boolean {
  return isDate(due) && isDate(today) && due < today;
}

export type ReviewState = 'not_started' | 'ok' | 'due_soon' | 'overdue' | 'unknown';

export interface ReviewStatus {
  /** 'not_started': no assessment or review yet; 'unknown': today is not a date. */
  state: ReviewState;
  /** The latest assessment or review on or before today. */
  last: string | null;
  due: string | null;
  /** Days from today to the due date (negative when overdue). */
  daysLeft: number | null;
  /** For people, in Norwegian. */
  message: string;
}

/**
 * Where a client stands on the 3-month review clock, from the dates of their assessments and
 * reviews (in any order; non-dates and dates after today are ignored).
 */
export function reviewStatus(dates: readonly string[], today: string): ReviewStatus {
  if (!isDate(today)) return { state: 'unknown', last: null, due: null, daysLeft: null, message: 'Dagens dato mangler.' };
  const past = listOf(dates).filter((d): d is string => isDate(d) && d <= today);
  const last = past.sort().at(-1) ?? null;
  const due = last === null ? null : nextReviewDue(last);
  if (last === null || due === null) {
    return { state: 'not_started', last: null, due: null, daysLeft: null, message: 'Ingen kartlegging ennå: evalueringsfristen regnes fra første kartlegging.' };
  }
  const daysLeft = daysFromTo(today, due) ?? 0;
  if (daysLeft < 0) {
    return { state: 'overdue', last, due, daysLeft, message: `Evalueringen skulle vært gjort innen ${formatNb(due)} (${-daysLeft} ${-daysLeft === 1 ? 'dag' : 'dager'} siden).` };
  }
  if (daysLeft <= REVIEW_DUE_SOON_DAYS) {
    return { state: 'due_soon', last, due, daysLeft, message: `Neste evaluering skal gjøres innen ${formatNb(due)}.` };
  }
  return { state: 'ok', last, due, daysLeft, message: `Neste evaluering innen ${formatNb(due)}.` };
}

// ————————————————————————————————————————————— quality of life (MANSA)

export const MANSA_SCORES = [1, 2, 3, 4, 5, 6, 7] as const;
export type MansaScore = (typeof MANSA_SCORES)[number];
export type QolValue = MansaScore | 'declined';

export interface QolAnswer {
  /** 'YYYY-MM-DD': the day the question was put. */
  date: string;
  value: QolValue;
}

export const MANSA_QUESTION: CaseworkText = {
  nb: 'Hvor fornøyd er du med livet ditt, samlet sett?',
  en: 'How satisfied are you with your life as a whole?',
};

export type MansaLabels = Record<MansaScore, CaseworkText>;

export const DEFAULT_MANSA_LABELS: MansaLabels = {
  1: { nb: 'Kunne ikke vært verre', en: "Couldn't be worse" },
  2: { nb: 'Misfornøyd', en: 'Displeased' },
  3: { nb: 'Stort sett misfornøyd', en: 'Mostly dissatisfied' },
  4: { nb: 'Blandet', en: 'Mixed' },
  5: { nb: 'Stort sett fornøyd', en: 'Mostly satisfied' },
  6: { nb: 'Fornøyd', en: 'Pleased' },
  7: { nb: 'Kunne ikke vært bedre', en: "Couldn't be better" },
};

export const MANSA_DECLINED_LABEL: CaseworkText = { nb: 'Ønsker ikke å svare', en: 'Does not want to answer' };
export const MAX_MANSA_LABEL_LENGTH = 60;

export const isMansaScore = (v: unknown): v is MansaScore => typeof v === 'number' && (MANSA_SCORES as readonly number[]).includes(v);
export const isQolValue = (v: unknown): v is QolValue => v === 'declined' || isMansaScore(v);

/** "5 Stort sett fornøyd", "Ønsker ikke å svare". */
export function formatQolValue(value: QolValue, labels: MansaLabels = DEFAULT_MANSA_LABELS, lang: 'nb' | 'en' = 'nb'): string {
  if (value === 'declined') return MANSA_DECLINED_LABEL[lang];
  return isMansaScore(value) ? `${value} ${labels[value][lang]}` : String(value);
}

/** Problems with a municipality's own label set: 1–7, each non-empty and short, in both languages, all different. */
export function validateMansaLabels(labels: unknown): CaseworkProblem[] {
  const problems: CaseworkProblem[] = [];
  if (!isRecord(labels)) return [{ path: [], code: 'invalid_type', message: 'Svaralternativene må ha en tekst for hvert tall fra 1 til 7.' }];
  const seen = new Map<string, number>();
  for (const score of MANSA_SCORES) {
    const entry = labels[String(score)];
    for (const lang of ['nb', 'en'] as const) {
      const text: unknown = isRecord(entry) ? entry[lang] : undefined;
      const language = lang === 'nb' ? 'bokmål' : 'engelsk';
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push({ path: [score, lang], code: 'required', message: `Skriv teksten for ${score} på ${language}.` });
      } else if (text.trim().length > MAX_MANSA_LABEL_LENGTH) {
        problems.push({ path: [score, lang], code: 'too_long', message: `Teksten for ${score} kan ha høyst ${MAX_MANSA_LABEL_LENGTH} tegn.` });
      } else if (lang === 'nb') {
        const key = text.trim().toLowerCase();
        const other = seen.get(key);
        if (other !== undefined) problems.push({ path: [score, lang], code: 'duplicate', message: `Teksten for ${score} er den samme som for ${other}.` });
        else seen.set(key, score);
      }
    }
  }
  for (const key of Object.keys(labels)) {
    if (!MANSA_SCORES.some((s) => String(s) === key)) problems.push({ path: [key], code: 'unknown_score', message: 'Svaralternativene går fra 1 til 7.' });
  }
  return problems;
}

export interface QolWindow {
  year: number;
  /** 1 January. */
  opens: string;
  /** 31 May, the last day to ask. */
  closes: string;
  /** 30 June: the district reports the anonymised count to Velferdsetaten. */
  reportDue: string;
}

/** The year's QoL window and report deadline (Tiltak 9). */
export function qolWindow(year: number): QolWindow {
  const y = pad(year, 4);
  return { year, opens: `${y}-01-01`, closes: `${y}-05-31`, reportDue: `${y}-06-30` };
}

export const inQolWindow = (date: string): boolean => {
  const t = readDate(date);
  return t !== null && t.m <= 5;
};

export type QolState = 'asked' | 'not_yet_asked' | 'window_closed' | 'unknown';

export interface QolStatus {
  /** 'asked': answered or declined in this year's window; 'unknown': today is not a date. */
  state: QolState;
  window: QolWindow | null;
  /** The latest answer in this year's window, when asked. */
  answer: QolAnswer | null;
  /** Days left to ask (0 on 31 May), when not yet asked. */
  daysLeft: number | null;
  /** For people, in Norwegian. */
  message: string;
}

/** Whether a client has been asked the QoL question this year, from their answers (any order). */
export function qolStatus(answers: readonly QolAnswer[], today: string): QolStatus {
  const t = readDate(today);
  if (!t) return { state: 'unknown', window: null, answer: null, daysLeft: null, message: 'Dagens dato mangler.' };
  const window = qolWindow(t.y);
  const counted = listOf(answers)
    .filter((a): a is QolAnswer => isRecord(a) && isDate(a['date']) && isQolValue(a['value']))
    .filter((a) => a.date >= window.opens && a.date <= window.closes && a.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const answer = counted.at(-1) ?? null;
  if (answer) {
    const what = answer.value === 'declined' ? 'ønsket ikke å svare' : `svarte ${answer.value}`;
    return { state: 'asked', window, answer, daysLeft: null, message: `Spurt ${formatNb(answer.date)} (${what}).` };
  }
  if (today <= window.closes) {
    const daysLeft = daysFromTo(today, window.closes) ?? 0;
    return { state: 'not_yet_asked', window, answer: null, daysLeft, message: `Ikke spurt om livskvalitet ennå i år. Spør innen ${formatNb(window.closes)}.` };
  }
  return { state: 'window_closed', window, answer: null, daysLeft: null, message: `Ikke spurt om livskvalitet i år. Perioden januar–mai er over; neste gang i januar ${t.y + 1}.` };
}

export interface QolReportDeadline {
  year: number;
  due: string;
  /** Days from today to 30 June (negative after it). */
  daysLeft: number;
  message: string;
}

/** This year's 30 June deadline for the anonymised QoL report, for the work list. Null when today is not a date. */
export function qolReportDeadline(today: string): QolReportDeadline | null {
  const t = readDate(today);
  if (!t) return null;
  const { reportDue: due } = qolWindow(t.y);
  const daysLeft = daysFromTo(today, due) ?? 0;
  const message =
    daysLeft < 0
      ? `Fristen for å rapportere livskvalitet til Velferdsetaten var ${formatNb(due)}.`
      : `Rapporter livskvalitet (anonymisert) til Velferdsetaten innen ${formatNb(due)}.`;
  return { year: t.y, due, daysLeft, message };
}

export type QolAnswerValidation = { ok: true; answer: QolAnswer; outsideWindow: boolean } | { ok: false; problems: CaseworkProblem[] };

/**
 * Checks a QoL answer as recorded: a real date not after today, a score 1–7 or 'declined', and no
 * other answer in the same year's window (`existing`: the client's answers so far).
 */
export function validateQolAnswer(input: unknown, options: { today: string; existing?: readonly QolAnswer[] }): QolAnswerValidation {
  const problems: CaseworkProblem[] = [];
  if (!isRecord(input)) return { ok: false, problems: [{ path: [], code: 'invalid_type', message: 'Svaret mangler.' }] };
  const date = input['date'];
  const value = input['value'];
  if (!isDate(date)) {
    problems.push({ path: ['date'], code: 'invalid_date', message: 'Skriv datoen spørsmålet ble stilt (ÅÅÅÅ-MM-DD).' });
  } else if (isDate(options.today) && date > options.today) {
    problems.push({ path: ['date'], code: 'future_date', message: 'Datoen kan ikke være fram i tid.' });
  }
  if (!isQolValue(value)) {
    problems.push({ path: ['value'], code: 'invalid_value', message: 'Velg et svar fra 1 til 7, eller «Ønsker ikke å svare».' });
  }
  if (problems.length > 0 || !isDate(date) || !isQolValue(value)) return { ok: false, problems };
  const outsideWindow = !inQolWindow(date);
  const year = date.slice(0, 4);
  const earlier = listOf(options.existing).find((a) => isRecord(a) && isDate(a['date']) && a['date'].slice(0, 4) === year && inQolWindow(a['date']));
  if (!outsideWindow && isRecord(earlier)) {
    return {
      ok: false,
      problems: [{ path: ['date'], code: 'already_asked', message: `Livskvalitet er allerede registrert for ${year} (${formatNb(String(earlier['date']))}). Spørsmålet stilles én gang i året.` }],
    };
  }
  return { ok: true, answer: { date, value }, outsideWindow };
}
