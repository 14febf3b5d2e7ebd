/**
 * What the Word, PDF and Excel versions of a status report (statusrapport) share: the wording of
 * the title, the state line and the headings, Norwegian dates, the table columns and the colours.
 * Keeping them here makes the three files say exactly the same thing in the same order.
 * See ../shared/docs/domain.md §1 and ux.md ("documents that look like the municipality's own").
 */
import { STATUS_TABLE_COLUMNS, type ReportChapter, type ReportRow, type ReportSnapshot } from '@rusfag/core';

export interface ReportExportOptions {
  /** A draft is marked "UTKAST" everywhere; an approved report says who approved it and when. */
  state: 'draft' | 'approved';
  approvedBy?: string;
  /** An ISO timestamp or 'YYYY-MM-DD'. */
  approvedAt?: string;
}

/** Creator and author of every file, as the document properties show it. */
export const DOCUMENT_CREATOR = 'Rusfag – Oslo kommune';

/** The state line's word for drafts, in capitals as in the municipality's own drafts. */
export const DRAFT_MARK = 'UTKAST';

/** The five columns of a district's status table, as in Word (domain.md §1). */
export const REPORT_COLUMNS = STATUS_TABLE_COLUMNS;

/**
 * Share of the usable page width per column. Tiltak (code and title) and the two free-text columns
 * get the room; Frist and Status hold short phrases ("Våren 2026", "Delvis iverksatt").
 */
export const REPORT_COLUMN_SHARES = [0.24, 0.3, 0.12, 0.12, 0.22] as const;

/** Colours as hex without '#', the form docx, pdfkit (with '#') and exceljs (with 'FF') all take. */
export const COLOURS = {
  /** Oslo kommune's dark blue, for headings and the table header text. */
  heading: '2A2859',
  /** A light blue-grey behind table header rows: visible on screen, quiet on paper. */
  headerFill: 'DDE4F0',
  /** Council measures are greyed, as in the district's plan ("Byrådets tiltak er merket med grått"). */
  councilText: '5F5F5F',
  councilFill: 'EFEFEF',
  /** The draft mark. */
  draft: 'C00000',
  border: '9A9A9A',
  muted: '555555',
} as const;

/** "Statusrapport 2026 – Ruspolitisk handlingsplan for Bydel St. Hanshaugen". */
export function reportTitle(snapshot: ReportSnapshot): string {
  return `Statusrapport ${snapshot.period.label} – ${snapshot.plan.title}`;
}

/** "2024–2027", or one year when the plan covers one. */
export function planPeriodText(snapshot: ReportSnapshot): string {
  const { startYear, endYear } = snapshot.plan;
  return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;
}

/** "2026 (01.01.2026–31.12.2026)": the label people use, and the dates it stands for. */
export function reportingPeriodText(snapshot: ReportSnapshot): string {
  const { label, start, end } = snapshot.period;
  return `${label} (${formatNorwegianDate(start)}–${formatNorwegianDate(end)})`;
}

/** "UTKAST – ikke godkjent" or "Godkjent 23.11.2026 av Kari Nordmann". */
export function stateText(options: ReportExportOptions): string {
  if (options.state === 'draft') return `${DRAFT_MARK} – ikke godkjent`;
  const date = options.approvedAt ? ` ${formatNorwegianDate(options.approvedAt)}` : '';
  const by = options.approvedBy?.trim() ? ` av ${options.approvedBy.trim()}` : '';
  return `Godkjent${date}${by}`;
}

/** The lines under the title, as label and value, in the order every format shows them. */
export function metadataLines(snapshot: ReportSnapshot, options: ReportExportOptions): { label: string; value: string }[] {
  return [
    { label: 'Eier', value: snapshot.plan.ownerName },
    { label: 'Planperiode', value: planPeriodText(snapshot) },
    { label: 'Rapporteringsperiode', value: reportingPeriodText(snapshot) },
    { label: 'Status', value: stateText(options) },
    { label: 'Generert', value: formatNorwegianDate(snapshot.generatedAt) },
  ];
}

/** Said under the summary: the counts leave the council's measures out, and the grey rows are theirs. */
export const COUNCIL_NOTE =
  'Oppsummeringen teller bydelens egne tiltak. Byrådets tiltak er tatt med i tabellene for sammenhengens skyld og er merket med grått.';

export interface SummaryLine {
  label: string;
  count: number;
  /** "Uten status" and "Totalt" are set apart from the status words. */
  kind: 'status' | 'without' | 'total';
}

/** Every status of the plan's vocabulary (also those with 0, so reports compare year to year), then "Uten status" and "Totalt". */
export function summaryLines(snapshot: ReportSnapshot): SummaryLine[] {
  return [
    ...snapshot.summary.lines.map((line) => ({ label: line.label, count: line.count, kind: 'status' as const })),
    { label: 'Uten status', count: snapshot.summary.withoutStatus, kind: 'without' },
    { label: 'Totalt', count: snapshot.summary.total, kind: 'total' },
  ];
}

/** "25 %" (Norwegian puts a space before the sign); a dash when there is nothing to divide by. */
export function shareText(count: number, total: number): string {
  if (total <= 0) return '–';
  return `${Math.round((count / total) * 100)}\u00A0%`;
}

export const SUMMARY_COLUMNS = ['Status', 'Antall tiltak', 'Andel'] as const;

/** "Mål 1: Færre innbyggere utvikler rusproblemer"; without a code "Strategi: …". */
export function headingText(heading: ReportChapter['headings'][number]): string {
  const label = heading.levelLabel.trim();
  const code = heading.code?.trim() ?? '';
  const prefix = [label, code].filter((part) => part !== '').join(' ');
  return prefix === '' ? heading.title : `${prefix}: ${heading.title}`;
}

/**
 * The headings to print above a chapter: those that differ from the previous chapter's. Two
 * strategies under one goal share the goal heading, which is printed once, as in the plan.
 */
export function newHeadings(chapter: ReportChapter, previous: ReportChapter | undefined): ReportChapter['headings'] {
  const before = previous?.headings ?? [];
  const same = (a: ReportChapter['headings'][number], b: ReportChapter['headings'][number] | undefined) =>
    b !== undefined && a.levelLabel === b.levelLabel && a.code === b.code && a.title === b.title;
  const firstNew = chapter.headings.findIndex((heading, index) => !same(heading, before[index]));
  return firstNew < 0 ? [] : chapter.headings.slice(firstNew);
}

/**
 * The Tiltak cell: the code followed by the title ("4.1.3 Igangsette bruk av …", "a. Oppdatere …"),
 * as districts write it. A single letter gets its full stop, as in the plans, so that a table
 * copied out of the report reads the letter as a code when it is pasted back into the import.
 */
export function measureCellText(row: ReportRow): string {
  const code = row.code?.trim() ?? '';
  if (code === '') return row.title;
  return /^\p{L}$/u.test(code) ? `${code}. ${row.title}` : `${code} ${row.title}`;
}

/**
 * The five cells of a measure's row. A measure without status gets an empty Status cell, as in the
 * districts' own tables, so that the file can be filled in and imported again.
 */
export function measureCells(row: ReportRow): [string, string, string, string, string] {
  return [measureCellText(row), row.description, row.deadlineText, row.statusLabel ?? '', row.remarks];
}

const OSLO_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/**
 * 'YYYY-MM-DD' or an ISO timestamp as "23.11.2026", the day it was in Oslo. A plain date is a day
 * already and is not moved by time zones. Text that is not a date is returned as it is.
 */
export function formatNorwegianDate(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value.trim());
  if (day) return `${day[3]}.${day[2]}.${day[1]}`;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return value;
  const parts = Object.fromEntries(OSLO_DATE.formatToParts(time).map((part) => [part.type, part.value]));
  return `${parts.day}.${parts.month}.${parts.year}`;
}

/** The Oslo day of a 'YYYY-MM-DD' or timestamp, as 'YYYY-MM-DD'; null when it is not a date. */
export function osloDay(value: string): string | null {
  const formatted = formatNorwegianDate(value);
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/u.exec(formatted);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

/**
 * Text without the characters XML 1.0 cannot hold (control characters other than tab and line
 * breaks, lone surrogates): pasted text sometimes carries them, and one would make the Word or
 * Excel file unreadable. Line breaks are normalised to '\n'.
 */
export function cleanText(text: string): string {
  let clean = '';
  for (const char of text.replace(/\r\n?/gu, '\n')) {
    if (isXmlChar(char.codePointAt(0) ?? 0)) clean += char;
  }
  return clean;
}

/** XML 1.0's Char production (iterating by code points, a lone surrogate comes out on its own and fails). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * The snapshot and options with every text made safe (see cleanText). Done once at the start of
 * each export, so that no part of a document (a title in a page header, a heading) can miss it.
 */
export function cleanInput(snapshot: ReportSnapshot, options: ReportExportOptions): [ReportSnapshot, ReportExportOptions] {
  return [deepClean(snapshot) as ReportSnapshot, deepClean(options) as ReportExportOptions];
}

function deepClean(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(deepClean);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, deepClean(inner)]));
  }
  return value;
}

/** The text as lines, for formats that need explicit line breaks. */
export function textLines(text: string): string[] {
  return cleanText(text).split('\n');
}
