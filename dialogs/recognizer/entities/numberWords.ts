/** Small counts written as words, French and English, as people type them (folded: no accents). */
const NUMBER_WORDS: Record<string, number> = {
  un: 1, une: 1, one: 1,
  deux: 2, two: 2,
  trois: 3, three: 3,
  quatre: 4, four: 4,
  cinq: 5, five: 5,
  six: 6,
  sept: 7, seven: 7,
  huit: 8, eight: 8,
  neuf: 9, nine: 9,
  dix: 10, ten: 10,
};

/** A regex alternative matching a count in digits or words (folded text). */
export const COUNT_PATTERN = `\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')}`;

/** The count a token stands for ("3", "trois", "three"), or undefined. */
export function countOf(token: string): number | undefined {
  if (/^\d{1,2}$/.test(token)) return Number(token);
  return NUMBER_WORDS[token];
}
