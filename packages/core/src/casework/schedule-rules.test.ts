import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MANSA_LABELS,
  formatQolValue,
  isOverdue,
  MANSA_QUESTION,
  nextReviewDue,
  qolReportDeadline,
  qolStatus,
  qolWindow,
  reviewStatus,
  validateMansaLabels,
  validateQolAnswer,
  type QolAnswer,
} from './schedule-rules.js';

const isoDate = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('nextReviewDue', () => {
  it.each([
    ['2026-01-15', '2026-04-15'],
    ['2026-01-31', '2026-04-30'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'],
    ['2026-10-31', '2027-01-31'],
    ['2026-12-31', '2027-03-31'],
    ['2026-03-31', '2026-06-30'],
  ])('%s → %s (calendar months, the day clamped)', (last, due) => {
    expect(nextReviewDue(last)).toBe(due);
  });

  it('is null for anything that is not a date', () => {
    for (const bad of ['2026-02-30', '15.01.2026', '', '2026-1-5']) expect(nextReviewDue(bad)).toBeNull();
  });
});

describe('isOverdue', () => {
  it('is overdue from the day after the due date', () => {
    expect(isOverdue('2026-04-15', '2026-04-14')).toBe(false);
    expect(isOverdue('2026-04-15', '2026-04-15')).toBe(false);
    expect(isOverdue('2026-04-15', '2026-04-16')).toBe(true);
    expect(isOverdue(null, '2026-04-16')).toBe(false);
    expect(isOverdue('2026-04-15', 'today')).toBe(false);
  });
});

describe('reviewStatus', () => {
  it('counts from the latest assessment or review on or before today', () => {
    expect(reviewStatus(['2026-01-10', '2026-03-05', '2025-12-01'], '2026-04-01')).toEqual({
      state: 'ok',
      last: '2026-03-05',
      due: '2026-06-05',
      daysLeft: 65,
      message: 'Neste evaluering innen 05.06.2026.',
    });
    // A review typed ahead does not count yet.
    expect(reviewStatus(['2026-01-10', '2026-05-01'], '2026-04-01')).toMatchObject({ last: '2026-01-10', due: '2026-04-10', state: 'due_soon', daysLeft: 9 });
  });

  it('says when the review is due soon and when it is overdue', () => {
    expect(reviewStatus(['2026-01-10'], '2026-03-27')).toMatchObject({ state: 'due_soon', daysLeft: 14 });
    expect(reviewStatus(['2026-01-10'], '2026-03-26')).toMatchObject({ state: 'ok', daysLeft: 15 });
    expect(reviewStatus(['2026-01-10'], '2026-04-10')).toMatchObject({ state: 'due_soon', daysLeft: 0 });
    expect(reviewStatus(['2026-01-10'], '2026-04-11')).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
      message: 'Evalueringen skulle vært gjort innen 10.04.2026 (1 dag siden).',
    });
    expect(reviewStatus(['2026-01-10'], '2026-05-10').message).toBe('Evalueringen skulle vært gjort innen 10.04.2026 (30 dager siden).');
  });

  it('has not started without an assessment, and is unknown without today', () => {
    expect(reviewStatus([], '2026-04-01')).toMatchObject({ state: 'not_started', due: null });
    expect(reviewStatus(['garbage'], '2026-04-01')).toMatchObject({ state: 'not_started' });
    expect(reviewStatus(['2026-01-10'], '')).toMatchObject({ state: 'unknown' });
  });

  it('properties: due is always 3 months on, within the clamped range, and overdue agrees with isOverdue', () => {
    fc.assert(
      fc.property(fc.array(isoDate, { maxLength: 6 }), isoDate, (dates, today) => {
        const status = reviewStatus(dates, today);
        if (status.state === 'not_started') {
          expect(dates.every((d) => d > today)).toBe(true);
          return;
        }
        expect(status.last).not.toBeNull();
        expect(status.due).toBe(nextReviewDue(status.last ?? ''));
        const [ly, lm] = (status.last ?? '').split('-').map(Number) as [number, number];
        const [dy, dm, dd] = (status.due ?? '').split('-').map(Number) as [number, number, number];
        expect((dy - ly) * 12 + (dm - lm)).toBe(3);
        expect(dd).toBeLessThanOrEqual(Number((status.last ?? '').slice(8)));
        expect(status.state === 'overdue').toBe(isOverdue(status.due, today));
      }),
    );
  });
});

describe('the QoL window and report deadline', () => {
  it('is January–May, reported by 30 June', () => {
    expect(qolWindow(2027)).toEqual({ year: 2027, opens: '2027-01-01', closes: '2027-05-31', reportDue: '2027-06-30' });
    expect(qolReportDeadline('2027-06-20')).toEqual({
      year: 2027,
      due: '2027-06-30',
      daysLeft: 10,
      message: 'Rapporter livskvalitet (anonymisert) til Velferdsetaten innen 30.06.2027.',
    });
    expect(qolReportDeadline('2027-07-01')).toMatchObject({ daysLeft: -1, message: 'Fristen for å rapportere livskvalitet til Velferdsetaten var 30.06.2027.' });
    expect(qolReportDeadline('nope')).toBeNull();
  });
});

describe('qolStatus', () => {
  const answers: QolAnswer[] = [
    { date: '2025-03-01', value: 4 },
    { date: '2026-02-10', value: 5 },
  ];

  it('is asked when an answer (or a "does not want to answer") is dated in this year’s window', () => {
    expect(qolStatus(answers, '2026-04-01')).toEqual({
      state: 'asked',
      window: qolWindow(2026),
      answer: { date: '2026-02-10', value: 5 },
      daysLeft: null,
      message: 'Spurt 10.02.2026 (svarte 5).',
    });
    expect(qolStatus([{ date: '2026-05-31', value: 'declined' }], '2026-09-01')).toMatchObject({ state: 'asked', message: 'Spurt 31.05.2026 (ønsket ikke å svare).' });
  });

  it('is not yet asked during the window, and closed after it', () => {
    expect(qolStatus(answers, '2027-01-01')).toMatchObject({ state: 'not_yet_asked', daysLeft: 150, message: 'Ikke spurt om livskvalitet ennå i år. Spør innen 31.05.2027.' });
    expect(qolStatus([], '2026-05-31')).toMatchObject({ state: 'not_yet_asked', daysLeft: 0 });
    expect(qolStatus([], '2026-06-01')).toMatchObject({
      state: 'window_closed',
      message: 'Ikke spurt om livskvalitet i år. Perioden januar–mai er over; neste gang i januar 2027.',
    });
  });

  it('does not count answers outside the window, after today, or unreadable', () => {
    const odd = [
      { date: '2026-06-15', value: 6 },
      { date: '2026-04-01', value: 6 },
      { date: '2026-02-01', value: 9 },
      { date: '2026-02-01', value: '5' },
      { date: 'feb', value: 5 },
      null,
    ] as unknown as QolAnswer[];
    expect(qolStatus(odd, '2026-03-01').state).toBe('not_yet_asked');
    expect(qolStatus(odd, '2026-12-01').state).toBe('asked');
    expect(qolStatus(odd, '2026-12-01').answer).toEqual({ date: '2026-04-01', value: 6 });
    expect(qolStatus(answers, 'x').state).toBe('unknown');
  });

  it('never throws, and asked means an answer in this year’s window on or before today', () => {
    const anyAnswers = fc.array(fc.record({ date: fc.oneof(isoDate, fc.string()), value: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant('declined'), fc.anything()) }), { maxLength: 6 });
    fc.assert(
      fc.property(anyAnswers, fc.oneof(isoDate, fc.string()), (list, today) => {
        const status = qolStatus(list as QolAnswer[], today);
        if (status.state === 'asked') {
          expect(status.answer?.date.slice(0, 4)).toBe(today.slice(0, 4));
          expect(status.answer && status.answer.date <= today).toBe(true);
          expect(Number(status.answer?.date.slice(5, 7))).toBeLessThanOrEqual(5);
        }
      }),
    );
  });
});

describe('MANSA labels', () => {
  it('default to domain.md’s set, with the question and "does not want to answer"', () => {
    expect(MANSA_QUESTION.nb).toBe('Hvor fornøyd er du med livet ditt, samlet sett?');
    expect(Object.values(DEFAULT_MANSA_LABELS).map((l) => l.nb)).toEqual([
      'Kunne ikke vært verre',
      'Misfornøyd',
      'Stort sett misfornøyd',
      'Blandet',
      'Stort sett fornøyd',
      'Fornøyd',
      'Kunne ikke vært bedre',
    ]);
    expect(formatQolValue(5)).toBe('5 Stort sett fornøyd');
    expect(formatQolValue(7, DEFAULT_MANSA_LABELS, 'en')).toBe("7 Couldn't be better");
    expect(formatQolValue('declined')).toBe('Ønsker ikke å svare');
    expect(validateMansaLabels(DEFAULT_MANSA_LABELS)).toEqual([]);
  });

  it('can be replaced by a municipality’s own set, which is checked', () => {
    const own = { ...DEFAULT_MANSA_LABELS, 4: { nb: 'Både og', en: 'Mixed' } };
    expect(validateMansaLabels(own)).toEqual([]);
    expect(formatQolValue(4, own)).toBe('4 Både og');
    const problems = validateMansaLabels({ ...DEFAULT_MANSA_LABELS, 2: { nb: ' ', en: 'x' }, 3: { nb: 'Blandet', en: 'y' }, 8: { nb: 'Ekstra', en: 'Extra' }, 6: { nb: 'x'.repeat(61), en: 'Pleased' } });
    expect(problems.map((p) => [p.path.join('.'), p.code])).toEqual([
      ['2.nb', 'required'],
      ['4.nb', 'duplicate'],
      ['6.nb', 'too_long'],
      ['8', 'unknown_score'],
    ]);
    expect(problems[1]?.message).toBe('Teksten for 4 er den samme som for 3.');
    expect(validateMansaLabels(null)).toEqual([expect.objectContaining({ code: 'invalid_type' })]);
  });
});

describe('validateQolAnswer', () => {
  const today = '2026-04-20';

  it('accepts a score 1–7 or "declined", dated on or before today', () => {
    expect(validateQolAnswer({ date: '2026-04-20', value: 6 }, { today })).toEqual({ ok: true, answer: { date: '2026-04-20', value: 6 }, outsideWindow: false });
    expect(validateQolAnswer({ date: '2026-02-01', value: 'declined', extra: 1 }, { today })).toEqual({ ok: true, answer: { date: '2026-02-01', value: 'declined' }, outsideWindow: false });
  });

  it('refuses what is not an answer', () => {
    const codes = (input: unknown) => {
      const r = validateQolAnswer(input, { today });
      return r.ok ? [] : r.problems.map((p) => p.code);
    };
    expect(codes({ date: '2026-04-21', value: 4 })).toEqual(['future_date']);
    expect(codes({ date: '2026-04-31', value: 4 })).toEqual(['invalid_date']);
    expect(codes({ date: '2026-04-01', value: 0 })).toEqual(['invalid_value']);
    expect(codes({ date: '2026-04-01', value: 4.5 })).toEqual(['invalid_value']);
    expect(codes({ date: '2026-04-01', value: '4' })).toEqual(['invalid_value']);
    expect(codes({ date: '2026-04-01', value: null })).toEqual(['invalid_value']);
    expect(codes('4')).toEqual(['invalid_type']);
  });

  it('allows one answer per year in the window, and marks answers outside it', () => {
    const existing: QolAnswer[] = [{ date: '2026-01-15', value: 3 }];
    const second = validateQolAnswer({ date: '2026-03-01', value: 5 }, { today, existing });
    expect(second).toEqual({
      ok: false,
      problems: [{ path: ['date'], code: 'already_asked', message: 'Livskvalitet er allerede registrert for 2026 (15.01.2026). Spørsmålet stilles én gang i året.' }],
    });
    expect(validateQolAnswer({ date: '2026-03-01', value: 5 }, { today, existing: [{ date: '2025-03-01', value: 4 }] }).ok).toBe(true);
    expect(validateQolAnswer({ date: '2025-09-01', value: 5 }, { today, existing })).toEqual({ ok: true, answer: { date: '2025-09-01', value: 5 }, outsideWindow: true });
  });
});
