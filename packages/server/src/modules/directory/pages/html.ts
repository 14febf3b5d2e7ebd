/**
 * The XSS barrier of the public pages: a tagged template that escapes every interpolated value
 * unless it is SafeHtml made by `html` itself (or, deliberately, by `raw`). Nothing else in
 * pages/ builds markup by string concatenation.
 *
 *   html`<p>${service.name}</p>`               → the name as text, whatever it contains
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`   arrays of fragments are joined
 *   html`${cond && html`<p>…</p>`}`            false, null and undefined render as nothing
 *
 * Attribute values must be written in double quotes in the templates; both quote characters are
 * escaped anyway. URLs taken from data go through `safeHref`, which lets only http(s), mailto: and
 * tel: through, so a `javascript:` address can never become a link.
 */

const SAFE = Symbol('SafeHtml');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
  toString(): string;
}

/** What may be interpolated: text and numbers are escaped, fragments are kept, nothing renders as ''. */
export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

function safe(value: string): SafeHtml {
  return {
    [SAFE]: true,
    value,
    toString() {
      return value;
    },
  };
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && (value as { [SAFE]?: unknown })[SAFE] === true;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five characters that matter in text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  if (isSafeHtml(value)) return value.value;
  // Anything else (an object that slipped past the types) is shown as escaped text, never as markup.
  return escapeHtml(String(value as unknown));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return safe(out);
}

/** Markup we made ourselves and trust as it is (the inline stylesheet, the escaped JSON-LD). Never data. */
export function raw(markup: string): SafeHtml {
  return safe(markup);
}

/** Joins fragments with a separator (itself escaped unless SafeHtml). */
export function join(items: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  const sep = render(separator);
  return safe(
    items
      .map(render)
      .filter((s) => s !== '')
      .join(sep),
  );
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * A URL from data that may become an href: http(s), mailto: or tel: only, parsed the way a browser
 * parses it (so 'java\tscript:' or ' javascript:' are caught too). Returns the normalised URL, or
 * null when it must be shown as plain text.
 */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (trimmed === '' || hasControlCharacter(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '') return null;
  return url.href;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** tel: link for a phone number as stored (digits, spaces, +, parentheses, hyphens). */
export function telHref(number: string): string | null {
  const digits = number.replace(/[^\d+]/g, '');
  if (!/^\+?\d{3,20}$/.test(digits)) return null;
  return `tel:${digits}`;
}

/** mailto: link for an e-mail address, or null if it does not look like one. */
export function mailtoHref(email: string): string | null {
  const trimmed = email.trim();
  if (!/^[^\s@<>"'()\\,;:]+@[^\s@<>"'()\\,;:]+\.[^\s@<>"'()\\,;:]+$/.test(trimmed)) return null;
  return safeHref(`mailto:${trimmed}`);
}

/**
 * A link to an address taken from data: an <a> when `href` is safe, otherwise the text alone (so a
 * bad address is still visible to the reader and to the editors who must fix it).
 */
export function externalLink(href: string | null, text: HtmlValue, className = 'pkt-link'): SafeHtml {
  if (href === null) return html`<span class="rf-unlinked">${text}</span>`;
  // A link that shows its own address needs no address after it in print.
  const showsAddress = typeof text === 'string' && (text.trim() === href || `${text.trim()}/` === href);
  return html`<a class="${className}${showsAddress ? ' rf-is-url' : ''}" href="${href}">${text}</a>`;
}
