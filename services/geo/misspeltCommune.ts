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
let largeCompoundTowns: { squeezed: string; words: number; commune: CommuneCandidate }[] | undefined;

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
      (Math.abs(key.length - word.length) <= allowed && distance(key, word) <= allowed) ||
      (word.length >= 8 && distance(undoubled(key), squeezedWord) <= 1 && Math.abs(key.length - word.length) <= 3) ||
      ((commune.population ?? 0) >= SPELT_AS_HEARD_CITY && soundsLike(key) === soundsLike(word));
    if (close && (!best || (commune.population ?? 0) > (best.population ?? 0))) best = commune;
  }
  return best;
}

/** A big city may be written as it sounds ("bordo", "nante"): its name and the word sound alike. */
const SPELT_AS_HEARD_CITY = 100_000;

/** A rough French sound of a word: "bordeaux" and "bordo", "nantes" and "nante" sound the same. */
function soundsLike(word: string): string {
  return undoubled(
    word
      .replace(/eaux|eau|aux|au/g, 'o')
      .replace(/ph/g, 'f')
      .replace(/qu/g, 'k')
      .replace(/c(?=[eiy])/g, 's')
      .replace(/c/g, 'k'),
  ).replace(/[estxd]+$/, '');
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

/** Large towns of several words ("villeneuve d ascq", "clermont ferrand"), their words run together. */
function compoundTowns(): { squeezed: string; words: number; commune: CommuneCandidate }[] {
  largeCompoundTowns ??= [...placeIndex().communesByName.entries()].flatMap(([key, communes]) => {
    const [largest] = communes;
    return largest && (largest.population ?? 0) >= LARGE_ENOUGH && key.includes(' ') && placeKey(largest.name) === key
      ? [{ squeezed: key.replace(/ /g, ''), words: key.split(' ').length, commune: largest }]
      : [];
  });
  return largeCompoundTowns;
}

/** Run together, a name of several words is long enough to be told from words only from this length. */
const SHORTEST_COMPOUND = 8;

/**
 * The town of several words that the words from the first on most likely spell, misspelt ("vileneuve
 * dasq" → Villeneuve-d'Ascq, "clermon ferrand", "aix en provance"), and how many words that took: the
 * words run together are one edit away from its name (two for long names, or one once doubled letters
 * are left single), with the same first letter. Undefined when no such town is that close.
 */
export function misspeltCompoundCommune(words: string[]): { commune: CommuneCandidate; length: number } | undefined {
  for (let length = Math.min(4, words.length); length >= 2; length--) {
    const typed = words.slice(0, length).join('');
    if (typed.length < SHORTEST_COMPOUND || /\d/.test(typed)) continue;
    const allowed = typed.length >= 10 ? 2 : 1;
    let best: CommuneCandidate | undefined;
    for (const { squeezed, words: nameWords, commune } of compoundTowns()) {
      if (squeezed[0] !== typed[0] || squeezed === typed || Math.abs(nameWords - length) > 1 || Math.abs(squeezed.length - typed.length) > 3) continue;
      const close = distance(squeezed, typed) <= allowed || distance(undoubled(squeezed), undoubled(typed)) <= 1;
      if (close && (!best || (commune.population ?? 0) > (best.population ?? 0))) best = commune;
    }
    if (best) return { commune: best, length };
  }
  return undefined;
}
