import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BIRTH_REGIONS,
  BRUKERPLAN_FIELDS,
  CHILD_CONTACTS,
  LIVING_SITUATIONS,
  MAPPED_BY,
  MAPPING_GENDERS,
  mappingOptionLabel,
  mappingYear,
  PROBLEM_TYPES,
  RECOMMENDED_MEASURES,
  validateMapping,
  YES_NO,
  YES_NO_UNKNOWN,
  type BrukerPlanMapping,
} from './brukerplan.js';
import { LIFE_AREA_CODES } from './life-areas.js';

const TODAY = '2026-11-23';

const VALID: BrukerPlanMapping = {
  mappedOn: '2026-11-20',
  mappedBy: 'nav',
  gender: 'male',
  birthYear: 1971,
  problemType: 'substance_and_mental_health',
  durationOver3Years: 'yes',
  lifeAreas: {
    housing: 'yellow',
    activity: 'red',
    economy: 'yellow',
    physical_health: 'yellow',
    mental_health: 'yellow',
    substance_use: 'red',
    social_functioning: 'yellow',
    network: 'red',
  },
  bornIn: 'norway',
  livingSituation: 'alone',
  minorChildren: 2,
  childContact: 'visitation',
  suicideAttempt: 'no',
  suicideRisk: 'unknown',
  overdoseTaken: 'no',
  overdoseRisk: 'yes',
  individualPlan: 'no',
  coordinator: 'yes',
  recommendedMeasures: ['work_oriented', 'housing_follow_up'],
};

const problemsOf = (input: unknown, today = TODAY) => {
  const result = validateMapping(input, { today });
  return result.ok ? [] : result.problems.map((p) => ({ path: p.path.join('.'), code: p.code }));
};
const messageAt = (input: unknown, path: string) => {
  const result = validateMapping(input, { today: TODAY });
  return result.ok ? undefined : result.problems.find((p) => p.path.join('.') === path)?.message;
};

describe('BrukerPlan mapping fields', () => {
  it('list every field of domain.md §3, once, with the constants as their options', () => {
    const keys = BRUKERPLAN_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(VALID).sort());
    const codes = (key: string) => BRUKERPLAN_FIELDS.find((f) => f.key === key)?.options.map((o) => o.code);
    expect(codes('problemType')).toEqual([...PROBLEM_TYPES]);
    expect(codes('bornIn')).toEqual([...BIRTH_REGIONS]);
    expect(codes('livingSituation')).toEqual([...LIVING_SITUATIONS]);
    expect(codes('childContact')).toEqual([...CHILD_CONTACTS]);
    expect(codes('mappedBy')).toEqual([...MAPPED_BY]);
    expect(codes('gender')).toEqual([...MAPPING_GENDERS]);
    expect(codes('suicideRisk')).toEqual([...YES_NO_UNKNOWN]);
    expect(codes('individualPlan')).toEqual([...YES_NO]);
    expect(codes('recommendedMeasures')).toEqual(RECOMMENDED_MEASURES.map((m) => m.code));
    for (const field of BRUKERPLAN_FIELDS) {
      expect(field.label.nb).not.toBe('');
      for (const o of field.options) expect(o.label.nb).not.toBe('');
    }
  });

  it('give labels for codes, in both languages', () => {
    expect(mappingOptionLabel('mappedBy', 'health_and_care')).toBe('Helse- og omsorgstjenester');
    expect(mappingOptionLabel('problemType', 'substance_and_mental_health', 'en')).toBe('Substance use and mental health');
    expect(mappingOptionLabel('bornIn', 'mars')).toBeNull();
    expect(mappingYear('2019-12-02')).toBe(2019);
    expect(mappingYear('2019-13-02')).toBeNull();
  });
});

describe('validateMapping', () => {
  it('accepts a complete mapping and returns it clean', () => {
    expect(validateMapping(VALID, { today: TODAY })).toEqual({ ok: true, mapping: VALID });
  });

  it('drops fields it does not know (no mass assignment)', () => {
    const result = validateMapping({ ...VALID, id: 'forged', unitId: 'x', lifeAreas: { ...VALID.lifeAreas, crime: 'red' } }, { today: TODAY });
    expect(result).toEqual({ ok: true, mapping: VALID });
  });

  it('refuses a mapping date in the future, and one that is no date', () => {
    expect(problemsOf({ ...VALID, mappedOn: '2026-11-24' })).toEqual([{ path: 'mappedOn', code: 'future_date' }]);
    expect(messageAt({ ...VALID, mappedOn: '2026-11-24' }, 'mappedOn')).toBe('Kartleggingsdatoen kan ikke være fram i tid.');
    expect(problemsOf({ ...VALID, mappedOn: TODAY })).toEqual([]);
    expect(problemsOf({ ...VALID, mappedOn: '2026-02-30' })).toEqual([{ path: 'mappedOn', code: 'invalid_date' }]);
    expect(problemsOf({ ...VALID, mappedOn: '20.11.2026' })).toEqual([{ path: 'mappedOn', code: 'invalid_date' }]);
    expect(problemsOf({ ...VALID, mappedOn: '1999-11-20' })).toEqual([{ path: 'mappedOn', code: 'invalid_date' }]);
    expect(problemsOf({ ...VALID, mappedOn: undefined })).toEqual([{ path: 'mappedOn', code: 'required' }]);
  });

  it('allows a mapping outside November–December', () => {
    expect(problemsOf({ ...VALID, mappedOn: '2026-03-01' })).toEqual([]);
  });

  it('refuses a child count below 0, a fraction, and too many', () => {
    expect(problemsOf({ ...VALID, minorChildren: -1 })).toEqual([{ path: 'minorChildren', code: 'negative' }]);
    expect(messageAt({ ...VALID, minorChildren: -1 }, 'minorChildren')).toBe('Antall barn kan ikke være mindre enn 0.');
    expect(problemsOf({ ...VALID, minorChildren: 1.5 })).toEqual([{ path: 'minorChildren', code: 'invalid_number' }]);
    expect(problemsOf({ ...VALID, minorChildren: '2' })).toEqual([{ path: 'minorChildren', code: 'invalid_number' }]);
    expect(problemsOf({ ...VALID, minorChildren: 31 })).toEqual([{ path: 'minorChildren', code: 'too_many' }]);
  });

  it('wants the contact with the children exactly when there are children', () => {
    expect(problemsOf({ ...VALID, minorChildren: 0, childContact: null })).toEqual([]);
    expect(validateMapping({ ...VALID, minorChildren: 0, childContact: undefined }, { today: TODAY })).toMatchObject({ ok: true, mapping: { childContact: null } });
    expect(problemsOf({ ...VALID, minorChildren: 0, childContact: 'custody' })).toEqual([{ path: 'childContact', code: 'not_allowed' }]);
    expect(problemsOf({ ...VALID, minorChildren: 1, childContact: null })).toEqual([{ path: 'childContact', code: 'required' }]);
    expect(messageAt({ ...VALID, minorChildren: 1, childContact: null }, 'childContact')).toBe('Velg kontakt med barna: Har omsorg, Har samvær eller Ingen kontakt.');
    expect(problemsOf({ ...VALID, minorChildren: 1, childContact: 'sometimes' })).toEqual([{ path: 'childContact', code: 'invalid_choice' }]);
    expect(problemsOf({ ...VALID, minorChildren: -1, childContact: 'sometimes' })).toEqual([
      { path: 'minorChildren', code: 'negative' },
      { path: 'childContact', code: 'invalid_choice' },
    ]);
  });

  it('wants all eight life areas rated', () => {
    const { network: _n, ...seven } = VALID.lifeAreas;
    expect(problemsOf({ ...VALID, lifeAreas: seven })).toEqual([{ path: 'lifeAreas.network', code: 'required' }]);
    expect(messageAt({ ...VALID, lifeAreas: seven }, 'lifeAreas.network')).toBe('Vurder nettverk (grønn, gul eller rød).');
    expect(problemsOf({ ...VALID, lifeAreas: { ...VALID.lifeAreas, housing: 'blålys' } })).toEqual([{ path: 'lifeAreas.housing', code: 'invalid_choice' }]);
    expect(problemsOf({ ...VALID, lifeAreas: null })).toEqual([{ path: 'lifeAreas', code: 'required' }]);
  });

  it('needs an age of 16 to 120 in the mapping year', () => {
    expect(problemsOf({ ...VALID, birthYear: 2010 })).toEqual([]);
    expect(problemsOf({ ...VALID, birthYear: 2011 })).toEqual([{ path: 'birthYear', code: 'age_out_of_range' }]);
    expect(problemsOf({ ...VALID, birthYear: 1905 })).toEqual([expect.objectContaining({ code: 'age_out_of_range' })]);
    expect(problemsOf({ ...VALID, birthYear: '1971' })).toEqual([{ path: 'birthYear', code: 'invalid_number' }]);
  });

  it('names the choices in its messages', () => {
    expect(messageAt({ ...VALID, mappedBy: undefined }, 'mappedBy')).toBe(
      'Velg kartlagt av: NAV, Helse- og omsorgstjenester, Barneverntjenesten eller Annen tjeneste.',
    );
    expect(messageAt({ ...VALID, individualPlan: 'unknown' }, 'individualPlan')).toBe('Ugyldig verdi for «Har individuell plan». Velg Ja eller Nei.');
    expect(problemsOf({ ...VALID, suicideAttempt: 'unknown' })).toEqual([]);
  });

  it('takes known recommended measures, each once, in the catalogue’s order', () => {
    expect(validateMapping({ ...VALID, recommendedMeasures: ['housing', 'work_oriented'] }, { today: TODAY })).toMatchObject({
      ok: true,
      mapping: { recommendedMeasures: ['work_oriented', 'housing'] },
    });
    expect(validateMapping({ ...VALID, recommendedMeasures: undefined }, { today: TODAY })).toMatchObject({ ok: true, mapping: { recommendedMeasures: [] } });
    expect(problemsOf({ ...VALID, recommendedMeasures: ['housing', 'housing'] })).toEqual([{ path: 'recommendedMeasures.1', code: 'duplicate' }]);
    expect(problemsOf({ ...VALID, recommendedMeasures: ['jetski'] })).toEqual([{ path: 'recommendedMeasures.0', code: 'invalid_choice' }]);
    expect(problemsOf({ ...VALID, recommendedMeasures: 'housing' })).toEqual([{ path: 'recommendedMeasures', code: 'invalid_type' }]);
    expect(problemsOf({ ...VALID, recommendedMeasures: Array(21).fill('housing') })[0]).toEqual({ path: 'recommendedMeasures', code: 'too_many' });
    const own = [{ code: 'ips', label: { nb: 'IPS', en: 'IPS' } }];
    expect(validateMapping({ ...VALID, recommendedMeasures: ['ips'] }, { today: TODAY, measures: own })).toMatchObject({ ok: true, mapping: { recommendedMeasures: ['ips'] } });
  });

  it('lists every problem of an empty mapping at once', () => {
    const problems = problemsOf({});
    expect(problems.map((p) => p.path)).toEqual([
      'mappedOn',
      'mappedBy',
      'gender',
      'birthYear',
      'problemType',
      'durationOver3Years',
      'lifeAreas',
      'bornIn',
      'livingSituation',
      'minorChildren',
      'suicideAttempt',
      'suicideRisk',
      'overdoseTaken',
      'overdoseRisk',
      'individualPlan',
      'coordinator',
    ]);
    expect(problems.every((p) => p.code === 'required')).toBe(true);
    expect(problemsOf(null)).toEqual([{ path: '', code: 'invalid_type' }]);
    expect(problemsOf([VALID])).toEqual([{ path: '', code: 'invalid_type' }]);
  });
});

// ——————————————————————————————————————————— properties

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const validMapping: fc.Arbitrary<BrukerPlanMapping> = fc
  .record({
    mappedOn: fc.date({ min: new Date(Date.UTC(2005, 0, 1)), max: new Date(Date.UTC(2026, 10, 23)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    mappedBy: pick(MAPPED_BY),
    gender: pick(MAPPING_GENDERS),
    age: fc.integer({ min: 16, max: 120 }),
    problemType: pick(PROBLEM_TYPES),
    durationOver3Years: pick(YES_NO_UNKNOWN),
    ratings: fc.array(pick(['green', 'yellow', 'red'] as const), { minLength: 8, maxLength: 8 }),
    bornIn: pick(BIRTH_REGIONS),
    livingSituation: pick(LIVING_SITUATIONS),
    minorChildren: fc.integer({ min: 0, max: 30 }),
    contact: pick(CHILD_CONTACTS),
    suicideAttempt: pick(YES_NO_UNKNOWN),
    suicideRisk: pick(YES_NO_UNKNOWN),
    overdoseTaken: pick(YES_NO_UNKNOWN),
    overdoseRisk: pick(YES_NO_UNKNOWN),
    individualPlan: pick(YES_NO),
    coordinator: pick(YES_NO),
    measures: fc.subarray(RECOMMENDED_MEASURES.map((m) => m.code)),
  })
  .map(({ age, ratings, contact, measures, ...m }) => ({
    ...m,
    birthYear: Number(m.mappedOn.slice(0, 4)) - age,
    lifeAreas: Object.fromEntries(LIFE_AREA_CODES.map((c, i) => [c, ratings[i]])) as BrukerPlanMapping['lifeAreas'],
    childContact: m.minorChildren > 0 ? contact : null,
    recommendedMeasures: measures,
  }));

describe('validateMapping: properties', () => {
  it('returns every valid mapping unchanged', () => {
    fc.assert(
      fc.property(validMapping, (m) => {
        expect(validateMapping(m, { today: TODAY })).toEqual({ ok: true, mapping: m });
      }),
    );
  });

  it('finds the one broken field of an otherwise valid mapping', () => {
    const keys = BRUKERPLAN_FIELDS.map((f) => f.key).filter((k) => k !== 'recommendedMeasures' && k !== 'childContact');
    fc.assert(
      fc.property(validMapping, pick(keys), fc.constantFrom<unknown>('x', -1, 1.5, {}, [], true), (m, key, bad) => {
        const result = validateMapping({ ...m, [key]: bad }, { today: TODAY });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.every((p) => p.path[0] === key || p.path[0] === 'childContact')).toBe(true);
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), validMapping.chain((m) => fc.record({ ...Object.fromEntries(Object.keys(m).map((k) => [k, fc.anything()])) }))), fc.string(), (input, today) => {
        const result = validateMapping(input, { today });
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(p.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
