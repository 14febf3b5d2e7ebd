import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_TERMS, DISTRICT_PLAN_LEVELS } from './model.js';
import { buildReportSnapshot, currentPeriod, daysBetween, reportingPeriods, type ReportItemInput } from './report.js';

describe('reportingPeriods', () => {
  it('gives one period a year, due the configured number of days after it ends', () => {
    const periods = reportingPeriods({ startYear: 2024, endYear: 2025, reportingCycle: 'yearly', reportDueDays: 31 });
    expect(periods).toEqual([
      { label: '2024', start: '2024-01-01', end: '2024-12-31', due: '2025-01-31' },
      { label: '2025', start: '2025-01-01', end: '2025-12-31', due: '2026-01-31' },
    ]);
  });

  it('gives three tertials a year', () => {
    const periods = reportingPeriods({ startYear: 2024, endYear: 2024, reportingCycle: 'tertial', reportDueDays: 14 });
    expect(periods.map((p) => [p.label, p.start, p.end, p.due])).toEqual([
      ['1. tertial 2024', '2024-01-01', '2024-04-30', '2024-05-14'],
      ['2. tertial 2024', '2024-05-01', '2024-08-31', '2024-09-14'],
      ['3. tertial 2024', '2024-09-01', '2024-12-31', '2025-01-14'],
    ]);
  });

  it('counts an update made before the due date for the period that just ended', () => {
    const periods = reportingPeriods({ startYear: 2024, endYear: 2025, reportingCycle: 'yearly', reportDueDays: 31 });
    expect(currentPeriod(periods, '2025-01-20')?.label).toBe('2024');
    expect(currentPeriod(periods, '2025-02-01')?.label).toBe('2025');
    expect(currentPeriod(periods, '2024-06-01')?.label).toBe('2024');
    expect(currentPeriod(periods, '2027-06-01')).toBeNull();
    expect(daysBetween('2024-12-31', '2025-01-31')).toBe(31);
  });
});

describe('buildReportSnapshot', () => {
  const items: ReportItemInput[] = [
    { id: 'g', parentId: null, level: 0, code: null, title: 'Færre innbyggere utvikler rusproblemer', description: '', deadlineText: '' },
    { id: 's1', parentId: 'g', level: 1, code: null, title: 'Forebyggingsoffensiv', description: '', deadlineText: '' },
    { id: 'a', parentId: 's1', level: 2, code: 'a', title: 'Oppdatere programmet', description: '', deadlineText: '' },
    { id: '1', parentId: 'a', level: 3, code: '1', title: 'Vi oppdaterer', description: 'Med skolene', deadlineText: 'Kontinuerlig' },
    { id: 's2', parentId: 'g', level: 1, code: null, title: 'Tidligere innsats', description: '', deadlineText: '' },
    { id: 'b', parentId: 's2', level: 2, code: 'a', title: 'Oppfølgingssamtale', description: '', deadlineText: '' },
    { id: '2', parentId: 'b', level: 3, code: '1', title: 'Vi tilbyr samtale', description: '', deadlineText: '2025' },
    { id: '3', parentId: 'b', level: 3, code: '2', title: 'Ambulant team', description: '', deadlineText: '' },
  ];
  const snapshot = buildReportSnapshot({
    plan: { id: 'p', title: 'Plan', ownerName: 'Bydel St. Hanshaugen', startYear: 2024, endYear: 2027, levels: [...DISTRICT_PLAN_LEVELS] },
    terms: DEFAULT_STATUS_TERMS,
    period: { label: '2024', start: '2024-01-01', end: '2024-12-31', due: '2025-01-31' },
    items,
    statuses: [
      { itemId: '1', statusCode: 'delvis_iverksatt', remark: 'Startet', reportedOn: '2024-06-01', createdAt: '2024-06-01T10:00:00Z' },
      { itemId: '1', statusCode: 'iverksatt', remark: 'I drift', reportedOn: '2024-12-10', createdAt: '2024-12-10T10:00:00Z' },
      // After the period: not in the 2024 report.
      { itemId: '1', statusCode: 'gjennomfort', remark: 'Ferdig', reportedOn: '2025-03-01', createdAt: '2025-03-01T10:00:00Z' },
      { itemId: '2', statusCode: 'utgar', remark: 'Erstattet', reportedOn: '2024-11-01', createdAt: '2024-11-01T10:00:00Z' },
    ],
    generatedAt: '2025-01-10T09:00:00Z',
  });

  it('makes one chapter per strategy, with the goal and strategy as headings', () => {
    expect(snapshot.chapters.map((c) => c.headings.map((h) => h.title))).toEqual([
      ['Færre innbyggere utvikler rusproblemer', 'Forebyggingsoffensiv'],
      ['Færre innbyggere utvikler rusproblemer', 'Tidligere innsats'],
    ]);
    expect(snapshot.chapters[1]!.rows.map((r) => [r.code, r.council])).toEqual([
      ['a', true],
      ['1', false],
      ['2', false],
    ]);
  });

  it('uses the status each measure had at the end of the period', () => {
    const row = snapshot.chapters[0]!.rows.find((r) => r.itemId === '1')!;
    expect(row).toMatchObject({ statusLabel: 'Iverksatt', remarks: 'I drift', reportedOn: '2024-12-10', category: 'in_progress' });
  });

  it('counts the district’s own measures by status, council measures left out', () => {
    expect(snapshot.summary.total).toBe(3);
    expect(snapshot.summary.withoutStatus).toBe(1);
    expect(snapshot.summary.lines.find((l) => l.code === 'iverksatt')!.count).toBe(1);
    expect(snapshot.summary.lines.find((l) => l.code === 'utgar')!.count).toBe(1);
  });
});
