/**
 * The Oslostandard's eight life areas (levekårsområder), rated green / yellow / red in every
 * assessment (kartlegging) and in the yearly BrukerPlan mapping, and what changed between two
 * assessments (issue 5 item 3: "previous assessments kept and compared").
 *
 * Which eight, and their names:
 * - Seed 004 names them in one place, its introduction: "Oslostandarden for rusfaglig arbeid følger
 *   de åtte levekårsområdene som kartlegges i den nasjonale BrukerPlan-kartleggingen: Bosisuasjon,
 *   meningsfull aktivitet, økonomi, fysisk helse, psykisk helse, rusbruk, sosial fungering og
 *   nettverk." Appendix 3 (Bydel Alna's form) rates "de levekårsområdene som er i Brukerplan",
 *   i.e. the same eight. Tiltak 7 lists what staff should map (functional ability and resources,
 *   family and network, economy, housing, education and work, crime) — topics of the intake form,
 *   not a different set of rated areas.
 * - So the labels are seed 004's, in its order, with its typo corrected ("Bosisuasjon" →
 *   "Bosituasjon"). Seed 001 and domain.md use other words for the same areas ("Bolig", "Arbeid og
 *   meningsfull aktivitet", "Rus"/"Rusmiddelbruk", "Sosial kompetanse"/"Sosial funksjon"); they are
 *   kept as aliases so imports and people's words find the area (lifeAreaFromLabel).
 * - What each colour means is seed 001's text (St. Hanshaugen's BrukerPlan figures 2019, as
 *   domain.md §3 sums it up). Where seed 001 gives no text for green (physical health), the text is
 *   domain.md's.
 * - The living-conditions index (grønn/gul/rød/blålys) is a statistic over the eight ratings and
 *   belongs to the statistics module (issue 6), not here.
 */
import { isRecord } from './dates.js';
import type { CaseworkText } from './model.js';

export const LIFE_AREA_RATINGS = ['green', 'yellow', 'red'] as const;
export type LifeAreaRating = (typeof LIFE_AREA_RATINGS)[number];

export interface LifeAreaDefinition {
  code: string;
  label: CaseworkText;
  /** Other names for the area in the seeds and in everyday use (lower case). */
  aliases: readonly string[];
  /** What each rating means. */
  ratings: Record<LifeAreaRating, CaseworkText>;
}

export const LIFE_AREAS = [
  {
    code: 'housing',
    label: { nb: 'Bosituasjon', en: 'Housing' },
    aliases: ['bolig', 'bosisuasjon', 'boforhold'],
    ratings: {
      green: { nb: 'Permanent og tilfredsstillende bosituasjon', en: 'Permanent, satisfactory housing' },
      yellow: { nb: 'Mangler tilfredsstillende bolig', en: 'Lacks satisfactory housing' },
      red: { nb: 'Bostedsløs', en: 'Homeless' },
    },
  },
  {
    code: 'activity',
    label: { nb: 'Meningsfull aktivitet', en: 'Meaningful activity' },
    aliases: ['arbeid og meningsfull aktivitet', 'arbeid/aktivitet', 'arbeid', 'aktivitet'],
    ratings: {
      green: { nb: 'I tilstrekkelig grad i arbeid, aktivitet eller utdanning som oppleves meningsfull', en: 'Sufficient meaningful work, activity or education' },
      yellow: { nb: 'I noe arbeid eller aktivitet', en: 'Some work or activity' },
      red: { nb: 'Uten arbeid og meningsfull aktivitet', en: 'No work or meaningful activity' },
    },
  },
  {
    code: 'economy',
    label: { nb: 'Økonomi', en: 'Economy' },
    aliases: ['okonomi'],
    ratings: {
      green: { nb: 'Rimelig god orden i økonomien, basert på fast lønnsinntekt eller varig trygd', en: 'Reasonably ordered, based on wages or a permanent benefit' },
      yellow: { nb: 'Noe ordnet økonomi, basert på perioder med lønn, stønader eller økonomisk sosialhjelp', en: 'Somewhat ordered: periods of wages, benefits or social assistance' },
      red: { nb: 'Lite ordnet økonomi, helt avhengig av midlertidige offentlige stønader', en: 'Little order, fully dependent on temporary public benefits' },
    },
  },
  {
    code: 'physical_health',
    label: { nb: 'Fysisk helse', en: 'Physical health' },
    aliases: ['somatisk helse'],
    ratings: {
      green: { nb: 'Ingen fysiske helseplager med alvorlige konsekvenser', en: 'No physical complaints with serious consequences' },
      yellow: { nb: 'Noen fysiske helseplager med alvorlige konsekvenser for daglig funksjon', en: 'Complaints with serious consequences for daily function' },
      red: { nb: 'Omfattende fysiske helseplager med svært alvorlige konsekvenser for daglig funksjon', en: 'Extensive complaints with very serious consequences for daily function' },
    },
  },
  {
    code: 'mental_health',
    label: { nb: 'Psykisk helse', en: 'Mental health' },
    aliases: [],
    ratings: {
      green: { nb: 'Psykisk helsetilstand uten alvorlige konsekvenser for funksjonsnivå', en: 'No serious consequences for functioning' },
      yellow: { nb: 'Noe funksjonssvikt', en: 'Some loss of function' },
      red: { nb: 'Alvorlig funksjonssvikt', en: 'Serious loss of function' },
    },
  },
  {
    code: 'substance_use',
    label: { nb: 'Rusbruk', en: 'Substance use' },
    aliases: ['rusmiddelbruk', 'rus', 'rusproblemer', 'bruk av rusmidler'],
    ratings: {
      green: { nb: 'Noe bruk av rusmidler uten at det går ut over daglig funksjon', en: 'Some use, not affecting daily function' },
      yellow: { nb: 'Omfattende bruk av rusmidler med alvorlige konsekvenser for daglig funksjon', en: 'Extensive use with serious consequences for daily function' },
      red: { nb: 'Svært omfattende bruk med svært alvorlige konsekvenser for daglig funksjon', en: 'Very extensive use with very serious consequences' },
    },
  },
  {
    code: 'social_functioning',
    label: { nb: 'Sosial fungering', en: 'Social functioning' },
    aliases: ['sosial funksjon', 'sosial kompetanse'],
    ratings: {
      green: { nb: 'God sosial funksjon', en: 'Good social functioning' },
      yellow: { nb: 'God sosial funksjon i eget miljø, mangelfull utenfor det', en: 'Good in own milieu, lacking outside it' },
      red: { nb: 'Marginal sosial funksjon i alle typer sosiale sammenhenger', en: 'Marginal in all social settings' },
    },
  },
  {
    code: 'network',
    label: { nb: 'Nettverk', en: 'Network' },
    aliases: ['sosialt nettverk', 'familie og nettverk'],
    ratings: {
      green: { nb: 'God kontakt med nettverk', en: 'Good contact with network' },
      yellow: { nb: 'Begrenset kontakt med nettverk', en: 'Limited contact with network' },
      red: { nb: 'Ingen eller dårlig kontakt med nettverk', en: 'No or poor contact with network' },
    },
  },
] as const satisfies readonly LifeAreaDefinition[];

export type LifeAreaCode = (typeof LIFE_AREAS)[number]['code'];
export const LIFE_AREA_CODES: readonly LifeAreaCode[] = LIFE_AREAS.map((a) => a.code);

export const LIFE_AREA_RATING_LABELS: Record<LifeAreaRating, CaseworkText> = {
  green: { nb: 'Grønn', en: 'Green' },
  yellow: { nb: 'Gul', en: 'Yellow' },
  red: { nb: 'Rød', en: 'Red' },
};

export const isLifeAreaCode = (v: unknown): v is LifeAreaCode => typeof v === 'string' && (LIFE_AREA_CODES as readonly string[]).includes(v);
export const isLifeAreaRating = (v: unknown): v is LifeAreaRating => typeof v === 'string' && (LIFE_AREA_RATINGS as readonly string[]).includes(v);

/** Severity: a lower number is better. */
const SEVERITY: Record<LifeAreaRating, number> = { green: 0, yellow: 1, red: 2 };

const fold = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();

/** The area a label names (its code, nb or en label, or an alias; case and spacing ignored), else null. */
export function lifeAreaFromLabel(text: unknown): LifeAreaCode | null {
  if (typeof text !== 'string') return null;
  const t = fold(text);
  for (const area of LIFE_AREAS) {
    const names: readonly string[] = [area.code, area.label.nb, area.label.en, ...area.aliases];
    if (names.some((n) => fold(n) === t)) return area.code;
  }
  return null;
}

/**
 * One assessment's ratings: per area a rating, or an entry with a rating (and notes and resources,
 * which the comparison ignores). Areas left out, or with no rating, were not rated.
 */
export type LifeAreaEntry = LifeAreaRating | { rating?: LifeAreaRating | null; note?: string | null; resources?: string | null } | null;
export type LifeAreaRatings = Partial<Record<LifeAreaCode, LifeAreaEntry>>;

/** The rating of one area in an assessment, read leniently: anything else is "not rated". */
export function ratingOf(ratings: unknown, area: LifeAreaCode): LifeAreaRating | null {
  if (!isRecord(ratings)) return null;
  const entry = ratings[area];
  if (isLifeAreaRating(entry)) return entry;
  if (isRecord(entry) && isLifeAreaRating(entry['rating'])) return entry['rating'];
  return null;
}

export const LIFE_AREA_CHANGES = ['better', 'worse', 'same', 'new', 'removed'] as const;
export type LifeAreaChange = (typeof LIFE_AREA_CHANGES)[number];

export const LIFE_AREA_CHANGE_LABELS: Record<LifeAreaChange, CaseworkText> = {
  better: { nb: 'Bedre', en: 'Better' },
  worse: { nb: 'Verre', en: 'Worse' },
  same: { nb: 'Uendret', en: 'Unchanged' },
  new: { nb: 'Nytt', en: 'New' },
  removed: { nb: 'Ikke vurdert nå', en: 'Not rated now' },
};

export interface LifeAreaComparison {
  area: LifeAreaCode;
  previous: LifeAreaRating | null;
  current: LifeAreaRating | null;
  /** 'new': rated now, not before; 'removed': rated before, not now. */
  change: LifeAreaChange;
  /** How many steps: red → green is 2, green → red is -2; 0 for same, new and removed. */
  steps: number;
}

export interface AssessmentComparison {
  /** The areas rated in either assessment, in the standard's order. */
  areas: LifeAreaComparison[];
  counts: Record<LifeAreaChange, number>;
}

/**
 * What changed per life area from the previous assessment to the current one. A first assessment
 * (previous null) makes every rated area 'new'. Never throws; unreadable ratings count as not rated.
 */
export function compareAssessments(previous: LifeAreaRatings | null | undefined, current: LifeAreaRatings | null | undefined): AssessmentComparison {
  const counts: Record<LifeAreaChange, number> = { better: 0, worse: 0, same: 0, new: 0, removed: 0 };
  const areas: LifeAreaComparison[] = [];
  for (const area of LIFE_AREA_CODES) {
    const before = ratingOf(previous, area);
    const now = ratingOf(current, area);
    if (before === null && now === null) continue;
    let change: LifeAreaChange;
    let steps = 0;
    if (before === null) change = 'new';
    else if (now === null) change = 'removed';
    else {
      steps = SEVERITY[before] - SEVERITY[now];
      change = steps > 0 ? 'better' : steps < 0 ? 'worse' : 'same';
    }
    counts[change] += 1;
    areas.push({ area, previous: before, current: now, change, steps });
  }
  return { areas, counts };
}

/** One short Norwegian line for a comparison: "2 bedre, 1 verre, 5 uendret". */
export function describeComparison(comparison: AssessmentComparison): string {
  const parts: string[] = [];
  const { counts } = comparison;
  if (counts.better) parts.push(`${counts.better} bedre`);
  if (counts.worse) parts.push(`${counts.worse} verre`);
  if (counts.same) parts.push(`${counts.same} uendret`);
  if (counts.new) parts.push(`${counts.new} ${counts.new === 1 ? 'nytt' : 'nye'}`);
  if (counts.removed) parts.push(`${counts.removed} ikke vurdert nå`);
  return parts.length ? parts.join(', ') : 'Ingen levekårsområder er vurdert';
}
