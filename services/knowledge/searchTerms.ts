import { StemmerFr } from '@nlpjs/lang-fr';
import { StemmerEn } from '@nlpjs/lang-en-min';
import { respelled } from '../shared/chatSpellings';
import { normalizeForMatching } from '../shared/normalizeForMatching';
import { withoutOpeningHesitation } from '../shared/openingHesitation';
import searchWords from './data/searchWords.json';

export type KnowledgeLanguage = 'fr' | 'en';

interface LanguageWords {
  stemmer: { stemWord(word: string): string };
  ignored: Set<string>;
  chatSpellings: Record<string, string>;
  /** One pattern for every word or phrase of `sameMeaning`, and the word each stands for. */
  sameMeaning: { pattern: RegExp; meaning: Map<string, string> };
}

function sameMeaningOf(groups: Record<string, string[]>): LanguageWords['sameMeaning'] {
  const meaning = new Map<string, string>();
  for (const [word, variants] of Object.entries(groups)) for (const variant of variants) meaning.set(variant, word);
  // Longest first, so "fiche de paie" is read before "fiche".
  const alternatives = [...meaning.keys()].sort((a, b) => b.length - a.length).map((variant) => variant.replace(/ /g, ' +'));
  return { pattern: new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'g'), meaning };
}

const WORDS: Record<KnowledgeLanguage, LanguageWords> = {
  fr: { stemmer: new StemmerFr(), ignored: new Set(searchWords.ignored.fr), chatSpellings: searchWords.chatSpellings.fr, sameMeaning: sameMeaningOf(searchWords.sameMeaning.fr) },
  en: { stemmer: new StemmerEn(), ignored: new Set(searchWords.ignored.en), chatSpellings: searchWords.chatSpellings.en, sameMeaning: sameMeaningOf(searchWords.sameMeaning.en) },
};

/**
 * The terms a text is searched by: folded (lower case, no accents, "c'est" as "c est"), chat spellings
 * read as words ("koi" → "quoi", "nur" → "numero unique"), words of one meaning as one ("papiers",
 * "justificatifs" → "document"), function words, story filler and figures dropped, each word stemmed
 * ("renouveler", "renouvellement" → "renouvel"). The same for the entries and the message.
 */
export function searchTerms(text: string, language: KnowledgeLanguage): string[] {
  const words = WORDS[language];
  const spelled = withoutOpeningHesitation(normalizeForMatching(text))
    .split(' ')
    .map((word) => words.chatSpellings[word] ?? respelled(word))
    .join(' ');
  const meant = spelled.replace(words.sameMeaning.pattern, (variant) => words.sameMeaning.meaning.get(variant.replace(/ +/g, ' ')) ?? variant);
  const terms: string[] = [];
  for (const word of meant.split(' ')) {
    if (!word || words.ignored.has(word) || /^\d+$/.test(word)) continue;
    terms.push(words.stemmer.stemWord(word));
  }
  return terms;
}
