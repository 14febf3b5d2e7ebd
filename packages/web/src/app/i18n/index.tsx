import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '@rusfag/core';
import { setApiLanguage } from '../api';
import { en } from './en';
import { nb, type MessageKey, type Messages } from './nb';

export type { MessageKey };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Language, Messages> = { nb, en };
const STORAGE_KEY = 'rusfag.language';

/** Keys that exist as "<base>.one" and "<base>.other", for counts. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    params[name] === undefined ? match : String(params[name]),
  );
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** "1 hendelse" / "3 hendelser"; the count is passed as {count}, formatted for the language. */
  tp: (base: PluralBase, count: number, params?: Params) => string;
  formatNumber: (value: number) => string;
  /** For keys built at run time (audit action names): the text, or null if there is none. */
  lookup: (key: string) => string | null;
}

const I18nContext = createContext<I18n | null>(null);

// Set before the first render so the very first API call already asks in the right language.
const initialLanguage = storedLanguage();
setApiLanguage(initialLanguage);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
    setApiLanguage(language);
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    setApiLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const numberFormat = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nb-NO');
    const plurals = new Intl.PluralRules(language === 'en' ? 'en-GB' : 'nb-NO');
    const t: Translate = (key, params) => translate(language, key, params);
    return {
      language,
      setLanguage,
      t,
      tp: (base, count, params) =>
        t(`${base}.${plurals.select(count) === 'one' ? 'one' : 'other'}` as MessageKey, {
          ...params,
          count: numberFormat.format(count),
        }),
      formatNumber: (n) => numberFormat.format(n),
      lookup: (key) => (Object.hasOwn(catalogues[language], key) ? catalogues[language][key as MessageKey] : null),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
