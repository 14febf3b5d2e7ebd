/**
 * The status report (statusrapport) as a Word document that reads like the one a district writes
 * itself: title and facts, a summary of counts per status, then per chapter its headings (goal as
 * Heading 1, strategy as Heading 2) and one table Tiltak | Beskrivelse av tiltaket | Frist | Status |
 * Merknader. Council measures are greyed, as in the district's plan. See common.ts for the wording
 * shared with the PDF and Excel versions.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IStylesOptions,
  type ISectionOptions,
} from 'docx';
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
  headingText,
  measureCells,
  metadataLines,
  newHeadings,
  reportTitle,
  shareText,
  summaryLines,
  textLines,
  type ReportExportOptions,
} from './common.js';

/**
 * Oslo kommune's typeface is "Oslo Sans", but it is installed on the municipality's own machines
 * only: a partner, a resident or a PDF converter would fall back to something random. Arial is on
 * every system (or metric-compatible, as Liberation Sans), so the pages break where we expect.
 */
const FONT = 'Arial';

/** Sizes in half-points, as Word counts them. */
const SIZE = { body: 20, table: 18, small: 16, title: 36, draftMark: 40 } as const;

/** A4 portrait in twips (1/20 pt), with 2 cm side margins and 2.5 cm top and bottom. */
const PAGE = { width: 11_906, height: 16_838, marginSide: 1_134, marginTopBottom: 1_418, headerFooter: 567 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginSide;

/** Column widths that add up to the content width exactly (the last column takes the rounding). */
function columnWidths(shares: readonly number[], total: number): number[] {
  const widths = shares.map((share) => Math.floor(share * total));
  const rest = total - widths.reduce((sum, width) => sum + width, 0);
  widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

const REPORT_WIDTHS = columnWidths(REPORT_COLUMN_SHARES, CONTENT_WIDTH);
const SUMMARY_WIDTHS = columnWidths([0.55, 0.25, 0.2], Math.round(CONTENT_WIDTH * 0.6));

const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: COLOURS.border } as const;
const TABLE_BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
} as const;

export async function reportToDocx(input: ReportSnapshot, inputOptions: ReportExportOptions): Promise<Buffer> {
  const [snapshot, options] = cleanInput(input, inputOptions);
  const title = reportTitle(snapshot);
  const document = new Document({
    title,
    subject: `Statusrapport ${snapshot.period.label}`,
    creator: DOCUMENT_CREATOR,
    lastModifiedBy: DOCUMENT_CREATOR,
    description: `${title}. ${snapshot.plan.ownerName}.`,
    keywords: `statusrapport; ruspolitisk handlingsplan; ${snapshot.plan.ownerName}`,
    // The theme's fonts too, so that nothing that follows the theme (new paragraphs typed by the
    // district, Word's own table styles) falls back to Calibri.
    theme: { fonts: { headings: FONT, body: FONT } },
    styles: documentStyles(),
    sections: [
      {
        properties: pageProperties(),
        headers: { default: pageHeader(title, options) },
        footers: { default: pageFooter() },
        children: [...titleBlock(snapshot, options), ...summarySection(snapshot), ...chapterSections(snapshot)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function documentStyles(): IStylesOptions {
  const heading = (size: number) => ({
    run: { font: FONT, size, bold: true, color: COLOURS.heading },
    // keepNext: a heading never ends a page without the table that belongs to it.
    paragraph: { spacing: { before: 320, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: SIZE.body, language: { value: 'nb-NO' } },
        paragraph: { spacing: { after: 80 } },
      },
      title: { run: { font: FONT, size: SIZE.title, bold: true, color: COLOURS.heading }, paragraph: { spacing: { after: 200 } } },
      heading1: heading(30),
      heading2: heading(25),
      heading3: heading(22),
    },
  };
}

function pageProperties(): ISectionOptions['properties'] {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
      margin: {
        top: PAGE.marginTopBottom,
        bottom: PAGE.marginTopBottom,
        left: PAGE.marginSide,
        right: PAGE.marginSide,
        header: PAGE.headerFooter,
        footer: PAGE.headerFooter,
      },
    },
  };
}

/** The title on every page, and on drafts "UTKAST" too, so that no printed page passes for approved. */
function pageHeader(title: string, options: ReportExportOptions): Header {
  const runs = [new TextRun({ text: title, size: SIZE.small, color: COLOURS.muted })];
  if (options.state === 'draft') {
    runs.push(new TextRun({ children: [new Tab(), DRAFT_MARK], size: SIZE.small, bold: true, color: COLOURS.draft }));
  }
  return new Header({
    children: [new Paragraph({ children: runs, tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }] })],
  });
}

/** "Side X av Y" as fields, so Word counts the pages as it lays them out. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        children: [
          new TextRun({ text: DOCUMENT_CREATOR, size: SIZE.small, color: COLOURS.muted }),
          new TextRun({ children: [new Tab(), 'Side ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: SIZE.small }),
        ],
      }),
    ],
  });
}

/** "UTKAST" (drafts only), the title, and owner, periods, state and date as label: value lines. */
function titleBlock(snapshot: ReportSnapshot, options: ReportExportOptions): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  if (options.state === 'draft') {
    paragraphs.push(
      new Paragraph({ children: [new TextRun({ text: DRAFT_MARK, bold: true, size: SIZE.draftMark, color: COLOURS.draft })] }),
    );
  }
  paragraphs.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(reportTitle(snapshot))] }));
  for (const line of metadataLines(snapshot, options)) {
    const isDraftState = line.label === 'Status' && options.state === 'draft';
    paragraphs.push(
      new Paragraph({
        spacing: { after: 40 },
        children: [
          new TextRun({ text: `${line.label}: `, bold: true }),
          new TextRun({ text: line.value, bold: isDraftState, color: isDraftState ? COLOURS.draft : undefined }),
        ],
      }),
    );
  }
  return paragraphs;
}

/** "Oppsummering": one row per status word, then "Uten status" and "Totalt" (bold), with counts and shares. */
function summarySection(snapshot: ReportSnapshot): (Paragraph | Table)[] {
  const total = snapshot.summary.total;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: SUMMARY_COLUMNS.map((label, index) => headerCell(label, SUMMARY_WIDTHS[index] ?? 0)),
  });
  const rows = summaryLines(snapshot).map(
    (line) =>
      new TableRow({
        cantSplit: true,
        children: [line.label, String(line.count), shareText(line.count, total)].map((text, index) =>
          bodyCell(text, SUMMARY_WIDTHS[index] ?? 0, {
            bold: line.kind === 'total',
            italics: line.kind === 'without',
            alignment: index === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
          }),
        ),
      }),
  );
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Oppsummering')] }),
    table([header, ...rows], SUMMARY_WIDTHS),
    new Paragraph({
      spacing: { before: 120 },
      children: [new TextRun({ text: COUNCIL_NOTE, italics: true, size: SIZE.table, color: COLOURS.muted })],
    }),
  ];
}

/** Each chapter's new headings and its table, with a paragraph after it so two tables never run together. */
function chapterSections(snapshot: ReportSnapshot): (Paragraph | Table)[] {
  const content: (Paragraph | Table)[] = [];
  snapshot.chapters.forEach((chapter, index) => {
    content.push(...chapterHeadings(snapshot, chapter, snapshot.chapters[index - 1]));
    content.push(measureTable(chapter.rows), new Paragraph({ children: [] }));
  });
  return content;
}

const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** Goal as Heading 1, strategy as Heading 2 (deeper levels Heading 3), labelled with the plan's own level names. */
function chapterHeadings(snapshot: ReportSnapshot, chapter: ReportChapter, previous: ReportChapter | undefined): Paragraph[] {
  const fresh = newHeadings(chapter, previous);
  const firstDepth = chapter.headings.length - fresh.length;
  return fresh.map((heading, index) => {
    const depth = firstDepth + index;
    const levelLabel = heading.levelLabel || snapshot.plan.levels[depth]?.label || '';
    return new Paragraph({
      heading: HEADING_LEVELS[Math.min(depth, HEADING_LEVELS.length - 1)],
      children: [new TextRun(headingText({ ...heading, levelLabel }))],
    });
  });
}

/** The district's five-column table; its header row repeats on every page the table runs onto. */
function measureTable(rows: readonly ReportRow[]): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: REPORT_COLUMNS.map((label, index) => headerCell(label, REPORT_WIDTHS[index] ?? 0)),
  });
  return table([header, ...rows.map(measureRow)], REPORT_WIDTHS);
}

/**
 * One measure. Rows may break across pages (long descriptions would otherwise leave half-empty
 * pages), as in the districts' own reports. Council rows are grey and italic: colour alone must not
 * carry the meaning (ux.md, accessibility), and italic survives black-and-white printing.
 */
function measureRow(row: ReportRow): TableRow {
  const cells = measureCells(row);
  return new TableRow({
    children: cells.map((text, index) =>
      bodyCell(text, REPORT_WIDTHS[index] ?? 0, {
        bold: index === 0 && !row.council,
        italics: row.council,
        color: row.council ? COLOURS.councilText : undefined,
        fill: row.council ? COLOURS.councilFill : undefined,
      }),
    ),
  });
}

function table(rows: TableRow[], widths: readonly number[]): Table {
  return new Table({
    rows,
    columnWidths: [...widths],
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    // Fixed layout: Word keeps our widths instead of resizing columns to their longest word.
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}

function headerCell(text: string, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOURS.headerFill },
    children: [new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text, bold: true, size: SIZE.table, color: COLOURS.heading })] })],
  });
}

interface CellStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  fill?: string;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

/** A cell's text with its line breaks kept (remarks are often several lines). */
function bodyCell(text: string, width: number, style: CellStyle): TableCell {
  const runs = textLines(text).map(
    (line, index) =>
      new TextRun({
        text: line,
        break: index > 0 ? 1 : undefined,
        size: SIZE.table,
        bold: style.bold,
        italics: style.italics,
        color: style.color,
      }),
  );
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    shading: style.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: style.fill } : undefined,
    children: [new Paragraph({ alignment: style.alignment, spacing: { after: 0 }, children: runs })],
  });
}
