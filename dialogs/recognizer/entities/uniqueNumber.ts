import { normaliseNur } from '../../../services/sne/nur';
import type { EntityMatch } from './entityMatch';

// 13 digits then a 5-character desk code, with the separators people type between groups (FACTS.md:
// spaces, dashes, dots, slashes). The desk code is one block or letters split once ("GD PUB"): any
// looser and a social security number followed by "91 et je" would pass for one. A letter or digit
// right before or after means a longer token.
const SEP = '[\\s\\-._/]';
const DESK_CODE = `(?:[A-Za-z0-9]{5}|[A-Za-z]${SEP}[A-Za-z]{4}|[A-Za-z]{2}${SEP}[A-Za-z]{3}|[A-Za-z]{3}${SEP}[A-Za-z]{2}|[A-Za-z]{4}${SEP}[A-Za-z])`;
const TYPED_NUR = new RegExp(`(?<![A-Za-z0-9])\\d(?:${SEP}?\\d){12}${SEP}?${DESK_CODE}(?![A-Za-z0-9])`, 'g');

/** Unique request numbers (NUR/NUD) typed anywhere in a sentence, in their canonical form. */
export function findUniqueNumbers(text: string): EntityMatch<string>[] {
  const found: EntityMatch<string>[] = [];
  for (const match of text.matchAll(TYPED_NUR)) {
    const value = normaliseNur(match[0]);
    if (value) found.push({ value, start: match.index, end: match.index + match[0].length });
  }
  return found;
}
