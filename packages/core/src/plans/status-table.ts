/**
 * Reads a district's status report table (statusrapport) pasted as text, the way it comes out of
 * Word, a PDF or Excel: tab-separated columns Tiltak | Beskrivelse av tiltaket | Frist | Status |
 * Merknader (STATUS_TABLE_COLUMNS). See ../shared/docs/domain.md §1.
 *
 * The parser never throws and accounts for every input line: each line number ends up in exactly
 * one of `rows[].lines`, `headings[].lines` or `skipped[].lines`, so the import preview can show
 * what happened to every line (ux.md: taken, changed or refused with the reason).
 *
 * Problems carry a message code (`message`) and `params`, not text: the server translates them
 * (packages/server/src/platform/messages.ts), as it does for every other message.
 */
import { STATUS_TABLE_COLUMNS, type StatusTerm } from './model.js';

/** Why a line was not used. */
export type StatusTableSkipReason =
  /** Empty, or only spaces and tabs. */
  | 'blank'
  /** The column header row, repeated at the top of every page. */
  | 'header'
  /** A page number or footer alone on a line ("12", "Side 3 av 12", "- 4 -"). */
  | 'page_number'
  /** A row with an empty Tiltak cell, but no measure above it to continue (first row, or after a heading). */
  | 'continuation_without_row'
  /** More than five filled cells: the line does not fit the table. */
  | 'wrong_column_count'
  /** The Tiltak cell has neither a code nor a title (only a bullet or dash). */
  | 'missing_measure';

/** One measure found in the table. */
export interface StatusTableRow {
  /** The source line numbers (1-based) this row was read from, its continuations included. */
  lines: number[];
  /** "4.1.3", "a", "1"; null when the Tiltak cell starts with no code. */
  code: string | null;
  title: string;
  description: string;
  deadline: string;
  /** The Status cell as written ("Gjennomført høsten 2007"). */
  statusText: string;
  /** The term `statusText` was matched to; null when empty or unknown (with a problem). */
  status: StatusTerm | null;
  remarks: string;
}

/** A line with only the first cell filled: a chapter, goal or strategy heading. */
export interface StatusTableHeading {
  /** The first source line. */
  line: number;
  /** All source lines (more than one only when Excel quoted a cell with line breaks). */
  lines: number[];
  /** The heading as written ("4.1 Forebygging"). */
  text: string;
  /** The code at the start of the heading ("4.1"), so the importer can place the measures under it. */
  code: string | null;
  /** The heading without its code ("Forebygging"). */
  title: string;
}

export interface StatusTableSkip {
  line: number;
  lines: number[];
  /** The line as pasted (without the line ending). */
  text: string;
  reason: StatusTableSkipReason;
}

/** Message codes for row problems; the row is still taken. */
export type StatusTableProblemCode =
  /** params: code, firstLine. The same code was used on an earlier row of the same section. */
  | 'status_table_duplicate_code'
  /** params: status. The Status cell matches none of the plan's status terms. */
  | 'status_table_status_unknown'
  /** The Status cell is empty. */
  | 'status_table_status_missing';

export interface StatusTableProblem {
  /** The first line of the row. */
  line: number;
  field: 'code' | 'status';
  message: StatusTableProblemCode;
  params: Record<string, string | number>;
}

export interface StatusTableParse {
  rows: StatusTableRow[];
  headings: StatusTableHeading[];
  skipped: StatusTableSkip[];
  problems: StatusTableProblem[];
}

export interface StatusTableOptions {
  /** The plan's status vocabulary (DEFAULT_STATUS_TERMS unless the plan changed it). */
  terms: readonly StatusTerm[];
}

// Column positions, in the order of STATUS_TABLE_COLUMNS.
const TILTAK = 0;
const DESCRIPTION = 1;
const DEADLINE = 2;
const STATUS = 3;
const REMARKS = 4;
const COLUMN_COUNT = STATUS_TABLE_COLUMNS.length;

/**
 * Reads a pasted status table. Rows, headings and skipped lines come in input order; a row's
 * status is matched with matchStatusTerm, and problems never drop a row (the preview shows them).
 */
export function parseStatusTable(text: string, options: StatusTableOptions): StatusTableParse {
  const state: ParseState = {
    result: { rows: [], headings: [], skipped: [], problems: [] },
    drafts: [],
    current: null,
    section: 0,
  };
  for (const record of readRecords(String(text))) readRecord(state, record);
  state.result.problems = checkRows(state.drafts, options.terms);
  return state.result;
}

// ---------------------------------------------------------------------------------------------
// Lines → records → cells
// ---------------------------------------------------------------------------------------------

/** One row of the paste: usually one line, several when Excel quoted a cell with line breaks. */
interface SourceRecord {
  lines: number[];
  text: string;
  /** Trimmed cells, trailing empty cells removed. */
  cells: string[];
}

/**
 * Splits the text into records and cells. Windows (\r\n) and old Mac (\r) line endings count as
 * one line break each, so line numbers match what an editor shows; a final line break does not
 * start another line. A BOM at the start is dropped.
 */
function readRecords(text: string): SourceRecord[] {
  const source = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const records: SourceRecord[] = [];
  let line = 1;
  let pos = 0;
  while (pos < source.length) {
    const { cells, end, lineBreaks } = readCells(source, pos);
    const lines = Array.from({ length: lineBreaks + 1 }, (_, i) => line + i);
    records.push({ lines, text: source.slice(pos, end), cells: tidyCells(cells) });
    line += lineBreaks + 1;
    pos = end + 1; // past the '\n' that ended the record (or past the end)
  }
  return records;
}

/** Reads the cells of one record starting at `start`; `end` is the index of its '\n' (or the text's end). */
function readCells(source: string, start: number): { cells: string[]; end: number; lineBreaks: number } {
  const cells: string[] = [];
  let pos = start;
  let lineBreaks = 0;
  for (;;) {
    const quoted = source[pos] === '"' ? readExcelQuoted(source, pos) : null;
    if (quoted) {
      cells.push(quoted.value);
      lineBreaks += quoted.lineBreaks;
      pos = quoted.end;
    } else {
      const end = nextDelimiter(source, pos);
      cells.push(source.slice(pos, end));
      pos = end;
    }
    if (source[pos] !== '\t') return { cells, end: pos, lineBreaks };
    pos += 1;
  }
}

function nextDelimiter(source: string, pos: number): number {
  let end = pos;
  while (end < source.length && source[end] !== '\t' && source[end] !== '\n') end += 1;
  return end;
}

/**
 * Excel puts a cell in quotes when it holds a tab, a line break or a quote, doubling the quotes
 * inside. Word and PDF never quote, and their text may well start with a quote ("Nyttig arbeid"
 * videreføres), so a cell counts as quoted only when it is well-formed the Excel way: every inner
 * quote doubled and the closing quote right before a tab, a line break or the end. Otherwise the
 * quote is ordinary text and null is returned.
 */
function readExcelQuoted(source: string, start: number): { value: string; end: number; lineBreaks: number } | null {
  let value = '';
  let lineBreaks = 0;
  let pos = start + 1;
  while (pos < source.length) {
    const quote = source.indexOf('"', pos);
    if (quote < 0) return null;
    const chunk = source.slice(pos, quote);
    value += chunk;
    lineBreaks += countLineBreaks(chunk);
    const after = source[quote + 1];
    if (after === '"') {
      value += '"';
      pos = quote + 2;
    } else if (after === undefined || after === '\t' || after === '\n') {
      return { value, end: quote + 1, lineBreaks };
    } else {
      return null;
    }
  }
  return null;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (const ch of text) if (ch === '\n') count += 1;
  return count;
}

/**
 * Trims every cell and drops the empty cells at the end: trailing tabs come and go with the
 * editor, so only the filled cells say how many columns a line has. Word's manual line break
 * (vertical tab) becomes a newline.
 */
function tidyCells(cells: string[]): string[] {
  const tidy = cells.map((cell) => cell.replace(/\v/gu, '\n').trim());
  while (tidy.length > 0 && tidy[tidy.length - 1] === '') tidy.pop();
  return tidy;
}

// ---------------------------------------------------------------------------------------------
// Records → rows, headings and skipped lines
// ---------------------------------------------------------------------------------------------

interface DraftRow {
  row: StatusTableRow;
  /** How many headings came before the row: codes like "a" and "1" restart under each heading. */
  section: number;
}

interface ParseState {
  result: StatusTableParse;
  drafts: DraftRow[];
  /** The row a continuation line merges into; null at the start and after a heading. */
  current: DraftRow | null;
  section: number;
}

/**
 * Decides what one record is, in this order:
 * 1. no filled cell → blank;
 * 2. "Tiltak" and other column names only → the header, repeated on every page;
 * 3. only the first cell filled → a page number or footer if it looks like one, else a heading.
 *    A heading may come with the empty cells' tabs (a heading row inside the Word table), so the
 *    tabs do not decide it; a measure row with nothing but its Tiltak cell carries no status to
 *    import anyway, and shows up in the preview as a heading;
 * 4. more than five filled cells → does not fit the table;
 * 5. empty Tiltak cell → the rest of the row above, after a page break;
 * 6. otherwise a new measure. Fewer than five cells are fine: editors drop trailing empty cells.
 */
function readRecord(state: ParseState, record: SourceRecord): void {
  const { cells } = record;
  if (cells.length === 0) return skip(state, record, 'blank');
  if (isHeaderRow(cells)) return skip(state, record, 'header');
  if (cells.length === 1) {
    if (isPageNumber(cells[0] ?? '')) return skip(state, record, 'page_number');
    return addHeading(state, record);
  }
  if (cells.length > COLUMN_COUNT) return skipAndBreak(state, record, 'wrong_column_count');
  if (cells[TILTAK] === '') return continueRow(state, record);
  return startRow(state, record);
}

function skip(state: ParseState, record: SourceRecord, reason: StatusTableSkipReason): void {
  state.result.skipped.push({ line: firstLine(record), lines: record.lines, text: record.text, reason });
}

/**
 * A refused line that starts a new measure (its Tiltak cell is filled) also ends the current row:
 * continuation lines after it belong to the refused line, not to the measure above it.
 */
function skipAndBreak(state: ParseState, record: SourceRecord, reason: StatusTableSkipReason): void {
  if (record.cells[TILTAK] !== '') state.current = null;
  skip(state, record, reason);
}

/** A heading ends the current row: a measure does not continue across a chapter heading. */
function addHeading(state: ParseState, record: SourceRecord): void {
  const text = inline(record.cells[TILTAK]);
  const { code, title } = splitCodeAndTitle(text);
  state.result.headings.push({ line: firstLine(record), lines: record.lines, text, code, title });
  state.current = null;
  state.section += 1;
}

function startRow(state: ParseState, record: SourceRecord): void {
  const { code, title } = splitCodeAndTitle(record.cells[TILTAK] ?? '');
  if (code === null && title === '') return skipAndBreak(state, record, 'missing_measure');
  const { cells } = record;
  const row: StatusTableRow = {
    lines: [...record.lines],
    code,
    title,
    description: cells[DESCRIPTION] ?? '',
    deadline: inline(cells[DEADLINE]),
    statusText: inline(cells[STATUS]),
    status: null,
    remarks: cells[REMARKS] ?? '',
  };
  state.current = { row, section: state.section };
  state.drafts.push(state.current);
  state.result.rows.push(row);
}

/**
 * A row that crossed a page break continues in a line whose Tiltak cell is empty; each filled cell
 * is added to the same cell of the row above. Header rows, page numbers and blank lines between
 * them (the page break itself) do not end the row.
 *
 * Joining: Beskrivelse and Merknader are running text, where the break may fall between two
 * paragraphs as often as inside one, so they are joined with a newline (nothing is lost, and a
 * line break inside a sentence does no harm when shown). Frist and Status are one-line values that
 * must read as one phrase ("Gjennomført" + "høsten 2007"), so they are joined with a space.
 */
function continueRow(state: ParseState, record: SourceRecord): void {
  if (!state.current) return skip(state, record, 'continuation_without_row');
  const { row } = state.current;
  const { cells } = record;
  row.lines.push(...record.lines);
  row.description = joinText(row.description, cells[DESCRIPTION], '\n');
  row.deadline = joinText(row.deadline, inline(cells[DEADLINE]), ' ');
  row.statusText = joinText(row.statusText, inline(cells[STATUS]), ' ');
  row.remarks = joinText(row.remarks, cells[REMARKS], '\n');
}

function joinText(before: string, added: string | undefined, separator: string): string {
  if (!added) return before;
  return before === '' ? added : `${before}${separator}${added}`;
}

function firstLine(record: SourceRecord): number {
  return record.lines[0] ?? 0;
}

/** One-line values (title, deadline, status): every run of whitespace, line breaks included, becomes one space. */
function inline(text: string | undefined): string {
  return (text ?? '').replace(/\s+/gu, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Recognising header rows, page numbers and codes
// ---------------------------------------------------------------------------------------------

/** Case, spacing and a trailing '.' or ':' do not matter when comparing labels. */
function normalizeLabel(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim().replace(/[.:]+$/u, '').trim();
}

const HEADER_LABELS = new Set<string>(STATUS_TABLE_COLUMNS.map(normalizeLabel));
const FIRST_HEADER_LABEL = normalizeLabel(STATUS_TABLE_COLUMNS[TILTAK]);

/**
 * The header row starts with "Tiltak" and holds nothing but column names. Columns may be missing
 * (a PDF drops empty ones) but no other text, so a measure titled "Tiltak …" is never taken for it.
 */
function isHeaderRow(cells: readonly string[]): boolean {
  if (normalizeLabel(cells[TILTAK] ?? '') !== FIRST_HEADER_LABEL) return false;
  return cells.every((cell) => cell === '' || HEADER_LABELS.has(normalizeLabel(cell)));
}

const PAGE_NUMBER_PATTERNS: readonly RegExp[] = [
  // "12"
  /^\d{1,4}$/u,
  // "- 12 -"
  /^[-–—]\s*\d{1,4}\s*[-–—]$/u,
  // "3 / 12", "3 av 12"
  /^\d{1,4}\s*(?:\/|av|of)\s*\d{1,4}$/iu,
  // "Side 3", "s. 3", "Statusrapport 2008, Bydel Sagene  Side 3 av 12": a footer ends with its page number.
  /(?:^|\s)(?:side|s\.|page)\s*\d{1,4}(?:\s*(?:\/|av|of)\s*\d{1,4})?$/iu,
];

function isPageNumber(text: string): boolean {
  const line = inline(text);
  return PAGE_NUMBER_PATTERNS.some((pattern) => pattern.test(line));
}

/**
 * The code at the start of a Tiltak cell or heading:
 * - numbers, dotted for chapter plans: "4.1.3", "4.1.3.", "1", "12b", "3)"; each part has at most
 *   three digits, so a title that starts with a year ("2020 …") keeps it;
 * - a single letter with a dot or parenthesis, as byrådets tiltak: "a.", "b)". A bare letter is
 *   not a code, because "å styrke …" is an ordinary title.
 * The code must be followed by whitespace or the end of the cell.
 */
const CODE_PATTERN = /^(?:(\d{1,3}(?:\.\d{1,3})*[a-zæøå]?)[.)]?|([a-zæøå])[.)])(?=\s|$)/iu;

/** List markers and dashes before a title ("4.1.3 – Igangsette", "• Igangsette") are not part of it. */
const TITLE_PREFIX = /^[-–—•·*:]+\s*/u;

export function splitCodeAndTitle(cell: string): { code: string | null; title: string } {
  const text = inline(cell);
  const match = CODE_PATTERN.exec(text);
  const code = match ? (match[1] ?? match[2] ?? null) : null;
  const rest = match ? text.slice(match[0].length) : text;
  return { code, title: rest.trim().replace(TITLE_PREFIX, '').trim() };
}

// ---------------------------------------------------------------------------------------------
// Status terms and row problems
// ---------------------------------------------------------------------------------------------

/**
 * Finds the status term for a Status cell. Case and spacing do not matter. The cell may say more
 * after the label ("Gjennomført høsten 2007", "Utgår og erstattes av …"), so a label also matches
 * at the start of the cell when a word boundary follows it; the longest such label wins, so
 * "Videreført i ny plan" beats a shorter "Videreført" if a plan has both.
 */
export function matchStatusTerm(statusText: string, terms: readonly StatusTerm[]): StatusTerm | null {
  const text = normalizeLabel(statusText);
  if (text === '') return null;
  let best: StatusTerm | null = null;
  let bestLength = 0;
  for (const term of terms) {
    const label = normalizeLabel(term.label);
    // An empty label would match everything; a plan's vocabulary should never have one.
    if (label === '' || label.length <= bestLength) continue;
    if (text.startsWith(label) && isWordBoundary(text[label.length])) {
      best = term;
      bestLength = label.length;
    }
  }
  return best;
}

function isWordBoundary(next: string | undefined): boolean {
  return next === undefined || !/[\p{L}\p{N}]/u.test(next);
}

/** Sets each row's status and lists the problems, in row order (code before status). */
function checkRows(drafts: readonly DraftRow[], terms: readonly StatusTerm[]): StatusTableProblem[] {
  const problems: StatusTableProblem[] = [];
  const firstLineByCode = new Map<string, number>();
  for (const draft of drafts) {
    const duplicate = checkDuplicateCode(draft, firstLineByCode);
    if (duplicate) problems.push(duplicate);
    const status = checkStatus(draft.row, terms);
    if (status) problems.push(status);
  }
  return problems;
}

/**
 * A code may appear once. Chapter codes with dots ("4.1.3") are unique in the whole plan; short
 * codes ("a", "1") restart under every goal or strategy in a district plan, so they need only be
 * unique between two headings. Letter case does not matter ("A" and "a" are the same measure).
 * The problem goes on the later row; the first keeps its code.
 */
function checkDuplicateCode(draft: DraftRow, firstLineByCode: Map<string, number>): StatusTableProblem | null {
  const { row } = draft;
  if (row.code === null) return null;
  const code = row.code.toLowerCase();
  const key = code.includes('.') ? `plan:${code}` : `section ${draft.section}:${code}`;
  const line = row.lines[0] ?? 0;
  const firstLine = firstLineByCode.get(key);
  if (firstLine === undefined) {
    firstLineByCode.set(key, line);
    return null;
  }
  return { line, field: 'code', message: 'status_table_duplicate_code', params: { code: row.code, firstLine } };
}

/** An unknown or missing status is a problem on the row, not a reason to drop it: the rest is still worth importing. */
function checkStatus(row: StatusTableRow, terms: readonly StatusTerm[]): StatusTableProblem | null {
  const line = row.lines[0] ?? 0;
  if (row.statusText === '') return { line, field: 'status', message: 'status_table_status_missing', params: {} };
  row.status = matchStatusTerm(row.statusText, terms);
  if (row.status) return null;
  return { line, field: 'status', message: 'status_table_status_unknown', params: { status: row.statusText } };
}
