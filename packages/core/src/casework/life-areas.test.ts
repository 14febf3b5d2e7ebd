import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareAssessments,
  describeComparison,
  LIFE_AREA_CODES,
  LIFE_AREA_RATINGS,
  LIFE_AREAS,
  lifeAreaFromLabel,
  ratingOf,
  type LifeAreaRating,
  type LifeAreaRatings,
} from './life-areas.js';

describe('the eight life areas', () => {
  it('are seed 004’s eight, in its order, with its words', () => {
    expect(LIFE_AREAS.map((a) => a.label.nb)).toEqual([
      'Bosituasjon',
      'Meningsfull aktivitet',
      'Økonomi',
      'Fysisk helse',
      'Psykisk helse',
      'Rusbruk',
      'Sosial fungering',
      'Nettverk',
    ]);
    expect(new Set(LIFE_AREA_CODES).size).toBe(8);
  });

  it('have a text for every rating, in both languages', () => {
    for (const area of LIFE_AREAS) {
      for (const rating of LIFE_AREA_RATINGS) {
        expect(area.ratings[rating].nb.length).toBeGreaterThan(3);
        expect(area.ratings[rating].en.length).toBeGreaterThan(3);
      }
    }
  });

  it.each([
    ['Bolig', 'housing'],
    ['bosituasjon', 'housing'],
    ['Bosisuasjon', 'housing'],
    ['Arbeid og meningsfull aktivitet', 'activity'],
    ['arbeid / aktivitet', 'activity'],
    ['ØKONOMI', 'economy'],
    ['Fysisk  helse', 'physical_health'],
    ['Rus', 'substance_use'],
    ['Rusmiddelbruk', 'substance_use'],
    ['Sosial kompetanse', 'social_functioning'],
    ['Sosial funksjon', 'social_functioning'],
    ['Network', 'network'],
    ['mental_health', 'mental_health'],
  ])('the words of the seeds find the area: %s', (text, code) => {
    expect(lifeAreaFromLabel(text)).toBe(code);
  });

  it('finds nothing for other words', () => {
    for (const text of ['', 'Kriminalitet', 'helse', null, 7]) expect(lifeAreaFromLabel(text)).toBeNull();
  });
});

describe('ratingOf', () => {
  it('reads a rating or an entry with a rating; anything else is not rated', () => {
    expect(ratingOf({ housing: 'red' }, 'housing')).toBe('red');
    expect(ratingOf({ housing: { rating: 'yellow', note: 'Bor hos venner' } }, 'housing')).toBe('yellow');
    expect(ratingOf({ housing: { rating: null, note: 'Ikke kartlagt' } }, 'housing')).toBeNull();
    expect(ratingOf({ housing: 'blue' }, 'housing')).toBeNull();
    expect(ratingOf({}, 'housing')).toBeNull();
    expect(ratingOf(null, 'housing')).toBeNull();
    expect(ratingOf(['red'], 'housing')).toBeNull();
  });
});

describe('compareAssessments', () => {
  it('says per area what changed, in the standard’s order', () => {
    const previous: LifeAreaRatings = { housing: 'red', activity: 'yellow', economy: 'green', network: 'yellow', mental_health: 'yellow' };
    const current: LifeAreaRatings = {
      housing: { rating: 'green', note: 'Fått kommunal bolig' },
      activity: 'red',
      economy: 'green',
      network: 'yellow',
      substance_use: 'yellow',
    };
    const result = compareAssessments(previous, current);
    expect(result.areas).toEqual([
      { area: 'housing', previous: 'red', current: 'green', change: 'better', steps: 2 },
      { area: 'activity', previous: 'yellow', current: 'red', change: 'worse', steps: -1 },
      { area: 'economy', previous: 'green', current: 'green', change: 'same', steps: 0 },
      { area: 'mental_health', previous: 'yellow', current: null, change: 'removed', steps: 0 },
      { area: 'substance_use', previous: null, current: 'yellow', change: 'new', steps: 0 },
      { area: 'network', previous: 'yellow', current: 'yellow', change: 'same', steps: 0 },
    ]);
    expect(result.counts).toEqual({ better: 1, worse: 1, same: 2, new: 1, removed: 1 });
    expect(describeComparison(result)).toBe('1 bedre, 1 verre, 2 uendret, 1 nytt, 1 ikke vurdert nå');
  });

  it('makes every area of a first assessment new', () => {
    const result = compareAssessments(null, { housing: 'green', economy: 'red' });
    expect(result.areas.map((a) => a.change)).toEqual(['new', 'new']);
    expect(describeComparison(result)).toBe('2 nye');
  });

  it('says so when nothing is rated', () => {
    const result = compareAssessments(undefined, {});
    expect(result.areas).toEqual([]);
    expect(describeComparison(result)).toBe('Ingen levekårsområder er vurdert');
  });
});

const rating = fc.constantFrom<LifeAreaRating | null>('green', 'yellow', 'red', null);
const ratings = fc
  .tuple(...LIFE_AREA_CODES.map(() => rating))
  .map((values) => Object.fromEntries(LIFE_AREA_CODES.map((code, i) => [code, values[i] ?? null])) as LifeAreaRatings);

describe('compareAssessments: properties', () => {
  it('is antisymmetric: swapping the two turns better into worse and new into removed', () => {
    const opposite = { better: 'worse', worse: 'better', same: 'same', new: 'removed', removed: 'new' } as const;
    fc.assert(
      fc.property(ratings, ratings, (a, b) => {
        const forward = compareAssessments(a, b).areas;
        const backward = compareAssessments(b, a).areas;
        expect(backward.map((x) => x.change)).toEqual(forward.map((x) => opposite[x.change]));
        expect(backward.map((x) => -x.steps || 0)).toEqual(forward.map((x) => x.steps));
      }),
    );
  });

  it('compared with itself, every rated area is the same', () => {
    fc.assert(
      fc.property(ratings, (a) => {
        const result = compareAssessments(a, a);
        expect(result.areas.every((x) => x.change === 'same')).toBe(true);
        expect(result.counts.same).toBe(LIFE_AREA_CODES.filter((c) => a[c] !== null).length);
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const result = compareAssessments(a as LifeAreaRatings, b as LifeAreaRatings);
        const total = Object.values(result.counts).reduce((s, n) => s + n, 0);
        expect(total).toBe(result.areas.length);
      }),
    );
  });
});
