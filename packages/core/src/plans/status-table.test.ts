import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_TERMS, STATUS_TABLE_COLUMNS, type StatusTerm } from './model.js';
import { matchStatusTerm, parseStatusTable, splitCodeAndTitle, type StatusTableParse } from './status-table.js';

const HEADER = STATUS_TABLE_COLUMNS.join('\t');
const parse = (text: string) => parseStatusTable(text, { terms: DEFAULT_STATUS_TERMS });
const lines = (...rows: string[]) => rows.join('\n');
const term = (code: string) => DEFAULT_STATUS_TERMS.find((t) => t.code === code);

/** Line numbers as an editor counts them: CRLF, LF and CR each end a line; a final line break starts none. */
function lineCount(text: string): number {
  const source = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  if (source === '') return 0;
  const count = source.split('\n').length;
  return source.endsWith('\n') ? count - 1 : count;
}

/** Every line number, from rows, headings and skipped lines, sorted. */
function accountedLines(result: StatusTableParse): number[] {
  return [
    ...result.rows.flatMap((row) => row.lines),
    ...result.headings.flatMap((heading) => heading.lines),
    ...result.skipped.flatMap((skip) => skip.lines),
  ].sort((a, b) => a - b);
}

describe('parseStatusTable: a paste from Word across a page break', () => {
  // Page 1 ends inside 4.1.2; page 2 starts with the footer, the repeated header and the rest of the row.
  const paste = [
    HEADER,
    '4.1 Forebygging',
    '4.1.1 Styrke foreldresamarbeidet.\tForeldremøter på alle ungdomsskoler.\tSkoleåret 2006/2007\tGjennomført høsten 2007\tHoldes hvert år.\t',
    '4.1.2 Rusfrie arrangementer\tBydelen støtter ungdomsklubbenes\tKontinuerlig\tDelvis\t',
    '',
    'Statusrapport 2008 – Bydel Sagene   Side 3 av 12',
    `${HEADER}\t`,
    '\tarrangementer i helgene.\t\tiverksatt\tSe årsrapporten.',
    '4.2 Behandling og oppfølging',
    '4.2.1 Igangsette bruk av kartleggingsverktøyet Europ-Asi.\tOpplæring av ansatte.\tVåren 2007\tUtgår og erstattes av BrukerPlan\t',
    '4',
  ].join('\r\n');
  const result = parse(paste);

  it('finds the measures with code, title and every cell', () => {
    expect(result.rows.map((row) => [row.code, row.title])).toEqual([
      ['4.1.1', 'Styrke foreldresamarbeidet.'],
      ['4.1.2', 'Rusfrie arrangementer'],
      ['4.2.1', 'Igangsette bruk av kartleggingsverktøyet Europ-Asi.'],
    ]);
    expect(result.rows[0]).toMatchObject({
      lines: [3],
      description: 'Foreldremøter på alle ungdomsskoler.',
      deadline: 'Skoleåret 2006/2007',
      statusText: 'Gjennomført høsten 2007',
      status: term('gjennomfort'),
      remarks: 'Holdes hvert år.',
    });
  });

  it('merges the continuation after the page break: running text with a newline, status with a space', () => {
    expect(result.rows[1]).toMatchObject({
      lines: [4, 8],
      description: 'Bydelen støtter ungdomsklubbenes\narrangementer i helgene.',
      deadline: 'Kontinuerlig',
      statusText: 'Delvis iverksatt',
      status: term('delvis_iverksatt'),
      remarks: 'Se årsrapporten.',
    });
  });

  it('reports the chapter headings with their codes', () => {
    expect(result.headings).toEqual([
      { line: 2, lines: [2], text: '4.1 Forebygging', code: '4.1', title: 'Forebygging' },
      { line: 9, lines: [9], text: '4.2 Behandling og oppfølging', code: '4.2', title: 'Behandling og oppfølging' },
    ]);
  });

  it('skips the headers, the blank line, the footer and the page number, and says why', () => {
    expect(result.skipped.map((skip) => [skip.line, skip.reason])).toEqual([
      [1, 'header'],
      [5, 'blank'],
      [6, 'page_number'],
      [7, 'header'],
      [11, 'page_number'],
    ]);
    expect(result.skipped[2]?.text).toBe('Statusrapport 2008 – Bydel Sagene   Side 3 av 12');
  });

  it('matches "Utgår og erstattes av …" to Utgår and has no problems', () => {
    expect(result.rows[2]?.status).toEqual(term('utgar'));
    expect(result.problems).toEqual([]);
  });

  it('accounts for every line exactly once', () => {
    expect(accountedLines(result)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('parseStatusTable: a district plan with lettered and numbered measures', () => {
  const paste = lines(
    'MÅL: FÆRRE INNBYGGERE UTVIKLER RUSPROBLEMER',
    'Forebyggingsoffensiv for å hindre at rusproblemer oppstår',
    'a. Oppdatere det rusforebyggende programmet i Osloskolen\t\tHøsten 2021\tIverksatt\t',
    '1 Vi oppdaterer det rusforebyggende programmet i samarbeid med skolene.\t\t2021\tGjennomført\t',
    'Tidlig innsats',
    'a) Gi alle én fast kontaktperson\t\t\tIkke iverksatt',
    '1 Alle som mottar tjenester skal gis en fast kontaktperson.\t\tKontinuerlig\tIverksatt',
  );
  const result = parse(paste);

  it('reads letter codes with a dot or parenthesis and plain numbers', () => {
    expect(result.rows.map((row) => row.code)).toEqual(['a', '1', 'a', '1']);
    expect(result.rows[1]?.title).toBe('Vi oppdaterer det rusforebyggende programmet i samarbeid med skolene.');
  });

  it('lets short codes restart under each heading without calling them duplicates', () => {
    expect(result.headings.map((heading) => heading.text)).toEqual([
      'MÅL: FÆRRE INNBYGGERE UTVIKLER RUSPROBLEMER',
      'Forebyggingsoffensiv for å hindre at rusproblemer oppstår',
      'Tidlig innsats',
    ]);
    expect(result.problems).toEqual([]);
  });
});

describe('splitCodeAndTitle', () => {
  it.each([
    ['4.1.3 Igangsette bruk av kartleggingsverktøyet Europ-Asi.', '4.1.3', 'Igangsette bruk av kartleggingsverktøyet Europ-Asi.'],
    ['4.1.3. Igangsette', '4.1.3', 'Igangsette'],
    ['a. Oppdatere programmet', 'a', 'Oppdatere programmet'],
    ['B) Utrede tilbud', 'B', 'Utrede tilbud'],
    ['1 Vi oppdaterer', '1', 'Vi oppdaterer'],
    ['12b Nytt tiltak', '12b', 'Nytt tiltak'],
    ['4.1.3 – Igangsette', '4.1.3', 'Igangsette'],
    ['4.1.3\nIgangsette  bruk', '4.1.3', 'Igangsette bruk'],
    ['4.1.3', '4.1.3', ''],
    ['• Styrke samarbeidet', null, 'Styrke samarbeidet'],
    // A year is not a code, nor is the infinitive marker "å", nor a letter without a dot.
    ['2020 ble et godt år', null, '2020 ble et godt år'],
    ['å styrke samarbeidet', null, 'å styrke samarbeidet'],
    ['a Oppdatere', null, 'a Oppdatere'],
    ['4.1.3Igangsette', null, '4.1.3Igangsette'],
  ])('%j → code %j, title %j', (cell, code, title) => {
    expect(splitCodeAndTitle(cell)).toEqual({ code, title });
  });
});

describe('matchStatusTerm', () => {
  it.each([
    ['Gjennomført', 'gjennomfort'],
    ['  gjennomført  ', 'gjennomfort'],
    ['GJENNOMFØRT.', 'gjennomfort'],
    ['Delvis   iverksatt', 'delvis_iverksatt'],
    ['Gjennomført høsten 2007', 'gjennomfort'],
    ['Gjennomført, se merknad', 'gjennomfort'],
    ['Utgår og erstattes av tiltak 4.2.1', 'utgar'],
    ['Ikke iverksatt', 'ikke_iverksatt'],
    ['Iverksatt fra 01.03.2007', 'iverksatt'],
    ['Videreført i ny plan', 'viderefort'],
  ])('%j → %s', (text, code) => {
    expect(matchStatusTerm(text, DEFAULT_STATUS_TERMS)?.code).toBe(code);
  });

  it.each(['', '   ', 'Ferdig', 'Iverksatte tiltak', 'Gjennomførte', 'Delvis'])('%j matches nothing', (text) => {
    expect(matchStatusTerm(text, DEFAULT_STATUS_TERMS)).toBeNull();
  });

  it('takes the longest label that fits, whatever the order of the terms', () => {
    const terms: StatusTerm[] = [
      { code: 'videre', label: 'Videreført', category: 'in_progress' },
      { code: 'ny_plan', label: 'Videreført i ny plan', category: 'done' },
    ];
    expect(matchStatusTerm('Videreført i ny plan 2024', terms)?.code).toBe('ny_plan');
    expect(matchStatusTerm('Videreført i ny plan 2024', [...terms].reverse())?.code).toBe('ny_plan');
    expect(matchStatusTerm('Videreført i 2024', terms)?.code).toBe('videre');
  });

  it('ignores a term with an empty label, which would otherwise match everything', () => {
    expect(matchStatusTerm('Hva som helst', [{ code: 'tom', label: ' ', category: 'done' }])).toBeNull();
  });
});

describe('parseStatusTable: problems', () => {
  it('flags an unknown and a missing status on the row, and keeps the row', () => {
    const result = parse(lines('1 Første\tTekst\t2021\tFerdig', '2 Andre\tTekst\t2021\t\tMerknad'));
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]?.status).toBeNull();
    expect(result.problems).toEqual([
      { line: 1, field: 'status', message: 'status_table_status_unknown', params: { status: 'Ferdig' } },
      { line: 2, field: 'status', message: 'status_table_status_missing', params: {} },
    ]);
  });

  it('flags a duplicate code on the later row, in any letter case', () => {
    const result = parse(lines('a. Første\t\t\tIverksatt', '4.1.1 Andre\t\t\tIverksatt', 'A. Tredje\t\t\tIverksatt'));
    expect(result.problems).toEqual([
      { line: 3, field: 'code', message: 'status_table_duplicate_code', params: { code: 'A', firstLine: 1 } },
    ]);
  });

  it('flags a dotted chapter code used twice even under different headings', () => {
    const result = parse(lines('4.1 Forebygging', '4.1.1 Første\t\t\tIverksatt', '4.2 Behandling', '4.1.1 Igjen\t\t\tIverksatt'));
    expect(result.problems).toEqual([
      { line: 4, field: 'code', message: 'status_table_duplicate_code', params: { code: '4.1.1', firstLine: 2 } },
    ]);
  });

  it('takes a row without a code, with code null', () => {
    const result = parse('Styrke samarbeidet med NAV\tTekst\t2021\tIverksatt');
    expect(result.rows[0]).toMatchObject({ code: null, title: 'Styrke samarbeidet med NAV' });
    expect(result.problems).toEqual([]);
  });
});

describe('parseStatusTable: lines that are not used', () => {
  it('skips a continuation with no row above it: at the start and right after a heading', () => {
    const result = parse(lines('\tmer tekst', '4.1 Forebygging', '\t\t\tGjennomført', '4.1.1 Tiltak\t\t\tIverksatt'));
    expect(result.skipped.map((skip) => [skip.line, skip.reason])).toEqual([
      [1, 'continuation_without_row'],
      [3, 'continuation_without_row'],
    ]);
    expect(result.rows[0]?.statusText).toBe('Iverksatt');
  });

  it('skips a Tiltak cell with neither code nor title, and does not let its continuation join the row above', () => {
    const result = parse(lines('1 Første\tTekst\t\tIverksatt', '–\tBeskrivelse\t\tGjennomført', '\tfortsettelse'));
    expect(result.skipped.map((skip) => [skip.line, skip.reason])).toEqual([
      [2, 'missing_measure'],
      [3, 'continuation_without_row'],
    ]);
    expect(result.rows[0]?.description).toBe('Tekst');
  });

  it('skips a line with more than five filled cells, but not one with extra empty ones', () => {
    const result = parse(lines('1 Første\ta\tb\tIverksatt\tc\td', '2 Andre\ta\tb\tIverksatt\tc\t\t\t'));
    expect(result.skipped.map((skip) => [skip.line, skip.reason])).toEqual([[1, 'wrong_column_count']]);
    expect(result.rows.map((row) => row.code)).toEqual(['2']);
  });

  it('takes a row with fewer cells, as when the editor drops the empty ones at the end', () => {
    const result = parse('1 Første\tTekst\tVåren 2007');
    expect(result.rows[0]).toMatchObject({ description: 'Tekst', deadline: 'Våren 2007', statusText: '', remarks: '' });
  });

  it.each(['12', '- 12 -', '3 / 12', '3 av 12', 'Side 3', 'side 3 av 12', 's. 3', 'Page 3 of 12', 'Bydel Sagene, statusrapport 2008 Side 3'])(
    'skips the page number or footer %j',
    (footer) => {
      expect(parse(footer).skipped).toMatchObject([{ reason: 'page_number' }]);
    },
  );

  it.each([
    HEADER,
    'tiltak\tbeskrivelse av tiltaket\tfrist\tstatus\tmerknader',
    'Tiltak:\tBeskrivelse  av tiltaket\tFrist\t\tStatus\tMerknader',
    'Tiltak\t\tFrist\tStatus',
    'Tiltak',
  ])('skips the header row %j', (header) => {
    expect(parse(header).skipped).toMatchObject([{ reason: 'header' }]);
  });

  it('does not take a measure titled with a column name for the header', () => {
    const result = parse('Tiltak for ungdom\tTekst\tFrist\tStatus');
    expect(result.rows[0]?.title).toBe('Tiltak for ungdom');
  });

  it('skips blank lines, also those with only spaces, tabs or a form feed', () => {
    const result = parse(lines('', '   ', '\t\t\t\t', '\f'));
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['blank', 'blank', 'blank', 'blank']);
  });
});

describe('parseStatusTable: text from Excel and odd line endings', () => {
  it('reads cells Excel quoted, with tabs, line breaks and doubled quotes inside', () => {
    const paste = '1 Første\t"Del én\tmed tab\nog ny linje ""sitat"""\t2021\tIverksatt\t"Merknad\nover to linjer"\r\n2 Andre\t\t\tIverksatt\r\n';
    const result = parse(paste);
    expect(result.rows[0]).toMatchObject({
      lines: [1, 2, 3],
      description: 'Del én\tmed tab\nog ny linje "sitat"',
      remarks: 'Merknad\nover to linjer',
    });
    expect(result.rows[1]?.lines).toEqual([4]);
    expect(accountedLines(result)).toEqual([1, 2, 3, 4]);
  });

  it('reads a quoted Tiltak cell with the code on its own line', () => {
    const result = parse('"4.1.3\nIgangsette bruk"\tTekst\t\tIverksatt');
    expect(result.rows[0]).toMatchObject({ lines: [1, 2], code: '4.1.3', title: 'Igangsette bruk' });
  });

  it('keeps quotes in Word text as text', () => {
    const result = parse('1 "Nyttig arbeid" utvides\t"Flere" skal i arbeid\t\tIverksatt');
    expect(result.rows[0]).toMatchObject({ title: '"Nyttig arbeid" utvides', description: '"Flere" skal i arbeid' });
  });

  it('treats an unclosed quote as text, so the lines after it are still read', () => {
    const result = parse(lines('1 Første\t"Uten slutt\t\tIverksatt', '2 Andre\t\t\tIverksatt'));
    expect(result.rows.map((row) => row.description)).toEqual(['"Uten slutt', '']);
  });

  it('counts CRLF, LF and CR as one line each and ignores a BOM and a final line break', () => {
    const result = parse('\uFEFF1 Første\t\t\tIverksatt\r\n\r2 Andre\t\t\tIverksatt\n3 Tredje\t\t\tIverksatt\r\n');
    expect(result.rows.map((row) => [row.code, row.lines])).toEqual([
      ['1', [1]],
      ['2', [3]],
      ['3', [4]],
    ]);
    expect(result.skipped).toEqual([{ line: 2, lines: [2], text: '', reason: 'blank' }]);
  });

  it('turns Word manual line breaks (vertical tab) into newlines in running text and spaces in the title', () => {
    const result = parse('1 Første\vlinje\tA\vB\t\tIverksatt');
    expect(result.rows[0]).toMatchObject({ title: 'Første linje', description: 'A\nB' });
  });

  it('returns nothing for empty text', () => {
    expect(parse('')).toEqual({ rows: [], headings: [], skipped: [], problems: [] });
  });
});

describe('parseStatusTable: properties', () => {
  // Pieces that make the parser work hard: separators, quotes, line endings, codes, headers, statuses.
  const piece = fc.constantFrom(
    '\t', '\n', '\r\n', '\r', '"', '""', ' ', 'a', 'ø', '.', '•', '\v', '\f', '\uFEFF',
    '4.1.3 ', 'a. ', '1 ', '12', 'Side 3', 'Tiltak', 'Status', 'Gjennomført', 'Utgår og', HEADER,
    // Whole Excel-quoted cells with line breaks inside, so that records of several lines are common.
    '\t"a\nb"\t', '\n"\r\n"\t', '\t"x""\n\n"""\n',
  );
  const messyText = fc.oneof(fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')), fc.string({ unit: 'binary' }));

  it('accounts for every input line exactly once, in rows, headings or skipped', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const result = parse(text);
        const count = lineCount(text);
        expect(accountedLines(result)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      }),
      { numRuns: 500 },
    );
  });

  it('gives every row, heading and skipped line its first line number and lines in order', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const result = parse(text);
        for (const entry of [...result.headings, ...result.skipped]) expect(entry.line).toBe(entry.lines[0]);
        for (const row of result.rows) expect(row.lines).toEqual([...row.lines].sort((a, b) => a - b));
        for (const problem of result.problems) expect(result.rows.some((row) => row.lines[0] === problem.line)).toBe(true);
      }),
    );
  });

  it('never throws, whatever the text and the terms', () => {
    const terms = fc.array(fc.record({ code: fc.string(), label: fc.string(), category: fc.constantFrom('not_started', 'in_progress', 'done', 'dropped') }));
    fc.assert(
      fc.property(messyText, terms, (text, anyTerms) => {
        expect(() => parseStatusTable(text, { terms: anyTerms })).not.toThrow();
      }),
    );
  });
});
