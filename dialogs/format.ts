import type { Language } from '../bot/i18n';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "23 novembre 2026" / "23 November 2026". Dates from the APIs are calendar dates (YYYY-MM-DD). */
export function formatDate(date: string | Date, language: Language): string {
  const value = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00Z`) : new Date(date);
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(value);
}

/** "37 584 €" in French (narrow no-break space), "€37,584" in English. */
export function formatEuros(amount: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);
}
