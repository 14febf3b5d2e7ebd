import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_FEEDBACK_INSTRUMENTS,
  evaluateSeries,
  feedbackTotal,
  ORS_DEFINITION,
  SRS_DEFINITION,
  validateFeedbackAnswers,
  validateInstrument,
  type FeedbackInstrument,
  type FeedbackSession,
} from './feedback.js';

/** An ORS session whose four items are a, b, c, d. */
const ors = (date: string, a: number, b = a, c = a, d = a): FeedbackSession => ({ date, answers: { individually: a, interpersonally: b, socially: c, overall: d } });
const srs = (date: string, a: number, b = a, c = a, d = a): FeedbackSession => ({ date, answers: { relationship: a, goals_topics: b, approach: c, overall: d } });

describe('the shipped definitions', () => {
  it('are ORS and SRS with the published numbers, and need a licence', () => {
    expect(ORS_DEFINITION).toMatchObject({ shortName: 'ORS', timing: 'session_start', total: { min: 0, max: 40 }, clinicalCutoff: 25, reliableChange: 5, noImprovementAlertAfter: 3, requiresLicence: true });
    expect(ORS_DEFINITION.items.map((i) => i.label.en)).toEqual(['Individually', 'Interpersonally', 'Socially', 'Overall']);
    expect(SRS_DEFINITION).toMatchObject({ shortName: 'SRS', timing: 'session_end', total: { min: 0, max: 40 }, alertBelow: 36, alertOnDrop: true, requiresLicence: true });
    expect(SRS_DEFINITION.items.map((i) => i.label.en)).toEqual(['Relationship', 'Goals and topics', 'Approach or method', 'Overall']);
    // FIT: two tools with 8 questions in all (seed 004, Tiltak 10).
    expect(BUILT_IN_FEEDBACK_INSTRUMENTS.reduce((n, d) => n + d.items.length, 0)).toBe(8);
    for (const def of BUILT_IN_FEEDBACK_INSTRUMENTS) {
      expect(validateInstrument(def)).toEqual([]);
      for (const i of def.items) expect(i.label.nb.length).toBeLessThanOrEqual(30); // short labels, not item texts
    }
  });
});

describe('validateInstrument', () => {
  const codes = (def: unknown) => validateInstrument(def).map((p) => `${p.path.join('.')}:${p.code}`);

  it('accepts an administrator’s own instrument defined the same way', () => {
    const own: FeedbackInstrument = {
      ...ORS_DEFINITION,
      id: 'cors-5',
      name: 'Eget skjema',
      shortName: 'ES',
      items: [1, 2, 3].map((n) => ({ id: `q${n}`, label: { nb: `Spørsmål ${n}`, en: `Question ${n}` }, min: 1, max: 5, step: 1 })),
      total: { min: 3, max: 15 },
      clinicalCutoff: 9,
      reliableChange: 3,
      requiresLicence: false,
    };
    expect(codes(own)).toEqual([]);
  });

  it('finds what is wrong', () => {
    expect(codes(null)).toEqual([':invalid_type']);
    expect(codes({ ...ORS_DEFINITION, id: 'ORS!' })).toEqual(['id:invalid_id']);
    expect(codes({ ...ORS_DEFINITION, total: { min: 0, max: 50 } })).toEqual(['total:total_mismatch']);
    expect(codes({ ...ORS_DEFINITION, clinicalCutoff: 45 })).toEqual(['clinicalCutoff:out_of_range']);
    expect(codes({ ...ORS_DEFINITION, reliableChange: 0 })).toEqual(['reliableChange:out_of_range']);
    expect(codes({ ...ORS_DEFINITION, reliableChange: null })).toEqual(['noImprovementAlertAfter:needs_reliable_change']);
    expect(codes({ ...ORS_DEFINITION, noImprovementAlertAfter: 1 })).toEqual(['noImprovementAlertAfter:out_of_range']);
    expect(codes({ ...ORS_DEFINITION, timing: 'whenever' })).toEqual(['timing:invalid_choice']);
    expect(codes({ ...ORS_DEFINITION, items: [] })).toEqual(['items:invalid_items']);
    const twice = [ORS_DEFINITION.items[0], ORS_DEFINITION.items[0]];
    expect(codes({ ...ORS_DEFINITION, items: twice, total: { min: 0, max: 20 }, clinicalCutoff: 10 })).toEqual(['items.1.id:duplicate']);
    const longText = { ...ORS_DEFINITION.items[0], label: { nb: 'Hvordan har du hatt det personlig den siste uken, tenk på alt som har skjedd?', en: 'x' } };
    expect(codes({ ...ORS_DEFINITION, items: [longText], total: { min: 0, max: 10 }, clinicalCutoff: null })).toEqual(['items.0.label.nb:invalid_label']);
    const badStep = { ...ORS_DEFINITION.items[0], step: 0.3 };
    expect(codes({ ...ORS_DEFINITION, items: [badStep], total: { min: 0, max: 10 }, clinicalCutoff: null })).toEqual(['items.0.step:invalid_step']);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ ...Object.fromEntries(Object.keys(ORS_DEFINITION).map((k) => [k, fc.anything()])) })), (def) => {
        expect(Array.isArray(validateInstrument(def))).toBe(true);
      }),
    );
  });
});

describe('validateFeedbackAnswers and feedbackTotal', () => {
  it('adds the four items, to the nearest tenth', () => {
    expect(validateFeedbackAnswers(ORS_DEFINITION, ors('2026-01-01', 5.1, 6.2, 7.3, 0.1).answers)).toEqual([]);
    expect(feedbackTotal(ORS_DEFINITION, ors('2026-01-01', 5.1, 6.2, 7.3, 0.1).answers)).toBe(18.7);
    expect(feedbackTotal(ORS_DEFINITION, ors('2026-01-01', 0.1, 0.2, 0, 0).answers)).toBe(0.3);
    expect(feedbackTotal(SRS_DEFINITION, srs('2026-01-01', 10).answers)).toBe(40);
  });

  it('says in Norwegian what is wrong with an answer', () => {
    const problems = validateFeedbackAnswers(ORS_DEFINITION, { individually: 11, interpersonally: '5', socially: 5.55, extra: 1 });
    expect(problems.map((p) => [p.path.join('.'), p.code, p.message])).toEqual([
      ['individually', 'out_of_range', 'Svaret for «Individuelt» må være fra 0 til 10.'],
      ['interpersonally', 'invalid_number', 'Svaret for «Mellommenneskelig» må være et tall.'],
      ['socially', 'invalid_step', 'Svaret for «Sosialt» kan ha høyst 1 desimal.'],
      ['overall', 'required', 'Svar mangler for «Generelt».'],
      ['extra', 'unknown_item', 'Verktøyet har ikke dette spørsmålet.'],
    ]);
    expect(validateFeedbackAnswers(ORS_DEFINITION, [])).toEqual([expect.objectContaining({ code: 'invalid_type' })]);
    expect(feedbackTotal(ORS_DEFINITION, { individually: 1 })).toBeNull();
    expect(validateFeedbackAnswers(ORS_DEFINITION, { ...ors('x', 5).answers, overall: NaN })[0]?.code).toBe('invalid_number');
  });
});

describe('evaluateSeries: ORS', () => {
  it('gives totals, change from the first and reliable change per session, in date order', () => {
    const result = evaluateSeries(ORS_DEFINITION, [ors('2026-02-15', 6), ors('2026-01-10', 4.5), ors('2026-02-01', 5)]);
    expect(result.points).toEqual([
      { session: 1, date: '2026-01-10', total: 18, changeFromFirst: 0, changeFromPrevious: null, belowCutoff: true, reliable: 'none', belowAlertLevel: false, dropped: false },
      { session: 2, date: '2026-02-01', total: 20, changeFromFirst: 2, changeFromPrevious: 2, belowCutoff: true, reliable: 'none', belowAlertLevel: false, dropped: false },
      { session: 3, date: '2026-02-15', total: 24, changeFromFirst: 6, changeFromPrevious: 4, belowCutoff: true, reliable: 'improvement', belowAlertLevel: false, dropped: false },
    ]);
    expect(result).toMatchObject({ instrumentId: 'ors', first: 18, latest: 24, changeFromFirst: 6, outcome: 'improvement', alerts: [], skipped: [] });
  });

  it('counts exactly 5 points as reliable, 4.9 not', () => {
    expect(evaluateSeries(ORS_DEFINITION, [ors('2026-01-01', 5), ors('2026-01-08', 6.2, 6.3, 6.2, 6.3)]).outcome).toBe('improvement');
    expect(evaluateSeries(ORS_DEFINITION, [ors('2026-01-01', 5), ors('2026-01-08', 6.2, 6.2, 6.2, 6.3)]).outcome).toBe('none');
    expect(evaluateSeries(ORS_DEFINITION, [ors('2026-01-01', 5), ors('2026-01-08', 3.75 - 0.05)]).outcome).toBe('deterioration');
  });

  it('alerts when there is no reliable improvement from the 3rd session on', () => {
    const two = evaluateSeries(ORS_DEFINITION, [ors('2026-01-01', 4), ors('2026-01-08', 4.5)]);
    expect(two.alerts).toEqual([]);
    const three = evaluateSeries(ORS_DEFINITION, [ors('2026-01-01', 4), ors('2026-01-08', 4.5), ors('2026-01-15', 4.8)]);
    expect(three.alerts).toEqual([
      {
        code: 'no_reliable_improvement',
        session: 3,
        message:
          'Ingen pålitelig bedring etter 3 samtaler (ORS 16 → 19,2; pålitelig endring er minst 5 poeng). Snakk med personen om hjelpen virker, og vurder å endre tilnærming.',
      },
    ]);
    // Improvement at session 2 that is lost again by session 4 alerts again.
    const lost = evaluateSeries(ORS_DEFINITION, [ors('2026-01-01', 4), ors('2026-01-08', 6), ors('2026-01-15', 6), ors('2026-01-22', 4.5)]);
    expect(lost.alerts.map((a) => a.code)).toEqual(['no_reliable_improvement']);
  });

  it('alerts on reliable deterioration instead', () => {
    const result = evaluateSeries(ORS_DEFINITION, [ors('2026-01-01', 6), ors('2026-01-08', 5), ors('2026-01-15', 4.5)]);
    expect(result.alerts).toEqual([
      {
        code: 'reliable_deterioration',
        session: 3,
        message: 'ORS har falt fra 24 til 18 siden første samtale, minst 5 poeng: en pålitelig forverring. Ta det opp med personen.',
      },
    ]);
  });

  it('leaves out sessions that do not fit, and says why', () => {
    const result = evaluateSeries(ORS_DEFINITION, [ors('2026-01-01', 5), ors('not a date', 5), ors('2026-01-08', 12), null as unknown as FeedbackSession]);
    expect(result.points.map((p) => p.date)).toEqual(['2026-01-01']);
    expect(result.skipped.map((s) => [s.index, s.problems.map((p) => `${p.path.join('.')}:${p.code}`)])).toEqual([
      [1, ['date:invalid_date']],
      [2, ['answers.individually:out_of_range', 'answers.interpersonally:out_of_range', 'answers.socially:out_of_range', 'answers.overall:out_of_range']],
      [3, ['date:invalid_date', 'answers:invalid_type']],
    ]);
    expect(result.outcome).toBeNull();
  });

  it('has nothing to say about no sessions', () => {
    expect(evaluateSeries(ORS_DEFINITION, [])).toEqual({ instrumentId: 'ors', points: [], skipped: [], first: null, latest: null, changeFromFirst: null, outcome: null, alerts: [] });
  });
});

describe('evaluateSeries: SRS', () => {
  it('alerts on a low score', () => {
    const result = evaluateSeries(SRS_DEFINITION, [srs('2026-01-01', 8.5)]);
    expect(result.alerts).toEqual([{ code: 'below_alert_level', session: 1, message: 'SRS 34 er under 36: samarbeidet kan ha et problem. Spør hva som kan bli bedre.' }]);
    expect(evaluateSeries(SRS_DEFINITION, [srs('2026-01-01', 9)]).alerts).toEqual([]);
    expect(result.points[0]).toMatchObject({ belowCutoff: null, reliable: null });
    expect(result.outcome).toBeNull();
  });

  it('alerts on a drop from the previous session, even above 36', () => {
    const result = evaluateSeries(SRS_DEFINITION, [srs('2026-01-01', 9.8), srs('2026-01-08', 9.6)]);
    expect(result.alerts).toEqual([{ code: 'falling', session: 2, message: 'SRS falt fra 39,2 til 38,4 siden forrige samtale. Spør hva som kan bli bedre.' }]);
    const both = evaluateSeries(SRS_DEFINITION, [srs('2026-01-01', 9.5), srs('2026-01-08', 8)]);
    expect(both.alerts.map((a) => a.code)).toEqual(['below_alert_level', 'falling']);
    expect(evaluateSeries(SRS_DEFINITION, [srs('2026-01-01', 9.5), srs('2026-01-08', 9.5)]).alerts).toEqual([]);
  });
});

// ——————————————————————————————————————————— properties

const tenth = fc.integer({ min: 0, max: 100 }).map((n) => n / 10);
const session = fc
  .tuple(fc.date({ min: new Date(Date.UTC(2024, 0, 1)), max: new Date(Date.UTC(2026, 11, 31)), noInvalidDate: true }), tenth, tenth, tenth, tenth)
  .map(([d, a, b, c, e]) => ors(d.toISOString().slice(0, 10), a, b, c, e));

describe('evaluateSeries: properties', () => {
  it('totals stay within 0–40 with one decimal, and change from first is latest minus first', () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 12 }), (sessions) => {
        const result = evaluateSeries(ORS_DEFINITION, sessions);
        expect(result.points.length).toBe(sessions.length);
        for (const p of result.points) {
          expect(p.total).toBeGreaterThanOrEqual(0);
          expect(p.total).toBeLessThanOrEqual(40);
          expect(Math.round(p.total * 10) / 10).toBe(p.total);
        }
        if (result.latest !== null && result.first !== null) {
          expect(result.changeFromFirst).toBeCloseTo(result.latest - result.first, 9);
        }
        const dates = result.points.map((p) => p.date);
        expect([...dates].sort()).toEqual(dates);
        const codes = result.alerts.map((a) => a.code);
        expect(codes.includes('no_reliable_improvement') && codes.includes('reliable_deterioration')).toBe(false);
        if (result.points.length < 3) expect(codes).not.toContain('no_reliable_improvement');
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.constantFrom(ORS_DEFINITION, SRS_DEFINITION, null, {}), fc.oneof(fc.anything(), fc.array(fc.anything())), (def, sessions) => {
        const result = evaluateSeries(def as FeedbackInstrument, sessions as FeedbackSession[]);
        expect(result.points.length + result.skipped.length).toBe(Array.isArray(sessions) ? sessions.length : 0);
      }),
    );
  });
});
