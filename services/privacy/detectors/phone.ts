import { matchesOf, type Found } from './detector';

// French numbers (ARCEP plan: 10 digits starting with 0, first digit 1-9 after it), in pairs or not,
// with spaces, dots or dashes; or with the country code +33 / 0033, optionally with "(0)".
const SEP = '[\\s.\\-]?';
const FRENCH_PHONE = new RegExp(`(?<![\\d+])(?:(?:\\+|00)33${SEP}(?:\\(0\\)${SEP})?|0)([1-9](?:${SEP}\\d){8})(?!\\d)`, 'g');

/** French phone numbers, in international form (+33612345678). */
export function findPhones(text: string): Found[] {
  return matchesOf(FRENCH_PHONE, text, (match) => `+33${(match[1] ?? '').replace(/\D/g, '')}`);
}
