import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatNationalId,
  generateSyntheticNationalId,
  isValidNationalId,
  maskNationalId,
  parseNationalId,
  type Gender,
  type NationalIdErrorCode,
} from './national-id.js';

// An oracle written apart from the module: the check digits by the published formula.
function mod11(digits: number[], weights: number[]): number {
  const r = digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
  return r === 0 ? 0 : 11 - r;
}
/** Nine digits plus their two check digits, or null when either would be 10. */
function withChecks(nine: string): string | null {
  const d = [...nine].map(Number);
  const k1 = mod11(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  if (k1 === 10) return null;
  const k2 = mod11([...d, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k2 === 10 ? null : `${nine}${k1}${k2}`;
}
/** The first individual number from `from` (stepping by 2 keeps the gender) with valid check digits. */
function numberFor(ddmmyy: string, from: number): string {
  for (let i = from; i < 1000; i += 2) {
    const n = withChecks(`${ddmmyy}${String(i).padStart(3, '0')}`);
    if (n) return n;
  }
  throw new Error('no number');
}
const code = (text: unknown, options = {}): NationalIdErrorCode | 'ok' => {
  const r = parseNationalId(text, options);
  return r.ok ? 'ok' : r.code;
};

// Test data never uses numbers of living people: published examples, people born in the 1800s,
// and synthetic numbers.
const PUBLISHED = {
  /** fnrinfo.no's worked example: 31.12.1899, individual number 567. */
  fnrinfo: '31129956715',
  /** Skatteetaten, "Nytt fødselsnummer fra 2032": a person born 02.01.2032. */
  skatteetaten2032: '02013299997',
};

describe('parseNationalId: fødselsnummer', () => {
  it('reads the published examples', () => {
    expect(parseNationalId(PUBLISHED.fnrinfo)).toEqual({
      ok: true,
      value: '31129956715',
      kind: 'fnr',
      synthetic: false,
      syntheticScheme: null,
      birthDate: '1899-12-31',
      birthDateReliable: true,
      gender: 'male',
    });
    expect(parseNationalId(PUBLISHED.skatteetaten2032)).toMatchObject({ ok: true, birthDate: '2032-01-02', gender: 'male' });
  });

  it('accepts spaces anywhere, and nothing else between the digits', () => {
    for (const text of ['311299 56715', ' 31129956715 ', '311 299 567 15', '3 1 1 2 9 9 5 6 7 1 5']) {
      expect(parseNationalId(text)).toMatchObject({ ok: true, value: '31129956715' });
    }
    for (const text of ['311299-56715', '311299.56715', '311299\t56715', '311299\u00a056715', '311299\n56715', '31129956715a', '３1129956715']) {
      expect(code(text)).toBe('invalid_characters');
    }
  });

  it('says what is wrong, in Norwegian', () => {
    expect(parseNationalId('')).toEqual({ ok: false, code: 'empty', message: 'Skriv fødselsnummer eller D-nummer (11 sifre).' });
    expect(code('   ')).toBe('empty');
    expect(code(null)).toBe('empty');
    expect(code(31129956715)).toBe('empty');
    expect(parseNationalId('3112995671')).toEqual({ ok: false, code: 'wrong_length', message: 'Fødselsnummeret må ha 11 sifre (det har 10).' });
    expect(code('311299567150')).toBe('wrong_length');
    expect(code('1'.repeat(500))).toBe('wrong_length');
    expect(parseNationalId('31129956716')).toMatchObject({ ok: false, code: 'invalid_check_digit', message: expect.stringContaining('Kontrollsifrene') });
  });

  it('reads the gender from the ninth digit: odd is male, even is female', () => {
    const female = numberFor('010185', 500); // 1885
    const male = numberFor('010185', 501);
    expect(parseNationalId(female)).toMatchObject({ ok: true, gender: 'female', birthDate: '1885-01-01' });
    expect(parseNationalId(male)).toMatchObject({ ok: true, gender: 'male', birthDate: '1885-01-01' });
  });

  it('needs a real date', () => {
    expect(code(numberFor('310485', 500))).toBe('invalid_date'); // 31 April
    expect(code(numberFor('000185', 500))).toBe('invalid_date');
    expect(code(numberFor('320185', 500))).toBe('invalid_date');
    expect(code(numberFor('011385', 500))).toBe('invalid_date');
    expect(code(numberFor('010085', 500))).toBe('invalid_date');
    // 29 February: 1900 was not a leap year, 2000 was, 1896 was.
    expect(code(numberFor('290200', 0))).toBe('invalid_date');
    expect(parseNationalId(numberFor('290200', 500))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseNationalId(numberFor('290296', 500))).toMatchObject({ ok: true, birthDate: '1896-02-29' });
    expect(code(numberFor('290297', 500))).toBe('invalid_date');
    // Old H-numbers started with 8 or 9: no such day.
    expect(code(numberFor('810185', 500))).toBe('invalid_date');
  });

  it.each<[string, number, number, string | null]>([
    ['010100', 0, 9, '1900-01-01'],
    ['010199', 490, 499, '1999-01-01'],
    ['010154', 500, 509, '1854-01-01'],
    ['010199', 740, 749, '1899-01-01'],
    ['010153', 500, 749, null], // 500–749 only for 1854–1899
    ['010140', 750, 899, null], // 750–899 only for 2000–2039
    ['010199', 750, 899, null],
    ['010140', 900, 909, '1940-01-01'],
    ['010199', 990, 999, '1999-01-01'],
    ['010100', 500, 509, '2000-01-01'],
    ['010139', 990, 999, '2039-01-01'],
    ['010139', 750, 759, '2039-01-01'],
  ])('individual number and century: %s with %i–%i → %s', (ddmmyy, from, to, birthDate) => {
    const numbers: string[] = [];
    for (let i = from; i <= to; i++) {
      const n = withChecks(`${ddmmyy}${String(i).padStart(3, '0')}`);
      if (n) numbers.push(n);
    }
    expect(numbers.length).toBeGreaterThan(0);
    for (const number of numbers) {
      const result = parseNationalId(number);
      if (birthDate === null) expect(result).toMatchObject({ ok: false, code: 'invalid_individual_number' });
      else expect(result).toMatchObject({ ok: true, birthDate });
    }
  });

  it('refuses a birth date after today, when today is given', () => {
    expect(code(PUBLISHED.skatteetaten2032, { today: '2026-11-23' })).toBe('future_birth_date');
    expect(code(PUBLISHED.skatteetaten2032, { today: '2032-01-02' })).toBe('ok');
    expect(code(PUBLISHED.skatteetaten2032, { today: 'not a date' })).toBe('ok');
  });

  it('never accepts a number whose check digit would be 10', () => {
    // 311299 with individual 56x: find one whose K1 is 10 and try every last two digits.
    let nine = '';
    for (let i = 500; i < 750 && !nine; i++) {
      const candidate = `311299${i}`;
      if (mod11([...candidate].map(Number), [3, 7, 6, 1, 8, 9, 4, 5, 2]) === 10) nine = candidate;
    }
    expect(nine).not.toBe('');
    for (let k = 0; k < 100; k++) expect(code(`${nine}${String(k).padStart(2, '0')}`)).toBe('invalid_check_digit');
  });
});

describe('parseNationalId: D-nummer', () => {
  it('adds 4 to the first digit; the date is read without it and marked unreliable', () => {
    const dnr = numberFor('710399', 501); // 31.03.1899
    expect(parseNationalId(dnr)).toEqual({
      ok: true,
      value: dnr,
      kind: 'dnr',
      synthetic: false,
      syntheticScheme: null,
      birthDate: '1899-03-31',
      birthDateReliable: false,
      gender: 'male',
    });
    expect(code(numberFor('720385', 500))).toBe('invalid_date'); // day 32
    expect(code(numberFor('710485', 500))).toBe('invalid_date'); // 31 April
  });

  it('accepts the individual-number series Skatteetaten uses for D-numbers since 2021', () => {
    // 650 with YY 45: no fødselsnummer has it, a D-number from 1945 does.
    expect(code(numberFor('010145', 650))).toBe('invalid_individual_number');
    expect(parseNationalId(numberFor('410145', 650))).toMatchObject({ ok: true, kind: 'dnr', birthDate: '1945-01-01' });
    // 300 with YY 10: 1910 by the old table, 2010 by the new one; today decides.
    const dnr = numberFor('410110', 300);
    expect(parseNationalId(dnr, { today: '2026-11-23' })).toMatchObject({ ok: true, birthDate: '2010-01-01' });
    expect(parseNationalId(dnr, { today: '2005-06-01' })).toMatchObject({ ok: true, birthDate: '1910-01-01' });
    expect(parseNationalId(dnr)).toMatchObject({ ok: true, birthDate: '2010-01-01' });
    expect(code(dnr, { today: '1905-01-01' })).toBe('future_birth_date');
    // The fødselsnummer with the same digits is 1910 only.
    expect(parseNationalId(numberFor('010110', 300))).toMatchObject({ ok: true, birthDate: '1910-01-01' });
    // 750–899 with YY 40–53 is not in either table of a fødselsnummer, but is a D-number of the 1900s.
    expect(parseNationalId(numberFor('410150', 800))).toMatchObject({ ok: true, birthDate: '1950-01-01' });
  });
});

describe('parseNationalId: synthetic numbers', () => {
  const tenor = numberFor('018185', 500); // 01.01.1885, month + 80
  const nav = numberFor('014185', 500); // month + 40
  const tenorDnr = numberFor('418185', 500);

  it('refuses them unless synthetic numbers are allowed', () => {
    expect(parseNationalId(tenor)).toEqual({
      ok: false,
      code: 'synthetic_not_allowed',
      message: 'Dette er et syntetisk testnummer (måned + 80). Testnumre kan bare brukes i demo- og testmiljø.',
    });
    expect(parseNationalId(nav)).toMatchObject({ ok: false, code: 'synthetic_not_allowed', message: expect.stringContaining('H-nummer') });
    expect(code(tenorDnr)).toBe('synthetic_not_allowed');
    expect(code(tenor, { allowSynthetic: false })).toBe('synthetic_not_allowed');
  });

  it('reads them in test/demo mode, with the offset removed from the month', () => {
    expect(parseNationalId(tenor, { allowSynthetic: true })).toMatchObject({
      ok: true,
      kind: 'fnr',
      synthetic: true,
      syntheticScheme: 'tenor',
      birthDate: '1885-01-01',
    });
    expect(parseNationalId(nav, { allowSynthetic: true })).toMatchObject({ ok: true, synthetic: true, syntheticScheme: 'nav', birthDate: '1885-01-01' });
    expect(parseNationalId(tenorDnr, { allowSynthetic: true })).toMatchObject({ ok: true, kind: 'dnr', synthetic: true, birthDate: '1885-01-01' });
  });

  it('still checks the date and the check digits of a synthetic number', () => {
    expect(code(numberFor('019385', 500), { allowSynthetic: true })).toBe('invalid_date'); // month 13 + 80
    expect(code(numberFor('015385', 500), { allowSynthetic: true })).toBe('invalid_date'); // month 13 + 40
    expect(code(numberFor('016185', 500), { allowSynthetic: true })).toBe('invalid_date'); // month 21 + 40
    const bad = `${tenor.slice(0, 10)}${(Number(tenor[10]) + 1) % 10}`;
    expect(code(bad, { allowSynthetic: true })).toBe('invalid_check_digit');
    expect(code(bad)).toBe('invalid_check_digit');
  });
});

describe('formatNationalId and maskNationalId', () => {
  it('group the digits, and hide the personal number', () => {
    expect(formatNationalId('31129956715')).toBe('311299 56715');
    expect(formatNationalId('311299 56715')).toBe('311299 56715');
    expect(formatNationalId('abc')).toBe('abc');
    expect(maskNationalId('31129956715')).toBe('311299 *****');
    expect(maskNationalId('oops')).toBe('***********');
  });
});

describe('generateSyntheticNationalId', () => {
  const seeded = (seed: number) => {
    let s = seed;
    return () => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647;
    };
  };

  it('always gives a Skatteetaten-style synthetic number (month + 80)', () => {
    const id = generateSyntheticNationalId(seeded(7), '1990-06-15', 'female');
    expect(id).toMatch(/^1586\d{7}$/);
    expect(parseNationalId(id, { allowSynthetic: true })).toMatchObject({ ok: true, synthetic: true, syntheticScheme: 'tenor', birthDate: '1990-06-15', gender: 'female' });
    expect(code(id)).toBe('synthetic_not_allowed');
  });

  it('is deterministic for a deterministic rng, and copes with odd rng values', () => {
    expect(generateSyntheticNationalId(seeded(3), '1975-02-28', 'male')).toBe(generateSyntheticNationalId(seeded(3), '1975-02-28', 'male'));
    for (const r of [0, 0.999999, 1, -3, NaN, Infinity]) {
      const id = generateSyntheticNationalId(() => r, '1975-02-28', 'male');
      expect(isValidNationalId(id, { allowSynthetic: true })).toBe(true);
    }
  });

  it('makes D-numbers on request', () => {
    const id = generateSyntheticNationalId(seeded(5), '2001-03-09', 'male', { kind: 'dnr' });
    expect(id.slice(0, 6)).toBe('498301');
    expect(parseNationalId(id, { allowSynthetic: true, today: '2026-01-01' })).toMatchObject({ ok: true, kind: 'dnr', birthDate: '2001-03-09', gender: 'male' });
  });

  it('throws a RangeError for what it cannot encode', () => {
    for (const date of ['1853-12-31', '2040-01-01', '1990-02-30', '01.01.1990', '']) {
      expect(() => generateSyntheticNationalId(Math.random, date, 'male')).toThrow(RangeError);
    }
    expect(() => generateSyntheticNationalId(Math.random, '1990-01-01', 'other' as Gender)).toThrow(RangeError);
  });
});

// ——————————————————————————————————————————— properties

const birthDate = fc
  .date({ min: new Date(Date.UTC(1854, 0, 1)), max: new Date(Date.UTC(2039, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const gender = fc.constantFrom<Gender>('female', 'male');
const kind = fc.constantFrom<'fnr' | 'dnr'>('fnr', 'dnr');
const rngFrom = (n: number) => () => n;

describe('national ids: properties', () => {
  it('every generated synthetic number validates in synthetic mode, with its date and gender, and is refused without it', () => {
    fc.assert(
      fc.property(birthDate, gender, kind, fc.double({ min: 0, max: 1, noNaN: true }), (date, g, k, r) => {
        const id = generateSyntheticNationalId(rngFrom(r), date, g, { kind: k });
        const result = parseNationalId(id, { allowSynthetic: true, today: '2039-12-31' });
        expect(result).toMatchObject({ ok: true, synthetic: true, syntheticScheme: 'tenor', gender: g, kind: k, value: id });
        if (k === 'fnr') expect(result).toMatchObject({ birthDate: date });
        expect(Number(id.slice(2, 4))).toBeGreaterThan(80);
        expect(code(id)).toBe('synthetic_not_allowed');
      }),
      { numRuns: 1000 },
    );
  });

  it('changing any single digit of a valid number breaks it (both check digits)', () => {
    const validNumber = fc.oneof(
      fc.tuple(birthDate, gender, kind, fc.double({ min: 0, max: 1, noNaN: true })).map(([d, g, k, r]) => generateSyntheticNationalId(rngFrom(r), d, g, { kind: k })),
      // Real-form numbers of people born 1854–1899.
      fc
        .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 54, max: 99 }), fc.integer({ min: 500, max: 749 }))
        .map(([d, m, y, i]) => withChecks(`${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${y}${i}`))
        .filter((n): n is string => n !== null),
    );
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (id, position, delta) => {
        expect(isValidNationalId(id, { allowSynthetic: true })).toBe(true);
        const digit = (Number(id[position]) + delta) % 10;
        const changed = `${id.slice(0, position)}${digit}${id.slice(position + 1)}`;
        expect(isValidNationalId(changed, { allowSynthetic: true })).toBe(false);
        expect(isValidNationalId(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever it is given, and answers in one of two shapes', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom(...'0123456789 -.') }),
      fc.stringMatching(/^\d{11}$/),
      fc.anything(),
    );
    fc.assert(
      fc.property(anything, fc.boolean(), fc.option(fc.string(), { nil: undefined }), (text, allowSynthetic, today) => {
        const result = parseNationalId(text, { allowSynthetic, today });
        if (result.ok) {
          expect(result.value).toMatch(/^\d{11}$/);
          expect(result.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } else {
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with an independent oracle on random eleven-digit fødselsnumre', () => {
    const isRealDate = (y: number, m: number, d: number) => {
      const t = new Date(Date.UTC(2000, 0, 1));
      t.setUTCFullYear(y, m - 1, d);
      return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
    };
    const century = (i: number, yy: number) =>
      i < 500 ? 1900 : i < 750 && yy >= 54 ? 1800 : i >= 900 && yy >= 40 ? 1900 : yy < 40 ? 2000 : null;
    const oracle = (s: string): boolean => {
      const [d, m, yy, i] = [Number(s.slice(0, 2)), Number(s.slice(2, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 9))];
      const c = century(i, yy);
      return c !== null && m >= 1 && m <= 12 && d >= 1 && isRealDate(c + yy, m, d) && withChecks(s.slice(0, 9)) === s;
    };
    const nearlyValid = fc
      .tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 }), fc.boolean())
      .map(([d, m, y, i, fix]) => {
        const nine = `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(2, '0')}${String(i).padStart(3, '0')}`;
        return (fix ? withChecks(nine) : null) ?? `${nine}00`;
      });
    fc.assert(
      fc.property(nearlyValid, (s) => {
        expect(isValidNationalId(s)).toBe(oracle(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a number the same with spaces put anywhere', () => {
    fc.assert(
      fc.property(birthDate, gender, fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 5 }), (date, g, cuts) => {
        const id = generateSyntheticNationalId(rngFrom(0.5), date, g);
        let spaced = id;
        for (const cut of [...cuts].sort((a, b) => b - a)) spaced = `${spaced.slice(0, cut)} ${spaced.slice(cut)}`;
        expect(parseNationalId(spaced, { allowSynthetic: true })).toEqual(parseNationalId(id, { allowSynthetic: true }));
      }),
    );
  });
});
