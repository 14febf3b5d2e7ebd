/**
 * The status report exports, opened again the way a reader would: the Word file unzipped and its
 * XML read, the PDF's text extracted with pdf.js, the Excel file read back with exceljs.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_STATUS_TERMS,
  DISTRICT_PLAN_LEVELS,
  PLAN_SHEET_COLUMNS,
  buildReportSnapshot,
  planToSheetRows,
  reportingPeriods,
  sheetRowsToItems,
  type ReportItemInput,
  type ReportSnapshot,
  type ReportStatusInput,
  type SheetItem,
} from '@rusfag/core';
import { formatNorwegianDate } from './common.js';
import { reportToDocx } from './docx.js';
import { reportToPdf, toWinAnsi } from './pdf.js';
import { INVALID_XLSX_MESSAGE, planSheetToXlsx, reportToXlsx, xlsxToRows } from './xlsx.js';

// ---------------------------------------------------------------------------------------------
// A realistic report: 2 goals, 3 strategies, council measures (a, b …) with the district's under them
// ---------------------------------------------------------------------------------------------

const LONG =
  'Tiltaket omfatter opplæring av ansatte i helsestasjon, skolehelsetjeneste og NAV, felles rutiner for ' +
  'kartlegging og oppfølging, og faste møtepunkter med spesialisthelsetjenesten. Erfaringene fra 2024 viste at ' +
  'brukere med sammensatte behov ofte faller mellom tjenestene når ansvaret ikke er avklart; derfor skal hver ' +
  'bruker få én fast kontaktperson, og tilbudet om individuell plan og koordinator skal dokumenteres. ';
const VERY_LONG = `${LONG.repeat(9)}Siste setning i den svært lange beskrivelsen.`;
const EUROP_ASI = 'Igangsette bruk av kartleggingsverktøyet Europ-Asi.';

function item(id: string, parentId: string | null, level: number, code: string | null, title: string, extra: Partial<ReportItemInput> = {}): ReportItemInput {
  return { id, parentId, level, code, title, description: '', deadlineText: '', ...extra };
}

const ITEMS: ReportItemInput[] = [
  item('g1', null, 0, '1', 'Færre innbyggere utvikler rusproblemer'),
  item('s11', 'g1', 1, '1.1', 'Forebyggingsoffensiv for å hindre at rusproblemer oppstår'),
  item('a11', 's11', 2, 'a', 'Oppdatere det rusforebyggende programmet i Osloskolen', {
    description: 'Programmet skal gi faktabasert kunnskap om alle rusmidler, også nye, og gis av fagpersonell på ungdommens premisser.',
    deadlineText: 'Hele planperioden',
  }),
  item('m1', 'a11', 3, '1', 'Vi oppdaterer programmet i samarbeid med skolene i bydelen', {
    description: LONG,
    deadlineText: 'Våren 2025',
  }),
  item('m2', 'a11', 3, '2', 'Tilbud om individuell oppfølging ved helsesykepleier og ruskonsulent', {
    description: 'Gjelder elever som bortvises på grunn av bruk eller omsetning av rusmidler (≥ 16 år).',
    deadlineText: 'Skoleåret 2025/2026',
  }),
  item('s12', 'g1', 1, '1.2', 'Tidligere innsats når rusproblemer oppstår'),
  item('b12', 's12', 2, 'b', 'Alltid tilby oppfølgingssamtale til alle som henvender seg', { deadlineText: 'Kontinuerlig' }),
  item('m3', 'b12', 3, '3', 'Vi dokumenterer tilbud om oppfølgingssamtale, også til pårørende', {
    description: VERY_LONG,
    deadlineText: 'Kontinuerlig',
  }),
  item('m4', 'b12', 3, '4', 'Ambulerende rusteam for eldre etter FACT-modell', { description: LONG, deadlineText: 'Innen utgangen av 2025' }),
  item('g2', null, 0, '2', 'Bedre hjelp og tjenester til personer med rusproblemer'),
  item('s21', 'g2', 1, '2.1', 'Kartlegging og individuell plan for alle med sammensatte behov'),
  item('c21', 's21', 2, 'c', 'Gi alle som mottar tjenester én fast kontaktperson i bydelen'),
  item('m5', 'c21', 3, '4.1.3', EUROP_ASI, { description: LONG, deadlineText: 'Fra 01.03.2025' }),
  item('m6', 'c21', 3, '4.1.4', 'Øke bruken av individuell plan og koordinator', { description: 'Alle med to eller flere tjenester skal ha IP.', deadlineText: '31.12.2025' }),
  item('m7', 'c21', 3, '4.1.5', 'Lavterskel møteplass for pårørende i Ågatå', { description: 'Et nytt tilbud på Åsen.', deadlineText: 'Høsten 2025' }),
];

function status(itemId: string, statusCode: string, remark: string, reportedOn: string): ReportStatusInput {
  return { itemId, statusCode, remark, reportedOn, createdAt: `${reportedOn}T10:00:00Z` };
}

const STATUSES: ReportStatusInput[] = [
  status('a11', 'iverksatt', 'Byrådets tiltak følges opp av Utdanningsetaten.', '2025-05-02'),
  status('m1', 'gjennomfort', 'Gjennomført høsten 2025. Ca. 40 ansatte fikk opplæring.', '2025-11-20'),
  status('m2', 'delvis_iverksatt', 'Avtale med tre skoler.\nDe to siste skolene følger i 2026.', '2025-10-01'),
  status('m3', 'ikke_iverksatt', 'Mangler stillingsressurs; søkes finansiert over budsjettet for 2026.', '2025-09-15'),
  status('m4', 'iverksatt', 'Teamet er i drift med to årsverk.', '2025-06-30'),
  status('m5', 'utgar', 'Utgår og erstattes av BrukerPlan-kartlegging.', '2025-03-14'),
  status('m6', 'viderefort', 'Videreført i ny plan for 2026–2029. Særlig fokus på «æøåÆØÅ».', '2025-12-01'),
  // m7 has no status.
];

const PERIOD = reportingPeriods({ startYear: 2024, endYear: 2027, reportingCycle: 'yearly', reportDueDays: 31 })[1]!;
// 23:30 UTC on the 22nd is already the 23rd in Oslo.
const GENERATED_AT = '2026-11-22T23:30:00.000Z';
const PLAN_TITLE = 'Ruspolitisk handlingsplan for Bydel St. Hanshaugen 2024–2027';

function buildSnapshot(): ReportSnapshot {
  return buildReportSnapshot({
    plan: { id: 'plan-1', title: PLAN_TITLE, ownerName: 'Bydel St. Hanshaugen', startYear: 2024, endYear: 2027, levels: [...DISTRICT_PLAN_LEVELS] },
    terms: DEFAULT_STATUS_TERMS,
    period: PERIOD,
    items: ITEMS,
    statuses: STATUSES,
    generatedAt: GENERATED_AT,
  });
}

const APPROVED = { state: 'approved', approvedBy: 'Kari Nordmann', approvedAt: '2026-12-01T08:15:00Z' } as const;

/** What every format must say: headings, column names, first cells, status words, remarks. */
const EXPECTED_TEXT = [
  `Statusrapport 2025 – ${PLAN_TITLE}`,
  'Bydel St. Hanshaugen',
  'Mål 1: Færre innbyggere utvikler rusproblemer',
  'Strategi 1.1: Forebyggingsoffensiv for å hindre at rusproblemer oppstår',
  'Strategi 1.2: Tidligere innsats når rusproblemer oppstår',
  'Mål 2: Bedre hjelp og tjenester til personer med rusproblemer',
  'Strategi 2.1: Kartlegging og individuell plan for alle med sammensatte behov',
  'Beskrivelse av tiltaket',
  'Merknader',
  `4.1.3 ${EUROP_ASI}`,
  'a. Oppdatere det rusforebyggende programmet i Osloskolen',
  '1 Vi oppdaterer programmet i samarbeid med skolene i bydelen',
  '4.1.5 Lavterskel møteplass for pårørende i Ågatå',
  'Ikke iverksatt',
  'Delvis iverksatt',
  'Gjennomført',
  'Utgår',
  'Videreført i ny plan',
  'Gjennomført høsten 2025. Ca. 40 ansatte fikk opplæring.',
  'Utgår og erstattes av BrukerPlan-kartlegging.',
  'Særlig fokus på «æøåÆØÅ».',
  'Uten status',
  'Totalt',
  'Oppsummering',
  'Skoleåret 2025/2026',
  '23.11.2026',
];

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/gu, '&');

/** The text of each paragraph in a WordprocessingML part: its runs joined, line breaks as '\n'. */
function wordParagraphs(xml: string): string[] {
  return xml.split('</w:p>').map((part) =>
    [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/gu)].map((match) => (match[1] === undefined ? '\n' : decodeXml(match[1]))).join(''),
  );
}

/** The paragraph XML (properties and runs) that holds `text`. */
function wordParagraphXml(xml: string, text: string): string {
  const found = xml.split('</w:p>').find((part) => wordParagraphs(part).join('').includes(text));
  if (found === undefined) throw new Error(`No paragraph with "${text}"`);
  return found.slice(found.lastIndexOf('<w:p>') >= 0 ? found.lastIndexOf('<w:p>') : found.lastIndexOf('<w:p '));
}

/**
 * A small well-formedness check: tags nest and close, there is one root, '&' only starts an
 * entity and no character XML forbids appears. Enough to catch a broken document.xml.
 */
function checkWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/u, '');
  const stack: string[] = [];
  let roots = 0;
  const textBetween: string[] = [];
  let last = 0;
  for (const match of body.matchAll(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/gu)) {
    textBetween.push(body.slice(last, match.index));
    last = match.index + match[0].length;
    const [, closing, name, , selfClosing] = match;
    if (name === undefined) continue;
    if (closing) {
      expect(stack.pop(), `closing </${name}>`).toBe(name);
    } else if (!selfClosing) {
      if (stack.length === 0) roots += 1;
      stack.push(name);
    } else if (stack.length === 0) {
      roots += 1;
    }
  }
  textBetween.push(body.slice(last));
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  for (const text of textBetween) {
    expect(text).not.toMatch(/[<>]/u);
    expect(text).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/u);
    // eslint-disable-next-line no-control-regex -- looking for exactly the characters XML forbids
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u);
  }
}

interface PdfText {
  pages: string[];
  /** All pages, whitespace collapsed. */
  text: string;
  info: Record<string, unknown>;
}

/** pdf.js wants the metrics of the 14 standard fonts (which our PDF uses unembedded) from its own folder. */
const STANDARD_FONTS = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

/**
 * The text of every page, in drawing order, with pdf.js as a reader would. In Node the legacy build
 * runs without a worker thread (its "fake worker" parses in this thread), so nothing is set up.
 */
async function readPdf(buffer: Buffer): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(buffer),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const strings = content.items.map((entry) => ('str' in entry ? entry.str : ''));
    pages.push(strings.join(' ').replace(/\s+/gu, ' ').trim());
  }
  const metadata = await document.getMetadata();
  await document.destroy();
  return { pages, text: pages.join(' '), info: metadata.info as Record<string, unknown> };
}

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

// ---------------------------------------------------------------------------------------------

const snapshot = buildSnapshot();

describe('the shared wording', () => {
  it('writes dates as 23.11.2026, the day it is in Oslo', () => {
    expect(formatNorwegianDate('2026-11-22T23:30:00Z')).toBe('23.11.2026');
    expect(formatNorwegianDate('2026-06-30T22:30:00Z')).toBe('01.07.2026');
    expect(formatNorwegianDate('2025-12-31')).toBe('31.12.2025');
    expect(formatNorwegianDate('ikke en dato')).toBe('ikke en dato');
  });

  it('keeps æøå for the PDF fonts and replaces what WinAnsi cannot show', () => {
    expect(toWinAnsi('æøåÆØÅ – «sitat» … €')).toBe('æøåÆØÅ – «sitat» … €');
    expect(toWinAnsi('≥ 16 år → Łódź 😀\u0007')).toBe('>= 16 år -> Lódz ?');
  });

  it('builds the report this test is about', () => {
    expect(snapshot.chapters).toHaveLength(3);
    expect(snapshot.chapters.flatMap((c) => c.rows).filter((r) => r.council)).toHaveLength(3);
    expect(snapshot.summary.total).toBe(7);
    expect(snapshot.summary.withoutStatus).toBe(1);
  });
});

describe('reportToDocx', () => {
  let draft: JSZip;
  let approved: JSZip;
  let draftXml: string;
  let approvedXml: string;
  let draftBuffer: Buffer;

  beforeAll(async () => {
    draftBuffer = await reportToDocx(snapshot, { state: 'draft' });
    draft = await JSZip.loadAsync(draftBuffer);
    approved = await JSZip.loadAsync(await reportToDocx(snapshot, APPROVED));
    draftXml = await draft.file('word/document.xml')!.async('string');
    approvedXml = await approved.file('word/document.xml')!.async('string');
  });

  it('is a well-formed Word document', async () => {
    expect(draftBuffer.subarray(0, 2).toString()).toBe('PK');
    checkWellFormed(draftXml);
    checkWellFormed(approvedXml);
    for (const part of ['word/styles.xml', 'word/header1.xml', 'word/footer1.xml', 'docProps/core.xml']) {
      const file = draft.file(part);
      expect(file, part).not.toBeNull();
      checkWellFormed(await file!.async('string'));
    }
  });

  it('says everything the district reports: headings, columns, measures, statuses and remarks', () => {
    const text = wordParagraphs(draftXml).join('\n');
    for (const expected of EXPECTED_TEXT) expect(text, expected).toContain(expected);
    expect(text).toContain('Tiltak');
    expect(text).toContain('Frist');
    expect(text).toContain(VERY_LONG.trim());
    // A remark's line break is kept.
    expect(text).toContain('Avtale med tre skoler.\nDe to siste skolene følger i 2026.');
  });

  it('puts code and title in the first cell and the five columns in order', () => {
    const paragraphs = wordParagraphs(draftXml);
    const first = paragraphs.indexOf(`4.1.3 ${EUROP_ASI}`);
    expect(first).toBeGreaterThan(0);
    expect(paragraphs.slice(first, first + 5)).toEqual([`4.1.3 ${EUROP_ASI}`, LONG, 'Fra 01.03.2025', 'Utgår', 'Utgår og erstattes av BrukerPlan-kartlegging.']);
    const header = paragraphs.indexOf('Beskrivelse av tiltaket');
    expect(paragraphs.slice(header - 1, header + 4)).toEqual(['Tiltak', 'Beskrivelse av tiltaket', 'Frist', 'Status', 'Merknader']);
    // A measure without status has an empty Status cell.
    const noStatus = paragraphs.indexOf('4.1.5 Lavterskel møteplass for pårørende i Ågatå');
    expect(paragraphs.slice(noStatus + 2, noStatus + 5)).toEqual(['Høsten 2025', '', '']);
  });

  it('makes goals Heading 1 and strategies Heading 2, a shared goal only once', () => {
    expect(wordParagraphXml(draftXml, 'Mål 1: Færre innbyggere')).toContain('w:val="Heading1"');
    expect(wordParagraphXml(draftXml, 'Strategi 1.2: Tidligere innsats')).toContain('w:val="Heading2"');
    expect(wordParagraphXml(draftXml, 'Oppsummering')).toContain('w:val="Heading1"');
    expect(wordParagraphs(draftXml).filter((p) => p.startsWith('Mål 1:'))).toHaveLength(1);
    expect(wordParagraphXml(draftXml, 'Statusrapport 2025')).toContain('w:val="Title"');
  });

  it('greys the council measures and repeats the table header on every page', () => {
    const council = wordParagraphXml(draftXml, 'a. Oppdatere det rusforebyggende programmet');
    expect(council).toMatch(/w:color w:val="5F5F5F"/u);
    expect(council).toContain('<w:i/>');
    const district = wordParagraphXml(draftXml, '1 Vi oppdaterer programmet');
    expect(district).not.toMatch(/5F5F5F/u);
    // The council row's cells are shaded: the shading sits in the cell properties before the paragraph.
    const beforeCouncil = draftXml.slice(0, draftXml.indexOf('a. Oppdatere det rusforebyggende programmet'));
    expect(beforeCouncil.slice(beforeCouncil.lastIndexOf('<w:tc>'))).toMatch(/w:fill="EFEFEF"/u);
    // One repeating header row per table: the summary and three chapters.
    expect(draftXml.match(/<w:tblHeader\/>/gu)).toHaveLength(4);
    expect(draftXml).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('is A4 portrait with page numbers "Side X av Y" in the footer', async () => {
    expect(draftXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/u);
    const footer = await draft.file('word/footer1.xml')!.async('string');
    expect(wordParagraphs(footer).join('')).toContain('Side ');
    expect(footer).toMatch(/PAGE/u);
    expect(footer).toMatch(/NUMPAGES/u);
  });

  it('sets the document properties and Arial', async () => {
    const core = await draft.file('docProps/core.xml')!.async('string');
    expect(decodeXml(core)).toContain(`<dc:title>Statusrapport 2025 – ${PLAN_TITLE}</dc:title>`);
    expect(decodeXml(core)).toContain('<dc:creator>Rusfag – Oslo kommune</dc:creator>');
    const styles = await draft.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:ascii="Arial"');
  });

  it('marks drafts "UTKAST" and approved reports with who approved them and when', async () => {
    expect(wordParagraphs(draftXml)).toContain('UTKAST');
    expect(wordParagraphs(draftXml).join('\n')).toContain('UTKAST – ikke godkjent');
    expect(await draft.file('word/header1.xml')!.async('string')).toContain('UTKAST');
    const approvedText = wordParagraphs(approvedXml).join('\n');
    expect(approvedText).toContain('Godkjent 01.12.2026 av Kari Nordmann');
    for (const name of Object.keys(approved.files)) {
      const content = await approved.file(name)!.async('string');
      expect(content, name).not.toMatch(/utkast/iu);
    }
  });
});

describe('reportToPdf', () => {
  let draft: PdfText;
  let approved: PdfText;
  let draftBuffer: Buffer;

  beforeAll(async () => {
    draftBuffer = await reportToPdf(snapshot, { state: 'draft' });
    draft = await readPdf(draftBuffer);
    approved = await readPdf(await reportToPdf(snapshot, APPROVED));
  });

  it('is a PDF of several A4 pages with the title and creator in its properties', () => {
    expect(draftBuffer.subarray(0, 5).toString()).toBe('%PDF-');
    expect(draft.pages.length).toBeGreaterThan(1);
    expect(draft.info.Title).toBe(`Statusrapport 2025 – ${PLAN_TITLE}`);
    expect(draft.info.Author).toBe('Rusfag – Oslo kommune');
  });

  it('says the same as the Word document, æøå included', () => {
    for (const expected of EXPECTED_TEXT) expect(draft.text, expected).toContain(expected);
    expect(draft.text).toContain('æøåÆØÅ');
    expect(draft.text).toContain('Tiltak Beskrivelse av tiltaket Frist Status Merknader');
    // A character WinAnsi lacks is written as its nearest equivalent, not as a wrong glyph.
    expect(draft.text).toContain('(>= 16 år)');
  });

  it('keeps the order: title, summary, then the chapters as in the plan', () => {
    const order = [
      'Statusrapport 2025',
      'Oppsummering',
      'Mål 1: Færre',
      'Strategi 1.1:',
      'Strategi 1.2:',
      'Mål 2: Bedre',
      'Strategi 2.1:',
      '4.1.5 Lavterskel',
    ].map((text) => draft.text.indexOf(text));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('repeats the header row when a table runs onto the next page, and numbers the pages', () => {
    const total = draft.pages.length;
    draft.pages.forEach((page, index) => expect(page).toContain(`Side ${index + 1} av ${total}`));
    const continued = draft.pages.slice(1).filter((page) => {
      const header = page.indexOf('Tiltak Beskrivelse av tiltaket Frist Status Merknader');
      const heading = page.search(/(Mål|Strategi) \d/u);
      return header >= 0 && (heading < 0 || header < heading);
    });
    expect(continued.length).toBeGreaterThan(0);
    // The very long description is split over pages but none of it is lost.
    expect(draft.text).toContain('Siste setning i den svært lange beskrivelsen.');
    // LONG is in three descriptions and nine times in VERY_LONG; one of its words counts them.
    expect(draft.text.split('Erfaringene').length - 1).toBe(3 + 9);
  });

  it('marks drafts "UTKAST" on every page and approved reports not at all', () => {
    draft.pages.forEach((page) => expect(page).toContain('UTKAST'));
    expect(approved.text).not.toMatch(/utkast/iu);
    expect(approved.text).toContain('Godkjent 01.12.2026 av Kari Nordmann');
  });
});

describe('reportToXlsx', () => {
  let sheet: ExcelJS.Worksheet;
  let headerRow: number;
  let rowsByCode: Map<string, ExcelJS.Row>;

  beforeAll(async () => {
    const workbook = await readXlsx(await reportToXlsx(snapshot, { state: 'draft' }));
    sheet = workbook.getWorksheet('Statusrapport')!;
    headerRow = 0;
    sheet.eachRow((row, number) => {
      if (row.getCell(1).value === 'Kapittel') headerRow = number;
    });
    rowsByCode = new Map();
    sheet.eachRow((row, number) => {
      if (number > headerRow) rowsByCode.set(String(row.getCell(2).value), row);
    });
  });

  it('has the header block, the summary and the column names', () => {
    expect(sheet).toBeDefined();
    expect(sheet.getCell('A1').value).toBe(`Statusrapport 2025 – ${PLAN_TITLE}`);
    const block = Array.from({ length: headerRow - 1 }, (_, index) => (sheet.getRow(index + 1).values as ExcelJS.CellValue[]).slice(1));
    expect(block).toContainEqual(['Eier', 'Bydel St. Hanshaugen']);
    expect(block).toContainEqual(['Status', 'UTKAST – ikke godkjent']);
    const generated = block.find((cells) => cells[0] === 'Generert');
    expect(generated?.[1]).toEqual(new Date(Date.UTC(2026, 10, 23)));
    const labels = block.find((cells) => cells[0] === 'Oppsummering');
    const counts = block.find((cells) => cells[0] === 'Antall tiltak');
    expect(labels).toEqual(['Oppsummering', 'Ikke iverksatt', 'Delvis iverksatt', 'Iverksatt', 'Gjennomført', 'Utgår', 'Videreført i ny plan', 'Uten status', 'Totalt']);
    expect(counts).toEqual(['Antall tiltak', 1, 1, 1, 1, 1, 1, 1, 7]);
    expect((sheet.getRow(headerRow).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      'Kapittel',
      'Tiltak (kode)',
      'Tittel',
      'Beskrivelse',
      'Frist',
      'Status',
      'Merknader',
      'Rapportert',
    ]);
  });

  it('has one row per measure with a real date in Rapportert', () => {
    expect(rowsByCode.size).toBe(10);
    const europAsi = rowsByCode.get('4.1.3')!;
    expect((europAsi.values as ExcelJS.CellValue[]).slice(1)).toEqual([
      '2.1 Kartlegging og individuell plan for alle med sammensatte behov',
      '4.1.3',
      EUROP_ASI,
      LONG,
      'Fra 01.03.2025',
      'Utgår',
      'Utgår og erstattes av BrukerPlan-kartlegging.',
      new Date(Date.UTC(2025, 2, 14)),
    ]);
    expect(europAsi.getCell(8).type).toBe(ExcelJS.ValueType.Date);
    expect(europAsi.getCell(8).numFmt).toBe('dd.mm.yyyy');
    expect(europAsi.getCell(4).alignment?.wrapText).toBe(true);
    const noStatus = rowsByCode.get('4.1.5')!;
    expect(noStatus.getCell(6).value ?? '').toBe('');
    expect(noStatus.getCell(8).value ?? null).toBeNull();
    expect(rowsByCode.get('4.1.4')!.getCell(7).value).toBe('Videreført i ny plan for 2026–2029. Særlig fokus på «æøåÆØÅ».');
  });

  it('greys the council rows', () => {
    const council = rowsByCode.get('a')!;
    expect(council.getCell(3).value).toBe('Oppdatere det rusforebyggende programmet i Osloskolen');
    expect(council.getCell(3).font?.color?.argb).toBe('FF5F5F5F');
    expect(council.getCell(3).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFEFEFEF' } });
    expect(JSON.stringify(rowsByCode.get('1')!.getCell(3).fill ?? {})).not.toContain('EFEFEF');
  });

  it('freezes the header row, filters it and sizes the columns', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(sheet.autoFilter).toBeTruthy();
    expect(JSON.stringify(sheet.autoFilter)).toContain(`A${headerRow}`);
    expect(sheet.getColumn(4).width).toBeGreaterThan(sheet.getColumn(2).width ?? 0);
  });
});

describe('unusual reports', () => {
  const render = async (odd: ReportSnapshot) => ({
    docx: await JSZip.loadAsync(await reportToDocx(odd, { state: 'draft' })),
    pdf: await readPdf(await reportToPdf(odd, { state: 'approved' })),
    xlsx: await readXlsx(await reportToXlsx(odd, { state: 'approved' })),
  });

  it('renders a plan without measures yet', async () => {
    const empty = buildReportSnapshot({
      plan: { ...snapshot.plan },
      terms: DEFAULT_STATUS_TERMS,
      period: PERIOD,
      items: [],
      statuses: [],
      generatedAt: GENERATED_AT,
    });
    const { docx, pdf, xlsx } = await render(empty);
    const xml = await docx.file('word/document.xml')!.async('string');
    checkWellFormed(xml);
    expect(wordParagraphs(xml)).toContain('Oppsummering');
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.text).toContain('Totalt 0 –');
    expect(xlsx.getWorksheet('Statusrapport')!.views[0]).toMatchObject({ state: 'frozen' });
  });

  it('survives measures without headings, control characters, emoji and words longer than a column', async () => {
    const longWord = `https://www.oslo.kommune.no/${'helse-og-omsorg/'.repeat(12)}`;
    const odd = buildReportSnapshot({
      plan: { ...snapshot.plan, title: 'Plan\u0001 med kontrolltegn', levels: [{ label: 'Tiltak', measure: true }] },
      terms: DEFAULT_STATUS_TERMS,
      period: PERIOD,
      items: [item('x', null, 0, null, 'Tiltak uten kode\u0007 og med 😀 og \uD800', { description: longWord })],
      statuses: [status('x', 'ukjent_status', 'Merknad & <tegn> "sitert"', '2025-02-03')],
      generatedAt: GENERATED_AT,
    });
    const { docx, pdf, xlsx } = await render(odd);
    const xml = await docx.file('word/document.xml')!.async('string');
    checkWellFormed(xml);
    checkWellFormed(await docx.file('word/header1.xml')!.async('string'));
    checkWellFormed(await docx.file('docProps/core.xml')!.async('string'));
    const text = wordParagraphs(xml).join('\n');
    expect(text).toContain('Statusrapport 2025 – Plan med kontrolltegn');
    expect(text).toContain('Tiltak uten kode og med 😀 og ');
    expect(text).toContain('Merknad & <tegn> "sitert"');
    expect(text).toContain('ukjent_status');
    expect(pdf.text).toContain('Tiltak uten kode og med ? og');
    expect(pdf.text.replace(/ /gu, '')).toContain(longWord);
    const row = xlsx.getWorksheet('Statusrapport')!.getRow(xlsx.getWorksheet('Statusrapport')!.rowCount);
    expect(row.getCell(1).value ?? '').toBe('');
    expect(row.getCell(3).value).toBe('Tiltak uten kode og med 😀 og ');
  });

  it('has a well-formedness check that catches broken XML', () => {
    expect(() => checkWellFormed('<a><b></a></b>')).toThrow();
    expect(() => checkWellFormed('<a>Fish & chips</a>')).toThrow();
    expect(() => checkWellFormed('<a/><b/>')).toThrow();
    expect(() => checkWellFormed('<?xml version="1.0"?><a x="1"><b/>tekst &amp; mer</a>')).not.toThrow();
  });
});

describe('planSheetToXlsx and xlsxToRows', () => {
  const leaf = (level: number, code: string | null, title: string, extra: Partial<SheetItem> = {}): SheetItem => ({
    level,
    code,
    title,
    description: '',
    responsibleUnits: [],
    partners: '',
    targetGroups: [],
    deadline: '',
    statusLabel: null,
    remarks: '',
    children: [],
    ...extra,
  });
  const items: SheetItem[] = [
    leaf(0, '1', 'Færre innbyggere utvikler rusproblemer', {
      remarks: 'Mål fra byrådets strategiske plan',
      children: [
        leaf(1, '4.10', 'Forebyggingsoffensiv', {
          remarks: 'Koden «4.10» må forbli tekst',
          children: [
            leaf(3, '001', 'Oppfølgingssamtale til alle', {
              description: 'Første linje\nAndre linje med æøå',
              responsibleUnits: ['Rusteamet', 'NAV St. Hanshaugen'],
              targetGroups: ['Voksne', 'Pårørende'],
              deadline: '31.12.2025',
              statusLabel: 'Delvis iverksatt',
              remarks: '=Ikke en formel',
            }),
          ],
        }),
      ],
    }),
  ];
  const rows = planToSheetRows(items, DISTRICT_PLAN_LEVELS);

  it('round-trips the plan sheet', async () => {
    expect(rows[0]).toEqual([...PLAN_SHEET_COLUMNS]);
    expect(rows.every((row) => row[row.length - 1] !== '')).toBe(true);
    expect(await xlsxToRows(await planSheetToXlsx(rows))).toEqual(rows);
  });

  it('drops empty cells at the end of a row, which the import reads the same', async () => {
    const withEmptyEnds = planToSheetRows([leaf(0, null, 'Mål uten merknad', { children: [leaf(1, null, 'Strategi')] })], DISTRICT_PLAN_LEVELS);
    const read = await xlsxToRows(await planSheetToXlsx(withEmptyEnds));
    expect(read).toEqual(withEmptyEnds.map((row) => row.slice(0, row.findLastIndex((cell) => cell !== '') + 1)));
    const levels = [...DISTRICT_PLAN_LEVELS];
    expect(sheetRowsToItems(read, levels, DEFAULT_STATUS_TERMS).items).toEqual(sheetRowsToItems(withEmptyEnds, levels, DEFAULT_STATUS_TERMS).items);
  });

  it('writes the sheet "Plan" with a frozen, filtered header and Nivå as numbers', async () => {
    const workbook = await readXlsx(await planSheetToXlsx(rows));
    const sheet = workbook.getWorksheet('Plan')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getCell('A2').value).toBe(1);
    expect(sheet.getCell('C3').value).toBe('4.10');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
  });

  it('reads any kind of cell as text, dates as DD.MM.YYYY, keeping row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Import');
    sheet.getCell('A1').value = 'Tekst';
    sheet.getCell('B1').value = 42;
    sheet.getCell('C1').value = 0.1 + 0.2;
    sheet.getCell('D1').value = true;
    sheet.getCell('E1').value = new Date(Date.UTC(2026, 10, 23));
    sheet.getCell('E1').numFmt = 'dd.mm.yyyy';
    sheet.getCell('A3').value = { richText: [{ text: 'Rik ' }, { text: 'tekst', font: { bold: true } }] };
    sheet.getCell('C3').value = { formula: '1+1', result: 2 };
    sheet.getCell('D3').value = { text: 'Lenke', hyperlink: 'https://www.oslo.kommune.no' };
    sheet.getCell('E3').value = '';
    sheet.getCell('A4').value = 'Flettet';
    sheet.mergeCells('A4:B4');
    sheet.getCell('A6').value = null;
    sheet.getCell('F6').style = { font: { bold: true } };
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await xlsxToRows(buffer)).toEqual([
      ['Tekst', '42', '0.3', 'SANN', '23.11.2026'],
      [],
      ['Rik tekst', '', '2', 'Lenke'],
      ['Flettet'],
    ]);
  });

  it('rejects what is not an Excel file with a Norwegian message', async () => {
    const docx = await reportToDocx(snapshot, { state: 'draft' });
    const xlsx = await planSheetToXlsx(rows);
    const garbage = [Buffer.from('dette er ikke et regneark'), Buffer.alloc(0), docx, xlsx.subarray(0, Math.floor(xlsx.length / 2))];
    for (const buffer of garbage) {
      await expect(xlsxToRows(buffer)).rejects.toThrow(INVALID_XLSX_MESSAGE);
    }
    expect(INVALID_XLSX_MESSAGE).toBe('Filen er ikke et gyldig Excel-ark (.xlsx).');
  });
});

// ---------------------------------------------------------------------------------------------
// LibreOffice, when the machine has it: the Word file must convert (opens as a real document).
// ---------------------------------------------------------------------------------------------

const execFileAsync = promisify(execFile);

async function findSoffice(): Promise<string | null> {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      const { stdout } = await execFileAsync('which', [name]);
      if (stdout.trim()) return stdout.trim();
    } catch {
      // not on PATH
    }
  }
  return null;
}

describe('the Word file in LibreOffice', () => {
  it('converts to PDF headlessly', { timeout: 180_000 }, async (context) => {
    const soffice = await findSoffice();
    if (!soffice) {
      console.info('[export.test] LibreOffice (soffice/libreoffice) finnes ikke på denne maskinen: konverteringen .docx → PDF er hoppet over.');
      context.skip();
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'rusfag-docx-'));
    try {
      const input = path.join(dir, 'statusrapport.docx');
      writeFileSync(input, await reportToDocx(snapshot, { state: 'draft' }));
      await execFileAsync(
        soffice,
        [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: 170_000 },
      );
      const output = path.join(dir, 'statusrapport.pdf');
      expect(existsSync(output)).toBe(true);
      const converted = await readPdf(readFileSync(output));
      expect(converted.text).toContain('Statusrapport 2025');
      expect(converted.text).toContain('Igangsette bruk av kartleggingsverktøyet');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
