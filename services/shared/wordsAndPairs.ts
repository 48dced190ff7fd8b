/**
 * What a small text classifier sees of a text already cut into words: each word, and each pair of
 * neighbouring words ("me_bat", "combien_candidatur"), so a phrase or a negation counts, not only a word.
 */
export function wordsAndPairs(words: readonly string[]): Record<string, number> {
  const features: Record<string, number> = {};
  words.forEach((word, index) => {
    features[word] = 1;
    const next = words[index + 1];
    if (next) features[`${word}_${next}`] = 1;
  });
  return features;
}
