/**
 * The yearly BrukerPlan mapping (domain.md §3; issue 5 item 3) as data: every field Oslo reports
 * in seed 001's fact sheet, with codes and labels, and validateMapping for what a caseworker
 * records. Issue 6 (statistics) counts these same codes; its CSV import reads them too.
 *
 * Decisions where the seeds are silent (also in the report to the team):
 * - Eight life areas, all required (life-areas.ts). domain.md lists no other ratings; seed 004
 *   quotes Helhetlig russtatistikk's shares of alcohol, cannabis and heroin use, which BrukerPlan
 *   rates per substance, but no list of substances is given: not modelled until one is.
 * - Yes/no facts a caseworker may not know (duration over 3 years, suicide attempt and risk,
 *   overdose taken and risk) are yes / no / unknown ("Vet ikke"), so a guess is never forced.
 *   Individual plan and coordinator are facts the service knows: yes / no.
 * - Children: the number of children under 18 (Appendix 3: "Barn (mindreårig …)") and, when there
 *   are any, one contact form per person: custody, visitation or no contact. Seed 001's shares
 *   (3.5 % + 51 % + 46 %) add up to one per person; with several children, record the closest.
 * - Gender and birth year are copied into the mapping (not the national id), so statistics never
 *   need the person; BrukerPlan maps from age 16 (seed 001 counts 16–17-year-olds), so the person
 *   must be 16 to 120 in the mapping year.
 * - Recommended measures: seed 001 names only "arbeidsrettede tiltak". The default catalogue below
 *   is the Oslostandard's measures (Tiltak 2–6 and 11), not BrukerPlan's own list, which is not in
 *   the seeds; a municipality can pass its own catalogue to validateMapping.
 * - A mapping date outside November–December is allowed (BrukerPlan's season, domain.md §3): a
 *   late mapping is still a mapping. Dates in the future are not.
 */
import { isDate, isRecord, readDate } from './dates.js';
import { LIFE_AREA_CODES, LIFE_AREA_RATINGS, LIFE_AREAS, isLifeAreaRating, type LifeAreaCode, type LifeAreaRating } from './life-areas.js';
import type { CaseworkProblem, CaseworkText } from './model.js';
import type { Gender } from './national-id.js';

export const PROBLEM_TYPES = ['substance', 'substance_and_mental_health', 'mental_health'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

export const BIRTH_REGIONS = ['norway', 'europe', 'outside_europe', 'unknown'] as const;
export type BirthRegion = (typeof BIRTH_REGIONS)[number];

export const LIVING_SITUATIONS = ['alone', 'partner', 'family_or_friends', 'unclear'] as const;
export type LivingSituation = (typeof LIVING_SITUATIONS)[number];

export const CHILD_CONTACTS = ['custody', 'visitation', 'no_contact'] as const;
export type ChildContact = (typeof CHILD_CONTACTS)[number];

export const MAPPED_BY = ['nav', 'health_and_care', 'child_welfare', 'other'] as const;
export type MappedBy = (typeof MAPPED_BY)[number];

export const MAPPING_GENDERS = ['female', 'male'] as const satisfies readonly Gender[];

export interface MappingOption {
  code: string;
  label: CaseworkText;
}

/** The default catalogue of recommended measures (see the decisions above). */
export const RECOMMENDED_MEASURES: readonly MappingOption[] = [
  { code: 'work_oriented', label: { nb: 'Arbeidsrettede tiltak', en: 'Work-oriented measures' } },
  { code: 'activity', label: { nb: 'Aktivitet eller utdanning', en: 'Activity or education' } },
  { code: 'income_security', label: { nb: 'Inntektssikring og helseavklaring', en: 'Income security and health assessment' } },
  { code: 'housing', label: { nb: 'Bolig', en: 'Housing' } },
  { code: 'housing_follow_up', label: { nb: 'Oppfølging i bolig', en: 'Follow-up in the home' } },
  { code: 'substance_treatment', label: { nb: 'Rusbehandling i spesialisthelsetjenesten', en: 'Specialised substance-use treatment' } },
  { code: 'mental_health_care', label: { nb: 'Psykisk helsehjelp', en: 'Mental health care' } },
  { code: 'physical_health_care', label: { nb: 'Somatisk helsehjelp', en: 'Physical health care' } },
  { code: 'network', label: { nb: 'Nettverk og sosial inkludering', en: 'Network and social inclusion' } },
  { code: 'individual_plan', label: { nb: 'Individuell plan og koordinator', en: 'Individual plan and coordinator' } },
  { code: 'other', label: { nb: 'Annet', en: 'Other' } },
];

export const MAX_MINOR_CHILDREN = 30;
export const MAX_RECOMMENDED_MEASURES = 20;
/** BrukerPlan maps from this age (seed 001: "16 år og oppover"). */
export const MAPPING_MIN_AGE = 16;
export const MAPPING_MAX_AGE = 120;

/** One person's yearly BrukerPlan mapping, as validated. */
export interface BrukerPlanMapping {
  /** 'YYYY-MM-DD'; its year is the mapping year. */
  mappedOn: string;
  mappedBy: MappedBy;
  gender: Gender;
  birthYear: number;
  problemType: ProblemType;
  durationOver3Years: YesNoUnknown;
  lifeAreas: Record<LifeAreaCode, LifeAreaRating>;
  bornIn: BirthRegion;
  livingSituation: LivingSituation;
  /** Children under 18. */
  minorChildren: number;
  /** Null exactly when there are no children under 18. */
  childContact: ChildContact | null;
  suicideAttempt: YesNoUnknown;
  suicideRisk: YesNoUnknown;
  overdoseTaken: YesNoUnknown;
  overdoseRisk: YesNoUnknown;
  individualPlan: YesNo;
  coordinator: YesNo;
  /** Codes from the catalogue, each once, in the catalogue's order. */
  recommendedMeasures: string[];
}

const option = (code: string, nb: string, en: string): MappingOption => ({ code, label: { nb, en } });

const YES_NO_UNKNOWN_OPTIONS = [option('yes', 'Ja', 'Yes'), option('no', 'Nei', 'No'), option('unknown', 'Vet ikke', 'Unknown')];
const YES_NO_OPTIONS = YES_NO_UNKNOWN_OPTIONS.slice(0, 2);

export type MappingFieldKind = 'date' | 'choice' | 'year' | 'count' | 'life_areas' | 'multi';

export interface MappingField {
  key: keyof BrukerPlanMapping;
  label: CaseworkText;
  kind: MappingFieldKind;
  /** For 'choice' and 'multi' (the default catalogue for recommendedMeasures). */
  options: readonly MappingOption[];
}

/** Every field of the mapping, in the order of a form and of a CSV row. */
export const BRUKERPLAN_FIELDS: readonly MappingField[] = [
  { key: 'mappedOn', label: { nb: 'Kartlagt dato', en: 'Mapped on' }, kind: 'date', options: [] },
  {
    key: 'mappedBy',
    label: { nb: 'Kartlagt av', en: 'Mapped by' },
    kind: 'choice',
    options: [
      option('nav', 'NAV', 'NAV'),
      option('health_and_care', 'Helse- og omsorgstjenester', 'Health and care services'),
      option('child_welfare', 'Barneverntjenesten', 'Child welfare'),
      option('other', 'Annen tjeneste', 'Other service'),
    ],
  },
  { key: 'gender', label: { nb: 'Kjønn', en: 'Gender' }, kind: 'choice', options: [option('female', 'Kvinne', 'Female'), option('male', 'Mann', 'Male')] },
  { key: 'birthYear', label: { nb: 'Fødselsår', en: 'Year of birth' }, kind: 'year', options: [] },
  {
    key: 'problemType',
    label: { nb: 'Problemtype', en: 'Problem type' },
    kind: 'choice',
    options: [
      option('substance', 'Rusproblem', 'Substance use only'),
      option('substance_and_mental_health', 'Kombinert rus- og psykisk helseproblem', 'Substance use and mental health'),
      option('mental_health', 'Psykisk helseproblem', 'Mental health only'),
    ],
  },
  { key: 'durationOver3Years', label: { nb: 'Hatt problemet i mer enn tre år', en: 'Problem for more than three years' }, kind: 'choice', options: YES_NO_UNKNOWN_OPTIONS },
  { key: 'lifeAreas', label: { nb: 'Levekårsområder', en: 'Life areas' }, kind: 'life_areas', options: LIFE_AREA_RATINGS.map((r) => option(r, { green: 'Grønn', yellow: 'Gul', red: 'Rød' }[r], { green: 'Green', yellow: 'Yellow', red: 'Red' }[r])) },
  {
    key: 'bornIn',
    label: { nb: 'Fødested', en: 'Born in' },
    kind: 'choice',
    options: [option('norway', 'Norge', 'Norway'), option('europe', 'Europa utenom Norge', 'Europe outside Norway'), option('outside_europe', 'Utenfor Europa', 'Outside Europe'), option('unknown', 'Ukjent', 'Unknown')],
  },
  {
    key: 'livingSituation',
    label: { nb: 'Bosituasjon (bor med)', en: 'Living situation' },
    kind: 'choice',
    options: [option('alone', 'Bor alene', 'Lives alone'), option('partner', 'Bor med partner', 'Lives with a partner'), option('family_or_friends', 'Bor med familie eller venner', 'Lives with family or friends'), option('unclear', 'Uklart', 'Unclear')],
  },
  { key: 'minorChildren', label: { nb: 'Antall barn under 18 år', en: 'Children under 18' }, kind: 'count', options: [] },
  {
    key: 'childContact',
    label: { nb: 'Kontakt med barna', en: 'Contact with the children' },
    kind: 'choice',
    options: [option('custody', 'Har omsorg', 'Has custody'), option('visitation', 'Har samvær', 'Has visitation'), option('no_contact', 'Ingen kontakt', 'No contact')],
  },
  { key: 'suicideAttempt', label: { nb: 'Har forsøkt å ta sitt eget liv', en: 'Has attempted suicide' }, kind: 'choice', options: YES_NO_UNKNOWN_OPTIONS },
  { key: 'suicideRisk', label: { nb: 'Vurdert i fare for å ta sitt eget liv', en: 'Assessed at risk of suicide' }, kind: 'choice', options: YES_NO_UNKNOWN_OPTIONS },
  { key: 'overdoseTaken', label: { nb: 'Har tatt overdose', en: 'Has taken an overdose' }, kind: 'choice', options: YES_NO_UNKNOWN_OPTIONS },
  { key: 'overdoseRisk', label: { nb: 'Vurdert i fare for å ta overdose', en: 'Assessed at risk of overdose' }, kind: 'choice', options: YES_NO_UNKNOWN_OPTIONS },
  { key: 'individualPlan', label: { nb: 'Har individuell plan', en: 'Has an individual plan' }, kind: 'choice', options: YES_NO_OPTIONS },
  { key: 'coordinator', label: { nb: 'Har koordinator', en: 'Has a coordinator' }, kind: 'choice', options: YES_NO_OPTIONS },
  { key: 'recommendedMeasures', label: { nb: 'Anbefalte tiltak neste år', en: 'Recommended measures next year' }, kind: 'multi', options: RECOMMENDED_MEASURES },
];

const FIELD = new Map(BRUKERPLAN_FIELDS.map((f) => [f.key, f]));

/** The Norwegian label of a field's option, e.g. mappingOptionLabel('mappedBy', 'nav') = 'NAV'. */
export function mappingOptionLabel(key: keyof BrukerPlanMapping, code: string, lang: 'nb' | 'en' = 'nb'): string | null {
  const found = FIELD.get(key)?.options.find((o) => o.code === code);
  return found ? found.label[lang] : null;
}

/** The mapping year of a mapping date ('2019-11-20' → 2019), or null. */
export function mappingYear(mappedOn: string): number | null {
  return readDate(mappedOn)?.y ?? null;
}

export interface ValidateMappingOptions {
  /** 'YYYY-MM-DD' (Oslo): the mapping date may not be after it (not checked when it is no date). */
  today: string;
  /** The municipality's catalogue of recommended measures; RECOMMENDED_MEASURES by default. */
  measures?: readonly MappingOption[];
}

export type MappingValidation = { ok: true; mapping: BrukerPlanMapping } | { ok: false; problems: CaseworkProblem[] };

const listLabels = (options: readonly MappingOption[]): string => {
  const labels = options.map((o) => o.label.nb);
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} eller ${labels[labels.length - 1] ?? ''}`;
};

/**
 * Checks a mapping as a caseworker (or an import row) gives it and returns the clean record, built
 * from the known fields only (anything else is dropped). Every problem has the field's path and a
 * Norwegian message. Never throws, whatever it is given.
 */
export function validateMapping(input: unknown, options: ValidateMappingOptions): MappingValidation {
  const problems: CaseworkProblem[] = [];
  const add = (path: (string | number)[], code: string, message: string): void => {
    problems.push({ path, code, message });
  };
  if (!isRecord(input)) {
    add([], 'invalid_type', 'Kartleggingen mangler eller har feil form.');
    return { ok: false, problems };
  }

  const choice = <T extends string>(key: keyof BrukerPlanMapping): T | null => {
    const field = FIELD.get(key);
    const value = input[key];
    if (!field) return null;
    if (field.options.some((o) => o.code === value)) return value as T;
    if (value === undefined || value === null || value === '') {
      add([key], 'required', `Velg ${field.label.nb.toLowerCase()}: ${listLabels(field.options)}.`);
    } else {
      add([key], 'invalid_choice', `Ugyldig verdi for «${field.label.nb}». Velg ${listLabels(field.options)}.`);
    }
    return null;
  };

  // Mapping date: a real day, not in the future.
  const mappedOn = input['mappedOn'];
  const mappedDate = readDate(mappedOn);
  let year: number | null = null;
  if (!mappedDate || mappedDate.y < 2000 || mappedDate.y > 2100 || typeof mappedOn !== 'string') {
    add(['mappedOn'], mappedOn === undefined || mappedOn === null || mappedOn === '' ? 'required' : 'invalid_date', 'Skriv kartleggingsdatoen som en dato som finnes (ÅÅÅÅ-MM-DD).');
  } else if (isDate(options.today) && mappedOn > options.today) {
    add(['mappedOn'], 'future_date', 'Kartleggingsdatoen kan ikke være fram i tid.');
  } else {
    year = mappedDate.y;
  }

  const mappedBy = choice<MappedBy>('mappedBy');
  const gender = choice<Gender>('gender');

  const birthYear = input['birthYear'];
  let birth: number | null = null;
  if (typeof birthYear !== 'number' || !Number.isInteger(birthYear)) {
    add(['birthYear'], birthYear === undefined || birthYear === null || birthYear === '' ? 'required' : 'invalid_number', 'Skriv fødselsåret med fire sifre.');
  } else if (year !== null && (year - birthYear < MAPPING_MIN_AGE || year - birthYear > MAPPING_MAX_AGE)) {
    add(['birthYear'], 'age_out_of_range', `Personen må være mellom ${MAPPING_MIN_AGE} og ${MAPPING_MAX_AGE} år i kartleggingsåret (BrukerPlan kartlegger fra ${MAPPING_MIN_AGE} år).`);
  } else if (year === null && (birthYear < 1880 || birthYear > 2100)) {
    add(['birthYear'], 'age_out_of_range', 'Skriv fødselsåret med fire sifre.');
  } else {
    birth = birthYear;
  }

  const problemType = choice<ProblemType>('problemType');
  const durationOver3Years = choice<YesNoUnknown>('durationOver3Years');

  // The eight life areas, every one rated.
  const areas = input['lifeAreas'];
  const lifeAreas: Partial<Record<LifeAreaCode, LifeAreaRating>> = {};
  if (!isRecord(areas)) {
    add(['lifeAreas'], 'required', 'Vurder alle de åtte levekårsområdene (grønn, gul eller rød).');
  } else {
    for (const area of LIFE_AREAS) {
      const value = areas[area.code];
      if (isLifeAreaRating(value)) lifeAreas[area.code] = value;
      else if (value === undefined || value === null || value === '') add(['lifeAreas', area.code], 'required', `Vurder ${area.label.nb.toLowerCase()} (grønn, gul eller rød).`);
      else add(['lifeAreas', area.code], 'invalid_choice', `Ugyldig vurdering av ${area.label.nb.toLowerCase()}. Velg grønn, gul eller rød.`);
    }
  }

  const bornIn = choice<BirthRegion>('bornIn');
  const livingSituation = choice<LivingSituation>('livingSituation');

  // Children under 18, and the contact with them only when there are any.
  const minor = input['minorChildren'];
  let minorChildren: number | null = null;
  if (typeof minor !== 'number' || !Number.isInteger(minor)) {
    add(['minorChildren'], minor === undefined || minor === null || minor === '' ? 'required' : 'invalid_number', 'Skriv antall barn under 18 år som et helt tall (0 hvis ingen).');
  } else if (minor < 0) {
    add(['minorChildren'], 'negative', 'Antall barn kan ikke være mindre enn 0.');
  } else if (minor > MAX_MINOR_CHILDREN) {
    add(['minorChildren'], 'too_many', `Antall barn kan være høyst ${MAX_MINOR_CHILDREN}.`);
  } else {
    minorChildren = minor;
  }
  let childContact: ChildContact | null = null;
  const contact = input['childContact'];
  const contactGiven = contact !== undefined && contact !== null && contact !== '';
  if (minorChildren === 0 && contactGiven) {
    add(['childContact'], 'not_allowed', 'Kontakt med barna fylles bare ut når personen har barn under 18 år.');
  } else if (minorChildren !== null && minorChildren > 0) {
    childContact = choice<ChildContact>('childContact');
  } else if (minorChildren === null && contactGiven && !(CHILD_CONTACTS as readonly unknown[]).includes(contact)) {
    choice<ChildContact>('childContact');
  }

  const suicideAttempt = choice<YesNoUnknown>('suicideAttempt');
  const suicideRisk = choice<YesNoUnknown>('suicideRisk');
  const overdoseTaken = choice<YesNoUnknown>('overdoseTaken');
  const overdoseRisk = choice<YesNoUnknown>('overdoseRisk');
  const individualPlan = choice<YesNo>('individualPlan');
  const coordinator = choice<YesNo>('coordinator');

  // Recommended measures: known codes, each once; none is a valid answer.
  const catalogue = options.measures ?? RECOMMENDED_MEASURES;
  const given = input['recommendedMeasures'];
  const measures = new Set<string>();
  if (given !== undefined && given !== null && !Array.isArray(given)) {
    add(['recommendedMeasures'], 'invalid_type', 'Anbefalte tiltak må være en liste.');
  } else if (Array.isArray(given)) {
    if (given.length > MAX_RECOMMENDED_MEASURES) add(['recommendedMeasures'], 'too_many', `Velg høyst ${MAX_RECOMMENDED_MEASURES} anbefalte tiltak.`);
    given.slice(0, MAX_RECOMMENDED_MEASURES).forEach((code: unknown, i) => {
      if (typeof code !== 'string' || !catalogue.some((m) => m.code === code)) {
        add(['recommendedMeasures', i], 'invalid_choice', 'Ukjent anbefalt tiltak. Velg fra listen.');
      } else if (measures.has(code)) {
        add(['recommendedMeasures', i], 'duplicate', 'Tiltaket er valgt to ganger.');
      } else {
        measures.add(code);
      }
    });
  }

  if (
    problems.length > 0 ||
    year === null ||
    mappedBy === null ||
    gender === null ||
    birth === null ||
    problemType === null ||
    durationOver3Years === null ||
    bornIn === null ||
    livingSituation === null ||
    minorChildren === null ||
    suicideAttempt === null ||
    suicideRisk === null ||
    overdoseTaken === null ||
    overdoseRisk === null ||
    individualPlan === null ||
    coordinator === null
  ) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    mapping: {
      mappedOn: mappedOn as string,
      mappedBy,
      gender,
      birthYear: birth,
      problemType,
      durationOver3Years,
      lifeAreas: Object.fromEntries(LIFE_AREA_CODES.map((c) => [c, lifeAreas[c]])) as Record<LifeAreaCode, LifeAreaRating>,
      bornIn,
      livingSituation,
      minorChildren,
      childContact,
      suicideAttempt,
      suicideRisk,
      overdoseTaken,
      overdoseRisk,
      individualPlan,
      coordinator,
      recommendedMeasures: catalogue.map((m) => m.code).filter((c) => measures.has(c)),
    },
  };
}
