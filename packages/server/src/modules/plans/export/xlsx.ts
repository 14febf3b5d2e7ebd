/**
 * Excel files for plans: the status report as a sheet to sort and filter (one row per measure),
 * the plan hierarchy export (PLAN_SHEET_COLUMNS) and, for import, reading any sheet back as text.
 * The report has the same facts, summary and measures as the Word and PDF versions (common.ts).
 */
import ExcelJS from 'exceljs';
import { PLAN_SHEET_COLUMNS, type ReportChapter, type ReportSnapshot } from '@rusfag/core';
import {
  COLOURS,
  COUNCIL_NOTE,
  DOCUMENT_CREATOR,
  cleanInput,
  cleanText,
  metadataLines,
  osloDay,
  reportTitle,
  summaryLines,
  type ReportExportOptions,
} from './common.js';

/** Arial, as in the Word version (Oslo kommune's "Oslo Sans" is missing on most machines). */
const FONT = 'Arial';
const FONT_SIZE = 10;
const DATE_FORMAT = 'dd.mm.yyyy';

/** Excel's colours are ARGB. */
const argb = (hex: string) => `FF${hex}`;
const fill = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });
const THIN = { style: 'thin', color: { argb: argb(COLOURS.border) } } as const;
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** Excel refuses longer cell text. */
const MAX_CELL_TEXT = 32_767;

/** The text Excel can hold: no control characters, within the cell limit. */
function cellText(text: string): string {
  const clean = cleanText(text);
  return clean.length > MAX_CELL_TEXT ? `${clean.slice(0, MAX_CELL_TEXT - 1)}…` : clean;
}

/** A 'YYYY-MM-DD' as the Date exceljs writes as that day's serial number (it counts in UTC). */
function excelDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date));
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function newWorkbook(title: string, createdAt?: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = DOCUMENT_CREATOR;
  workbook.lastModifiedBy = DOCUMENT_CREATOR;
  workbook.company = 'Oslo kommune';
  workbook.title = title;
  const created = createdAt ? new Date(createdAt) : new Date();
  workbook.created = Number.isNaN(created.getTime()) ? new Date() : created;
  workbook.modified = workbook.created;
  return workbook;
}

/**
 * Excel does not grow a row for wrapped text written by a program until someone edits it, so the
 * height is estimated: lines per cell from its width (about 1.15 characters of Arial 10 per width
 * unit, erring towards too tall), the tallest cell wins.
 */
function estimateRowHeight(texts: readonly string[], widths: readonly number[]): number {
  const lines = texts.map((text, index) => {
    const perLine = Math.max(1, Math.floor((widths[index] ?? 10) * 1.15));
    return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
  });
  return Math.min(409, Math.max(1, ...lines) * 12.75 + 3);
}

// ---------------------------------------------------------------------------------------------
// The status report
// ---------------------------------------------------------------------------------------------

const REPORT_SHEET_COLUMNS = [
  { header: 'Kapittel', width: 30 },
  { header: 'Tiltak (kode)', width: 10 },
  { header: 'Tittel', width: 40 },
  { header: 'Beskrivelse', width: 50 },
  { header: 'Frist', width: 16 },
  { header: 'Status', width: 18 },
  { header: 'Merknader', width: 45 },
  { header: 'Rapportert', width: 12 },
] as const;
const REPORT_WIDTHS = REPORT_SHEET_COLUMNS.map((column) => column.width);

export async function reportToXlsx(input: ReportSnapshot, inputOptions: ReportExportOptions): Promise<Buffer> {
  const [snapshot, options] = cleanInput(input, inputOptions);
  const title = reportTitle(snapshot);
  const workbook = newWorkbook(title, snapshot.generatedAt);
  workbook.subject = `Statusrapport ${snapshot.period.label}`;
  const sheet = workbook.addWorksheet('Statusrapport');
  REPORT_SHEET_COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  headerBlock(sheet, snapshot, options);
  summaryBlock(sheet, snapshot);
  const headerRow = measureHeader(sheet);
  for (const chapter of snapshot.chapters) measureRows(sheet, chapter);
  // Everything above the measures (facts, summary, column names) stays in view while scrolling.
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, sheet.rowCount), column: REPORT_SHEET_COLUMNS.length } };
  printSetup(sheet, title, headerRow);
  return toBuffer(workbook);
}

/** Title, then owner, periods, state and date; the state in red on drafts; "Generert" as a real date. */
function headerBlock(sheet: ExcelJS.Worksheet, snapshot: ReportSnapshot, options: ReportExportOptions): void {
  const titleRow = sheet.addRow([cellText(reportTitle(snapshot))]);
  titleRow.font = { name: FONT, size: 14, bold: true, color: { argb: argb(COLOURS.heading) } };
  titleRow.height = 22;
  for (const line of metadataLines(snapshot, options)) {
    const generatedDay = line.label === 'Generert' ? osloDay(snapshot.generatedAt) : null;
    const row = sheet.addRow([line.label, generatedDay ? excelDate(generatedDay) : cellText(line.value)]);
    row.font = { name: FONT, size: FONT_SIZE };
    row.getCell(1).font = { name: FONT, size: FONT_SIZE, bold: true };
    const value = row.getCell(2);
    value.alignment = { horizontal: 'left' };
    if (generatedDay) value.numFmt = DATE_FORMAT;
    if (line.label === 'Status' && options.state === 'draft') {
      value.font = { name: FONT, size: FONT_SIZE, bold: true, color: { argb: argb(COLOURS.draft) } };
    }
  }
}

/**
 * The counts across the sheet (status words over their counts) rather than down it: the block
 * above the measures stays frozen on screen, so it must be short.
 */
function summaryBlock(sheet: ExcelJS.Worksheet, snapshot: ReportSnapshot): void {
  const lines = summaryLines(snapshot);
  const labels = sheet.addRow(['Oppsummering', ...lines.map((line) => line.label)]);
  const counts = sheet.addRow(['Antall tiltak', ...lines.map((line) => line.count)]);
  lines.forEach((line, index) => {
    const label = labels.getCell(index + 2);
    label.font = { name: FONT, size: FONT_SIZE, bold: true, color: { argb: argb(COLOURS.heading) } };
    label.fill = fill(COLOURS.headerFill);
    label.alignment = { wrapText: true, vertical: 'top', horizontal: 'right' };
    label.border = BORDERS;
    const count = counts.getCell(index + 2);
    count.font = { name: FONT, size: FONT_SIZE, bold: line.kind === 'total', italic: line.kind === 'without' };
    count.border = BORDERS;
  });
  labels.getCell(1).font = { name: FONT, size: FONT_SIZE, bold: true };
  counts.getCell(1).font = { name: FONT, size: FONT_SIZE, bold: true };
  labels.height = estimateRowHeight(['', ...lines.map((line) => line.label)], REPORT_WIDTHS);
  const note = sheet.addRow([COUNCIL_NOTE]);
  note.font = { name: FONT, size: 9, italic: true, color: { argb: argb(COLOURS.muted) } };
}

/** The column names of the measure table; returns its row number (frozen, filtered, printed on each page). */
function measureHeader(sheet: ExcelJS.Worksheet): number {
  const row = sheet.addRow(REPORT_SHEET_COLUMNS.map((column) => column.header));
  row.eachCell((cell) => {
    cell.font = { name: FONT, size: FONT_SIZE, bold: true, color: { argb: argb(COLOURS.heading) } };
    cell.fill = fill(COLOURS.headerFill);
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.border = BORDERS;
  });
  return row.number;
}

/** The chapter a measure is in: its nearest heading (the strategy), "1.1 Title" style, so it filters well. */
function chapterName(chapter: ReportChapter): string {
  const heading = chapter.headings[chapter.headings.length - 1];
  if (!heading) return '';
  return heading.code?.trim() ? `${heading.code.trim()} ${heading.title}` : heading.title;
}

/** One row per measure, wrapped; council rows grey and italic as in the district's plan. */
function measureRows(sheet: ExcelJS.Worksheet, chapter: ReportChapter): void {
  const chapterText = cellText(chapterName(chapter));
  for (const measure of chapter.rows) {
    const texts = [
      chapterText,
      cellText(measure.code ?? ''),
      cellText(measure.title),
      cellText(measure.description),
      cellText(measure.deadlineText),
      cellText(measure.statusLabel ?? ''),
      cellText(measure.remarks),
    ];
    const reported = measure.reportedOn ? osloDay(measure.reportedOn) : null;
    const row = sheet.addRow([...texts, reported ? excelDate(reported) : null]);
    for (let column = 1; column <= REPORT_SHEET_COLUMNS.length; column += 1) {
      const cell = row.getCell(column);
      cell.font = measure.council
        ? { name: FONT, size: FONT_SIZE, italic: true, color: { argb: argb(COLOURS.councilText) } }
        : { name: FONT, size: FONT_SIZE };
      if (measure.council) cell.fill = fill(COLOURS.councilFill);
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = BORDERS;
    }
    row.getCell(REPORT_SHEET_COLUMNS.length).numFmt = DATE_FORMAT;
    row.height = estimateRowHeight(texts, REPORT_WIDTHS);
  }
}

/** In Excel's header and footer, '&' starts a code; a literal one is written twice. */
const footerText = (text: string) => text.replace(/&/gu, '&&');

/** A4 landscape, one page wide, the column names on every printed page, "Side X av Y". */
function printSetup(sheet: ExcelJS.Worksheet, title: string, headerRow: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = {
    ...sheet.headerFooter,
    oddFooter: `&L${footerText(cellText(title).replace(/\n/gu, ' '))}&RSide &P av &N`,
  };
}

// ---------------------------------------------------------------------------------------------
// The plan hierarchy
// ---------------------------------------------------------------------------------------------

const PLAN_COLUMN_WIDTHS: Record<string, number> = {
  Nivå: 6,
  Nivånavn: 16,
  Kode: 9,
  Tittel: 45,
  Beskrivelse: 60,
  'Ansvarlige enheter': 25,
  Samarbeidspartnere: 25,
  Målgrupper: 22,
  Frist: 18,
  Status: 18,
  Merknader: 45,
};

/**
 * The plan export (rows from core's planToSheetRows; the first row is PLAN_SHEET_COLUMNS) as the
 * sheet "Plan", to edit in Excel and import again. Every cell is text, so codes like "4.10" stay
 * as written; only Nivå is a number, so that Excel sorts and filters it as one.
 */
export async function planSheetToXlsx(rows: string[][]): Promise<Buffer> {
  const workbook = newWorkbook('Plan');
  const sheet = workbook.addWorksheet('Plan');
  const header = rows[0] ?? [...PLAN_SHEET_COLUMNS];
  const widths = header.map((name) => PLAN_COLUMN_WIDTHS[name] ?? 20);
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  const levelColumn = header.indexOf('Nivå');
  rows.forEach((cells, index) => {
    const values = cells.map((cell, column) =>
      index > 0 && column === levelColumn && /^[1-9]\d{0,2}$/u.test(cell) ? Number(cell) : cellText(cell),
    );
    const row = sheet.addRow(values);
    row.eachCell((cell) => {
      cell.font = index === 0 ? { name: FONT, size: FONT_SIZE, bold: true, color: { argb: argb(COLOURS.heading) } } : { name: FONT, size: FONT_SIZE };
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (index === 0) cell.fill = fill(COLOURS.headerFill);
    });
    if (index > 0) row.height = estimateRowHeight(cells, widths);
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  if (header.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length), column: header.length } };
  }
  return toBuffer(workbook);
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

export const INVALID_XLSX_MESSAGE = 'Filen er ikke et gyldig Excel-ark (.xlsx).';

/**
 * The first sheet of an .xlsx file as rows of text, for the importers (which read text, as from
 * CSV). Row i is Excel's row i + 1, empty rows included, so that import messages can name the line
 * people see in Excel; empty cells and rows at the end are dropped. Any failure to read the file
 * (not a zip, not a workbook, an old .xls) rejects with a Norwegian message for the user.
 */
export async function xlsxToRows(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    return sheetRows(sheet);
  } catch {
    throw new Error(INVALID_XLSX_MESSAGE);
  }
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const cells: string[] = [];
    sheet.findRow(number)?.eachCell({ includeEmpty: false }, (cell, column) => {
      while (cells.length < column - 1) cells.push('');
      cells[column - 1] = cellToText(cell);
    });
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push(cells);
  }
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

/** A merged range's text is in its first cell; the others would repeat it. */
function cellToText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  return valueToText(cell.value);
}

/** Any cell value as the text the importers expect; dates as DD.MM.YYYY, as people write them. */
function valueToText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  // Norwegian Excel shows TRUE and FALSE as SANN and USANN.
  if (typeof value === 'boolean') return value ? 'SANN' : 'USANN';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : valueToText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : valueToText(value.result);
  if ('error' in value) return value.error;
  return '';
}

/** Whole numbers as they are; others without floating-point noise (0.1 + 0.2 is "0.3"). */
function numberText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

/** exceljs reads a date cell as that day at midnight UTC (times as a fraction of the day). */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
}
