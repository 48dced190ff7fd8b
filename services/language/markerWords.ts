import markerWordsData from './data/markerWords.json';
import { wordsOf } from './wordsOf';

/** French or English function words (and SMS spellings) counted in a text. */
export interface MarkerCounts {
  fr: number;
  en: number;
}

const FRENCH = new Set(markerWordsData.fr);
const ENGLISH = new Set(markerWordsData.en);

/**
 * Counts the words that only French or only English uses. Statistical detectors read short chat messages
 * poorly ("slt jcherche un apart" came out as Klingon); these words decide them.
 */
export function markerCounts(text: string): MarkerCounts {
  const words = wordsOf(text, (word) => FRENCH.has(word) || ENGLISH.has(word));
  let fr = 0;
  let en = 0;
  for (const word of words) {
    if (FRENCH.has(word)) fr += 1;
    if (ENGLISH.has(word)) en += 1;
  }
  return { fr, en };
}

/** The language the markers point to, when they clearly point to one (two more words of it). */
export function markerLanguage(text: string): 'fr' | 'en' | undefined {
  const { fr, en } = markerCounts(text);
  if (fr >= en + 2 || (fr >= 1 && en === 0)) return 'fr';
  if (en >= fr + 2 || (en >= 1 && fr === 0)) return 'en';
  return undefined;
}
