/**
 * A plan's hierarchy as a sheet (CSV or Excel) with the columns PLAN_SHEET_COLUMNS, for export →
 * edit in Excel → import. Rows come in tree order; Nivå is the 1-based level and an item's parent
 * is the nearest row above it with a lower level. See ../shared/docs/domain.md §1.
 *
 * Import never throws and reports every row: taken (with its path in the tree), refused (with the
 * reasons) or skipped (blank), so the preview can show them all before anything is saved.
 * Problems carry a message code and `params`, not text: the server translates them
 * (packages/server/src/platform/messages.ts), as it does for every other message.
 */
import { PLAN_SHEET_COLUMNS, type PlanLevel, type PlanSheetColumn, type StatusTerm } from './model.js';

/** One plan item (goal, strategy or measure) with its children, as the sheet carries it. */
export interface SheetItem {
  /** 0-based level: 0 is the plan's first level (Mål). In a valid tree it equals the item's depth. */
  level: number;
  code: string | null;
  title: string;
  description: string;
  /** Unit names, as written. */
  responsibleUnits: string[];
  partners: string;
  targetGroups: string[];
  deadline: string;
  /** One of the plan's status term labels, or null for no status. */
  statusLabel: string | null;
  remarks: string;
  children: SheetItem[];
}

/** Between the values of a multi-valued cell (Ansvarlige enheter, Målgrupper). */
export const SHEET_LIST_SEPARATOR = '; ';

/** Message codes for why a row was refused. */
export type PlanSheetProblemCode =
  /** The header row is missing or wrong (see `headerProblems`), so no row can be read. */
  | 'plan_sheet_header_problem'
  /** params: columns ("12, 13"). The row has text in columns that have no heading. */
  | 'plan_sheet_cells_without_column'
  /** params: level. Nivå is empty or not a whole number. */
  | 'plan_sheet_level_not_whole_number'
  /** params: level, max. Nivå is 0 or beyond the plan's levels. */
  | 'plan_sheet_level_out_of_range'
  /** params: level, previous. Nivå skips a level (3 right after 1, or a first row below level 1). */
  | 'plan_sheet_level_skipped'
  /** params: parentLine. The row above that would be this row's parent was refused. */
  | 'plan_sheet_parent_refused'
  /** Tittel is empty. */
  | 'plan_sheet_title_missing'
  /** params: code, firstLine. Another item under the same parent has this code. */
  | 'plan_sheet_duplicate_code'
  /** params: status. Status is none of the plan's status labels. */
  | 'plan_sheet_status_unknown';

/** Message codes for what is worth a look on a row that is taken anyway. */
export type PlanSheetWarningCode =
  /** params: levelName, expected. Nivånavn does not match the label of the level in Nivå. */
  'plan_sheet_level_name_mismatch';

export interface PlanSheetProblem {
  /** The column at fault; null when the row as a whole is. */
  field: PlanSheetColumn | null;
  message: PlanSheetProblemCode;
  params: Record<string, string | number>;
}

export interface PlanSheetWarning {
  field: PlanSheetColumn;
  message: PlanSheetWarningCode;
  params: Record<string, string | number>;
}

export type PlanSheetHeaderProblemCode =
  /** The first row that is not blank has none of the column names. */
  | 'plan_sheet_header_missing'
  /** params: columns. Required columns not found. */
  | 'plan_sheet_columns_missing'
  /** params: columns. Columns with names the plan sheet does not have (misspelt, or added). */
  | 'plan_sheet_columns_unknown'
  /** params: columns. Columns that appear twice. */
  | 'plan_sheet_columns_duplicate';

export interface PlanSheetHeaderProblem {
  message: PlanSheetHeaderProblemCode;
  /** The columns concerned, as written (for missing columns: their names). */
  columns: string[];
  params: Record<string, string | number>;
}

/** What happened to one row of the sheet. `line` is the row number as Excel shows it (the first row is 1). */
export type SheetRowResult =
  | { line: number; outcome: 'header' }
  | { line: number; outcome: 'skipped'; reason: 'blank' }
  | {
      line: number;
      outcome: 'taken';
      /** Indexes from the top of the tree: [0, 2] is the third child of the first top item. */
      path: number[];
      code: string | null;
      title: string;
      warnings: PlanSheetWarning[];
    }
  | { line: number; outcome: 'refused'; problems: PlanSheetProblem[] };

export interface SheetParse {
  /** The tree of the rows taken. */
  items: SheetItem[];
  /** One result per input row, in order. */
  rows: SheetRowResult[];
  headerProblems: PlanSheetHeaderProblem[];
  /** The header is right and no row was refused: the import may be confirmed (it saves all or nothing). */
  allTaken: boolean;
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/**
 * The header row and one row per item in tree order (each item before its children). Nivå comes
 * from the nesting, not from `item.level`, so an export can always be imported again. Nivånavn is
 * the level's label when `levels` is given, otherwise empty (import does not need it).
 */
export function planToSheetRows(items: readonly SheetItem[], levels: readonly PlanLevel[] = []): string[][] {
  const rows: string[][] = [[...PLAN_SHEET_COLUMNS]];
  appendItemRows(rows, items, 0, levels);
  return rows;
}

function appendItemRows(rows: string[][], items: readonly SheetItem[], depth: number, levels: readonly PlanLevel[]): void {
  for (const item of items) {
    rows.push(itemToRow(item, depth, levels));
    appendItemRows(rows, item.children, depth + 1, levels);
  }
}

function itemToRow(item: SheetItem, depth: number, levels: readonly PlanLevel[]): string[] {
  const cells: Record<PlanSheetColumn, string> = {
    Nivå: String(depth + 1),
    Nivånavn: levels[depth]?.label ?? '',
    Kode: item.code ?? '',
    Tittel: item.title,
    Beskrivelse: item.description,
    'Ansvarlige enheter': item.responsibleUnits.join(SHEET_LIST_SEPARATOR),
    Samarbeidspartnere: item.partners,
    Målgrupper: item.targetGroups.join(SHEET_LIST_SEPARATOR),
    Frist: item.deadline,
    Status: item.statusLabel ?? '',
    Merknader: item.remarks,
  };
  return PLAN_SHEET_COLUMNS.map((column) => cells[column]);
}

// ---------------------------------------------------------------------------------------------
// Import: header
// ---------------------------------------------------------------------------------------------

/**
 * Nivånavn only repeats what Nivå says, for people reading the sheet; every other column carries
 * data that would be lost without it, so it must be there.
 */
const OPTIONAL_COLUMNS: ReadonlySet<PlanSheetColumn> = new Set<PlanSheetColumn>(['Nivånavn']);

/** Where each column is in the sheet; columns may come in any order (people move them in Excel). */
type ColumnIndexes = Partial<Record<PlanSheetColumn, number>>;

interface Header {
  indexes: ColumnIndexes;
  problems: PlanSheetHeaderProblem[];
}

/** Case, spacing and a BOM do not matter in column names and status labels. */
function normalizeName(text: string): string {
  return text.replace(/\uFEFF/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const COLUMN_BY_NAME = new Map<string, PlanSheetColumn>(PLAN_SHEET_COLUMNS.map((column) => [normalizeName(column), column]));

/** A row is the header when it has at least one column name; anything less is data, and the header is missing. */
function looksLikeHeader(cells: readonly string[]): boolean {
  return cells.some((cell) => COLUMN_BY_NAME.has(normalizeName(cell)));
}

/** Maps the column names to positions; empty header cells are ignored (their contents are checked per row). */
function readHeader(cells: readonly string[]): Header {
  const indexes: ColumnIndexes = {};
  const unknown: string[] = [];
  const duplicate: string[] = [];
  cells.forEach((cell, index) => {
    const name = normalizeName(cell);
    if (name === '') return;
    const column = COLUMN_BY_NAME.get(name);
    if (column === undefined) unknown.push(cell.trim());
    else if (indexes[column] !== undefined) duplicate.push(cell.trim());
    else indexes[column] = index;
  });
  const missing = PLAN_SHEET_COLUMNS.filter((column) => indexes[column] === undefined && !OPTIONAL_COLUMNS.has(column));
  const problems = [
    headerProblem('plan_sheet_columns_missing', missing),
    headerProblem('plan_sheet_columns_unknown', unknown),
    headerProblem('plan_sheet_columns_duplicate', duplicate),
  ].filter((problem) => problem.columns.length > 0);
  return { indexes, problems };
}

function headerProblem(message: PlanSheetHeaderProblemCode, columns: readonly string[]): PlanSheetHeaderProblem {
  return { message, columns: [...columns], params: { columns: columns.join(', ') } };
}

// ---------------------------------------------------------------------------------------------
// Import: rows
// ---------------------------------------------------------------------------------------------

/** A place in the tree that rows below may hang under: the root, a taken item or a refused row. */
interface TreeSlot {
  /** 1-based level; 0 for the root. */
  level: number;
  line: number;
  refused: boolean;
  path: number[];
  children: SheetItem[];
  /** Codes of the children taken so far (lower case) → their line, to find duplicates. */
  childCodes: Map<string, number>;
}

interface ImportState {
  indexes: ColumnIndexes;
  levels: readonly PlanLevel[];
  terms: readonly StatusTerm[];
  /** The root and the chain of rows above the current one that are still open as parents. */
  stack: TreeSlot[];
  items: SheetItem[];
}

/** A row's cells by column, trimmed: stray spaces from Excel editing are never meant. */
type RowCells = Record<PlanSheetColumn, string>;

export function sheetRowsToItems(
  rows: readonly (readonly string[])[],
  levels: readonly PlanLevel[],
  terms: readonly StatusTerm[],
): SheetParse {
  const results: SheetRowResult[] = [];
  // Blank rows above the header are skipped; a sheet with nothing in it imports nothing.
  const firstFilled = rows.findIndex((row) => !isBlank(row));
  const headerIndex = firstFilled < 0 ? rows.length : firstFilled;
  for (let index = 0; index < headerIndex; index += 1) results.push(blankResult(index));
  if (headerIndex === rows.length) return { items: [], rows: results, headerProblems: [], allTaken: true };

  const headerCells = rows[headerIndex] ?? [];
  const hasHeader = looksLikeHeader(headerCells);
  const header: Header = hasHeader
    ? readHeader(headerCells)
    : { indexes: {}, problems: [{ message: 'plan_sheet_header_missing', columns: [...PLAN_SHEET_COLUMNS], params: {} }] };
  if (hasHeader) results.push({ line: headerIndex + 1, outcome: 'header' });

  const firstDataIndex = hasHeader ? headerIndex + 1 : headerIndex;
  const root: TreeSlot = { level: 0, line: 0, refused: false, path: [], children: [], childCodes: new Map() };
  const state: ImportState = { indexes: header.indexes, levels, terms, stack: [root], items: root.children };
  for (let index = firstDataIndex; index < rows.length; index += 1) {
    const row = rows[index] ?? [];
    if (isBlank(row)) results.push(blankResult(index));
    else if (header.problems.length > 0) results.push(headerRefusal(index));
    else results.push(importRow(state, row, index + 1));
  }
  const allTaken = header.problems.length === 0 && results.every((result) => result.outcome !== 'refused');
  return { items: state.items, rows: results, headerProblems: header.problems, allTaken };
}

/** Excel leaves empty rows (often at the end); they carry nothing, so they are skipped, not refused. */
function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => String(cell ?? '').trim() === '');
}

function blankResult(index: number): SheetRowResult {
  return { line: index + 1, outcome: 'skipped', reason: 'blank' };
}

/** With the header wrong, no column can be trusted: every row is refused until it is fixed. */
function headerRefusal(index: number): SheetRowResult {
  return { line: index + 1, outcome: 'refused', problems: [problem(null, 'plan_sheet_header_problem')] };
}

function problem(field: PlanSheetColumn | null, message: PlanSheetProblemCode, params: PlanSheetProblem['params'] = {}): PlanSheetProblem {
  return { field, message, params };
}

function readRowCells(row: readonly string[], indexes: ColumnIndexes): RowCells {
  const entries = PLAN_SHEET_COLUMNS.map((column) => {
    const index = indexes[column];
    return [column, index === undefined ? '' : String(row[index] ?? '').trim()] as const;
  });
  return Object.fromEntries(entries) as RowCells;
}

/** Checks one row, places it in the tree and reports it. All problems are listed, so one round of fixes is enough. */
function importRow(state: ImportState, row: readonly string[], line: number): SheetRowResult {
  const cells = readRowCells(row, state.indexes);
  const problems: PlanSheetProblem[] = [];
  const orphans = cellsWithoutColumn(row, state.indexes);
  if (orphans.length > 0) problems.push(problem(null, 'plan_sheet_cells_without_column', { columns: orphans.join(', ') }));

  const level = readLevel(cells.Nivå, state.levels, problems);
  const parent = level === null ? null : findParent(state, level, problems);
  if (cells.Tittel === '') problems.push(problem('Tittel', 'plan_sheet_title_missing'));
  const code = cells.Kode === '' ? null : cells.Kode;
  if (parent && !parent.refused && code !== null) checkDuplicateCode(parent, code, problems);
  const statusLabel = readStatus(cells.Status, state.terms, problems);

  if (problems.length > 0 || parent === null || level === null) {
    if (level !== null) openSlot(state, { level, line, refused: true, path: [], children: [], childCodes: new Map() });
    return { line, outcome: 'refused', problems };
  }
  const item = buildItem(cells, level, code, statusLabel);
  const path = [...parent.path, parent.children.length];
  parent.children.push(item);
  if (code !== null) parent.childCodes.set(code.toLowerCase(), line);
  openSlot(state, { level, line, refused: false, path, children: item.children, childCodes: new Map() });
  return { line, outcome: 'taken', path, code, title: item.title, warnings: levelNameWarnings(cells, level, state.levels) };
}

/** Text in a column without a heading would be lost on import, so the row is refused instead. Columns are counted from 1, as in Excel. */
function cellsWithoutColumn(row: readonly string[], indexes: ColumnIndexes): number[] {
  const known = new Set(Object.values(indexes));
  const orphans: number[] = [];
  row.forEach((cell, index) => {
    if (!known.has(index) && String(cell ?? '').trim() !== '') orphans.push(index + 1);
  });
  return orphans;
}

/**
 * Nivå must be a whole number from 1 to the number of levels the plan has. Returns the level when
 * it is a whole number of at least 1, even if beyond the plan, so that the rows under it can be
 * told that their parent was refused rather than that they skip a level.
 */
function readLevel(text: string, levels: readonly PlanLevel[], problems: PlanSheetProblem[]): number | null {
  if (!/^\d+$/u.test(text)) {
    problems.push(problem('Nivå', 'plan_sheet_level_not_whole_number', { level: text }));
    return null;
  }
  const level = Number(text);
  if (level < 1 || level > levels.length) {
    problems.push(problem('Nivå', 'plan_sheet_level_out_of_range', { level: text, max: levels.length }));
  }
  return level < 1 ? null : level;
}

/**
 * The parent is the nearest row above with a lower level, and it must be exactly one level up:
 * a level 3 right after a level 1 (or a first row at level 2) has no parent at the level above
 * it. Rows above at the same or a deeper level are closed here, as they cannot be parents any more.
 */
function findParent(state: ImportState, level: number, problems: PlanSheetProblem[]): TreeSlot | null {
  while (state.stack.length > 1 && (state.stack[state.stack.length - 1]?.level ?? 0) >= level) state.stack.pop();
  const parent = state.stack[state.stack.length - 1];
  if (parent === undefined) return null;
  if (parent.level !== level - 1) {
    problems.push(problem('Nivå', 'plan_sheet_level_skipped', { level, previous: parent.level }));
    return null;
  }
  // The children of a refused row are refused too: placing them elsewhere would change the plan.
  if (parent.refused) problems.push(problem('Nivå', 'plan_sheet_parent_refused', { parentLine: parent.line }));
  return parent;
}

/** Each row, taken or refused, is a possible parent for the rows below it. */
function openSlot(state: ImportState, slot: TreeSlot): void {
  state.stack.push(slot);
}

/**
 * Codes must be unique among the children of one parent, so that every item can be found by its
 * path of codes. In a district plan "a", "b" and "1", "2" restart under each goal and strategy,
 * so uniqueness across the whole plan would be wrong. Letter case does not matter.
 */
function checkDuplicateCode(parent: TreeSlot, code: string, problems: PlanSheetProblem[]): void {
  const firstLine = parent.childCodes.get(code.toLowerCase());
  if (firstLine !== undefined) problems.push(problem('Kode', 'plan_sheet_duplicate_code', { code, firstLine }));
}

/**
 * Status must be one of the plan's labels, in any case and spacing; the plan's own spelling is
 * kept. The sheet is structured data, so no prefix matching here: "Gjennomført høsten 2007"
 * belongs in Status = Gjennomført and Merknader = høsten 2007.
 */
function readStatus(text: string, terms: readonly StatusTerm[], problems: PlanSheetProblem[]): string | null {
  if (text === '') return null;
  const term = terms.find((candidate) => normalizeName(candidate.label) === normalizeName(text));
  if (term === undefined) {
    problems.push(problem('Status', 'plan_sheet_status_unknown', { status: text }));
    return null;
  }
  return term.label;
}

/**
 * Multi-valued cells are split on ";" (what export writes) and on line breaks (Alt+Enter in an
 * Excel cell); commas are kept, as unit names have them ("NAV, oppfølgingsteam").
 */
function splitList(text: string): string[] {
  return text
    .split(/[;\r\n]/u)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function buildItem(cells: RowCells, level: number, code: string | null, statusLabel: string | null): SheetItem {
  return {
    level: level - 1,
    code,
    title: cells.Tittel,
    description: cells.Beskrivelse,
    responsibleUnits: splitList(cells['Ansvarlige enheter']),
    partners: cells.Samarbeidspartnere,
    targetGroups: splitList(cells.Målgrupper),
    deadline: cells.Frist,
    statusLabel,
    remarks: cells.Merknader,
    children: [],
  };
}

/** Nivå decides the level; a Nivånavn that disagrees is likely a typo in one of them, worth a look but no refusal. */
function levelNameWarnings(cells: RowCells, level: number, levels: readonly PlanLevel[]): PlanSheetWarning[] {
  const expected = levels[level - 1]?.label ?? '';
  if (cells.Nivånavn === '' || normalizeName(cells.Nivånavn) === normalizeName(expected)) return [];
  return [{ field: 'Nivånavn', message: 'plan_sheet_level_name_mismatch', params: { levelName: cells.Nivånavn, expected } }];
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

const BOM = '\uFEFF';

/**
 * Excel reads a cell that starts with = + - @ (or a tab or carriage return) as a formula: that
 * breaks text such as "- Kurs for ansatte" (#NAVN?) and lets a cell run commands (CSV injection).
 * Such cells are written with a leading apostrophe, and parseCsv removes it. The rule is
 * reversible: a cell that already starts with apostrophes before such a character gets one more.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/u;
const ESCAPED_FORMULA_START = /^'+[=+\-@\t\r]/u;

function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function unescapeFormula(value: string): string {
  return ESCAPED_FORMULA_START.test(value) ? value.slice(1) : value;
}

/**
 * CSV the way Norwegian Excel writes and reads it: ";" between cells (the comma is the decimal
 * sign), UTF-8 with a BOM (without it Excel reads æøå as Windows-1252), CRLF after every row, and
 * cells quoted per RFC 4180. Cells with a comma or tab are quoted too, so the header row never
 * looks as if another separator were used. A row with no cells is written as an empty line and
 * reads back as one empty cell.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => `${row.map(csvCell).join(';')}\r\n`).join('');
}

/** Quoted when RFC 4180 needs it, and when it starts with "sep=", which would read as a separator line if first. */
function csvCell(value: string): string {
  const safe = escapeFormula(String(value));
  const needsQuotes = /[;,"\t\r\n]/u.test(safe) || /^sep=/iu.test(safe);
  return needsQuotes ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

type Separator = ';' | ',' | '\t';

/**
 * Excel honours a first line "sep=;" (and hides it, so the header is still row 1); it is read
 * and dropped here too. toCsv quotes any cell starting with "sep=", so it never writes one.
 */
const SEPARATOR_HINT = /^sep=([;,\t])(?:\r\n|\r|\n|$)/iu;

/**
 * Reads CSV from Excel (";" in Norway, "," elsewhere) or a tab-separated copy from Excel. The
 * separator is the one used most in the first row outside quotes; ";" wins a tie and is assumed
 * when there is none. Lenient where files in the wild are: a quote inside an unquoted cell is
 * text, text after a closing quote is kept, an unclosed quote runs to the end, and CRLF, LF and
 * CR all end a row (inside quotes they are kept as they are). A final line break does not start
 * another row. A BOM and a "sep=" line are dropped.
 */
export function parseCsv(text: string): string[][] {
  const source = String(text).replace(/^\uFEFF/u, '');
  const hint = SEPARATOR_HINT.exec(source);
  const separator = hint ? (hint[1] as Separator) : detectSeparator(source);
  const rows: string[][] = [];
  let pos = hint ? hint[0].length : 0;
  while (pos < source.length) {
    const record = readCsvRecord(source, pos, separator);
    rows.push(record.cells.map(unescapeFormula));
    pos = skipLineBreak(source, record.end);
  }
  return rows;
}

function detectSeparator(source: string): Separator {
  const counts: Record<Separator, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of source) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  const order: readonly Separator[] = [';', ',', '\t'];
  return order.reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), ';');
}

/** Reads the cells of one row; `end` is where its line break (or the text) ends. */
function readCsvRecord(source: string, start: number, separator: Separator): { cells: string[]; end: number } {
  const cells: string[] = [];
  let pos = start;
  for (;;) {
    const field = source[pos] === '"' ? readQuotedField(source, pos, separator) : readPlainField(source, pos, separator);
    cells.push(field.value);
    pos = field.end;
    if (source[pos] !== separator) return { cells, end: pos };
    pos += 1;
  }
}

function readPlainField(source: string, start: number, separator: Separator): { value: string; end: number } {
  let end = start;
  while (end < source.length && source[end] !== separator && source[end] !== '\n' && source[end] !== '\r') end += 1;
  return { value: source.slice(start, end), end };
}

function readQuotedField(source: string, start: number, separator: Separator): { value: string; end: number } {
  let value = '';
  let pos = start + 1;
  for (;;) {
    const quote = source.indexOf('"', pos);
    if (quote < 0) return { value: value + source.slice(pos), end: source.length };
    value += source.slice(pos, quote);
    if (source[quote + 1] !== '"') {
      const tail = readPlainField(source, quote + 1, separator);
      return { value: value + tail.value, end: tail.end };
    }
    value += '"';
    pos = quote + 2;
  }
}

function skipLineBreak(source: string, pos: number): number {
  if (source[pos] === '\r' && source[pos + 1] === '\n') return pos + 2;
  if (source[pos] === '\r' || source[pos] === '\n') return pos + 1;
  return pos;
}
