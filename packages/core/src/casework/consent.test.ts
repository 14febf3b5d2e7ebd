import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_CATEGORIES,
  consentCovers,
  consentExpiresSoon,
  consentState,
  validateConsent,
  type Consent,
  type ConsentRecipient,
} from './consent.js';

const NAV: ConsentRecipient = { kind: 'unit', id: 'unit-nav-alna' };
const GP: ConsentRecipient = { kind: 'partner', id: 'partner-fastlege' };
const SISTER: ConsentRecipient = { kind: 'next_of_kin', id: 'nok-1' };

const consent = (over: Partial<Consent> = {}): Consent => ({
  id: 'c1',
  categories: ['housing', 'economy'],
  recipients: [NAV, SISTER],
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  withdrawnAt: null,
  ...over,
});

describe('consentState', () => {
  it('is valid from the first to the last day, both included', () => {
    expect(consentState(consent(), '2025-12-31')).toBe('not_yet_valid');
    expect(consentState(consent(), '2026-01-01')).toBe('valid');
    expect(consentState(consent(), '2026-12-31')).toBe('valid');
    expect(consentState(consent(), '2027-01-01')).toBe('expired');
  });

  it('reads instants on the Oslo clock', () => {
    // 31.12.2026 23:30 UTC is already 1 January 2027 in Oslo.
    expect(consentState(consent(), '2026-12-31T23:30:00Z')).toBe('expired');
    expect(consentState(consent(), '2026-12-31T22:59:59Z')).toBe('valid');
    expect(consentState(consent(), '2026-06-30T23:30:00+02:00')).toBe('valid');
  });

  it('is withdrawn at once, and a same-day withdrawal counts when either side is a date', () => {
    const withdrawn = consent({ withdrawnAt: '2026-03-10T10:20:00Z' });
    expect(consentState(withdrawn, '2026-03-10T10:15:00Z')).toBe('valid');
    expect(consentState(withdrawn, '2026-03-10T10:20:00Z')).toBe('withdrawn');
    expect(consentState(withdrawn, '2026-03-10')).toBe('withdrawn');
    expect(consentState(withdrawn, '2026-03-09')).toBe('valid');
    expect(consentState(consent({ withdrawnAt: '2026-03-10' }), '2026-03-10T06:00:00Z')).toBe('withdrawn');
    expect(consentState(consent({ withdrawnAt: 'some time' }), '2026-02-01')).toBe('withdrawn');
  });

  it('is invalid when its dates cannot be read or end before they start', () => {
    expect(consentState(consent({ validUntil: '2025-12-31' }), '2026-01-01')).toBe('invalid');
    expect(consentState(consent({ validFrom: '2026-02-30' }), '2026-03-01')).toBe('invalid');
    expect(consentState(consent(), 'tomorrow')).toBe('invalid');
    expect(consentState(null as unknown as Consent, '2026-03-01')).toBe('invalid');
  });
});

describe('consentExpiresSoon', () => {
  it('warns 30 days or less before the end', () => {
    expect(consentExpiresSoon(consent(), '2026-12-01')).toBe(true);
    expect(consentExpiresSoon(consent(), '2026-11-30')).toBe(false);
    expect(consentExpiresSoon(consent(), '2026-12-31')).toBe(true);
    expect(consentExpiresSoon(consent(), '2027-01-01')).toBe(false);
    expect(consentExpiresSoon(consent({ withdrawnAt: '2026-11-01' }), '2026-12-15')).toBe(false);
  });
});

describe('consentCovers', () => {
  it('covers a category and recipient named by a valid consent', () => {
    expect(consentCovers([consent()], { category: 'housing', recipient: NAV, at: '2026-05-01' })).toEqual({
      covered: true,
      consentId: 'c1',
      validUntil: '2026-12-31',
      message: 'Samtykke gjelder til og med 31.12.2026.',
    });
    expect(consentCovers([consent()], { category: 'economy', recipient: SISTER, at: '2026-05-01T12:00:00Z' }).covered).toBe(true);
  });

  it('picks the consent that lasts longest when several cover', () => {
    const longer = consent({ id: 'c2', validUntil: '2027-06-30' });
    expect(consentCovers([consent(), longer], { category: 'housing', recipient: NAV, at: '2026-05-01' })).toMatchObject({ consentId: 'c2' });
  });

  it('says why it does not cover', () => {
    const why = (consents: Consent[], category: string, recipient: ConsentRecipient, at = '2026-05-01') => {
      const d = consentCovers(consents, { category, recipient, at });
      return d.covered ? 'covered' : `${d.code}: ${d.message}`;
    };
    expect(why([consent()], 'health', NAV)).toBe('category_not_covered: Samtykket til denne mottakeren omfatter ikke «Psykisk og fysisk helse».');
    expect(why([consent()], 'housing', GP)).toBe('recipient_not_covered: Samtykket omfatter ikke denne mottakeren.');
    expect(why([consent()], 'health', GP)).toBe('no_consent: Det finnes ikke noe gyldig samtykke til å dele disse opplysningene med denne mottakeren.');
    expect(why([], 'housing', NAV)).toMatch(/^no_consent/);
    expect(why([consent()], 'housing', NAV, '2027-02-01')).toBe('expired: Samtykket gikk ut 31.12.2026. Innhent nytt samtykke før opplysningene deles.');
    expect(why([consent()], 'housing', NAV, '2025-06-01')).toBe('not_yet_valid: Samtykket gjelder først fra 01.01.2026.');
    expect(why([consent({ withdrawnAt: '2026-04-02T08:00:00Z' })], 'housing', NAV)).toBe('withdrawn: Samtykket er trukket tilbake (02.04.2026). Opplysningene kan ikke deles.');
    // The same unit id under another kind is another recipient.
    expect(why([consent()], 'housing', { kind: 'partner', id: NAV.id })).toMatch(/^recipient_not_covered/);
  });

  it('takes effect at once when withdrawn: a share a minute later is refused', () => {
    const c = consent({ withdrawnAt: '2026-04-02T08:00:00Z' });
    expect(consentCovers([c], { category: 'housing', recipient: NAV, at: '2026-04-02T07:59:00Z' }).covered).toBe(true);
    expect(consentCovers([c], { category: 'housing', recipient: NAV, at: '2026-04-02T08:01:00Z' }).covered).toBe(false);
    expect(consentCovers([c], { category: 'housing', recipient: NAV, at: '2026-04-02' }).covered).toBe(false);
    // Another valid consent still covers.
    expect(consentCovers([c, consent({ id: 'c3' })], { category: 'housing', recipient: NAV, at: '2026-04-03' })).toMatchObject({ covered: true, consentId: 'c3' });
  });

  it('refuses a request it cannot read', () => {
    for (const request of [
      { category: '', recipient: NAV, at: '2026-05-01' },
      { category: 'housing', recipient: { kind: 'friend', id: 'x' }, at: '2026-05-01' },
      { category: 'housing', recipient: { kind: 'unit', id: '' }, at: '2026-05-01' },
      { category: 'housing', recipient: NAV, at: '01.05.2026' },
      null,
    ]) {
      expect(consentCovers([consent()], request as never)).toMatchObject({ covered: false, code: 'invalid_request' });
    }
  });
});

// ——————————————————————————————————————————— properties

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
const recipient = fc.constantFrom(NAV, GP, SISTER);
const category = fc.constantFrom('housing', 'economy', 'health');
const anyConsent = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c'),
    categories: fc.subarray(['housing', 'economy', 'health']),
    recipients: fc.subarray([NAV, GP, SISTER]),
    validFrom: day,
    validUntil: day,
    withdrawnAt: fc.option(day, { nil: null }),
  })
  .map((c): Consent => c);

describe('consentCovers: properties', () => {
  it('covers exactly when some consent names the category and the recipient, has begun, has not ended and was not withdrawn by then', () => {
    fc.assert(
      fc.property(fc.array(anyConsent, { maxLength: 4 }), category, recipient, day, (consents, cat, rec, at) => {
        const expected = consents.some(
          (c) =>
            c.categories.includes(cat) &&
            c.recipients.some((r) => r.kind === rec.kind && r.id === rec.id) &&
            c.validFrom <= at &&
            at <= c.validUntil &&
            (c.withdrawnAt === null || c.withdrawnAt > at),
        );
        expect(consentCovers(consents, { category: cat, recipient: rec, at }).covered).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('withdrawing a consent never makes more sharing covered', () => {
    fc.assert(
      fc.property(fc.array(anyConsent, { minLength: 1, maxLength: 4 }), fc.nat(3), day, category, recipient, day, (consents, i, withdrawnAt, cat, rec, at) => {
        const before = consentCovers(consents, { category: cat, recipient: rec, at }).covered;
        const changed = consents.map((c, j) => (j === i % consents.length ? { ...c, withdrawnAt } : c));
        const after = consentCovers(changed, { category: cat, recipient: rec, at }).covered;
        if (consents[i % consents.length]?.withdrawnAt === null) expect(!after || before).toBe(true);
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(fc.oneof(anyConsent, fc.anything()))), fc.anything(), (consents, request) => {
        const d = consentCovers(consents as Consent[], request as never);
        expect(typeof d.message).toBe('string');
      }),
    );
  });
});

describe('validateConsent', () => {
  const good = {
    categories: ['housing', 'health'],
    recipients: [NAV, GP],
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    givenAs: 'written',
  };
  const codes = (input: unknown) => {
    const r = validateConsent(input);
    return r.ok ? [] : r.problems.map((p) => `${p.path.join('.')}:${p.code}`);
  };

  it('accepts a complete consent and drops unknown fields', () => {
    expect(validateConsent({ ...good, id: 'forged', withdrawnAt: '2026-01-02', clientId: 'other' })).toEqual({ ok: true, consent: good });
  });

  it('refuses an end before the start', () => {
    const result = validateConsent({ ...good, validUntil: '2025-12-31' });
    expect(result).toEqual({ ok: false, problems: [{ path: ['validUntil'], code: 'end_before_start', message: 'Sluttdatoen kan ikke være før startdatoen.' }] });
    expect(codes({ ...good, validUntil: '2026-01-01', validFrom: '2026-01-01' })).toEqual([]);
  });

  it('wants what, with whom, how long and how', () => {
    expect(codes({})).toEqual(['categories:required', 'recipients:required', 'validFrom:invalid_date', 'validUntil:invalid_date', 'givenAs:invalid_choice']);
    expect(codes({ ...good, validUntil: null })).toEqual(['validUntil:invalid_date']);
    expect(codes({ ...good, categories: ['housing', 'housing', 'gossip'] })).toEqual(['categories.1:duplicate', 'categories.2:invalid_choice']);
    expect(codes({ ...good, recipients: [NAV, NAV, { kind: 'friend', id: 'x' }, { kind: 'unit', id: ' ' }] })).toEqual([
      'recipients.1:duplicate',
      'recipients.2.kind:invalid_choice',
      'recipients.3.id:required',
    ]);
    expect(codes({ ...good, givenAs: 'telepathy' })).toEqual(['givenAs:invalid_choice']);
    expect(codes('yes')).toEqual([':invalid_type']);
  });

  it('takes a municipality’s own categories', () => {
    const own = [...CONSENT_CATEGORIES, { code: 'gambling', label: { nb: 'Spill', en: 'Gambling' } }];
    expect(validateConsent({ ...good, categories: ['gambling'] }, { categories: own }).ok).toBe(true);
    expect(validateConsent({ ...good, categories: ['gambling'] }).ok).toBe(false);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ ...Object.fromEntries(Object.keys(good).map((k) => [k, fc.anything()])) })), (input) => {
        const r = validateConsent(input);
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
    );
  });
});
