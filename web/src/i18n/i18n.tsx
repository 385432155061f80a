import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../../src/http/contract.ts';
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';

export type { MessageKey };
type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };
const STORAGE_KEY = 'cellier.locale';

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogues[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const value = params[name];
    if (value === undefined) return m;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

export function formatNumber(locale: Locale, value: number, maxDecimals = 3): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: maxDecimals,
  }).format(value);
}

type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Plural: picks key_one or key_other (French: 0 and 1 are singular). */
  tn: (key: PluralKey, n: number, params?: Params) => string;
  num: (value: number, maxDecimals?: number) => string;
  money: (value: number | null) => string;
  date: (iso: string | null, withTime?: boolean) => string;
};

type PluralBase<K> = K extends `${infer B}_one` ? B : never;
type PluralKey = PluralBase<MessageKey>;

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lives for this tab only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
    const moneyFormat = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' });
    const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    const t: Translate = (key, params) => translate(locale, key, params);
    return {
      locale,
      setLocale,
      t,
      tn: (key, n, params) => {
        const one = locale === 'fr' ? Math.abs(n) < 2 : n === 1;
        return t(`${key}_${one ? 'one' : 'other'}` as MessageKey, { n, ...params });
      },
      num: (v, maxDecimals) => formatNumber(locale, v, maxDecimals),
      money: (v) => (v === null ? '—' : moneyFormat.format(v)),
      date: (iso, withTime = false) => {
        if (!iso) return '—';
        return (withTime ? dateTimeFormat : dateFormat).format(new Date(iso));
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
