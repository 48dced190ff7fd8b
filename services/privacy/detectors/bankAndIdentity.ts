import { isValidCardNumber, isValidIban, isValidSocialSecurityNumber } from '../checkDigits';
import { matchesOf, type Found } from './detector';

/**
 * Data the assistant never needs: a social security number, an IBAN, a card number. Each found by its
 * shape, with whether its check digits hold (almost surely the real thing) as the value.
 */

const SEP = '[\\s.\\-]?';

const IBAN = /\b[A-Z]{2}\d{2}(?:[\s-]?[A-Z0-9]{4}){2,7}(?:[\s-]?[A-Z0-9]{1,4})?\b/gi;
// Sex digit, year, month, department, commune, order, 2-digit key.
const SOCIAL_SECURITY_NUMBER = new RegExp(`\\b[12]${SEP}\\d{2}${SEP}\\d{2}${SEP}(?:\\d{2}|2[AB])${SEP}\\d{3}${SEP}\\d{3}(?:${SEP}\\d{2})?\\b`, 'gi');
const CARD = new RegExp(`\\b\\d{4}(?:${SEP}\\d{4}){2}${SEP}\\d{1,7}\\b`, 'g');

/** `value`: the check digits hold. */
export type Checked = Found<boolean>;

export function findIbans(text: string): Checked[] {
  return matchesOf(IBAN, text, (match) => isValidIban(match[0]));
}

/** Words that name a social security number just before one ("mon numéro de sécu c'est…", "my NIR is…"). */
const NAMED_AS_SOCIAL_SECURITY = /(?<![a-zà-ÿ])(?:s[ée]cu(?:rit[ée] sociale)?|carte vitale|nir|social security(?: number)?|ssn|insee)\b[^\d]{0,25}$/i;

/**
 * `value`: almost surely one — its key holds, or the message names it ("mon numéro de sécu c'est 2 85 05…"
 * with a mistyped key is still one, and never needed).
 */
export function findSocialSecurityNumbers(text: string): Checked[] {
  return matchesOf(SOCIAL_SECURITY_NUMBER, text, (match) => isValidSocialSecurityNumber(match[0]) || NAMED_AS_SOCIAL_SECURITY.test(text.slice(Math.max(0, (match.index ?? 0) - 40), match.index)));
}

export function findCardNumbers(text: string): Checked[] {
  return matchesOf(CARD, text, (match) => isValidCardNumber(match[0]));
}
