/**
 * Whether a phrase is said in a text, and not denied right before it: "pas en couple", "sans enfant",
 * "no longer married", "plus marié". Both are already normalised for matching (see
 * normalizeForMatching) and padded with spaces, so phrases match whole words.
 */
const DENIALS = new Set(['pas', 'plus', 'non', 'ni', 'sans', 'jamais', 'aucun', 'aucune', 'n', 'not', 'no', 'never', 'without', 'longer']);
// Words that may stand between a denial and what it denies ("pas en couple", "pas d enfant", "pas de
// carte d invalidite", "personne n a la cmi", "no disability card").
const BETWEEN = new Set(['en', 'de', 'd', 'un', 'une', 'des', 'a', 'the', 'in', 'la', 'le', 'l', 'les', 'carte', 'card', 'of', 'any']);
/** How many such words may stand between. */
const MOST_BETWEEN = 3;

export function affirmsPhrase(said: string, phrase: string): boolean {
  const padded = ` ${phrase.trim()} `;
  for (let index = said.indexOf(padded); index >= 0; index = said.indexOf(padded, index + 1)) {
    const before = said.slice(0, index).trim().split(' ');
    let previous = before.pop() ?? '';
    for (let skipped = 0; skipped < MOST_BETWEEN && BETWEEN.has(previous); skipped++) previous = before.pop() ?? '';
    if (!DENIALS.has(previous)) return true;
  }
  return false;
}
