/**
 * Feedback instruments (tilbakemeldingsverktøy; Tiltak 10, issue 5 item 9) defined as data, and
 * what a series of sessions says: totals, change from the first session, reliable improvement or
 * deterioration, and alerts for the caseworker.
 *
 * ORS and SRS (FIT/KOR; domain.md §2) ship as definitions: names, short item labels and the
 * published numbers only, never the item texts. They are copyrighted, so `requiresLicence` is
 * true and an administrator enables them when the municipality holds a licence; other
 * instruments are defined the same way and checked with validateInstrument.
 *
 * Decisions (also in the report to the team):
 * - Items are marks on a 10 cm line, read to 0.1 (0–10, step 0.1); totals are rounded to the
 *   finest step so that 0.1 + 0.2 is 0.3.
 * - ORS: adult clinical cutoff 25 (a total below 25 is in the clinical range; the Oslostandard's
 *   clients are adults, so the adolescent and child cutoffs are left out), reliable change 5
 *   points from the first session. "No reliable improvement" is raised from the 3rd session on:
 *   FIT's guidance is to talk about it early, when the client can still say what would help, and
 *   three sessions give a first measure and two to show a trend.
 * - SRS: an alert when a session's total is below 36, and when it is lower than the previous
 *   session's (any drop, as domain.md says: "a drop from the previous session").
 * - Alerts describe the latest session (what the caseworker should act on now); every session's
 *   flags are in `points` for the chart. A reliable deterioration replaces "no reliable
 *   improvement".
 * - Sessions are ordered by date (the order given for the same date). A session whose answers do
 *   not fit the definition is left out of the series and listed in `skipped` with the reasons.
 */
import { isDate, isRecord, listOf } from './dates.js';
import type { CaseworkProblem, CaseworkText } from './model.js';

export type FeedbackTiming = 'session_start' | 'session_end';

export interface FeedbackItemDefinition {
  id: string;
  /** A short label only (the instrument's item text is not shipped). */
  label: CaseworkText;
  min: number;
  max: number;
  step: number;
}

export interface FeedbackInstrument {
  id: string;
  name: string;
  shortName: string;
  /** What it measures, in a few words. */
  purpose: CaseworkText;
  /** When in the session it is filled in. */
  timing: FeedbackTiming;
  items: readonly FeedbackItemDefinition[];
  /** The total is the sum of the items. */
  total: { min: number; max: number };
  /** A total below this is in the clinical range (a line on the chart). */
  clinicalCutoff: number | null;
  /** A change from the first session of at least this many points is reliable. */
  reliableChange: number | null;
  /** Alert from this session on when there is no reliable improvement (needs reliableChange). */
  noImprovementAlertAfter: number | null;
  /** Alert when a session's total is below this. */
  alertBelow: number | null;
  /** Alert when a session's total is lower than the previous session's. */
  alertOnDrop: boolean;
  /** Copyrighted: an administrator must enable it, under a licence. */
  requiresLicence: boolean;
  source: string;
}

const item = (id: string, nb: string, en: string): FeedbackItemDefinition => ({ id, label: { nb, en }, min: 0, max: 10, step: 0.1 });

/** Outcome Rating Scale: how the person has been the last week, at the start of each session. */
export const ORS_DEFINITION: FeedbackInstrument = {
  id: 'ors',
  name: 'Outcome Rating Scale',
  shortName: 'ORS',
  purpose: { nb: 'Hvordan personen har hatt det siste uke', en: 'How the person has been doing the past week' },
  timing: 'session_start',
  items: [
    item('individually', 'Individuelt', 'Individually'),
    item('interpersonally', 'Mellommenneskelig', 'Interpersonally'),
    item('socially', 'Sosialt', 'Socially'),
    item('overall', 'Generelt', 'Overall'),
  ],
  total: { min: 0, max: 40 },
  clinicalCutoff: 25,
  reliableChange: 5,
  noImprovementAlertAfter: 3,
  alertBelow: null,
  alertOnDrop: false,
  requiresLicence: true,
  source: 'ORS (Scott D. Miller og Barry L. Duncan), del av FIT/KOR. Terskler: domain.md §2.',
};

/** Session Rating Scale: how the person experienced the session, at its end. */
export const SRS_DEFINITION: FeedbackInstrument = {
  id: 'srs',
  name: 'Session Rating Scale',
  shortName: 'SRS',
  purpose: { nb: 'Hvordan personen opplevde samtalen', en: 'How the person experienced the session' },
  timing: 'session_end',
  items: [
    item('relationship', 'Relasjon', 'Relationship'),
    item('goals_topics', 'Mål og tema', 'Goals and topics'),
    item('approach', 'Tilnærming eller metode', 'Approach or method'),
    item('overall', 'Generelt', 'Overall'),
  ],
  total: { min: 0, max: 40 },
  clinicalCutoff: null,
  reliableChange: null,
  noImprovementAlertAfter: null,
  alertBelow: 36,
  alertOnDrop: true,
  requiresLicence: true,
  source: 'SRS (Scott D. Miller og Barry L. Duncan), del av FIT/KOR. Terskler: domain.md §2.',
};

export const BUILT_IN_FEEDBACK_INSTRUMENTS: readonly FeedbackInstrument[] = [ORS_DEFINITION, SRS_DEFINITION];

export const FEEDBACK_TIMING_LABELS: Record<FeedbackTiming, CaseworkText> = {
  session_start: { nb: 'Ved starten av samtalen', en: 'At the start of the session' },
  session_end: { nb: 'Ved slutten av samtalen', en: 'At the end of the session' },
};

export const MAX_FEEDBACK_ITEMS = 50;
export const MAX_FEEDBACK_LABEL_LENGTH = 60;

// ————————————————————————————————————————————— numbers

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Decimals of a step: 0.1 → 1, 0.25 → 2, 1 → 0 (at most 6). */
function decimalsOf(step: number): number {
  if (!finite(step) || step <= 0) return 0;
  for (let d = 0; d <= 6; d++) if (Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) < 1e-9) return d;
  return 6;
}

function instrumentDecimals(def: FeedbackInstrument): number {
  return Math.max(0, ...listOf(def.items).map((i) => (isRecord(i) ? decimalsOf(i['step'] as number) : 0)));
}

const roundTo = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** 24.5 → "24,5" (Norwegian decimal comma). */
const nb = (x: number): string => String(x).replace('.', ',');

const onStep = (value: number, min: number, step: number): boolean => {
  const n = (value - min) / step;
  return Math.abs(n - Math.round(n)) < 1e-6;
};

// ————————————————————————————————————————————— definitions

/** Problems with an instrument definition (an administrator's own, or a built-in one); [] when usable. */
export function validateInstrument(def: unknown): CaseworkProblem[] {
  const problems: CaseworkProblem[] = [];
  const add = (path: (string | number)[], code: string, message: string): void => {
    problems.push({ path, code, message });
  };
  if (!isRecord(def)) return [{ path: [], code: 'invalid_type', message: 'Definisjonen av verktøyet mangler.' }];
  if (typeof def['id'] !== 'string' || !/^[a-z][a-z0-9_-]{0,39}$/.test(def['id'])) {
    add(['id'], 'invalid_id', 'Id-en må være 1–40 små bokstaver, sifre, - eller _, og begynne med en bokstav.');
  }
  for (const key of ['name', 'shortName'] as const) {
    const v = def[key];
    if (typeof v !== 'string' || v.trim() === '' || v.length > 80) add([key], 'required', key === 'name' ? 'Skriv navnet på verktøyet (høyst 80 tegn).' : 'Skriv en forkortelse (høyst 80 tegn).');
  }
  if (def['timing'] !== 'session_start' && def['timing'] !== 'session_end') add(['timing'], 'invalid_choice', 'Velg når i samtalen verktøyet fylles ut: ved starten eller ved slutten.');

  const items = def['items'];
  let sumMin = 0;
  let sumMax = 0;
  let itemsOk = Array.isArray(items) && items.length > 0 && items.length <= MAX_FEEDBACK_ITEMS;
  if (!itemsOk) add(['items'], 'invalid_items', `Verktøyet må ha fra 1 til ${MAX_FEEDBACK_ITEMS} spørsmål.`);
  const ids = new Set<string>();
  listOf(items)
    .slice(0, MAX_FEEDBACK_ITEMS)
    .forEach((it, i) => {
      if (!isRecord(it)) {
        add(['items', i], 'invalid_type', 'Spørsmålet mangler.');
        itemsOk = false;
        return;
      }
      const id = it['id'];
      if (typeof id !== 'string' || !/^[a-z][a-z0-9_-]{0,39}$/.test(id)) add(['items', i, 'id'], 'invalid_id', 'Id-en må være 1–40 små bokstaver, sifre, - eller _.');
      else if (ids.has(id)) add(['items', i, 'id'], 'duplicate', `Id-en «${id}» er brukt før.`);
      else ids.add(id);
      const label = it['label'];
      for (const lang of ['nb', 'en'] as const) {
        const text: unknown = isRecord(label) ? label[lang] : undefined;
        if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_FEEDBACK_LABEL_LENGTH) {
          add(['items', i, 'label', lang], 'invalid_label', `Skriv en kort etikett (høyst ${MAX_FEEDBACK_LABEL_LENGTH} tegn) på ${lang === 'nb' ? 'bokmål' : 'engelsk'}. Hele spørsmålsteksten skal ikke lagres.`);
        }
      }
      const [min, max, step] = [it['min'], it['max'], it['step']];
      if (!finite(min) || !finite(max) || min >= max) {
        add(['items', i, 'max'], 'invalid_range', 'Laveste verdi må være mindre enn høyeste.');
        itemsOk = false;
      } else if (!finite(step) || step <= 0 || !onStep(max, min, step)) {
        add(['items', i, 'step'], 'invalid_step', 'Steget må være større enn 0 og gå opp i skalaen.');
        itemsOk = false;
      } else {
        sumMin += min;
        sumMax += max;
      }
    });

  const total = def['total'];
  const tMin = isRecord(total) ? total['min'] : undefined;
  const tMax = isRecord(total) ? total['max'] : undefined;
  if (!finite(tMin) || !finite(tMax) || tMin >= tMax) {
    add(['total'], 'invalid_range', 'Skriv laveste og høyeste mulige sum.');
  } else if (itemsOk && (Math.abs(tMin - sumMin) > 1e-9 || Math.abs(tMax - sumMax) > 1e-9)) {
    add(['total'], 'total_mismatch', `Summen av spørsmålene går fra ${nb(roundTo(sumMin, 6))} til ${nb(roundTo(sumMax, 6))}.`);
  }
  const inTotal = (v: number): boolean => finite(tMin) && finite(tMax) && v >= tMin && v <= tMax;
  for (const key of ['clinicalCutoff', 'alertBelow'] as const) {
    const v = def[key];
    if (v !== null && !(finite(v) && inTotal(v))) add([key], 'out_of_range', 'Grensen må ligge innenfor summens skala, eller stå tom.');
  }
  const rc = def['reliableChange'];
  if (rc !== null && !(finite(rc) && rc > 0 && finite(tMin) && finite(tMax) && rc <= tMax - tMin)) {
    add(['reliableChange'], 'out_of_range', 'Pålitelig endring må være et positivt antall poeng innenfor skalaen, eller stå tom.');
  }
  const after = def['noImprovementAlertAfter'];
  if (after !== null && !(typeof after === 'number' && Number.isInteger(after) && after >= 2 && after <= 50)) {
    add(['noImprovementAlertAfter'], 'out_of_range', 'Antall samtaler før varsel må være et helt tall fra 2 til 50, eller stå tomt.');
  } else if (after !== null && rc === null) {
    add(['noImprovementAlertAfter'], 'needs_reliable_change', 'Varsel om manglende bedring krever en verdi for pålitelig endring.');
  }
  if (typeof def['alertOnDrop'] !== 'boolean') add(['alertOnDrop'], 'invalid_type', 'Velg om et fall fra forrige samtale skal gi varsel.');
  if (typeof def['requiresLicence'] !== 'boolean') add(['requiresLicence'], 'invalid_type', 'Velg om verktøyet krever lisens.');
  return problems;
}

// ————————————————————————————————————————————— answers

export type FeedbackAnswers = Record<string, number>;

/** Problems with one session's answers; [] when every item has a number on its scale and nothing else is given. */
export function validateFeedbackAnswers(def: FeedbackInstrument, answers: unknown): CaseworkProblem[] {
  if (!isRecord(answers)) return [{ path: [], code: 'invalid_type', message: 'Svarene mangler.' }];
  const problems: CaseworkProblem[] = [];
  const known = new Set<string>();
  for (const it of listOf(def?.items)) {
    if (!isRecord(it) || typeof it['id'] !== 'string') continue;
    const { id, min, max, step } = it as unknown as FeedbackItemDefinition;
    const label = isRecord(it['label']) && typeof it['label']['nb'] === 'string' ? it['label']['nb'] : id;
    known.add(id);
    const v = answers[id];
    if (v === undefined || v === null || v === '') {
      problems.push({ path: [id], code: 'required', message: `Svar mangler for «${label}».` });
    } else if (!finite(v)) {
      problems.push({ path: [id], code: 'invalid_number', message: `Svaret for «${label}» må være et tall.` });
    } else if (!finite(min) || !finite(max) || v < min || v > max) {
      problems.push({ path: [id], code: 'out_of_range', message: `Svaret for «${label}» må være fra ${nb(min)} til ${nb(max)}.` });
    } else if (finite(step) && step > 0 && !onStep(v, min, step)) {
      problems.push({ path: [id], code: 'invalid_step', message: `Svaret for «${label}» kan ha høyst ${decimalsOf(step)} desimal${decimalsOf(step) === 1 ? '' : 'er'}.` });
    }
  }
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push({ path: [key], code: 'unknown_item', message: 'Verktøyet har ikke dette spørsmålet.' });
  }
  return problems;
}

/** The total of one session's answers, or null when they do not fit the definition. */
export function feedbackTotal(def: FeedbackInstrument, answers: unknown): number | null {
  if (validateFeedbackAnswers(def, answers).length > 0 || !isRecord(answers)) return null;
  let sum = 0;
  for (const it of def.items) sum += answers[it.id] as number;
  return roundTo(sum, instrumentDecimals(def));
}

// ————————————————————————————————————————————— a series of sessions

export interface FeedbackSession {
  /** 'YYYY-MM-DD'. */
  date: string;
  answers: FeedbackAnswers;
}

export type ReliableChange = 'improvement' | 'deterioration' | 'none';

export interface SeriesPoint {
  /** 1 for the first session in the series. */
  session: number;
  date: string;
  total: number;
  changeFromFirst: number;
  changeFromPrevious: number | null;
  /** Below the clinical cutoff; null when the instrument has none. */
  belowCutoff: boolean | null;
  /** Change from the first session by the reliable-change index; null when the instrument has none. */
  reliable: ReliableChange | null;
  belowAlertLevel: boolean;
  dropped: boolean;
}

export const FEEDBACK_ALERT_CODES = ['no_reliable_improvement', 'reliable_deterioration', 'below_alert_level', 'falling'] as const;
export type FeedbackAlertCode = (typeof FEEDBACK_ALERT_CODES)[number];

export interface FeedbackAlert {
  code: FeedbackAlertCode;
  /** The session it is about (the latest). */
  session: number;
  /** For people, in Norwegian. */
  message: string;
}

export interface SeriesEvaluation {
  instrumentId: string;
  points: SeriesPoint[];
  /** Sessions left out: their index in the input and what is wrong. */
  skipped: { index: number; problems: CaseworkProblem[] }[];
  first: number | null;
  latest: number | null;
  changeFromFirst: number | null;
  /** The latest session's change from the first, by the reliable-change index (null without it or with one session). */
  outcome: ReliableChange | null;
  alerts: FeedbackAlert[];
}

/**
 * What a series of sessions with one instrument says: totals over time, change from the first,
 * reliable change, and alerts about the latest session. Never throws.
 */
export function evaluateSeries(def: FeedbackInstrument, sessions: readonly FeedbackSession[]): SeriesEvaluation {
  const decimals = isRecord(def) ? instrumentDecimals(def) : 0;
  const skipped: SeriesEvaluation['skipped'] = [];
  const valid: { index: number; date: string; total: number }[] = [];
  listOf(sessions).forEach((s, index) => {
    const problems: CaseworkProblem[] = [];
    const date = isRecord(s) ? s['date'] : undefined;
    if (!isDate(date)) problems.push({ path: ['date'], code: 'invalid_date', message: 'Samtalen mangler en gyldig dato.' });
    const answers = isRecord(s) ? s['answers'] : undefined;
    problems.push(...(isRecord(def) ? validateFeedbackAnswers(def, answers).map((p) => ({ ...p, path: ['answers', ...p.path] })) : []));
    const total = isRecord(def) ? feedbackTotal(def, answers) : null;
    if (problems.length > 0 || total === null || !isDate(date)) skipped.push({ index, problems });
    else valid.push({ index, date, total });
  });
  valid.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));

  const rc = isRecord(def) && finite(def.reliableChange) && def.reliableChange > 0 ? def.reliableChange : null;
  const cutoff = isRecord(def) && finite(def.clinicalCutoff) ? def.clinicalCutoff : null;
  const alertBelow = isRecord(def) && finite(def.alertBelow) ? def.alertBelow : null;
  const onDrop = isRecord(def) && def.alertOnDrop === true;
  const firstTotal = valid[0]?.total ?? null;

  const points: SeriesPoint[] = valid.map((v, i) => {
    const change = roundTo(v.total - (firstTotal ?? v.total), decimals);
    const previous = i > 0 ? (valid[i - 1]?.total ?? null) : null;
    const changeFromPrevious = previous === null ? null : roundTo(v.total - previous, decimals);
    return {
      session: i + 1,
      date: v.date,
      total: v.total,
      changeFromFirst: change,
      changeFromPrevious,
      belowCutoff: cutoff === null ? null : v.total < cutoff,
      reliable: rc === null ? null : change >= rc ? 'improvement' : change <= -rc ? 'deterioration' : 'none',
      belowAlertLevel: alertBelow !== null && v.total < alertBelow,
      dropped: onDrop && changeFromPrevious !== null && changeFromPrevious < 0,
    };
  });

  const last = points.at(-1);
  const alerts: FeedbackAlert[] = [];
  const name = isRecord(def) && typeof def.shortName === 'string' ? def.shortName : 'Verktøyet';
  if (last) {
    const after = isRecord(def) && typeof def.noImprovementAlertAfter === 'number' ? def.noImprovementAlertAfter : null;
    if (last.reliable === 'deterioration' && rc !== null) {
      alerts.push({
        code: 'reliable_deterioration',
        session: last.session,
        message: `${name} har falt fra ${nb(firstTotal ?? 0)} til ${nb(last.total)} siden første samtale, minst ${nb(rc)} poeng: en pålitelig forverring. Ta det opp med personen.`,
      });
    } else if (rc !== null && after !== null && last.session >= after && last.reliable !== 'improvement') {
      alerts.push({
        code: 'no_reliable_improvement',
        session: last.session,
        message: `Ingen pålitelig bedring etter ${last.session} samtaler (${name} ${nb(firstTotal ?? 0)} → ${nb(last.total)}; pålitelig endring er minst ${nb(rc)} poeng). Snakk med personen om hjelpen virker, og vurder å endre tilnærming.`,
      });
    }
    if (last.belowAlertLevel && alertBelow !== null) {
      alerts.push({
        code: 'below_alert_level',
        session: last.session,
        message: `${name} ${nb(last.total)} er under ${nb(alertBelow)}: samarbeidet kan ha et problem. Spør hva som kan bli bedre.`,
      });
    }
    if (last.dropped && last.changeFromPrevious !== null) {
      alerts.push({
        code: 'falling',
        session: last.session,
        message: `${name} falt fra ${nb(roundTo(last.total - last.changeFromPrevious, decimals))} til ${nb(last.total)} siden forrige samtale. Spør hva som kan bli bedre.`,
      });
    }
  }

  return {
    instrumentId: isRecord(def) && typeof def.id === 'string' ? def.id : '',
    points,
    skipped,
    first: firstTotal,
    latest: last?.total ?? null,
    changeFromFirst: last?.changeFromFirst ?? null,
    outcome: last && points.length > 1 ? last.reliable : null,
    alerts,
  };
}
