import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAPTER_PLAN_LEVELS, DEFAULT_STATUS_TERMS, DISTRICT_PLAN_LEVELS, PLAN_SHEET_COLUMNS, type PlanLevel } from './model.js';
import { parseCsv, planToSheetRows, sheetRowsToItems, toCsv, type SheetItem, type SheetParse } from './plan-sheet.js';

const HEADER = [...PLAN_SHEET_COLUMNS];
const read = (rows: string[][], levels: readonly PlanLevel[] = DISTRICT_PLAN_LEVELS) => sheetRowsToItems(rows, levels, DEFAULT_STATUS_TERMS);

function item(level: number, title: string, fields: Partial<SheetItem> = {}): SheetItem {
  return {
    level,
    code: null,
    title,
    description: '',
    responsibleUnits: [],
    partners: '',
    targetGroups: [],
    deadline: '',
    statusLabel: null,
    remarks: '',
    children: [],
    ...fields,
  };
}

/** A sheet row from the cells that matter; the rest are empty. */
function row(level: string, title: string, fields: Partial<Record<(typeof PLAN_SHEET_COLUMNS)[number], string>> = {}): string[] {
  const cells: Record<string, string> = { Nivå: level, Tittel: title, ...fields };
  return PLAN_SHEET_COLUMNS.map((column) => cells[column] ?? '');
}

const refusals = (result: SheetParse) =>
  result.rows.flatMap((r) => (r.outcome === 'refused' ? [[r.line, r.problems.map((p) => p.message)] as const] : []));

const districtPlan: SheetItem[] = [
  item(0, 'Færre innbyggere utvikler rusproblemer', {
    code: '1',
    children: [
      item(1, 'Forebyggingsoffensiv', {
        children: [
          item(2, 'Oppdatere det rusforebyggende programmet i Osloskolen', {
            code: 'a',
            children: [
              item(3, 'Vi oppdaterer programmet i samarbeid med skolene', {
                code: '1',
                description: 'Alle skolene i bydelen.\nMed foreldremøter.',
                responsibleUnits: ['Rusteam', 'Helsestasjon for ungdom'],
                partners: 'Skolene; Uteseksjonen',
                targetGroups: ['Ungdom', 'Foreldre'],
                deadline: 'Skoleåret 2020/2021',
                statusLabel: 'Delvis iverksatt',
                remarks: '- Kurs for lærere holdt i mars',
              }),
            ],
          }),
          item(2, 'Utrede alternative tilbud', { code: 'b', statusLabel: 'Ikke iverksatt' }),
        ],
      }),
    ],
  }),
  item(0, 'Flere får hjelp tidlig', { code: '2' }),
];

describe('planToSheetRows', () => {
  const rows = planToSheetRows(districtPlan, DISTRICT_PLAN_LEVELS);

  it('writes the header and one row per item in tree order, with 1-based levels and their names', () => {
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['1', 'Mål', '1', 'Færre innbyggere utvikler rusproblemer'],
      ['2', 'Strategi', '', 'Forebyggingsoffensiv'],
      ['3', 'Byrådets tiltak', 'a', 'Oppdatere det rusforebyggende programmet i Osloskolen'],
      ['4', 'Bydelens tiltak', '1', 'Vi oppdaterer programmet i samarbeid med skolene'],
      ['3', 'Byrådets tiltak', 'b', 'Utrede alternative tilbud'],
      ['1', 'Mål', '2', 'Flere får hjelp tidlig'],
    ]);
  });

  it('joins multi-valued cells with "; " and writes every field in its column', () => {
    expect(rows[4]).toEqual([
      '4',
      'Bydelens tiltak',
      '1',
      'Vi oppdaterer programmet i samarbeid med skolene',
      'Alle skolene i bydelen.\nMed foreldremøter.',
      'Rusteam; Helsestasjon for ungdom',
      'Skolene; Uteseksjonen',
      'Ungdom; Foreldre',
      'Skoleåret 2020/2021',
      'Delvis iverksatt',
      '- Kurs for lærere holdt i mars',
    ]);
  });

  it('leaves Nivånavn empty without levels, and takes the level from the nesting', () => {
    const [, first, second] = planToSheetRows([item(7, 'Mål', { children: [item(0, 'Strategi')] })]);
    expect(first?.slice(0, 2)).toEqual(['1', '']);
    expect(second?.slice(0, 2)).toEqual(['2', '']);
  });
});

describe('sheetRowsToItems', () => {
  it('reads back what planToSheetRows wrote, reporting each row as taken with its path', () => {
    const result = read(planToSheetRows(districtPlan, DISTRICT_PLAN_LEVELS));
    expect(result.items).toEqual(districtPlan);
    expect(result.allTaken).toBe(true);
    expect(result.rows.map((r) => (r.outcome === 'taken' ? [r.line, r.path] : [r.line, r.outcome]))).toEqual([
      [1, 'header'],
      [2, [0]],
      [3, [0, 0]],
      [4, [0, 0, 0]],
      [5, [0, 0, 0, 0]],
      [6, [0, 0, 1]],
      [7, [1]],
    ]);
  });

  it('finds the parent as the nearest row above with a lower level', () => {
    const result = read([HEADER, row('1', 'A'), row('2', 'A1'), row('3', 'A1x'), row('2', 'A2'), row('1', 'B'), row('2', 'B1')]);
    const titles = (items: SheetItem[]): unknown => items.map((i) => (i.children.length ? [i.title, titles(i.children)] : i.title));
    expect(titles(result.items)).toEqual([
      ['A', [['A1', ['A1x']], 'A2']],
      ['B', ['B1']],
    ]);
  });

  it('trims cells, splits lists on ";" and line breaks, and keeps the plan’s spelling of the status', () => {
    const result = read([
      HEADER,
      row(' 1 ', '  Mål  ', { Kode: ' 1 ', 'Ansvarlige enheter': 'NAV, oppfølging;Rusteam ;\nBoligkontoret;;', Målgrupper: '', Status: '  gjennomført ' }),
    ]);
    expect(result.items[0]).toEqual(
      item(0, 'Mål', { code: '1', responsibleUnits: ['NAV, oppfølging', 'Rusteam', 'Boligkontoret'], statusLabel: 'Gjennomført' }),
    );
  });

  it('reads the columns by name, in any order and any letter case, without Nivånavn', () => {
    const header = ['TITTEL', 'nivå', ...PLAN_SHEET_COLUMNS.filter((c) => c !== 'Nivå' && c !== 'Tittel' && c !== 'Nivånavn')];
    const result = read([header, ['Mål', '1', 'K1', '', '', '', '', '', '', '']]);
    expect(result.headerProblems).toEqual([]);
    expect(result.items).toEqual([item(0, 'Mål', { code: 'K1' })]);
  });

  it('skips blank rows anywhere, also above the header, without refusing them', () => {
    const result = read([[], ['', ' '], HEADER, row('1', 'Mål'), ['', '', ''], row('2', 'Strategi'), []]);
    expect(result.rows.map((r) => [r.line, r.outcome])).toEqual([
      [1, 'skipped'],
      [2, 'skipped'],
      [3, 'header'],
      [4, 'taken'],
      [5, 'skipped'],
      [6, 'taken'],
      [7, 'skipped'],
    ]);
    expect(result.items[0]?.children[0]?.title).toBe('Strategi');
    expect(result.allTaken).toBe(true);
  });

  it('imports nothing, and refuses nothing, from an empty sheet', () => {
    expect(read([])).toEqual({ items: [], rows: [], headerProblems: [], allTaken: true });
    expect(read([[''], []]).rows.map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
  });

  it('warns, but takes the row, when Nivånavn does not match Nivå', () => {
    const result = read([HEADER, row('1', 'Mål', { Nivånavn: 'Strategi' }), row('2', 'Strategi', { Nivånavn: ' strategi ' })]);
    expect(result.rows[1]).toMatchObject({
      outcome: 'taken',
      warnings: [{ field: 'Nivånavn', message: 'plan_sheet_level_name_mismatch', params: { levelName: 'Strategi', expected: 'Mål' } }],
    });
    expect(result.rows[2]).toMatchObject({ outcome: 'taken', warnings: [] });
  });
});

describe('sheetRowsToItems: refused rows', () => {
  it.each([
    ['x', 'plan_sheet_level_not_whole_number'],
    ['1.5', 'plan_sheet_level_not_whole_number'],
    ['1,0', 'plan_sheet_level_not_whole_number'],
    ['-1', 'plan_sheet_level_not_whole_number'],
    ['', 'plan_sheet_level_not_whole_number'],
    ['0', 'plan_sheet_level_out_of_range'],
  ])('refuses Nivå %j: %s', (level, message) => {
    const result = read([HEADER, row(level, 'Tittel')]);
    expect(refusals(result)).toEqual([[2, [message]]]);
    expect(result.allTaken).toBe(false);
  });

  it('refuses a level beyond the plan’s levels, and the rows under it', () => {
    const result = read([HEADER, row('1', 'Kapittel'), row('2', 'Tiltak'), row('3', 'For dypt'), row('4', 'Enda dypere')], CHAPTER_PLAN_LEVELS);
    expect(refusals(result)).toEqual([
      [4, ['plan_sheet_level_out_of_range']],
      [5, ['plan_sheet_level_out_of_range', 'plan_sheet_parent_refused']],
    ]);
    const refused = result.rows[3];
    expect(refused?.outcome === 'refused' && refused.problems[0]).toEqual({
      field: 'Nivå',
      message: 'plan_sheet_level_out_of_range',
      params: { level: '3', max: 2 },
    });
  });

  it('refuses a level that skips one, also on the first row', () => {
    const result = read([HEADER, row('2', 'Uten mål'), row('1', 'Mål'), row('3', 'Hopper over strategi'), row('2', 'Strategi')]);
    expect(refusals(result)).toEqual([
      [2, ['plan_sheet_level_skipped']],
      [4, ['plan_sheet_level_skipped']],
    ]);
    const skipped = result.rows[3];
    expect(skipped?.outcome === 'refused' && skipped.problems[0]?.params).toEqual({ level: 3, previous: 1 });
    expect(result.items[0]?.children.map((i) => i.title)).toEqual(['Strategi']);
  });

  it('refuses the children of a refused row, pointing at it, and goes on with its siblings', () => {
    const result = read([HEADER, row('1', 'Mål'), row('2', ''), row('3', 'Barn'), row('4', 'Barnebarn'), row('2', 'Strategi')]);
    expect(refusals(result)).toEqual([
      [3, ['plan_sheet_title_missing']],
      [4, ['plan_sheet_parent_refused']],
      [5, ['plan_sheet_parent_refused']],
    ]);
    const child = result.rows[3];
    expect(child?.outcome === 'refused' && child.problems[0]?.params).toEqual({ parentLine: 3 });
    expect(result.rows[5]).toMatchObject({ outcome: 'taken', path: [0, 0] });
  });

  it('refuses a code used twice under the same parent, in any case, but allows it under another parent', () => {
    const result = read([
      HEADER,
      row('1', 'Mål 1', { Kode: '1' }),
      row('2', 'Strategi', { Kode: 'a' }),
      row('2', 'Strategi igjen', { Kode: 'A' }),
      row('1', 'Mål 2', { Kode: '2' }),
      row('2', 'Strategi', { Kode: 'a' }),
    ]);
    expect(refusals(result)).toEqual([[4, ['plan_sheet_duplicate_code']]]);
    const duplicate = result.rows[3];
    expect(duplicate?.outcome === 'refused' && duplicate.problems[0]).toEqual({
      field: 'Kode',
      message: 'plan_sheet_duplicate_code',
      params: { code: 'A', firstLine: 3 },
    });
  });

  it('refuses an unknown status label, also one with more words after a known label', () => {
    const result = read([HEADER, row('1', 'Mål', { Status: 'Ferdig' }), row('1', 'Mål 2', { Status: 'Gjennomført høsten 2007' })]);
    expect(refusals(result)).toEqual([
      [2, ['plan_sheet_status_unknown']],
      [3, ['plan_sheet_status_unknown']],
    ]);
  });

  it('lists every problem of a row at once', () => {
    const result = read([HEADER, row('1', 'Mål', { Kode: '1' }), [...row('1', '', { Kode: '1', Status: 'Ferdig' }), 'ekstra']]);
    expect(refusals(result)).toEqual([
      [3, ['plan_sheet_cells_without_column', 'plan_sheet_title_missing', 'plan_sheet_duplicate_code', 'plan_sheet_status_unknown']],
    ]);
    const refused = result.rows[2];
    expect(refused?.outcome === 'refused' && refused.problems[0]?.params).toEqual({ columns: '12' });
  });

  it('ignores an empty header cell, but refuses a row with text under it', () => {
    const result = read([[...HEADER, ''], [...row('1', 'Mål'), ''], [...row('1', 'Mål 2'), 'tekst']]);
    expect(result.headerProblems).toEqual([]);
    expect(refusals(result)).toEqual([[3, ['plan_sheet_cells_without_column']]]);
  });
});

describe('sheetRowsToItems: the header', () => {
  it('refuses every row when the header is missing', () => {
    const result = read([row('1', 'Mål'), row('2', 'Strategi'), []]);
    expect(result.headerProblems).toEqual([{ message: 'plan_sheet_header_missing', columns: HEADER, params: {} }]);
    expect(result.rows.map((r) => [r.line, r.outcome])).toEqual([
      [1, 'refused'],
      [2, 'refused'],
      [3, 'skipped'],
    ]);
    expect(refusals(result)[0]).toEqual([1, ['plan_sheet_header_problem']]);
    expect(result.items).toEqual([]);
    expect(result.allTaken).toBe(false);
  });

  it('tells which columns are missing, unknown or twice, and refuses the rows', () => {
    const header = ['Nivå', 'Kode', 'Tittel', 'Beskrivelse', 'Ansvarlig enhet', 'Samarbeidspartnere', 'Frist', 'Status', 'Merknader', 'Tittel', 'Kommentar'];
    const result = read([header, ['1', '', 'Mål']]);
    expect(result.headerProblems).toEqual([
      { message: 'plan_sheet_columns_missing', columns: ['Ansvarlige enheter', 'Målgrupper'], params: { columns: 'Ansvarlige enheter, Målgrupper' } },
      { message: 'plan_sheet_columns_unknown', columns: ['Ansvarlig enhet', 'Kommentar'], params: { columns: 'Ansvarlig enhet, Kommentar' } },
      { message: 'plan_sheet_columns_duplicate', columns: ['Tittel'], params: { columns: 'Tittel' } },
    ]);
    expect(refusals(result)).toEqual([[2, ['plan_sheet_header_problem']]]);
    expect(result.allTaken).toBe(false);
  });
});

describe('toCsv', () => {
  it('writes semicolons, a BOM and CRLF, quoting per RFC 4180', () => {
    expect(toCsv([['Nivå', 'Tittel'], ['1', 'Tekst; med "sitat"\nog linje'], ['2', 'a,b'], ['', '']])).toBe(
      '\uFEFFNivå;Tittel\r\n1;"Tekst; med ""sitat""\nog linje"\r\n2;"a,b"\r\n;\r\n',
    );
  });

  it('puts an apostrophe before text Excel would read as a formula', () => {
    expect(toCsv([['=SUM(A1)', '+47 22 00 00 00', '- Kurs', '@navn', "'=allerede", 'a=b']])).toBe(
      "\uFEFF'=SUM(A1);'+47 22 00 00 00;'- Kurs;'@navn;''=allerede;a=b\r\n",
    );
  });
});

describe('parseCsv', () => {
  it('reads Norwegian Excel CSV: BOM, semicolons, CRLF', () => {
    expect(parseCsv('\uFEFFNivå;Tittel\r\n1;Mål\r\n')).toEqual([
      ['Nivå', 'Tittel'],
      ['1', 'Mål'],
    ]);
  });

  it.each([
    ['semicolon', 'Nivå;Tittel;Kode\n1;a,b;c', [['Nivå', 'Tittel', 'Kode'], ['1', 'a,b', 'c']]],
    ['comma', 'Nivå,Tittel,Kode\n1,a;b,c', [['Nivå', 'Tittel', 'Kode'], ['1', 'a;b', 'c']]],
    ['tab', 'Nivå\tTittel\tKode\n1\ta;b,c\td', [['Nivå', 'Tittel', 'Kode'], ['1', 'a;b,c', 'd']]],
    ['semicolon on a tie', 'a;b,c\n1;2,3', [['a', 'b,c'], ['1', '2,3']]],
    ['semicolon with no separator in the header', 'Nivå\n1;2', [['Nivå'], ['1', '2']]],
    ['only separators outside quotes', '"a,b,c";d\n1;2', [['a,b,c', 'd'], ['1', '2']]],
  ])('detects the separator from the header row: %s', (_, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    expect(parseCsv('a;b\r\n"x;y";"si ""hei"""\r\n"linje 1\r\nlinje 2";""\r\n')).toEqual([
      ['a', 'b'],
      ['x;y', 'si "hei"'],
      ['linje 1\r\nlinje 2', ''],
    ]);
  });

  it('takes LF, CR and CRLF as row ends and keeps empty rows in the middle', () => {
    expect(parseCsv('a;b\n1;2\r3;4\r\n\r\n5;6')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], [''], ['5', '6']]);
  });

  it('is lenient with broken quoting instead of failing', () => {
    expect(parseCsv('a;b\nsi "hei";x\n"lukket"etter;y\n"aldri lukket;z\nneste')).toEqual([
      ['a', 'b'],
      ['si "hei"', 'x'],
      ['lukketetter', 'y'],
      ['aldri lukket;z\nneste'],
    ]);
  });

  it('removes the apostrophe toCsv put before a formula character, and only that', () => {
    expect(parseCsv("'=SUM(A1);'- Kurs;''=x;'vanlig;'")).toEqual([['=SUM(A1)', '- Kurs', "'=x", "'vanlig", "'"]]);
  });

  it('follows and drops a "sep=" line, as Excel does', () => {
    expect(parseCsv('\uFEFFsep=,\r\nNivå;Tittel,Kode\r\n1;a,b\r\n')).toEqual([
      ['Nivå;Tittel', 'Kode'],
      ['1;a', 'b'],
    ]);
    expect(parseCsv('SEP=\t\n')).toEqual([]);
  });

  it('never writes a first row that reads as a "sep=" line', () => {
    const rows = [['sep=', ''], ['1', '2']];
    expect(toCsv(rows)).toBe('\uFEFF"sep=";\r\n1;2\r\n');
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('returns no rows for empty text or a lone BOM', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** Pieces that are hard for CSV and Excel: separators, quotes, line breaks, formula starts, a BOM, "sep=", Norwegian letters. */
const hardChar = fc.constantFrom('a', 'Ø', 'å', ' ', '"', ';', ',', '\n', '\r', '\t', '=', '-', '+', '@', "'", '1', '.', '\uFEFF', 'sep=');
const trimmedText = fc.string({ unit: hardChar, maxLength: 12 }).map((s) => s.trim());
const filledText = trimmedText.filter((s) => s !== '');
const listValue = fc
  .string({ unit: fc.constantFrom('a', 'Ø', ' ', ',', '-', '"', '=', '1'), minLength: 1, maxLength: 8 })
  .map((s) => s.trim())
  .filter((s) => s !== '');
const statusLabel = fc.option(fc.constantFrom(...DEFAULT_STATUS_TERMS.map((t) => t.label)), { nil: null });

/** Codes must be unique among siblings (ignoring case): a repeated one is dropped to null. */
function withUniqueCodes(items: SheetItem[]): SheetItem[] {
  const seen = new Set<string>();
  return items.map((i) => {
    const key = i.code?.toLowerCase();
    if (key === undefined) return i;
    if (seen.has(key)) return { ...i, code: null };
    seen.add(key);
    return i;
  });
}

/** A valid tree: levels equal depth, at most `maxDepth` deep, text trimmed, titles filled, known status labels. */
function validTree(depth: number, maxDepth: number): fc.Arbitrary<SheetItem[]> {
  const children = depth + 1 < maxDepth ? validTree(depth + 1, maxDepth) : fc.constant<SheetItem[]>([]);
  const node = fc.record({
    level: fc.constant(depth),
    code: fc.option(filledText, { nil: null }),
    title: filledText,
    description: trimmedText,
    responsibleUnits: fc.array(listValue, { maxLength: 3 }),
    partners: trimmedText,
    targetGroups: fc.array(listValue, { maxLength: 3 }),
    deadline: trimmedText,
    statusLabel,
    remarks: trimmedText,
    children,
  });
  return fc.array(node, { maxLength: depth === 0 ? 4 : 3 }).map(withUniqueCodes);
}

const countItems = (items: readonly SheetItem[]): number => items.reduce((n, i) => n + 1 + countItems(i.children), 0);

function itemAt(items: readonly SheetItem[], path: readonly number[]): SheetItem | undefined {
  const [first, ...rest] = path;
  const found = first === undefined ? undefined : items[first];
  return rest.length === 0 || found === undefined ? found : itemAt(found.children, rest);
}

describe('plan sheet properties', () => {
  it('reads back any valid tree it wrote, with or without level names', () => {
    fc.assert(
      fc.property(validTree(0, DISTRICT_PLAN_LEVELS.length), fc.boolean(), (tree, named) => {
        const result = read(planToSheetRows(tree, named ? DISTRICT_PLAN_LEVELS : []));
        expect(result.items).toEqual(tree);
        expect(result.allTaken).toBe(true);
        expect(result.rows.every((r) => r.outcome !== 'taken' || r.warnings.length === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back any valid tree through CSV', () => {
    fc.assert(
      fc.property(validTree(0, DISTRICT_PLAN_LEVELS.length), (tree) => {
        const rows = planToSheetRows(tree, DISTRICT_PLAN_LEVELS);
        expect(read(parseCsv(toCsv(rows))).items).toEqual(tree);
      }),
      { numRuns: 300 },
    );
  });

  it('parseCsv reads back whatever toCsv wrote', () => {
    const cell = fc.oneof(fc.string({ unit: hardChar, maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 10 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 6 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('parseCsv never throws', () => {
    const text = fc.oneof(fc.string({ unit: hardChar, maxLength: 80 }), fc.string({ unit: 'binary' }));
    fc.assert(fc.property(text, (t) => void expect(() => parseCsv(t)).not.toThrow()));
  });

  it('sheetRowsToItems never throws and reports every row once, in order; taken rows are where their path says', () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '0', '1', '2', '3', '4', '5', 'x', '1.5', 'a', 'A', 'Gjennomført', 'Ferdig', ...PLAN_SHEET_COLUMNS),
      fc.string({ maxLength: 6 }),
    );
    const dataRow = fc.array(cell, { maxLength: 13 });
    const header = fc.oneof(fc.constant(HEADER), fc.shuffledSubarray(HEADER), fc.array(cell, { maxLength: 12 }));
    const levels = fc.array(fc.record({ label: fc.string({ maxLength: 4 }), measure: fc.boolean() }), { maxLength: 5 });
    const terms = fc.array(
      fc.record({ code: fc.string(), label: fc.constantFrom('Gjennomført', '', 'Ferdig'), category: fc.constantFrom('not_started' as const, 'done' as const) }),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(header, fc.array(dataRow, { maxLength: 12 }), levels, terms, (head, body, anyLevels, anyTerms) => {
        const rows = [head, ...body];
        const result = sheetRowsToItems(rows, anyLevels, anyTerms);
        expect(result.rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 1));
        const taken = result.rows.flatMap((r) => (r.outcome === 'taken' ? [r] : []));
        expect(countItems(result.items)).toBe(taken.length);
        for (const r of taken) expect(itemAt(result.items, r.path)?.title).toBe(r.title);
        expect(result.allTaken).toBe(result.headerProblems.length === 0 && result.rows.every((r) => r.outcome !== 'refused'));
      }),
      { numRuns: 500 },
    );
  });
});
