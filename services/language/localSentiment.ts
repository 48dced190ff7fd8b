import lexicon from './data/sentimentLexicon.json';
import type { SentimentResult } from './languageService';
import { wordsOf } from './wordsOf';

const WORDS: Record<string, number> = lexicon.words;
const NEGATIONS = new Set(lexicon.negations);
const INTENSIFIERS = new Set(lexicon.intensifiers);
// How many words after "pas" / "not" are flipped: "pas du tout content", "not very happy".
const NEGATION_REACH = 3;
const INTENSITY = 1.5;
// Weight of the neutral share: one mild word ("bien") is not yet a mood.
const NEUTRAL_MASS = 1;
// Both moods count as mixed when the weaker is at least this share of the stronger.
const MIXED_RATIO = 0.5;

/** A lexicon sentiment, French and English: enough to notice anger or distress, not to grade prose. */
export function analyzeSentimentLocally(text: string): SentimentResult {
  const words = wordsOf(text, (word) => word in WORDS || NEGATIONS.has(word));
  let positive = 0;
  let negative = 0;
  let negatedFor = 0;
  let intensity = 1;
  for (const [index, word] of words.entries()) {
    const next = words[index + 1];
    if (NEGATIONS.has(word)) {
      negatedFor = NEGATION_REACH;
      continue;
    }
    // "super content": "super" strengthens the next word; "super" alone is praise.
    if (INTENSIFIERS.has(word) && next !== undefined && (next in WORDS || NEGATIONS.has(next))) {
      intensity = INTENSITY;
      continue;
    }
    const weight = WORDS[word];
    if (weight !== undefined) {
      const value = weight * intensity * (negatedFor > 0 ? -1 : 1);
      if (value > 0) positive += value;
      else negative -= value;
      intensity = 1;
    }
    if (negatedFor > 0) negatedFor -= 1;
  }
  const total = positive + negative + NEUTRAL_MASS;
  const scores = { positive: positive / total, neutral: NEUTRAL_MASS / total, negative: negative / total };
  if (positive === 0 && negative === 0) return { label: 'neutral', scores };
  if (positive > 0 && negative > 0 && Math.min(positive, negative) / Math.max(positive, negative) >= MIXED_RATIO) {
    return { label: 'mixed', scores };
  }
  return { label: positive > negative ? 'positive' : 'negative', scores };
}
