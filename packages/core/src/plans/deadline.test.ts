import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeadlineValueSchema } from './contract.js';
import { describeDeadline, parseDeadline } from './deadline.js';
import type { DeadlineValue, PlanPeriod } from './model.js';

const PLAN: PlanPeriod = { startYear: 2020, endYear: 2023 };
const ONE_YEAR_PLAN: PlanPeriod = { startYear: 2018, endYear: 2018 };

const date = (d: string, qualifier?: 'from' | 'start' | 'by'): DeadlineValue =>
  qualifier ? { kind: 'date', date: d, qualifier } : { kind: 'date', date: d };
const period = (start: string, end: string): DeadlineValue => ({ kind: 'period', start, end });
const continuous: DeadlineValue = { kind: 'continuous' };
const unknown: DeadlineValue = { kind: 'unknown' };
const every = (e: 'year' | 'school_year' | 'month' | 'week', extra: { days?: string[]; timesPerCycle?: number } = {}): DeadlineValue => ({
  kind: 'recurring',
  every: e,
  ...extra,
});

const value = (text: string, plan?: PlanPeriod) => parseDeadline(text, plan).value;

// ——————————————————————————————————————————— the phrases of domain.md §1, verbatim

describe('parseDeadline: every phrase in domain.md §1', () => {
  it.each<[string, DeadlineValue]>([
    ['31.03.2007', date('2007-03-31')],
    ['Fra 01.03.2007', date('2007-03-01', 'from')],
    ['Oppstart 01.06.2007', date('2007-06-01', 'start')],
    ['Våren 2007', period('2007-01-01', '2007-06-30')],
    ['Høsten 2007', period('2007-08-01', '2007-12-31')],
    ['Skoleåret 2006/2007', period('2006-08-15', '2007-06-30')],
    ['Hele planperioden 2007 – 2009', period('2007-01-01', '2009-12-31')],
    ['Kontinuerlig', continuous],
    ['Gjennomføres kontinuerlig', continuous],
    ['Fortløpende', continuous],
    ['Årlig 30. april og 16. mai', every('year', { days: ['04-30', '05-16'] })],
    ['Gjennomføres hvert skoleår', every('school_year')],
    ['To ganger i løpet av året', every('year', { timesPerCycle: 2 })],
    ['Gjennomført høsten 2007', period('2007-08-01', '2007-12-31')],
    ['2020–2023', period('2020-01-01', '2023-12-31')],
  ])('%s', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it.each<[string, DeadlineValue]>([
    ['Innen utgangen av planperioden', date('2023-12-31', 'by')],
    ['I løpet av planperioden', period('2020-01-01', '2023-12-31')],
  ])('%s (with the plan period 2020–2023)', (text, expected) => {
    expect(value(text, PLAN)).toEqual(expected);
  });
});

// ——————————————————————————————————————————— the variants of the brief and beyond

describe('parseDeadline: dates', () => {
  it.each<[string, DeadlineValue]>([
    ['31.3.07', date('2007-03-31')],
    ['1. mai 2008', date('2008-05-01')],
    ['01.06.2007', date('2007-06-01')],
    ['1.mai 2008', date('2008-05-01')],
    ['1 mai 2008', date('2008-05-01')],
    ['01. jan. 2008', date('2008-01-01')],
    ['31/03/2007', date('2007-03-31')],
    ['31-03-2007', date('2007-03-31')],
    ['2007-03-31', date('2007-03-31')],
    ['1/5-2008', date('2008-05-01')],
    ['31. 12. 2008', date('2008-12-31')],
    ['29.02.2008', date('2008-02-29')],
    ['1.1.99', date('1999-01-01')],
    ['Den 1. mai 2008', date('2008-05-01')],
    ['Frist: 31.03.2007', date('2007-03-31')],
    ['Fra 01.03.2007', date('2007-03-01', 'from')],
    ['F.o.m. 1. mai 2008', date('2008-05-01', 'from')],
    ['Fra og med 01.03.2007', date('2007-03-01', 'from')],
    ['Oppstart 01.06.2007', date('2007-06-01', 'start')],
    ['Oppstart fra 1. mai 2008', date('2008-05-01', 'start')],
    ['Iverksettes 01.06.2007', date('2007-06-01', 'start')],
    ['Innen 31.12.2008', date('2008-12-31', 'by')],
    ['Innen 1. mai 2008', date('2008-05-01', 'by')],
    ['Senest 31.03.2007', date('2007-03-31', 'by')],
    ['T.o.m. 31.12.2008', date('2008-12-31', 'by')],
    ['Oppstart innen 01.06.2007', date('2007-06-01', 'by')],
    ['Ferdigstilles innen 31.12.2008', date('2008-12-31', 'by')],
    ['Før 1. mai 2008', date('2008-04-30', 'by')],
    ['Før 1. januar 2008', date('2007-12-31', 'by')],
    ['Etter 28.02.2008', date('2008-02-29', 'from')],
    ['Iverksatt 01.03.2007', date('2007-03-01')],
  ])('%s', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it.each([
    '31.02.2007',
    '00.13.2007',
    '29.02.2007',
    '32.01.2008',
    '0.1.2008',
    '31. april 2008',
    '1. mai 1899',
    '1. mai 2101',
    '1.1.2200',
    'Innen 31.02.2008',
    'Fra 00.00.0000',
  ])('%s is not a date: unknown', (text) => {
    expect(value(text)).toEqual(unknown);
  });
});

describe('parseDeadline: periods', () => {
  it.each<[string, DeadlineValue]>([
    ['2021', period('2021-01-01', '2021-12-31')],
    ['I 2021', period('2021-01-01', '2021-12-31')],
    ['Året 2021', period('2021-01-01', '2021-12-31')],
    ['Hele 2021', period('2021-01-01', '2021-12-31')],
    ['Vår 2007', period('2007-01-01', '2007-06-30')],
    ['I løpet av våren 2018', period('2018-01-01', '2018-06-30')],
    ['Vårsemesteret 2008', period('2008-01-01', '2008-06-30')],
    ['Sommeren 2007', period('2007-06-01', '2007-08-31')],
    ['Høst 2007', period('2007-08-01', '2007-12-31')],
    ['Hausten 2007', period('2007-08-01', '2007-12-31')],
    ['Om høsten 2008', period('2008-08-01', '2008-12-31')],
    ['Høsthalvåret 2008', period('2008-07-01', '2008-12-31')],
    ['Vinteren 2007', period('2007-01-01', '2007-02-28')],
    ['Vinteren 2008', period('2008-01-01', '2008-02-29')],
    ['Vinteren 2007/2008', period('2007-12-01', '2008-02-29')],
    ['1. halvår 2008', period('2008-01-01', '2008-06-30')],
    ['2. halvår 2008', period('2008-07-01', '2008-12-31')],
    ['Første halvår 2018', period('2018-01-01', '2018-06-30')],
    ['Første halvdel av 2008', period('2008-01-01', '2008-06-30')],
    ['1. kvartal 2008', period('2008-01-01', '2008-03-31')],
    ['2. kvartal 2008', period('2008-04-01', '2008-06-30')],
    ['3. kvartal 2008', period('2008-07-01', '2008-09-30')],
    ['4. kvartal 2008', period('2008-10-01', '2008-12-31')],
    ['Fjerde kvartal 2008', period('2008-10-01', '2008-12-31')],
    ['3. kv. 2008', period('2008-07-01', '2008-09-30')],
    ['Q2 2008', period('2008-04-01', '2008-06-30')],
    ['1. tertial 2021', period('2021-01-01', '2021-04-30')],
    ['2. tertial 2021', period('2021-05-01', '2021-08-31')],
    ['3. tertial 2021', period('2021-09-01', '2021-12-31')],
    ['Mars 2008', period('2008-03-01', '2008-03-31')],
    ['Februar 2008', period('2008-02-01', '2008-02-29')],
    ['I oktober 2018', period('2018-10-01', '2018-10-31')],
    ['Juni–august 2008', period('2008-06-01', '2008-08-31')],
    ['Juni - august 2008', period('2008-06-01', '2008-08-31')],
    ['Juni til august 2008', period('2008-06-01', '2008-08-31')],
    ['Mellom mars og juni 2008', period('2008-03-01', '2008-06-30')],
    ['Mai/juni 2018', period('2018-05-01', '2018-06-30')],
    ['Desember 2007 – februar 2008', period('2007-12-01', '2008-02-29')],
    ['Desember–februar 2008', period('2007-12-01', '2008-02-29')],
    ['Høsten 2007 – våren 2008', period('2007-08-01', '2008-06-30')],
    ['01.03.2007 – 31.12.2007', period('2007-03-01', '2007-12-31')],
    ['Fra 01.03.2007 til 31.12.2007', period('2007-03-01', '2007-12-31')],
    ['30.04-16.05.2008', period('2008-04-30', '2008-05-16')],
    ['2020–2023', period('2020-01-01', '2023-12-31')],
    ['2020-2023', period('2020-01-01', '2023-12-31')],
    ['2020 – 2023', period('2020-01-01', '2023-12-31')],
    ['2020-23', period('2020-01-01', '2023-12-31')],
    ['Fra 2020 til 2023', period('2020-01-01', '2023-12-31')],
    ['2006/2007', period('2006-01-01', '2007-12-31')],
    ['Skoleåret 2006/2007', period('2006-08-15', '2007-06-30')],
    ['Skoleåret 2006/07', period('2006-08-15', '2007-06-30')],
    ['Skoleåret 2006-2007', period('2006-08-15', '2007-06-30')],
    ['Skoleår 1999/2000', period('1999-08-15', '2000-06-30')],
    ['Hele planperioden 2007 – 2009', period('2007-01-01', '2009-12-31')],
    ['Hele planperioden (2007-2009)', period('2007-01-01', '2009-12-31')],
    ['Planperioden 2020-23', period('2020-01-01', '2023-12-31')],
    ['I perioden 2020–2023', period('2020-01-01', '2023-12-31')],
    ['Gjennomført høsten 2007', period('2007-08-01', '2007-12-31')],
    ['Gjennomført våren 2008.', period('2008-01-01', '2008-06-30')],
    ['Delvis iverksatt høsten 2007', period('2007-08-01', '2007-12-31')],
    ['Utsatt til høsten 2008', period('2008-08-01', '2008-12-31')],
    ['Oppstart høsten 2007', period('2007-08-01', '2007-12-31')],
    ['Avholdes våren 2018', period('2018-01-01', '2018-06-30')],
  ])('%s', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it.each<[string, DeadlineValue]>([
    ['Innen 2008', date('2008-12-31', 'by')],
    ['Innen utgangen av 2018', date('2018-12-31', 'by')],
    ['Innen utgangen av mars 2008', date('2008-03-31', 'by')],
    ['Senest innen slutten av 1. halvår 2008', date('2008-06-30', 'by')],
    ['Innen våren 2008', date('2008-06-30', 'by')],
    ['Ut mars 2018', date('2018-03-31', 'by')],
    ['Innen 2007-2009', date('2009-12-31', 'by')],
    ['Før sommeren 2008', date('2008-05-31', 'by')],
    ['Fra høsten 2007', date('2007-08-01', 'from')],
    ['Fra 2008', date('2008-01-01', 'from')],
    ['Etter sommeren 2008', date('2008-09-01', 'from')],
  ])('%s: a qualified date at the edge of the period', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it.each<[string, DeadlineValue]>([
    ['Hele planperioden', period('2020-01-01', '2023-12-31')],
    ['Planperioden', period('2020-01-01', '2023-12-31')],
    ['I planperioden', period('2020-01-01', '2023-12-31')],
    ['Gjennom hele planperioden', period('2020-01-01', '2023-12-31')],
    ['Hele perioden', period('2020-01-01', '2023-12-31')],
    ['I løpet av planperioden', period('2020-01-01', '2023-12-31')],
    ['Innen utgangen av planperioden', date('2023-12-31', 'by')],
    ['Innen planperiodens utløp', date('2023-12-31', 'by')],
    ['Ved utgangen av planperioden', date('2023-12-31', 'by')],
    // the years written win over the plan period given
    ['Hele planperioden 2007 – 2009', period('2007-01-01', '2009-12-31')],
  ])('%s (plan 2020–2023)', (text, expected) => {
    expect(value(text, PLAN)).toEqual(expected);
  });

  it.each(['Hele planperioden', 'Planperioden', 'Innen utgangen av planperioden', 'I løpet av planperioden', 'Innen planperiodens utløp'])(
    '%s without a plan period (or with a broken one) is unknown',
    (text) => {
      expect(value(text)).toEqual(unknown);
      expect(value(text, { startYear: 2023, endYear: 2020 })).toEqual(unknown);
      expect(value(text, { startYear: 1800, endYear: 2020 })).toEqual(unknown);
      expect(value(text, { startYear: 2020.5, endYear: 2023 })).toEqual(unknown);
    },
  );

  it('reads a time without a year in a one-year plan (KoRus work plan 2018), else unknown', () => {
    expect(value('Første kvartal', ONE_YEAR_PLAN)).toEqual(period('2018-01-01', '2018-03-31'));
    expect(value('I april', ONE_YEAR_PLAN)).toEqual(period('2018-04-01', '2018-04-30'));
    expect(value('Våren', ONE_YEAR_PLAN)).toEqual(period('2018-01-01', '2018-06-30'));
    expect(value('Innen 30.04', ONE_YEAR_PLAN)).toEqual(date('2018-04-30', 'by'));
    expect(value('Innen utgangen av året', ONE_YEAR_PLAN)).toEqual(date('2018-12-31', 'by'));
    for (const text of ['Første kvartal', 'I april', 'Våren', 'Innen 30.04', 'Innen utgangen av året']) {
      expect(value(text)).toEqual(unknown);
      expect(value(text, PLAN)).toEqual(unknown);
    }
  });

  it.each([
    'Skoleåret 2006/2008',
    'Skoleåret 2007/2006',
    'Skoleåret',
    'Vinteren 2007/2009',
    'Høsten 2007/2008',
    '1.3.2007/2008',
    '2023-2020',
    '2020-10',
    'Våren 1899',
    'Høsten 2101',
    '2101',
    '1899',
    '5. kvartal 2008',
    '4. tertial 2021',
    '3. halvår 2008',
    'August–juni',
    'Våren',
    'Mars',
    'Planperioden 2009-2007',
  ])('%s is unknown', (text) => {
    expect(value(text)).toEqual(unknown);
  });
});

describe('parseDeadline: continuous', () => {
  it.each([
    'Kontinuerlig',
    'Gjennomføres kontinuerlig',
    'Fortløpende',
    'Løpende',
    'Hele tiden',
    'Pågående',
    'Pågår',
    'Kontinuerlig arbeid',
    'Kontinuerlig og løpende',
    'Kontinuerlig i planperioden',
    'Skjer fortløpende',
    'Kontinuerleg',
    'Heile tida',
    '(Kontinuerlig)',
    '- Kontinuerlig',
  ])('%s', (text) => {
    expect(value(text)).toEqual(continuous);
  });
});

describe('parseDeadline: recurring', () => {
  it.each<[string, DeadlineValue]>([
    ['Årlig', every('year')],
    ['Hvert år', every('year')],
    ['Kvart år', every('year')],
    ['Årlig 30. april og 16. mai', every('year', { days: ['04-30', '05-16'] })],
    ['Årlig, 30.04 og 16.05', every('year', { days: ['04-30', '05-16'] })],
    ['Årlig 16. mai og 30. april', every('year', { days: ['04-30', '05-16'] })],
    ['Årlig 30.04, 16.05 og 01.09', every('year', { days: ['04-30', '05-16', '09-01'] })],
    ['Hvert år innen 30. april', every('year', { days: ['04-30'] })],
    ['Årlig 29. februar', every('year', { days: ['02-29'] })],
    ['30. april hvert år', every('year', { days: ['04-30'] })],
    ['Innen 30.04 årlig', every('year', { days: ['04-30'] })],
    ['Hver 1. mai', every('year', { days: ['05-01'] })],
    ['Årlig i mars', every('year')],
    ['I mars hvert år', every('year')],
    ['Årlig om høsten', every('year')],
    ['Hver høst', every('year')],
    ['Årlig i mars og oktober', every('year', { timesPerCycle: 2 })],
    ['Hver vår og høst', every('year', { timesPerCycle: 2 })],
    ['Årlig i planperioden', every('year')],
    ['Årlig,', every('year')], // trailing punctuation is ignored
    ['Gjennomføres hvert skoleår', every('school_year')],
    ['Hvert skoleår', every('school_year')],
    ['Ved skolestart hvert år', every('school_year')],
    ['Hvert semester', every('school_year', { timesPerCycle: 2 })],
    ['To ganger i løpet av året', every('year', { timesPerCycle: 2 })],
    ['2 ganger i året', every('year', { timesPerCycle: 2 })],
    ['To ganger per år', every('year', { timesPerCycle: 2 })],
    ['2 ganger pr. år', every('year', { timesPerCycle: 2 })],
    ['Tre ganger årlig', every('year', { timesPerCycle: 3 })],
    ['Inntil 4 ganger per år', every('year', { timesPerCycle: 4 })],
    ['Fire ganger i året', every('year', { timesPerCycle: 4 })],
    ['Åtte ganger i året', every('year', { timesPerCycle: 8 })],
    ['En gang i året', every('year')],
    ['2 ganger per skoleår', every('school_year', { timesPerCycle: 2 })],
    ['2 ganger per semester', every('school_year', { timesPerCycle: 4 })],
    ['Halvårlig', every('year', { timesPerCycle: 2 })],
    ['Hvert halvår', every('year', { timesPerCycle: 2 })],
    ['Tertialvis', every('year', { timesPerCycle: 3 })],
    ['Kvartalsvis', every('year', { timesPerCycle: 4 })],
    ['Hvert kvartal', every('year', { timesPerCycle: 4 })],
    ['Månedlig', every('month')],
    ['Hver måned', every('month')],
    ['Hver mnd', every('month')],
    ['En gang i måneden', every('month')],
    ['3 ganger i måneden', every('month', { timesPerCycle: 3 })],
    ['Ukentlig', every('week')],
    ['Hver uke', every('week')],
    ['3 ganger i uka', every('week', { timesPerCycle: 3 })],
  ])('%s', (text, expected) => {
    expect(value(text)).toEqual(expected);
  });

  it.each(['Årlig 2008', 'Årlig 31. april', 'Årlig 30. april og i mars', 'Årlig rapportering', '0 ganger i året', '400 ganger i året', 'Daglig', 'Hver dag', 'Annenhver uke', 'Hvert andre år', 'To ganger'])(
    '%s is unknown',
    (text) => {
      expect(value(text)).toEqual(unknown);
    },
  );
});

describe('parseDeadline: spelling, case, whitespace, OCR', () => {
  it.each<[string, DeadlineValue]>([
    ['HØSTEN 2007', period('2007-08-01', '2007-12-31')],
    ['høsten 2007', period('2007-08-01', '2007-12-31')],
    ['  Høsten\t\n 2007  ', period('2007-08-01', '2007-12-31')],
    ['Høsten\u00a02007', period('2007-08-01', '2007-12-31')],
    ['Høsten 2007.', period('2007-08-01', '2007-12-31')],
    ['Høsten 2007!?', period('2007-08-01', '2007-12-31')],
    ['Høsten 2007*', period('2007-08-01', '2007-12-31')],
    ['«Høsten 2007»', period('2007-08-01', '2007-12-31')],
    ['Hoesten 2007', period('2007-08-01', '2007-12-31')],
    ['Hosten 2007', period('2007-08-01', '2007-12-31')],
    ['Hgsten 2007', period('2007-08-01', '2007-12-31')], // OCR: ø read as g, as in seed 001
    ['HÃ¸sten 2007', period('2007-08-01', '2007-12-31')], // UTF-8 read as Latin-1
    ['Varen 2007', period('2007-01-01', '2007-06-30')],
    ['Vaaren 2007', period('2007-01-01', '2007-06-30')],
    ['Skolearet 2006/2007', period('2006-08-15', '2007-06-30')],
    ['Skoleaaret 2006/2007', period('2006-08-15', '2007-06-30')],
    ['Forste halvar 2018', period('2018-01-01', '2018-06-30')],
    ['Fortlopende', continuous],
    ['Fortloepende', continuous],
    ['Pagaende', continuous],
    ['Arlig 30. april og 16. mai', every('year', { days: ['04-30', '05-16'] })],
    ['Aarlig 30. april og 16. mai', every('year', { days: ['04-30', '05-16'] })],
    ['ÅRLIG 30. APRIL OG 16. MAI.', every('year', { days: ['04-30', '05-16'] })],
    ['Giennomfgres hvert skoleår', every('school_year')], // OCR of "Gjennomføres", as in seed 001
    ['To ganger i lopet av aret', every('year', { timesPerCycle: 2 })],
    ['Manedlig', every('month')],
    ['I lopet av planperioden', period('2020-01-01', '2023-12-31')],
    ['Juni—august 2008', period('2008-06-01', '2008-08-31')],
    ['2020\u22122023', period('2020-01-01', '2023-12-31')],
    ['Fra\u200b 01.03.2007', date('2007-03-01', 'from')],
  ])('%j', (text, expected) => {
    expect(value(text, PLAN)).toEqual(expected);
  });

  it('does not read "For 2008" as "Før 2008" ("for" is an ordinary word)', () => {
    expect(value('For 2008')).toEqual(unknown);
    expect(value('Før 2008')).toEqual(date('2007-12-31', 'by'));
    expect(value('Foer 2008')).toEqual(date('2007-12-31', 'by'));
  });
});

describe('parseDeadline: bad input', () => {
  it.each([
    '',
    ' ',
    '\n\t ',
    '-',
    '?',
    '...',
    'Utgår',
    'Utgår og erstattes av 4.2.1',
    'Videreført i ny plan',
    'Ikke gjennomført 2007',
    'Ikke iverksatt',
    'Snarest',
    'Så snart som mulig',
    'Ved behov',
    'Løpende ved behov',
    'Kontinuerlig, evalueres årlig',
    'Våren og høsten 2018',
    'Se tiltak 4.1.3',
    'N/A',
    'Ikke fastsatt',
    '31.03',
    '2007.03',
    'Mai 08',
    'Uke 34',
    '12345',
    '31.03.2007 31.03.2007',
    'Innen',
    'Fra',
    'Oppstart',
    'Kontinuerlig Kontinuerlig Kontinuerlig',
    `${'Høsten 2007 '.repeat(20)}`,
    'x'.repeat(100_000),
    '-'.repeat(1000),
    `Høsten ${'2007-'.repeat(40)}2008`,
  ])('%j is unknown and kept as given', (text) => {
    const result = parseDeadline(text, PLAN);
    expect(result.value).toEqual(unknown);
    expect(result.text).toBe(text);
  });

  it('keeps the text exactly, untrimmed, also when it parses', () => {
    const text = '  Våren 2007.\n';
    expect(parseDeadline(text)).toEqual({ text, value: period('2007-01-01', '2007-06-30') });
  });

  it('does not throw for values of the wrong type from untyped callers', () => {
    const loose = parseDeadline as (text: unknown, period?: unknown) => unknown;
    expect(() => loose(undefined)).not.toThrow();
    expect(() => loose(null, null)).not.toThrow();
    expect(() => loose(42, 'x')).not.toThrow();
    expect(() => loose('Hele planperioden', { startYear: '2020', endYear: null })).not.toThrow();
    expect(parseDeadline('Hele planperioden', { startYear: '2020', endYear: '2023' } as unknown as PlanPeriod).value).toEqual(unknown);
    const throwing = Object.defineProperty({}, 'startYear', {
      get() {
        throw new Error('boom');
      },
    });
    expect(parseDeadline('Planperioden', throwing as PlanPeriod)).toEqual({ text: 'Planperioden', value: unknown });
  });
});

// ——————————————————————————————————————————— describeDeadline

describe('describeDeadline', () => {
  it.each<[string, PlanPeriod | undefined, string, string]>([
    ['31.03.2007', undefined, '31.03.2007', '31 March 2007'],
    ['Fra 01.03.2007', undefined, 'Fra 01.03.2007', 'From 1 March 2007'],
    ['Oppstart 01.06.2007', undefined, 'Oppstart 01.06.2007', 'Starts 1 June 2007'],
    ['Innen 31.12.2008', undefined, 'Innen 31.12.2008', 'By 31 December 2008'],
    ['Våren 2007', undefined, 'Januar–juni 2007', 'January–June 2007'],
    ['Høsten 2007', undefined, 'August–desember 2007', 'August–December 2007'],
    ['Mars 2008', undefined, 'Mars 2008', 'March 2008'],
    ['2021', undefined, '2021', '2021'],
    ['Hele planperioden', PLAN, '2020–2023', '2020–2023'],
    ['Skoleåret 2006/2007', undefined, 'Skoleåret 2006/2007', 'School year 2006/2007'],
    ['Vinteren 2007/2008', undefined, 'Desember 2007–februar 2008', 'December 2007–February 2008'],
    ['01.03.2007 – 15.12.2007', undefined, '01.03.2007–15.12.2007', '1 March 2007–15 December 2007'],
    ['Kontinuerlig', undefined, 'Kontinuerlig', 'Continuous'],
    ['Årlig', undefined, 'Hvert år', 'Every year'],
    ['Årlig 30. april og 16. mai', undefined, 'Hvert år 30.04 og 16.05', 'Every year on 30 April and 16 May'],
    ['Årlig 30.04, 16.05 og 01.09', undefined, 'Hvert år 30.04, 16.05 og 01.09', 'Every year on 30 April, 16 May and 1 September'],
    ['Gjennomføres hvert skoleår', undefined, 'Hvert skoleår', 'Every school year'],
    ['To ganger i løpet av året', undefined, 'To ganger i året', 'Twice a year'],
    ['12 ganger i året', undefined, '12 ganger i året', '12 times a year'],
    ['Månedlig', undefined, 'Hver måned', 'Every month'],
    ['Ukentlig', undefined, 'Hver uke', 'Every week'],
    ['Noe annet', undefined, 'Ukjent frist', 'Unknown deadline'],
  ])('%s', (text, plan, nb, en) => {
    const parsed = parseDeadline(text, plan).value;
    expect(describeDeadline(parsed, 'nb')).toBe(nb);
    expect(describeDeadline(parsed, 'en')).toBe(en);
  });

  it('does not throw for values that did not come from the parser', () => {
    const odd = [
      { kind: 'date', date: 'not a date' },
      { kind: 'date', date: '2007-02-30', qualifier: 'by' },
      { kind: 'period', start: '2008-01-01', end: 'x' },
      { kind: 'period', start: 7, end: null },
      { kind: 'recurring', every: 'decade' },
      { kind: 'recurring', every: 'year', days: ['xx', 5], timesPerCycle: 2.5 },
      { kind: 'recurring', every: 'year', days: 'not an array' },
      { kind: 'what' },
      {},
      null,
      undefined,
      'Våren 2007',
    ] as unknown as DeadlineValue[];
    for (const v of odd) {
      for (const lang of ['nb', 'en'] as const) {
        expect(typeof describeDeadline(v, lang)).toBe('string');
      }
    }
  });
});

// ——————————————————————————————————————————— properties

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
function isValidIso(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

function assertWellFormed(v: DeadlineValue): void {
  switch (v.kind) {
    case 'date':
      expect(isValidIso(v.date), v.date).toBe(true);
      break;
    case 'period':
      expect(isValidIso(v.start), v.start).toBe(true);
      expect(isValidIso(v.end), v.end).toBe(true);
      expect(v.start <= v.end).toBe(true);
      break;
    case 'recurring':
      for (const d of v.days ?? []) expect(isValidIso(`2000-${d}`), d).toBe(true);
      if (v.timesPerCycle !== undefined) expect(Number.isInteger(v.timesPerCycle) && v.timesPerCycle > 1).toBe(true);
      break;
    default:
      expect(Object.keys(v)).toEqual(['kind']);
  }
  expect(describeDeadline(v, 'nb').length).toBeGreaterThan(0);
  expect(describeDeadline(v, 'en').length).toBeGreaterThan(0);
}

/** Pieces of real deadlines, so that random texts also reach the deep parts of the parser. */
const PIECES = [
  'Våren', 'høsten', 'Sommeren', 'vinteren', 'Skoleåret', 'planperioden', 'Hele', 'I løpet av', 'Innen', 'utgangen av',
  'Fra', 'Oppstart', 'Før', 'Etter', 'Årlig', 'hvert', 'år', 'skoleår', 'ganger', 'i', 'året', 'To', '2', 'og', 'til',
  'mellom', 'Kontinuerlig', 'Fortløpende', 'Gjennomført', 'Gjennomføres', '1.', 'halvår', 'kvartal', 'tertial', 'mai',
  'april', 'mars', 'desember', '2007', '2008', '1899', '2100', '2101', '2006/2007', '2006/07', '2007 – 2009', '2020-23',
  '31.03.2007', '31.3.07', '31.02.2007', '29.02.2008', '29.02.2009', '00.13.2007', '30.04', '1/5-08', '-', '–', '/', '.',
  ',', '(', ')', ' ', 'Q4', 'første', 'siste', 'månedlig', 'uke', 'semester', 'Ã¸', 'ø', 'å', 'æ', '\u00a0', '\n',
];
const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).chain((parts) =>
  fc.array(fc.constantFrom(' ', '', '  '), { minLength: parts.length, maxLength: parts.length }).map((gaps) =>
    parts.map((p, i) => p + (gaps[i] ?? ' ')).join(''),
  ),
);
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...'0123456789./- åøæÅØÆaeiouhvrstlkn,')}),
  pieceText,
);
const anyPeriod = fc.option(
  fc.oneof(
    fc.record({ startYear: fc.integer({ min: 1850, max: 2150 }), endYear: fc.integer({ min: 1850, max: 2150 }) }),
    fc.record({ startYear: fc.integer({ min: 2000, max: 2030 }) }).map(({ startYear }) => ({ startYear, endYear: startYear })),
    fc.record({ startYear: fc.double(), endYear: fc.double() }),
  ),
  { nil: undefined },
);

describe('parseDeadline: properties', () => {
  it('never throws and always returns the text as given', () => {
    fc.assert(
      fc.property(anyText, anyPeriod, (text, plan) => {
        const result = parseDeadline(text, plan);
        expect(result.text).toBe(text);
        expect(Object.keys(result).sort()).toEqual(['text', 'value']);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives only real calendar days, ordered periods, valid recurring days; describeDeadline never throws', () => {
    fc.assert(
      fc.property(anyText, anyPeriod, (text, plan) => {
        assertWellFormed(parseDeadline(text, plan).value);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives values that the API contract (DeadlineValueSchema) accepts as they are', () => {
    fc.assert(
      fc.property(anyText, anyPeriod, (text, plan) => {
        const parsed = parseDeadline(text, plan).value;
        expect(DeadlineValueSchema.parse(parsed)).toEqual(parsed);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds something in many of the random texts built from pieces (the generator reaches the parser)', () => {
    const samples = fc.sample(pieceText, { numRuns: 3000, seed: 42 });
    const kinds = new Set(samples.map((t) => parseDeadline(t, PLAN).value.kind));
    expect([...kinds].sort()).toEqual(['continuous', 'date', 'period', 'recurring', 'unknown']);
  });

  const KNOWN = [
    'Våren 2007', 'Høsten 2007', 'Skoleåret 2006/2007', 'Hele planperioden 2007 – 2009', 'Kontinuerlig', 'Fortløpende',
    'Årlig 30. april og 16. mai', 'Gjennomføres hvert skoleår', 'To ganger i løpet av året', 'Innen 1. mai 2008',
    'Fra 01.03.2007', 'Oppstart 01.06.2007', 'Juni–august 2008', '1. kvartal 2008', 'Innen utgangen av planperioden',
  ];

  it('ignores case, extra whitespace and trailing punctuation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KNOWN),
        fc.constantFrom('upper', 'lower', 'same'),
        fc.constantFrom(' ', '  ', '\t', '\u00a0', '\n'),
        fc.constantFrom('', '.', ' .', '!', ';', ' ', '...'),
        (text, caseChange, space, trailing) => {
          const expected = parseDeadline(text, PLAN).value;
          let changed = caseChange === 'upper' ? text.toUpperCase() : caseChange === 'lower' ? text.toLowerCase() : text;
          changed = `${space}${changed.split(' ').join(space)}${trailing}`;
          expect(parseDeadline(changed, PLAN).value).toEqual(expected);
          expect(expected.kind).not.toBe('unknown');
        },
      ),
    );
  });

  it('reads æøå written as ae/oe/aa or as plain a/o the same', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KNOWN), fc.constantFrom('digraph', 'plain'), (text, style) => {
        const expected = parseDeadline(text, PLAN).value;
        const map: Record<string, string> =
          style === 'digraph' ? { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa' } : { æ: 'a', ø: 'o', å: 'a', Æ: 'A', Ø: 'O', Å: 'A' };
        const changed = text.replace(/[æøåÆØÅ]/g, (c) => map[c] ?? c);
        expect(parseDeadline(changed, PLAN).value).toEqual(expected);
      }),
    );
  });

  it('reads every valid numeric date written d.m.yyyy as that day, and no invalid one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1890, max: 2110 }), (d, m, y) => {
        const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const expected = isValidIso(iso) ? date(iso) : unknown;
        expect(value(`${d}.${m}.${y}`)).toEqual(expected);
        expect(value(`${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`)).toEqual(expected);
      }),
    );
  });
});
