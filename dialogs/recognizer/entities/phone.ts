import type { EntityMatch } from './entityMatch';

// French numbers (ARCEP plan: 10 digits starting with 0, first digit 1-9 after it), typed in pairs or
// not, with spaces, dots or dashes; or with the country code +33 / 0033, optionally with "(0)".
const SEP = '[ .\\-]?';
const FRENCH_PHONE = new RegExp(
  `(?<![\\d+])(?:(?:\\+|00)33${SEP}(?:\\(0\\)${SEP})?|0)([1-9](?:${SEP}\\d){8})(?!\\d)`,
  'g',
);

/** French phone numbers, in international form (+33612345678). */
export function findPhones(text: string): EntityMatch<string>[] {
  return [...text.matchAll(FRENCH_PHONE)].map((match) => ({
    value: `+33${(match[1] ?? '').replace(/\D/g, '')}`,
    start: match.index,
    end: match.index + match[0].length,
  }));
}
