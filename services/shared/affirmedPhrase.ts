/**
 * Whether a phrase is said in a text, and not denied right before it: "pas en couple", "sans enfant",
 * "no longer married", "plus marié". Both are already normalised for matching (see
 * normalizeForMatching) and padded with spaces, so phrases match whole words.
 */
const DENIALS = new Set(['pas', 'plus', 'non', 'ni', 'sans', 'jamais', 'aucun', 'aucune', 'not', 'no', 'never', 'without', 'longer']);
// Words that may stand between a denial and what it denies ("pas en couple", "pas d enfant").
const BETWEEN = new Set(['en', 'de', 'd', 'un', 'une', 'des', 'a', 'the', 'in']);

export function affirmsPhrase(said: string, phrase: string): boolean {
  const padded = ` ${phrase.trim()} `;
  for (let index = said.indexOf(padded); index >= 0; index = said.indexOf(padded, index + 1)) {
    const before = said.slice(0, index).trim().split(' ');
    let previous = before.pop() ?? '';
    if (BETWEEN.has(previous)) previous = before.pop() ?? '';
    if (!DENIALS.has(previous)) return true;
  }
  return false;
}
