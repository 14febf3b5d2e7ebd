import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMessageCode, languageFrom, translate, type MessageCode } from './messages.js';

describe('languageFrom', () => {
  it.each([
    [undefined, 'nb'],
    ['', 'nb'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['nb-NO', 'nb'],
    ['nb', 'nb'],
    ['nn', 'nb'],
    ['nn-NO', 'nb'],
    ['no', 'nb'],
    ['garbage', 'nb'],
    ['*', 'nb'],
    ['de-DE,fr;q=0.8', 'nb'],
  ] as const)('answers %j with %s', (header, lang) => {
    expect(languageFrom(header)).toBe(lang);
  });

  it.each([
    // The browser's order, as sent by Chrome and Firefox.
    ['en-GB,en;q=0.9,nb;q=0.5', 'en'],
    ['nb-NO,nb;q=0.9,no;q=0.8,en-US;q=0.6,en;q=0.5', 'nb'],
    // q-values win over the order in the header.
    ['nb;q=0.5, en;q=0.9', 'en'],
    ['en;q=0.4, nn;q=0.8', 'nb'],
    // Equal weights: the first one listed wins.
    ['en, nb', 'en'],
    ['nb, en', 'nb'],
    // Unsupported languages are skipped in favour of the next supported one.
    ['de, en;q=0.5', 'en'],
    ['sv-SE, en-US;q=0.9, nb;q=0.8', 'en'],
    // q=0 means "not this one".
    ['en;q=0, nb;q=0.1', 'nb'],
    ['en;q=0', 'nb'],
    // A broken q-value does not make a language preferred.
    ['en;q=abc, nb;q=0.2', 'nb'],
    // Spaces and parameter order do not matter.
    ['  en-US ; q=0.8 ,  nb ; q=0.7 ', 'en'],
  ] as const)('ranks %j as %s', (header, lang) => {
    expect(languageFrom(header)).toBe(lang);
  });
});

describe('translate', () => {
  it('fills named parameters in both languages', () => {
    expect(translate('nb', 'account_locked', { minutes: 15 })).toBe('For mange mislykkede forsøk. Prøv igjen om 15 minutter.');
    expect(translate('en', 'account_locked', { minutes: 15 })).toBe('Too many failed attempts. Try again in 15 minutes.');
    expect(translate('en', 'field_invalid_value', { options: 'a, b' })).toBe('Invalid value. Allowed: a, b.');
    expect(translate('nb', 'field_too_short', { minimum: 3 })).toBe('Må ha minst 3 tegn.');
  });

  it('leaves a placeholder visible when its parameter is missing, and ignores extra parameters', () => {
    expect(translate('en', 'field_too_long', {})).toBe('Can have at most {maximum} characters.');
    expect(translate('en', 'not_found', { id: 'x' })).toBe('Not found.');
  });

  it('does not treat a parameter value as a placeholder', () => {
    expect(translate('en', 'field_unrecognized_keys', { keys: '{keys}, {other}' })).toBe('Unknown fields: {keys}, {other}.');
  });
});

/** The catalogue keys, read from the source: the module exports no list of them. */
function cataloguesInSource(): Record<'nb' | 'en', string[]> {
  const source = readFileSync(path.resolve(import.meta.dirname, 'messages.ts'), 'utf8');
  const block = (start: RegExp) => {
    const from = source.search(start);
    expect(from).toBeGreaterThanOrEqual(0);
    const body = source.slice(from, source.indexOf('\n}', from));
    return [...body.matchAll(/^\s+([a-z_]+):\s/gm)].map((m) => m[1]!);
  };
  return { nb: block(/^const nb = \{/m), en: block(/^const en: Record<MessageCode, string> = \{/m) };
}

describe('message catalogues', () => {
  const keys = cataloguesInSource();

  it('has the same codes in bokmål and English', () => {
    expect(keys.nb.length).toBeGreaterThan(40);
    expect([...keys.en].sort()).toEqual([...keys.nb].sort());
    for (const key of keys.nb) expect(isMessageCode(key), key).toBe(true);
  });

  it('has a text for every code in both languages, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of keys.nb as MessageCode[]) {
      const nb = translate('nb', code);
      const en = translate('en', code);
      expect(nb.trim(), `nb ${code}`).not.toBe('');
      expect(en.trim(), `en ${code}`).not.toBe('');
      expect(placeholders(en), code).toEqual(placeholders(nb));
    }
  });

  it('knows no code outside the catalogue, nor inherited object keys', () => {
    expect(isMessageCode('no_such_code')).toBe(false);
    expect(isMessageCode('toString')).toBe(false);
    expect(isMessageCode('__proto__')).toBe(false);
  });
});
