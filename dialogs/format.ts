import { BoundedMemory } from '../services/shared/boundedMemory';
import type { Language } from './i18n';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

// Building an Intl formatter costs far more than using one (it loads the locale's data): one per language.
const perLanguage = <T>(build: (locale: string) => T): Record<Language, T> => ({ fr: build(LOCALES.fr), en: build(LOCALES.en) });
const DATE_FORMATS = perLanguage((locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }));
const TIME_FORMATS = perLanguage((locale) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }));
const EURO_FORMATS = perLanguage((locale) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }));

// Calendar dates repeat from card to card (publication dates, deadlines): each is formatted once.
const CALENDAR_DATES = perLanguage(() => new BoundedMemory<string>(2000));

/** "23 novembre 2026" / "23 November 2026". Dates from the APIs are calendar dates (YYYY-MM-DD). */
export function formatDate(date: string | Date, language: Language): string {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return DATE_FORMATS[language].format(new Date(date));
  return CALENDAR_DATES[language].remember(date, () => DATE_FORMATS[language].format(new Date(`${date}T12:00:00Z`)));
}

/** "23 novembre 2026 14:05" (Paris time): when something happened, to the minute. */
export function formatDateTime(instant: string | Date, language: Language): string {
  return `${formatDate(instant, language)} ${TIME_FORMATS[language].format(new Date(instant))}`;
}

/** "37 584 €" in French (narrow no-break space), "€37,584" in English. */
export function formatEuros(amount: number, language: Language): string {
  return EURO_FORMATS[language].format(amount);
}
