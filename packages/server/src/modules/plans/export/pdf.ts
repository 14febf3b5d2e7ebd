/**
 * The status report as a PDF with the same content and order as the Word version (docx.ts): title
 * and facts, summary, then per chapter its headings and a five-column table.
 *
 * The tables are laid out here rather than with pdfkit's own table: a district's report must
 * repeat the header row on every page and let a long row continue on the next page, which
 * pdfkit's table does not do. Text is wrapped line by line by measuring it, so each row's height
 * is known before it is drawn.
 */
import PDFDocument from 'pdfkit';
import type { ReportChapter, ReportRow, ReportSnapshot } from '@rusfag/core';
import {
  COLOURS,
  COUNCIL_NOTE,
  DOCUMENT_CREATOR,
  DRAFT_MARK,
  REPORT_COLUMNS,
  REPORT_COLUMN_SHARES,
  SUMMARY_COLUMNS,
  cleanInput,
  cleanText,
  headingText,
  measureCells,
  metadataLines,
  newHeadings,
  reportTitle,
  shareText,
  summaryLines,
  type ReportExportOptions,
} from './common.js';

/**
 * The 14 standard PDF fonts need no embedding and are in every reader. Helvetica is the standard
 * font closest to Arial, which the Word version uses (Oslo kommune's "Oslo Sans" is not installed
 * on most machines). Their encoding, WinAnsi, holds æøåÆØÅ; see `toWinAnsi` for the rest.
 */
const FONTS = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
} as const;
type FontName = (typeof FONTS)[keyof typeof FONTS];

/** A4 portrait in points, 2 cm side margins and 2.5 cm top and bottom, like the Word version. */
const PAGE = { width: 595.28, height: 841.89, side: 56.69, top: 70.87, bottom: 70.87 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;
const CONTENT_BOTTOM = PAGE.height - PAGE.bottom;

const TABLE_FONT_SIZE = 8.5;
const TABLE_LINE = TABLE_FONT_SIZE * 1.25;
const CELL_PADDING = 4;
/** Rows up to this many lines move whole to the next page rather than being split (as Word's short rows do). */
const KEEP_ROW_LINES = 8;
/** Never leave fewer lines than this of a split row at the bottom of a page. */
const MIN_SPLIT_LINES = 3;
/** A heading needs this much room below it, or it goes to the next page with its table. */
const KEEP_WITH_NEXT = 70;

const colour = (hex: string) => `#${hex}`;

/** Where we are on the current page. The document's own cursor is not used: we place every line. */
interface Layout {
  doc: PDFKit.PDFDocument;
  y: number;
}

export async function reportToPdf(input: ReportSnapshot, inputOptions: ReportExportOptions): Promise<Buffer> {
  const [snapshot, options] = cleanInput(input, inputOptions);
  const title = reportTitle(snapshot);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side },
    // Kept in memory so that "Side X av Y" can be written on every page once Y is known.
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'nb-NO',
    displayTitle: true,
    info: {
      Title: title,
      Author: DOCUMENT_CREATOR,
      Creator: DOCUMENT_CREATOR,
      Subject: `Statusrapport ${snapshot.period.label}`,
      Keywords: `statusrapport; ruspolitisk handlingsplan; ${snapshot.plan.ownerName}`,
    },
  });
  const done = collect(doc);
  const layout: Layout = { doc, y: PAGE.top };
  titleBlock(layout, snapshot, options);
  summarySection(layout, snapshot);
  chapterSections(layout, snapshot);
  pageHeadersAndFooters(doc, title, options);
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// The parts of the report
// ---------------------------------------------------------------------------------------------

/** "UTKAST" (drafts only), the title, and owner, periods, state and date as label and value. */
function titleBlock(layout: Layout, snapshot: ReportSnapshot, options: ReportExportOptions): void {
  if (options.state === 'draft') {
    paragraph(layout, DRAFT_MARK, { font: FONTS.bold, size: 22, color: COLOURS.draft, after: 4 });
  }
  paragraph(layout, reportTitle(snapshot), { font: FONTS.bold, size: 18, color: COLOURS.heading, after: 10 });
  const lines = metadataLines(snapshot, options);
  const { doc } = layout;
  const labelWidth = Math.max(...lines.map((line) => doc.font(FONTS.bold).fontSize(10).widthOfString(`${line.label}:`))) + 10;
  for (const line of lines) {
    const isDraftState = line.label === 'Status' && options.state === 'draft';
    const valueLines = wrap(doc, line.value, FONTS.regular, 10, CONTENT_WIDTH - labelWidth);
    const height = valueLines.length * 12.5;
    ensureSpace(layout, height);
    write(doc, `${line.label}:`, PAGE.side, layout.y, { font: FONTS.bold, size: 10, color: '000000' });
    valueLines.forEach((text, index) => {
      write(doc, text, PAGE.side + labelWidth, layout.y + index * 12.5, {
        font: isDraftState ? FONTS.bold : FONTS.regular,
        size: 10,
        color: isDraftState ? COLOURS.draft : '000000',
      });
    });
    layout.y += height + 2;
  }
}

/** "Oppsummering": counts per status word, then "Uten status" and "Totalt", and the note on council measures. */
function summarySection(layout: Layout, snapshot: ReportSnapshot): void {
  heading(layout, 'Oppsummering', 0);
  const tableWidth = CONTENT_WIDTH * 0.6;
  const columns: Column[] = SUMMARY_COLUMNS.map((label, index) => ({
    label,
    width: tableWidth * ([0.55, 0.25, 0.2][index] ?? 0),
    align: index === 0 ? 'left' : 'right',
  }));
  const total = snapshot.summary.total;
  const rows: TableRowSpec[] = summaryLines(snapshot).map((line) => ({
    cells: [line.label, String(line.count), shareText(line.count, total)],
    style: line.kind === 'total' ? 'total' : line.kind === 'without' ? 'muted' : 'plain',
  }));
  table(layout, columns, rows);
  layout.y += 6;
  paragraph(layout, COUNCIL_NOTE, { font: FONTS.italic, size: 8.5, color: COLOURS.muted, after: 6 });
}

/** Each chapter's new headings (goal, strategy) and its table. */
function chapterSections(layout: Layout, snapshot: ReportSnapshot): void {
  const columns: Column[] = REPORT_COLUMNS.map((label, index) => ({
    label,
    width: CONTENT_WIDTH * (REPORT_COLUMN_SHARES[index] ?? 0),
    align: 'left',
  }));
  snapshot.chapters.forEach((chapter, index) => {
    chapterHeadings(layout, snapshot, chapter, snapshot.chapters[index - 1]);
    table(layout, columns, chapter.rows.map(measureRow));
    layout.y += 8;
  });
}

function chapterHeadings(layout: Layout, snapshot: ReportSnapshot, chapter: ReportChapter, previous: ReportChapter | undefined): void {
  const fresh = newHeadings(chapter, previous);
  const firstDepth = chapter.headings.length - fresh.length;
  fresh.forEach((item, index) => {
    const depth = firstDepth + index;
    const levelLabel = item.levelLabel || snapshot.plan.levels[depth]?.label || '';
    heading(layout, headingText({ ...item, levelLabel }), depth);
  });
}

/** Council measures grey and italic (italic carries the meaning on black-and-white paper too). */
function measureRow(row: ReportRow): TableRowSpec {
  return { cells: measureCells(row), style: row.council ? 'council' : 'measure' };
}

/** The title and "UTKAST" at the top, "Side X av Y" at the bottom of every page. */
function pageHeadersAndFooters(doc: PDFKit.PDFDocument, title: string, options: ReportExportOptions): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const headerY = PAGE.top - 30;
    const draftWidth = options.state === 'draft' ? doc.font(FONTS.bold).fontSize(8).widthOfString(DRAFT_MARK) : 0;
    if (options.state === 'draft') {
      write(doc, DRAFT_MARK, PAGE.side + CONTENT_WIDTH - draftWidth, headerY, { font: FONTS.bold, size: 8, color: COLOURS.draft });
    }
    const titleWidth = CONTENT_WIDTH - draftWidth - (draftWidth > 0 ? 12 : 0);
    write(doc, fitOneLine(doc, title, FONTS.regular, 8, titleWidth), PAGE.side, headerY, { font: FONTS.regular, size: 8, color: COLOURS.muted });
    const footerY = CONTENT_BOTTOM + 30;
    write(doc, DOCUMENT_CREATOR, PAGE.side, footerY, { font: FONTS.regular, size: 8, color: COLOURS.muted });
    const pageText = `Side ${index - range.start + 1} av ${range.count}`;
    const pageWidth = doc.font(FONTS.regular).fontSize(8).widthOfString(pageText);
    write(doc, pageText, PAGE.side + CONTENT_WIDTH - pageWidth, footerY, { font: FONTS.regular, size: 8, color: '000000' });
  }
}

// ---------------------------------------------------------------------------------------------
// Text and pages
// ---------------------------------------------------------------------------------------------

interface TextStyle {
  font: FontName;
  size: number;
  color: string;
}

/** One line at an exact place; `lineBreak: false` keeps pdfkit from wrapping or adding pages itself. */
function write(doc: PDFKit.PDFDocument, text: string, x: number, y: number, style: TextStyle): void {
  doc.font(style.font).fontSize(style.size).fillColor(colour(style.color)).text(text, x, y, { lineBreak: false });
}

function newPage(layout: Layout): void {
  layout.doc.addPage();
  layout.y = PAGE.top;
}

function ensureSpace(layout: Layout, height: number): void {
  if (layout.y + height > CONTENT_BOTTOM && layout.y > PAGE.top) newPage(layout);
}

/** Wrapped text across the page width, breaking pages between lines. */
function paragraph(layout: Layout, text: string, style: TextStyle & { after: number }): void {
  const lineHeight = style.size * 1.25;
  for (const line of wrap(layout.doc, text, style.font, style.size, CONTENT_WIDTH)) {
    ensureSpace(layout, lineHeight);
    write(layout.doc, line, PAGE.side, layout.y, style);
    layout.y += lineHeight;
  }
  layout.y += style.after;
}

const HEADING_STYLES = [
  { size: 15, before: 14 },
  { size: 12.5, before: 10 },
  { size: 11, before: 8 },
] as const;

/** Goal (depth 0), strategy (1), deeper levels (2+); kept on the page with the start of what follows. */
function heading(layout: Layout, text: string, depth: number): void {
  const style = HEADING_STYLES[Math.min(depth, HEADING_STYLES.length - 1)] ?? HEADING_STYLES[0];
  const lines = wrap(layout.doc, text, FONTS.bold, style.size, CONTENT_WIDTH);
  const height = lines.length * style.size * 1.25;
  if (layout.y > PAGE.top) layout.y += style.before;
  ensureSpace(layout, height + KEEP_WITH_NEXT);
  paragraph(layout, text, { font: FONTS.bold, size: style.size, color: COLOURS.heading, after: 4 });
}

/**
 * Splits text into lines that fit `width`: at spaces, at the text's own line breaks, and inside a
 * word only when the word alone is wider than the line (long URLs, file names).
 */
function wrap(doc: PDFKit.PDFDocument, text: string, font: FontName, size: number, width: number): string[] {
  doc.font(font).fontSize(size);
  const fits = (candidate: string) => doc.widthOfString(candidate) <= width;
  const lines: string[] = [];
  for (const paragraphText of toWinAnsi(text).split('\n')) {
    let line = '';
    for (const word of paragraphText.split(' ').filter((part) => part !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      for (const char of word) {
        if (line !== '' && !fits(line + char)) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** One line, shortened with "…" when it does not fit (the page header's title). */
function fitOneLine(doc: PDFKit.PDFDocument, text: string, font: FontName, size: number, width: number): string {
  doc.font(font).fontSize(size);
  const clean = toWinAnsi(text).replace(/\n/gu, ' ');
  if (doc.widthOfString(clean) <= width) return clean;
  let short = clean;
  while (short.length > 0 && doc.widthOfString(`${short}…`) > width) short = short.slice(0, -1);
  return `${short.trimEnd()}…`;
}

/** The characters beyond Latin-1 that WinAnsi holds (pdfkit maps them to their WinAnsi codes). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Common characters WinAnsi lacks, written as their nearest WinAnsi equivalent. */
const WIN_ANSI_SUBSTITUTES: Record<string, string> = {
  '\t': ' ',
  '\u00AD': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2015': '—',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200A': ' ',
  '\u202F': '\u00A0',
  '\u200B': '',
  '\u200C': '',
  '\u200D': '',
  '\u2060': '',
  '\uFEFF': '',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  '′': "'",
  '″': '"',
  '▪': '•',
  '●': '•',
  '◦': '•',
  '‣': '•',
  '✓': 'x',
  '✔': 'x',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};

/**
 * Text the standard fonts can show. Their WinAnsi encoding covers Norwegian (æøåÆØÅ) and the
 * typographic quotes and dashes; anything else would come out as a wrong glyph, so it becomes its
 * nearest equivalent, the letter without its accent (ł is not there, but "Łódź" → "Lodz" reads),
 * or "?".
 */
export function toWinAnsi(text: string): string {
  let result = '';
  for (const char of cleanText(text)) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) {
      result += char;
      continue;
    }
    const substitute = WIN_ANSI_SUBSTITUTES[char];
    if (substitute !== undefined) {
      result += substitute;
      continue;
    }
    if (code >= 0x7f && code <= 0x9f) continue;
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '');
    result += plain !== '' && [...plain].every((c) => (c.codePointAt(0) ?? 0) <= 0xff) ? plain : '?';
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

interface Column {
  label: string;
  width: number;
  align: 'left' | 'right';
}

type RowStyle = 'plain' | 'measure' | 'council' | 'total' | 'muted';

interface TableRowSpec {
  cells: readonly string[];
  style: RowStyle;
}

/** The font, colour and fill of each kind of row; the first cell of a measure (code and title) is bold. */
function cellStyle(style: RowStyle | 'header', column: number): TextStyle & { fill: string | null } {
  const text = (font: FontName, color: string, fill: string | null = null) => ({ font, size: TABLE_FONT_SIZE, color, fill });
  switch (style) {
    case 'header':
      return text(FONTS.bold, COLOURS.heading, COLOURS.headerFill);
    case 'council':
      return text(FONTS.italic, COLOURS.councilText, COLOURS.councilFill);
    case 'measure':
      return text(column === 0 ? FONTS.bold : FONTS.regular, '000000');
    case 'total':
      return text(FONTS.bold, '000000');
    case 'muted':
      return text(FONTS.italic, '000000');
    case 'plain':
      return text(FONTS.regular, '000000');
  }
}

/**
 * A table whose header row is drawn again at the top of each page it runs onto. Short rows move
 * whole to the next page; long rows are split, and continue on the next page below the header,
 * the way Word breaks a row.
 */
function table(layout: Layout, columns: readonly Column[], rows: readonly TableRowSpec[]): void {
  const { doc } = layout;
  const headerLines = columns.map((column, index) => {
    const style = cellStyle('header', index);
    return wrap(doc, column.label, style.font, style.size, column.width - 2 * CELL_PADDING);
  });
  const headerHeight = rowHeight(headerLines);
  const drawHeader = () => drawRowPart(layout, columns, headerLines, 'header');
  // The header never stands alone at the bottom of a page.
  ensureSpace(layout, headerHeight + MIN_SPLIT_LINES * TABLE_LINE + 2 * CELL_PADDING);
  drawHeader();

  const freshPageLines = Math.floor((CONTENT_BOTTOM - PAGE.top - headerHeight - 2 * CELL_PADDING) / TABLE_LINE);
  for (const row of rows) {
    let remaining = columns.map((column, index) => {
      const style = cellStyle(row.style, index);
      return wrap(doc, row.cells[index] ?? '', style.font, style.size, column.width - 2 * CELL_PADDING);
    });
    for (;;) {
      const needed = Math.max(1, ...remaining.map((lines) => lines.length));
      const fitting = Math.floor((CONTENT_BOTTOM - layout.y - 2 * CELL_PADDING) / TABLE_LINE);
      if (needed <= fitting) {
        drawRowPart(layout, columns, remaining, row.style);
        break;
      }
      const moveWhole = needed <= Math.min(KEEP_ROW_LINES, freshPageLines) || fitting < MIN_SPLIT_LINES;
      if (!moveWhole) {
        drawRowPart(layout, columns, remaining.map((lines) => lines.slice(0, fitting)), row.style);
        remaining = remaining.map((lines) => lines.slice(fitting));
      }
      newPage(layout);
      drawHeader();
    }
  }
}

function rowHeight(cellLines: readonly (readonly string[])[]): number {
  return Math.max(1, ...cellLines.map((lines) => lines.length)) * TABLE_LINE + 2 * CELL_PADDING;
}

/** One row, or the part of a row that fits on this page: fill, borders, then each cell's lines. */
function drawRowPart(layout: Layout, columns: readonly Column[], cellLines: readonly (readonly string[])[], style: RowStyle | 'header'): void {
  const { doc } = layout;
  const height = rowHeight(cellLines);
  let x = PAGE.side;
  columns.forEach((column, index) => {
    const cell = cellStyle(style, index);
    if (cell.fill) doc.rect(x, layout.y, column.width, height).fill(colour(cell.fill));
    doc.rect(x, layout.y, column.width, height).lineWidth(0.5).strokeColor(colour(COLOURS.border)).stroke();
    (cellLines[index] ?? []).forEach((line, lineIndex) => {
      const lineX =
        column.align === 'right'
          ? x + column.width - CELL_PADDING - doc.font(cell.font).fontSize(cell.size).widthOfString(line)
          : x + CELL_PADDING;
      write(doc, line, lineX, layout.y + CELL_PADDING + lineIndex * TABLE_LINE, cell);
    });
    x += column.width;
  });
  layout.y += height;
}
