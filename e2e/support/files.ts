import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** A file the browser downloaded, as the person gets it. */
export interface DownloadedFile {
  /** The name the browser saves it under (from the Content-Disposition header). */
  fileName: string;
  /** The Content-Disposition header of the response, when the browser reported it. */
  contentDisposition: string | null;
  body: Buffer;
}

/**
 * Clicks a download link and waits for the browser's download (the context accepts downloads);
 * fails with the browser's reason if the download did not complete.
 */
export async function downloadVia(link: Locator): Promise<DownloadedFile> {
  const page = link.page();
  const href = await link.getAttribute('href');
  const target = href ? new URL(href, page.url()).toString() : null;
  let contentDisposition: string | null = null;
  const onResponse = (response: { url(): string; headers(): Record<string, string> }) => {
    if (target !== null && response.url() === target) contentDisposition = response.headers()['content-disposition'] ?? null;
  };
  page.on('response', onResponse);
  try {
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const failure = await download.failure();
    if (failure) throw new Error(`Nedlastingen fra ${download.url()} feilet: ${failure}`);
    const file = await download.path();
    return { fileName: download.suggestedFilename(), contentDisposition, body: readFileSync(file) };
  } finally {
    page.off('response', onResponse);
  }
}

/**
 * A status report file as the server names it: "Statusrapport {period} - {plan title}.{ext}", with
 * an ASCII fallback and the full name in UTF-8 in the Content-Disposition header.
 */
export function expectReportFile(
  file: DownloadedFile,
  { period, planTitle, extension }: { period: string; planTitle: string; extension: 'docx' | 'pdf' | 'xlsx' },
): void {
  expect(file.fileName, 'filnavnet nettleseren lagrer under').toBe(`Statusrapport ${period} - ${planTitle}.${extension}`);
  expect(file.contentDisposition, 'Content-Disposition på svaret').toMatch(
    new RegExp(`^attachment; filename="[^"]+\\.${extension}"; filename\\*=UTF-8''\\S+\\.${extension}$`),
  );
  const magic = { docx: 'PK', xlsx: 'PK', pdf: '%PDF-' }[extension];
  expect(file.body.subarray(0, magic.length).toString('latin1'), `innholdet skal være en ${extension}-fil`).toBe(magic);
}

// ---------------------------------------------------------------------------------------- Word

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/giu, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/gu, '&');

async function documentXml(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const part = zip.file('word/document.xml');
  if (!part) throw new Error('Word-filen mangler word/document.xml');
  return part.async('string');
}

/** The text of each paragraph in a piece of WordprocessingML, its runs joined; empty ones left out. */
function paragraphsOf(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((chunk) =>
      [...chunk.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:br|tab)\/>/gu)]
        .map((match) => (match[1] === undefined ? ' ' : decodeXml(match[1])))
        .join('')
        .trim(),
    )
    .filter((paragraph) => paragraph !== '');
}

/** The paragraphs of a .docx body (word/document.xml), table cells included, as Word shows them. */
export async function docxParagraphs(body: Buffer): Promise<string[]> {
  return paragraphsOf(await documentXml(body));
}

/** The tables of a .docx body: rows of cells, each cell its paragraphs joined with a space. */
export async function docxTables(body: Buffer): Promise<string[][][]> {
  const xml = await documentXml(body);
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/gu)].map(([, table = '']) =>
    [...table.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/gu)].map(([, row = '']) =>
      [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/gu)].map(([, cell = '']) => paragraphsOf(cell).join(' ')),
    ),
  );
}

// ---------------------------------------------------------------------------------------- PDF

/** pdf.js reads the 14 standard fonts (which the PDF uses unembedded) from its own folder. */
const STANDARD_FONTS = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

/**
 * The text of every page with pdf.js, as a reader would see it, whitespace collapsed. The legacy
 * build runs without a worker in Node (its "fake worker" parses in this thread).
 */
export async function pdfText(body: Buffer): Promise<{ pages: string[]; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(body),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  const pages: string[] = [];
  try {
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((entry) => ('str' in entry ? entry.str : '')).join(' ').replace(/\s+/gu, ' ').trim());
    }
  } finally {
    await document.destroy();
  }
  return { pages, text: pages.join(' ') };
}

// ---------------------------------------------------------------------------------------- Excel

export interface SheetCell {
  sheet: string;
  address: string;
  row: number;
  column: number;
  text: string;
}

/** Every filled cell of every sheet, as text (rich text joined, dates as ISO dates). */
export async function xlsxCells(body: Buffer): Promise<SheetCell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const cells: SheetCell[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row, rowNumber) => {
      row.eachCell((cell, column) => {
        cells.push({ sheet: sheet.name, address: cell.address, row: rowNumber, column, text: cellText(cell.value) });
      });
    });
  });
  return cells;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return JSON.stringify(value);
  }
  return String(value);
}
