import {
  addMonths,
  isStale,
  COMMON_LANGUAGES,
  PublicSearchQuery,
  VERIFY_REMIND_MONTHS,
  formatExceptions,
  formatWeekly,
  openStatus,
  osloLocal,
  type Language,
  type LocalMoment,
  type OpenStatus,
  type PublicLocation,
  type PublicSearchHit,
  type PublicSearchResult,
  type PublicService,
} from '@rusfag/core';
import { externalLink, html, join, mailtoHref, raw, safeHref, telHref, type HtmlValue, type SafeHtml } from './html.js';
import { messages, type Messages } from './messages.js';
import { PAGE_CSS } from './styles.js';

/**
 * The public pages of the service directory, rendered on the server as complete HTML documents:
 * pure functions from data to a string. They work without JavaScript (GET forms and links only),
 * carry their state in the URL (shareable, indexable), print cleanly, and follow WCAG 2.1 AA.
 * No script is emitted except the JSON-LD data block of a service page.
 */

// ————————————————————————————————————————————— inputs

export interface PageContext {
  lang: Language;
  /** The instant the page describes ("open now", stale marks, upcoming exceptions). */
  now: Date;
  /** Where the directory lives, without a trailing slash: '/tjenester'. */
  basePath: string;
  /** Where Punkt's dist folder is served: '/static/punkt' (→ /static/punkt/css/pkt.min.css). */
  assetsPath: string;
  /**
   * The public origin ('https://rusfag.oslo.kommune.no'), for absolute canonical, hreflang and
   * JSON-LD URLs. Without it those URLs are root-relative.
   */
  origin?: string | undefined;
  /** The open-data API; default '/hsds/services'. */
  openDataPath?: string | undefined;
}

export interface NamedTerm {
  code: string;
  name: string;
  nameEn: string;
}

export interface DistrictOption {
  code: string;
  name: string;
}

/** What the search form offers. */
export interface SearchOptions {
  /** The 15 districts, in the order to show them. */
  districts: readonly DistrictOption[];
  targetGroups: readonly NamedTerm[];
  categories: readonly NamedTerm[];
  languages: readonly NamedTerm[];
}

export type { OpenStatus };

// ————————————————————————————————————————————— URLs

type Params = [string, string][];

/** A path with its query; English adds lang=en (bokmål is the default and has no parameter). */
function href(path: string, lang: Language, params: Params = []): string {
  const search = new URLSearchParams(params);
  if (lang === 'en') search.append('lang', 'en');
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function absolute(ctx: PageContext, url: string): string {
  return ctx.origin ? `${ctx.origin.replace(/\/+$/, '')}${url}` : url;
}

/** The URL parameters of a search, defaults left out, in a stable order. */
export function searchParams(query: PublicSearchQuery): Params {
  const p: Params = [];
  if (query.q) p.push(['q', query.q]);
  for (const code of query.malgruppe) p.push(['malgruppe', code]);
  for (const code of query.kategori) p.push(['kategori', code]);
  if (query.bydel) p.push(['bydel', query.bydel]);
  if (query.apent) p.push(['apent', '1']);
  if (query.gratis) p.push(['gratis', '1']);
  if (query.uten_henvisning) p.push(['uten_henvisning', '1']);
  if (query.rullestol) p.push(['rullestol', '1']);
  if (query.sprak) p.push(['sprak', query.sprak]);
  if (query.sorter !== 'relevans') p.push(['sorter', query.sorter]);
  if (query.fra) p.push(['fra', query.fra]);
  if (query.lat !== undefined) p.push(['lat', String(query.lat)]);
  if (query.lon !== undefined) p.push(['lon', String(query.lon)]);
  if (query.side > 1) p.push(['side', String(query.side)]);
  return p;
}

/** The URL of a search (the same URL the form produces, without empty fields). */
export function searchUrl(ctx: Pick<PageContext, 'basePath'>, lang: Language, query: PublicSearchQuery): string {
  return href(ctx.basePath, lang, searchParams(query));
}

export function serviceUrl(ctx: Pick<PageContext, 'basePath'>, lang: Language, id: string): string {
  return href(`${ctx.basePath}/${encodeURIComponent(id)}`, lang);
}

const otherLang = (lang: Language): Language => (lang === 'en' ? 'nb' : 'en');

// ————————————————————————————————————————————— small formatting helpers


/** 'YYYY-MM-DD' → '23.11.2026' (both languages, as everywhere in Rusfag). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

// The label says what the issue asks for ("ikke bekreftet siste 6 måneder"), shown once the
// public threshold (VERIFY_STALE_MONTHS, 12) has passed. The freshness rule lives in core (directory/freshness.ts), shared with the search and the editors' queue.
export { addMonths, isStale };

const WEEKDAYS: Record<Language, string[]> = {
  nb: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

function clock(time: string, lang: Language): string {
  return lang === 'nb' ? time.replace(':', '.') : time;
}

/**
 * When the next opening or closing is, from today's point of view: "15.30" (today), "i morgen
 * 08.00", "mandag 08.00" (within the week), "24.12.2026 08.00"; in English "at 15:30", "tomorrow
 * at 08:00", "Monday at 08:00", "on 24.12.2026 at 08:00". Closing at midnight is "24.00"/"midnight".
 */
export function describeMoment(m: LocalMoment, today: string, lang: Language, kind: 'opens' | 'closes'): string {
  let { date, time } = m;
  if (kind === 'closes' && time === '00:00') {
    // Midnight closes the day before.
    date = addDays(date, -1);
    time = '24:00';
  }
  const days = daysBetween(today, date);
  const t = lang === 'en' && time === '24:00' ? 'midnight' : clock(time, lang);
  const at = lang === 'en' ? `at ${t}` : t;
  if (days === 0) return at;
  if (days === 1) return lang === 'en' ? `tomorrow ${at}` : `i morgen ${at}`;
  if (days > 1 && days < 7) {
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday
    const name = WEEKDAYS[lang][(weekday + 6) % 7] ?? '';
    return `${name} ${at}`;
  }
  return lang === 'en' ? `on ${formatDate(date)} ${at}` : `${formatDate(date)} kl. ${at}`;
}

function termName(term: NamedTerm, lang: Language): string {
  return lang === 'en' && term.nameEn ? term.nameEn : term.name;
}

function languageName(code: string, lang: Language): string {
  const known = COMMON_LANGUAGES.find((l) => l.code === code);
  return known ? (lang === 'en' ? known.nameEn : known.name) : code;
}

/** The text in the page's language, or the Norwegian one marked lang="nb" when there is no English. */
function localized(lang: Language, nb: string, en: string): { text: string; lang: Language | null } {
  if (lang === 'en' && en.trim() !== '') return { text: en, lang: null };
  return { text: nb, lang: lang === 'en' ? 'nb' : null };
}

/** Plain text with blank lines as paragraphs and single line breaks kept. */
function paragraphs(text: string, textLang: Language | null = null, className = 'rf-text'): SafeHtml {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (blocks.length === 0) return html``;
  const body = blocks.map((b) => html`<p>${join(b.split('\n'), html`<br>`)}</p>`);
  return textLang ? html`<div class="${className}" lang="${textLang}">${body}</div>` : html`<div class="${className}">${body}</div>`;
}

function metaDescription(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 160) return flat;
  return `${flat.slice(0, 159).trimEnd()}…`;
}

// ————————————————————————————————————————————— layout

interface LayoutInput {
  ctx: PageContext;
  /** The page's own part of the title: "<title> – Tjenester innen rus – Oslo kommune". */
  title: string;
  description?: string | undefined;
  /** The same page in each language (root-relative, with its query). */
  alternates: Record<Language, string>;
  /** Set for pages search engines should index; the canonical URL (root-relative). */
  canonical?: string | undefined;
  /** 'noindex' for error pages, 'noindex, follow' for filtered searches. */
  robots?: string | undefined;
  head?: SafeHtml | undefined;
  body: SafeHtml;
}

function layout(input: LayoutInput): string {
  const { ctx } = input;
  const t = messages(ctx.lang);
  const other = otherLang(ctx.lang);
  const openData = ctx.openDataPath ?? '/hsds/services';
  const alternateLinks = input.canonical
    ? html`<link rel="canonical" href="${absolute(ctx, input.canonical)}">
<link rel="alternate" hreflang="nb" href="${absolute(ctx, input.alternates.nb)}">
<link rel="alternate" hreflang="en" href="${absolute(ctx, input.alternates.en)}">
<link rel="alternate" hreflang="x-default" href="${absolute(ctx, input.alternates.nb)}">`
    : html``;
  const doc = html`<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} – ${t.siteName} – ${t.owner}</title>
${input.description ? html`<meta name="description" content="${input.description}">` : ''}
${input.robots ? html`<meta name="robots" content="${input.robots}">` : ''}
${alternateLinks}
<style>${raw(PAGE_CSS)}</style>
<link rel="stylesheet" href="${ctx.assetsPath}/css/pkt.min.css">
${input.head ?? ''}
</head>
<body>
<a class="rf-skip-link" href="#hovedinnhold">${t.skipToMain}</a>
<header class="rf-header">
<div class="rf-container rf-header__bar">
<a class="rf-header__brand" href="${href(ctx.basePath, ctx.lang)}"><span class="rf-header__owner">${t.owner}</span> <span class="rf-header__service">${t.productName}</span></a>
<nav class="rf-header__nav" aria-label="${ctx.lang === 'en' ? 'Language' : 'Språk'}"><ul><li><a class="pkt-link" href="${input.alternates[other]}" hreflang="${other}" lang="${t.switchLanguage.lang}">${t.switchLanguage.text}</a></li></ul></nav>
</div>
<div class="rf-help"><div class="rf-container"><p><strong>${t.helpNow}</strong> ${helpLine(t)}</p></div></div>
</header>
<main id="hovedinnhold" class="rf-main rf-container" tabindex="-1">
${input.body}
</main>
<footer class="rf-footer">
<div class="rf-container rf-footer__inner">
<h2>${t.footerTitle}</h2>
<p>${t.footerText}</p>
<p>${t.footerOpenData} <a href="${openData}">${t.footerOpenDataLink}</a></p>
<p>${t.owner}</p>
</div>
</footer>
</body>
</html>
`;
  return doc.value;
}

function helpLine(t: Messages): SafeHtml {
  return t.help({
    emergency: html`<a href="tel:113">113</a>`,
    legevakt: html`<a href="tel:116117">116&nbsp;117</a>`,
    rustelefonen: (text) => html`<a href="https://rustelefonen.no">${text}</a>`,
  });
}

function alert(kind: 'info' | 'warning' | 'error', body: HtmlValue): SafeHtml {
  const pkt = kind === 'info' ? 'pkt-alert' : `pkt-alert pkt-alert--${kind}`;
  return html`<div class="${pkt} rf-alert rf-alert--${kind}">${body}</div>`;
}

type BadgeKind = 'plain' | 'open' | 'closed' | 'warn' | 'stop';

function badge(text: HtmlValue, kind: BadgeKind = 'plain'): SafeHtml {
  const pkt = { plain: 'pkt-tag--gray', open: 'pkt-tag--green', closed: 'pkt-tag--gray', warn: 'pkt-tag--yellow', stop: 'pkt-tag--red' }[kind];
  return html`<li><span class="pkt-tag pkt-tag--small pkt-tag--thin-text ${pkt} rf-badge rf-badge--${kind}">${text}</span></li>`;
}

// ————————————————————————————————————————————— search form

function checkbox(id: string, name: string, value: string, label: string, checked: boolean): SafeHtml {
  return html`<div class="pkt-input-check"><div class="pkt-input-check__input rf-check"><input class="pkt-input-check__input-checkbox" type="checkbox" id="${id}" name="${name}" value="${value}"${checked ? html` checked` : ''}><label class="pkt-input-check__input-label" for="${id}">${label}</label></div></div>`;
}

function option(value: string, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

function select(id: string, name: string, label: string, options: SafeHtml[], hintId?: string): SafeHtml {
  return html`<div class="pkt-inputwrapper rf-field"><label class="pkt-inputwrapper__label" for="${id}">${label}</label><select class="pkt-input rf-select" id="${id}" name="${name}"${hintId ? html` aria-describedby="${hintId}"` : ''}>${options}</select></div>`;
}

function langField(lang: Language): SafeHtml {
  return lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : html``;
}

function freeTextRow(ctx: PageContext, q: string): SafeHtml {
  const t = messages(ctx.lang);
  return html`<div class="rf-search__row">
<div class="pkt-inputwrapper rf-field"><label class="pkt-inputwrapper__label" for="q">${t.freeText}</label><p class="pkt-inputwrapper__helptext rf-hint" id="q-hint">${t.freeTextHint}</p><input class="pkt-input rf-input" type="search" id="q" name="q" value="${q}" maxlength="200" aria-describedby="q-hint"></div>
<button type="submit" class="pkt-btn pkt-btn--primary rf-button"><span class="pkt-btn__text">${t.submit}</span></button>
</div>`;
}

/** Only the free-text search (404 page, or an error page without the filter options). */
function simpleSearchForm(ctx: PageContext, q = ''): SafeHtml {
  const t = messages(ctx.lang);
  return html`<form class="rf-search" method="get" action="${ctx.basePath}" role="search" aria-label="${t.searchFormLabel}">
${langField(ctx.lang)}
${freeTextRow(ctx, q)}
</form>`;
}

function searchForm(ctx: PageContext, query: PublicSearchQuery, options: SearchOptions, withJump: boolean): SafeHtml {
  const t = messages(ctx.lang);
  const lang = ctx.lang;
  const groups = options.targetGroups.map((g) =>
    checkbox(`malgruppe-${g.code}`, 'malgruppe', g.code, termName(g, lang), query.malgruppe.includes(g.code)),
  );
  const categories = options.categories.map((c) =>
    checkbox(`kategori-${c.code}`, 'kategori', c.code, termName(c, lang), query.kategori.includes(c.code)),
  );
  const districtOptions = (selected: string | undefined, emptyLabel: string) => [
    option('', emptyLabel, !selected),
    ...options.districts.map((d) => option(d.code, d.name, d.code === selected)),
    // A code the list does not know still shows, so the control reflects the URL.
    ...(selected && !options.districts.some((d) => d.code === selected) ? [option(selected, selected, true)] : []),
  ];
  const languageOptions = [
    option('', t.anyLanguage, !query.sprak),
    ...options.languages.map((l) => option(l.code, termName(l, lang), l.code === query.sprak)),
    ...(query.sprak && !options.languages.some((l) => l.code === query.sprak) ? [option(query.sprak, languageName(query.sprak, lang), true)] : []),
  ];
  const sortOptions = (['relevans', 'avstand', 'navn'] as const).map((s) => option(s, t.sortOptions[s], query.sorter === s));
  const hasCoordinates = query.lat !== undefined || query.lon !== undefined;
  return html`<form class="rf-search" method="get" action="${ctx.basePath}" role="search" aria-label="${t.searchFormLabel}">
${langField(lang)}
${freeTextRow(ctx, query.q)}
${withJump ? html`<p class="rf-jump"><a class="pkt-link" href="#treff">${t.jumpToResults}</a></p>` : ''}
${
  groups.length > 0
    ? html`<fieldset class="pkt-inputwrapper__fieldset rf-fieldset"><legend class="pkt-inputwrapper__legend rf-legend">${t.targetGroups}</legend><div class="rf-checks">${groups}</div></fieldset>`
    : ''
}
${
  categories.length > 0
    ? html`<fieldset class="pkt-inputwrapper__fieldset rf-fieldset"><legend class="pkt-inputwrapper__legend rf-legend">${t.categories}</legend><div class="rf-checks">${categories}</div></fieldset>`
    : ''
}
${select('bydel', 'bydel', t.district, districtOptions(query.bydel, t.wholeCity))}
<fieldset class="pkt-inputwrapper__fieldset rf-fieldset"><legend class="pkt-inputwrapper__legend rf-legend">${t.only}</legend><div class="rf-checks">
${checkbox('apent', 'apent', '1', t.openNow, query.apent)}
${checkbox('gratis', 'gratis', '1', t.free, query.gratis)}
${checkbox('uten_henvisning', 'uten_henvisning', '1', t.noReferral, query.uten_henvisning)}
${checkbox('rullestol', 'rullestol', '1', t.wheelchair, query.rullestol)}
</div></fieldset>
${select('sprak', 'sprak', t.language, languageOptions)}
<fieldset class="pkt-inputwrapper__fieldset rf-fieldset"><legend class="pkt-inputwrapper__legend rf-legend">${t.sortLegend}</legend>
<p class="rf-hint" id="sorter-hint">${t.sortHint}</p>
${select('sorter', 'sorter', t.sort, sortOptions, 'sorter-hint')}
${select('fra', 'fra', t.from, districtOptions(query.fra, t.fromNone))}
<details class="rf-details"${hasCoordinates ? html` open` : ''}><summary>${t.coordinates}</summary>
<p class="rf-hint" id="coordinates-hint">${t.coordinatesHint}</p>
<div class="pkt-inputwrapper rf-field"><label class="pkt-inputwrapper__label" for="lat">${t.latitude}</label><input class="pkt-input rf-input" type="number" id="lat" name="lat" step="any" min="57" max="72" inputmode="decimal" value="${query.lat !== undefined ? String(query.lat) : ''}" aria-describedby="coordinates-hint"></div>
<div class="pkt-inputwrapper rf-field"><label class="pkt-inputwrapper__label" for="lon">${t.longitude}</label><input class="pkt-input rf-input" type="number" id="lon" name="lon" step="any" min="4" max="32" inputmode="decimal" value="${query.lon !== undefined ? String(query.lon) : ''}" aria-describedby="coordinates-hint"></div>
</details>
</fieldset>
<div class="rf-actions">
<button type="submit" class="pkt-btn pkt-btn--primary rf-button"><span class="pkt-btn__text">${t.update}</span></button>
<a class="pkt-link" href="${href(ctx.basePath, lang)}">${t.reset}</a>
</div>
</form>`;
}

// ————————————————————————————————————————————— search results

function hitItem(ctx: PageContext, hit: PublicSearchHit): SafeHtml {
  const t = messages(ctx.lang);
  const lang = ctx.lang;
  const badges: SafeHtml[] = [];
  if (hit.status !== 'active') badges.push(badge(t.status[hit.status], 'stop'));
  else if (hit.open === 'open') badges.push(badge(t.openNow, 'open'));
  else if (hit.open === 'closed') badges.push(badge(t.closedNow, 'closed'));
  if (hit.freeOfCharge === true) badges.push(badge(t.free));
  if (hit.referralRequired === false) badges.push(badge(t.noReferral));
  for (const g of hit.targetGroups) badges.push(badge(termName(g, lang)));
  if (hit.cityWide) badges.push(badge(t.wholeCity));
  else if (hit.districts.length > 0) badges.push(badge(hit.districts.map((d) => d.name).join(', ')));
  if (hit.distanceKm !== null && Number.isFinite(hit.distanceKm)) {
    badges.push(badge(html`<span class="pkt-sr-only rf-sr-only">${t.distanceLabel}: </span>${t.distance(hit.distanceKm)}`));
  }
  if (hit.stale) badges.push(badge(t.stale(VERIFY_REMIND_MONTHS), 'warn'));
  return html`<li class="rf-hit">
<h3 class="rf-h3"><a class="pkt-link" href="${serviceUrl(ctx, lang, hit.id)}">${hit.name}</a></h3>
${hit.organizationName ? html`<p class="rf-muted">${t.organisation} ${hit.organizationName}</p>` : ''}
${hit.summary ? html`<p>${hit.summary}</p>` : ''}
${badges.length > 0 ? html`<ul class="rf-badges">${badges}</ul>` : ''}
</li>`;
}

function interpretationNotes(ctx: PageContext, result: PublicSearchResult, options: SearchOptions): SafeHtml {
  const t = messages(ctx.lang);
  const i = result.interpretation;
  const notes: string[] = i.corrected.map((c) => t.corrected(c.to, c.from));
  if (i.district) {
    // The search may give the district's code or its name.
    const name = options.districts.find((d) => d.code === i.district)?.name ?? i.district;
    notes.push(t.interpretedDistrict(name));
  }
  // `?? []`: a result from before `terms` existed still renders.
  for (const term of i.terms ?? []) notes.push(t.interpretedTerm(term.text, term.taxonomy, termName(term, ctx.lang)));
  if (i.openNow) notes.push(t.interpretedOpenNow);
  if (i.relaxed) notes.push(t.relaxed);
  if (notes.length === 0) return html``;
  return html`<ul class="rf-notes">${notes.map((n) => html`<li>${n}</li>`)}</ul>`;
}

/** Page links: first, last, and two either side of the current one. */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const wanted = new Set<number>([1, pages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, index) => {
    const prev = sorted[index - 1];
    if (prev !== undefined && p - prev > 1) out.push(null);
    out.push(p);
  });
  return out;
}

function pagination(ctx: PageContext, query: PublicSearchQuery, result: PublicSearchResult): SafeHtml {
  const t = messages(ctx.lang);
  const pageSize = Math.max(1, result.pageSize);
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  if (pages <= 1) return html``;
  const page = result.page;
  const to = (p: number) => searchUrl(ctx, ctx.lang, { ...query, side: p });
  const items: SafeHtml[] = [];
  if (page > 1) items.push(html`<li><a class="pkt-link" rel="prev" href="${to(Math.min(page - 1, pages))}">${t.previous}</a></li>`);
  for (const p of pageNumbers(Math.min(page, pages), pages)) {
    if (p === null) items.push(html`<li aria-hidden="true"><span>…</span></li>`);
    else if (p === page) items.push(html`<li><a class="pkt-link" href="${to(p)}" aria-current="page"><span class="pkt-sr-only rf-sr-only">${t.pagePrefix} </span>${p}</a></li>`);
    else items.push(html`<li><a class="pkt-link" href="${to(p)}"><span class="pkt-sr-only rf-sr-only">${t.pagePrefix} </span>${p}</a></li>`);
  }
  if (page < pages) items.push(html`<li><a class="pkt-link" rel="next" href="${to(page + 1)}">${t.next}</a></li>`);
  return html`<nav class="rf-pagination" aria-label="${t.pagination}"><ul>${items}</ul></nav>`;
}

function hasFilters(query: PublicSearchQuery): boolean {
  return searchParams(query).length > 0;
}

/**
 * The search page: the form (every control showing the current query) and the results. The
 * form is a GET to basePath, so the URL is the search and can be shared.
 */
export function renderSearchPage(ctx: PageContext, query: PublicSearchQuery, result: PublicSearchResult, options: SearchOptions): string {
  const t = messages(ctx.lang);
  const lang = ctx.lang;
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);
  let results: SafeHtml;
  if (result.total === 0) {
    results = html`<h2 class="rf-h2" id="treff-tittel">${t.emptyHeading}</h2>
${interpretationNotes(ctx, result, options)}
<div class="rf-empty"><ul>${t.emptyAdvice.map((a) => html`<li>${a}</li>`)}</ul></div>`;
  } else if (result.hits.length === 0) {
    results = html`<h2 class="rf-h2" id="treff-tittel">${t.resultsHeading(result.total)}</h2>
<div class="rf-empty"><p>${t.pageOutOfRange}</p><p><a class="pkt-link" href="${searchUrl(ctx, lang, { ...query, side: 1 })}">${t.firstPage}</a></p></div>`;
  } else {
    results = html`<h2 class="rf-h2" id="treff-tittel">${t.resultsHeading(result.total)}</h2>
${result.total > result.hits.length ? html`<p class="rf-muted">${t.showing(first, Math.max(first, last), result.total)}</p>` : ''}
${interpretationNotes(ctx, result, options)}
<ol class="rf-hits">${result.hits.map((hit) => hitItem(ctx, hit))}</ol>
${pagination(ctx, query, result)}`;
  }
  const title = (query.q ? t.searchTitleFor(query.q) : t.searchTitle) + (query.side > 1 ? ` (${t.pageSuffix(query.side)})` : '');
  const body = html`<h1 class="rf-h1">${t.searchHeading}</h1>
<p class="rf-lead">${t.searchIntro}</p>
<div class="rf-dir">
${searchForm(ctx, query, options, true)}
<section class="rf-results" id="treff" aria-labelledby="treff-tittel" tabindex="-1">
${results}
</section>
</div>`;
  const filtered = hasFilters(query);
  return layout({
    ctx,
    title,
    description: t.searchIntro,
    alternates: { nb: searchUrl(ctx, 'nb', query), en: searchUrl(ctx, 'en', query) },
    // The plain search page is indexed; a filtered or paged one is followed, not indexed.
    canonical: filtered ? undefined : href(ctx.basePath, lang),
    robots: filtered ? 'noindex, follow' : undefined,
    body,
  });
}

// ————————————————————————————————————————————— service page

function openLine(ctx: PageContext, status: OpenStatus, today: string): string | null {
  const t = messages(ctx.lang);
  switch (status.state) {
    case 'open':
      return status.closesAt ? t.openUntil(describeMoment(status.closesAt, today, ctx.lang, 'closes')) : t.openNowPlain;
    case 'closed':
      return status.opensNext ? t.closedUntil(describeMoment(status.opensNext, today, ctx.lang, 'opens')) : t.closedPlain;
    case 'unknown':
      return null;
  }
}

function ageText(t: Messages, min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return t.ageRange(min, max);
  if (min !== null) return t.ageFrom(min);
  if (max !== null) return t.ageTo(max);
  return null;
}

function section(id: string, title: string, body: HtmlValue): SafeHtml {
  return html`<section class="rf-section" aria-labelledby="${id}"><h2 class="rf-h2" id="${id}">${title}</h2>${body}</section>`;
}

/**
 * One location. A confidential one shows its name and how to make contact, nothing else — even if
 * (by a bug elsewhere) an address, coordinates or directions were present in the data.
 */
function locationBlock(ctx: PageContext, location: PublicLocation, index: number): SafeHtml {
  const t = messages(ctx.lang);
  const heading = html`<h3 class="rf-h3" id="sted-${index}">${location.name}${location.example ? html` <span class="rf-muted">${t.exampleData}</span>` : ''}</h3>`;
  if (location.confidential) {
    return html`<div class="rf-location">${heading}<p>${t.confidentialAddress}</p></div>`;
  }
  const postal = [location.postalCode, location.city].filter((s): s is string => !!s && s.trim() !== '').join(' ');
  const lines: SafeHtml[] = [];
  if (location.address || postal) {
    lines.push(html`<p>${location.address ? html`${location.address}<br>` : ''}${postal}</p>`);
  }
  if (location.district) lines.push(html`<p>${t.districtName(location.district.name)}</p>`);
  if (location.wheelchairAccessible !== null) lines.push(html`<p>${location.wheelchairAccessible ? t.wheelchairYes : t.wheelchairNo}</p>`);
  if (location.accessibilityNote) lines.push(paragraphs(location.accessibilityNote));
  if (location.description) lines.push(paragraphs(location.description));
  if (location.transportation) lines.push(html`<p><strong>${t.directions}:</strong> ${location.transportation}</p>`);
  const { latitude: lat, longitude: lon } = location;
  if (lat !== null && lon !== null && Number.isFinite(lat) && Number.isFinite(lon)) {
    const map = `https://www.openstreetmap.org/?mlat=${lat.toFixed(5)}&mlon=${lon.toFixed(5)}#map=17/${lat.toFixed(5)}/${lon.toFixed(5)}`;
    lines.push(html`<p class="rf-no-print"><a class="pkt-link" href="${map}">${t.showOnMap}<span class="pkt-sr-only rf-sr-only">: ${location.name}</span></a></p>`);
  }
  return html`<div class="rf-location">${heading}${lines}</div>`;
}

/** JSON for a <script type="application/ld+json">: no '<', '>' or '&' can end the script or start markup. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * schema.org data for search engines: what, who provides it, where (districts or the city), and
 * the page. No locations at all, so nothing of a confidential address can be in it.
 */
export function serviceJsonLd(ctx: PageContext, service: PublicService): Record<string, unknown> {
  const lang = ctx.lang;
  const name = lang === 'en' && service.nameEn ? service.nameEn : service.name;
  const description = localized(lang, service.description, service.descriptionEn).text;
  const website = safeHref(service.organization.website);
  const url = safeHref(service.url);
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    name,
    ...(service.alternateName ? { alternateName: service.alternateName } : {}),
    ...(description ? { description: description.slice(0, 5000) } : {}),
    url: absolute(ctx, serviceUrl(ctx, lang, service.id)),
    ...(url ? { sameAs: url } : {}),
    provider: { '@type': 'Organization', name: service.organization.name, ...(website ? { url: website } : {}) },
    areaServed: service.cityWide
      ? { '@type': 'City', name: 'Oslo' }
      : service.districts.length > 0
        ? service.districts.map((d) => ({ '@type': 'AdministrativeArea', name: `Bydel ${d.name}`, containedInPlace: { '@type': 'City', name: 'Oslo' } }))
        : { '@type': 'City', name: 'Oslo' },
    ...(service.categories.length > 0 ? { serviceType: service.categories.map((c) => termName(c, lang)) } : {}),
    ...(service.targetGroups.length > 0
      ? { audience: service.targetGroups.map((g) => ({ '@type': 'Audience', audienceType: termName(g, lang) })) }
      : {}),
    ...(service.languages.length > 0 ? { availableLanguage: service.languages } : {}),
    ...(service.freeOfCharge === true ? { isAccessibleForFree: true } : {}),
    inLanguage: lang === 'en' ? 'en' : 'nb',
  };
}

function contactSection(ctx: PageContext, service: PublicService): SafeHtml {
  const t = messages(ctx.lang);
  const items: SafeHtml[] = [];
  for (const phone of service.phones) {
    items.push(
      html`<li>${t.phone}: ${externalLink(telHref(phone.number), phone.number)}${phone.description ? html` – ${phone.description}` : ''}</li>`,
    );
  }
  if (service.email) items.push(html`<li>${t.email}: ${externalLink(mailtoHref(service.email), service.email)}</li>`);
  if (service.url) items.push(html`<li>${t.website}: ${externalLink(safeHref(service.url), service.url)}</li>`);
  const persons = service.contacts
    .filter((c) => c.name || c.title || c.email || c.phone)
    .map(
      (c) =>
        html`<li>${join([c.name, c.title], ', ')}${c.phone ? html` – ${externalLink(telHref(c.phone), c.phone)}` : ''}${c.email ? html` – ${externalLink(mailtoHref(c.email), c.email)}` : ''}</li>`,
    );
  if (items.length === 0 && persons.length === 0) return html`<p>${t.noContact}</p>`;
  return html`${items.length > 0 ? html`<ul class="rf-plain">${items}</ul>` : ''}${
    persons.length > 0 ? html`<h3 class="rf-h3">${t.contactPersons}</h3><ul class="rf-plain">${persons}</ul>` : ''
  }`;
}

function whenSection(ctx: PageContext, service: PublicService, status: OpenStatus, today: string): SafeHtml {
  const t = messages(ctx.lang);
  const example = service.hoursExample ? html` <span class="rf-muted">${t.exampleData}</span>` : '';
  const weekly = formatWeekly(service.hours, ctx.lang, today);
  const upcoming = service.hours.exceptions.filter((e) => e.to >= today);
  const exceptions = formatExceptions(upcoming, ctx.lang);
  const line = service.status === 'active' ? openLine(ctx, status, today) : null;
  const parts: HtmlValue[] = [];
  if (line) parts.push(html`<p class="rf-status-line">${line}${example}</p>`);
  if (weekly.length > 0) {
    parts.push(html`<h3 class="rf-h3">${t.weeklyHours}${example}</h3><ul class="rf-plain">${weekly.map((l) => html`<li>${l}</li>`)}</ul>`);
  }
  if (exceptions.length > 0) {
    parts.push(html`<h3 class="rf-h3">${t.exceptions}${example}</h3><ul class="rf-plain">${exceptions.map((l) => html`<li>${l}</li>`)}</ul>`);
  }
  if (weekly.length === 0 && exceptions.length === 0) parts.push(html`<p>${t.noHours}</p>`);
  if (service.hoursNote) parts.push(paragraphs(service.hoursNote));
  return html`${parts}`;
}

/**
 * A service's page. `status` is core's openStatus(service.hours, ctx.now); computed here when
 * not given.
 */
export function renderServicePage(ctx: PageContext, service: PublicService, status?: OpenStatus): string {
  const t = messages(ctx.lang);
  const lang = ctx.lang;
  const today = osloLocal(ctx.now).date;
  const open = status ?? openStatus(service.hours, ctx.now);
  const name = lang === 'en' && service.nameEn ? service.nameEn : service.name;
  const description = localized(lang, service.description, service.descriptionEn);
  const eligibility = localized(lang, service.eligibility, service.eligibilityEn);
  const howToGetIn = localized(lang, service.howToGetIn, service.howToGetInEn);
  const stale = isStale(service.lastVerifiedOn, today);
  const pageUrl = serviceUrl(ctx, lang, service.id);

  const top: SafeHtml[] = [];
  if (service.status !== 'active') {
    top.push(alert('warning', html`<p><strong>${t.status[service.status]}</strong></p>${service.statusNote ? paragraphs(service.statusNote) : ''}`));
  }
  if (stale) top.push(alert('warning', html`<p>${t.staleWarning(VERIFY_REMIND_MONTHS)}</p>`));

  const badges: SafeHtml[] = [];
  const example = service.hoursExample ? ` ${t.exampleData}` : '';
  const openNow = service.status === 'active' ? open.state : 'unknown';
  if (openNow === 'open') badges.push(badge(t.openNow + example, 'open'));
  if (openNow === 'closed') badges.push(badge(t.closedNow + example, 'closed'));
  if (service.freeOfCharge === true) badges.push(badge(t.free));
  if (service.referralRequired === false) badges.push(badge(t.noReferral));

  const age = ageText(t, service.minimumAge, service.maximumAge);
  const forWhom: HtmlValue[] = [];
  if (service.targetGroups.length > 0) {
    forWhom.push(html`<ul class="rf-list">${service.targetGroups.map((g) => html`<li>${termName(g, lang)}</li>`)}</ul>`);
  }
  if (eligibility.text) forWhom.push(paragraphs(eligibility.text, eligibility.lang));
  if (age) forWhom.push(html`<p>${t.age}: ${age}</p>`);
  if (forWhom.length === 0) forWhom.push(html`<p>${t.notGiven}</p>`);

  const area = service.cityWide ? t.wholeCity : service.districts.map((d) => t.districtName(d.name)).join(', ');
  const where = html`${area ? html`<p>${t.serviceArea}: ${area}</p>` : ''}${
    service.locations.length > 0 ? service.locations.map((l, i) => locationBlock(ctx, l, i + 1)) : html`<p>${t.noLocations}</p>`
  }`;

  const price =
    service.freeOfCharge === true
      ? html`<p>${t.priceFree}</p>`
      : service.freeOfCharge === false
        ? html`<p>${t.pricePaid}</p>`
        : html`<p>${t.notGiven}</p>`;
  const fees = service.feesDescription ? paragraphs(service.feesDescription) : '';
  const referral =
    service.referralRequired === true ? t.referralRequired : service.referralRequired === false ? t.referralNotRequired : t.notGiven;
  const verified = service.lastVerifiedOn ? t.lastVerified(formatDate(service.lastVerifiedOn), service.lastVerifiedBy) : t.neverVerified;
  const orgWebsite = safeHref(service.organization.website);

  const body = html`<p class="rf-back"><a class="pkt-link" href="${href(ctx.basePath, lang)}">${t.backToSearch}</a></p>
<h1 class="rf-h1">${name}</h1>
<p class="rf-service__org">${t.organisation} ${orgWebsite ? html`<a class="pkt-link" href="${orgWebsite}">${service.organization.name}</a>` : service.organization.name}</p>
${service.alternateName ? html`<p class="rf-muted">${t.alsoKnownAs} ${service.alternateName}</p>` : ''}
${top}
${badges.length > 0 ? html`<ul class="rf-badges">${badges}</ul>` : ''}
${description.text ? paragraphs(description.text, description.lang) : ''}
${howToGetIn.text ? section('kontaktvei', t.howToGetIn, paragraphs(howToGetIn.text, howToGetIn.lang)) : ''}
${section('for-hvem', t.forWhom, forWhom)}
${section('hvor', t.where, where)}
${section('naar', t.when, whenSection(ctx, service, open, today))}
${section('kontakt', t.contact, contactSection(ctx, service))}
${section('pris', t.price, html`${price}${fees}`)}
${section('henvisning', t.referral, html`<p>${referral}</p>`)}
${service.languages.length > 0 ? section('sprak', t.languages, html`<p>${service.languages.map((c) => languageName(c, lang)).join(', ')}</p>`) : ''}
<p class="rf-verified">${verified}${stale && service.lastVerifiedOn ? html` – <strong>${t.stale(VERIFY_REMIND_MONTHS)}</strong>` : ''}</p>
<p class="rf-print-only">${t.printedFrom} ${absolute(ctx, pageUrl)} (${formatDate(today)})</p>`;

  const head = html`<script type="application/ld+json">${raw(jsonForScript(serviceJsonLd(ctx, service)))}</script>`;
  return layout({
    ctx,
    title: name,
    description: metaDescription(description.text) || undefined,
    alternates: { nb: serviceUrl(ctx, 'nb', service.id), en: serviceUrl(ctx, 'en', service.id) },
    canonical: pageUrl,
    head,
    body,
  });
}

// ————————————————————————————————————————————— 404 and errors

/** 404: an unknown or unpublished service. The route answers with status 404. */
export function renderNotFoundPage(ctx: PageContext): string {
  const t = messages(ctx.lang);
  const body = html`<h1 class="rf-h1">${t.notFoundTitle}</h1>
<p class="rf-lead">${t.notFoundText}</p>
${simpleSearchForm(ctx)}
<p><a class="pkt-link" href="${href(ctx.basePath, ctx.lang)}">${t.allServices}</a></p>`;
  return notIndexedPage(ctx, t.notFoundTitle, body);
}

/** A page search engines should not keep (404, 400): its language switch leads to the search. */
function notIndexedPage(ctx: PageContext, title: string, body: SafeHtml): string {
  return layout({ ctx, title, alternates: { nb: href(ctx.basePath, 'nb'), en: href(ctx.basePath, 'en') }, robots: 'noindex', body });
}

export interface ErrorPageExtras {
  /** With the options the full search form is shown (empty); without, only the free-text field. */
  options?: SearchOptions | undefined;
  /** The free text the person searched for, if it could be read, to keep it in the field. */
  q?: string | undefined;
}

/** 400: bad search parameters. `message` says what was wrong (in ctx.lang); the form still works. */
export function renderErrorPage(ctx: PageContext, message: string, extras: ErrorPageExtras = {}): string {
  const t = messages(ctx.lang);
  const q = (extras.q ?? '').slice(0, 200);
  const form = extras.options
    ? searchForm(ctx, PublicSearchQuery.parse({ q }), extras.options, false)
    : simpleSearchForm(ctx, q);
  const body = html`<h1 class="rf-h1">${t.errorTitle}</h1>
${alert('error', html`<p>${message || t.errorIntro}</p><p>${t.errorAdvice}</p>`)}
${form}`;
  return notIndexedPage(ctx, t.errorTitle, body);
}
