/**
 * The unique registration number of a social-housing request (NUR in Île-de-France, NUD elsewhere;
 * CCH L441-2-1, R441-2-4): this module is its one owner — its pattern, how people type it, its
 * canonical form and its masked form. The recognizer, the redaction of personal data, the screening
 * and the national-file client all call it.
 *
 * ⚠ No official format was found: a published attestation shows 13 digits (territory 3, month 2,
 * year 2, sequence 6) then a 5-character desk code, e.g. `1111023517879GDPUB`. So reading is tolerant:
 * separators and case are forgiven, no check key is assumed.
 */

export const NUR_PATTERN = /^\d{13}[A-Z0-9]{5}$/;

/** A number in canonical form (`0691124000101GDPUB`): only this module makes one. */
export type UniqueNumber = string & { readonly canonicalUniqueNumber: unique symbol };

// What people type between groups: any white space (non-breaking spaces and line breaks included),
// dashes, dots, slashes, underscores — up to three in a row ("069 - 1124").
const SEPARATOR = '[\\s\\-._/]';
const SEPARATORS = new RegExp(SEPARATOR, 'g');
const GAP = `${SEPARATOR}{0,3}`;
// The desk code is one block, or letters split once ("GD PUB"): any looser and a social security number
// followed by "91 et je" would pass for one.
const DESK_CODE = `(?:[A-Za-z0-9]{5}|[A-Za-z]${GAP}[A-Za-z]{4}|[A-Za-z]{2}${GAP}[A-Za-z]{3}|[A-Za-z]{3}${GAP}[A-Za-z]{2}|[A-Za-z]{4}${GAP}[A-Za-z])`;
const TYPED = `\\d(?:${GAP}\\d){12}${GAP}${DESK_CODE}`;
/** As typed in a sentence: a letter or digit right before or after means a longer token, not a number. */
const TYPED_IN_TEXT = new RegExp(`(?<![A-Za-z0-9])${TYPED}(?![A-Za-z0-9])`, 'g');
/** For redaction: also glued to other words ("n°0691124000101GDPUBmerci"); a false positive costs little. */
const ANYWHERE_IN_TEXT = new RegExp(`(?<!\\d)${TYPED}`, 'g');

/** The canonical form, or undefined when the input cannot be one. */
export function normaliseNur(input: string): UniqueNumber | undefined {
  const compact = input.replace(SEPARATORS, '').toUpperCase();
  return NUR_PATTERN.test(compact) ? (compact as UniqueNumber) : undefined;
}

export interface UniqueNumberMatch {
  value: UniqueNumber;
  start: number;
  end: number;
}

function matchesOf(pattern: RegExp, text: string): UniqueNumberMatch[] {
  const found: UniqueNumberMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = normaliseNur(match[0]);
    if (value) found.push({ value, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** The numbers typed in a sentence, in canonical form, with where each sits. */
export function findUniqueNumbers(text: string): UniqueNumberMatch[] {
  return matchesOf(TYPED_IN_TEXT, text);
}

/**
 * Everything in the text that could be a number, for redaction: every match of `findUniqueNumbers`
 * and more (glued to other words).
 */
export function findUniqueNumberLikes(text: string): UniqueNumberMatch[] {
  return matchesOf(ANYWHERE_IN_TEXT, text);
}

/**
 * A form that lets the owner recognise their number without exposing it: the territory and the end
 * are kept (`069********01GDPUB`), the filing month, year and most of the sequence are hidden.
 */
export function maskNur(nur: UniqueNumber | string): string {
  return `${nur.slice(0, 3)}${'*'.repeat(8)}${nur.slice(11)}`;
}
