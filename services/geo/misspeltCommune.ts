import { distance } from 'fastest-levenshtein';
import { placeIndex, placeKey } from './placeIndex';
import type { CommuneCandidate } from './schemas';

/** Only towns large enough to be meant: a typo is corrected towards a city, never towards a hamlet. */
const LARGE_ENOUGH = 20_000;
/** Shorter words are too often ordinary words one letter away from a town. */
const SHORTEST_WORD = 5;
/** A four-letter word is corrected only towards a big city, by one letter added ("lile" → Lille). */
const FOUR_LETTERS_CITY = 100_000;

let largeTowns: { key: string; commune: CommuneCandidate }[] | undefined;

function towns(): { key: string; commune: CommuneCandidate }[] {
  // A shortened name ("maisons" for Maisons-Alfort) is not what a typo is corrected towards: "maison" is a word.
  largeTowns ??= [...placeIndex().communesByName.entries()].flatMap(([key, communes]) => {
    const [largest] = communes;
    return largest && (largest.population ?? 0) >= LARGE_ENOUGH && !key.includes(' ') && placeKey(largest.name) === key ? [{ key, commune: largest }] : [];
  });
  return largeTowns;
}

/**
 * The town a misspelt one-word name most likely means ("villeurbane" → Villeurbanne, "marseile" →
 * Marseille, "bordeau" → Bordeaux): same first letter, one edit away (two for long names), the most
 * populous when several are that close. Undefined when nothing is close enough: better ask than guess.
 */
export function misspeltCommune(word: string, { mostEdits = 2 }: { mostEdits?: number } = {}): CommuneCandidate | undefined {
  if (word.length === SHORTEST_WORD - 1 && !/\d/.test(word)) return bigCityOneLetterShort(word);
  if (word.length < SHORTEST_WORD || /\d/.test(word)) return undefined;
  const allowed = Math.min(mostEdits, word.length >= 8 ? 2 : 1);
  let best: CommuneCandidate | undefined;
  // "vilerbane": doubled letters left single are one slip, not three — compared with letters undoubled too.
  const squeezedWord = undoubled(word);
  for (const { key, commune } of towns()) {
    if (key[0] !== word[0] || key === word) continue;
    const close =
      (Math.abs(key.length - word.length) <= allowed && distance(key, word) <= allowed) || (word.length >= 8 && distance(undoubled(key), squeezedWord) <= 1 && Math.abs(key.length - word.length) <= 3);
    if (close && (!best || (commune.population ?? 0) > (best.population ?? 0))) best = commune;
  }
  return best;
}

/** "villeurbanne" → "vileurbane": each run of one letter written once. */
function undoubled(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/** Four-letter words a city's name is one letter away from ("à tour de rôle" is no Tours). */
const FOUR_LETTER_WORDS = new Set(['tour', 'tous', 'nant', 'ange', 'pris', 'mans', 'pare', 'lire', 'lise']);

/** "lile" → Lille, "pari" → Paris: a big city's name with one letter left out, never another edit. */
function bigCityOneLetterShort(word: string): CommuneCandidate | undefined {
  if (FOUR_LETTER_WORDS.has(word)) return undefined;
  const matches = towns().filter(({ key, commune }) => (commune.population ?? 0) >= FOUR_LETTERS_CITY && key.length === word.length + 1 && key[0] === word[0] && distance(key, word) === 1);
  return matches.length === 1 ? matches[0]!.commune : undefined;
}
