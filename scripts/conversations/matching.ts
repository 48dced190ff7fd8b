import type { Expectation } from './scenarioSchema';

/**
 * How a step's expectation is read against what the user saw: both sides are normalised the same way,
 * so a scenario states facts, not typography — case, accents, the kind of apostrophe, no-break spaces
 * and the spaces French puts inside numbers ("35 000 €" = "35000 €") do not count.
 */
export function normaliseForMatching(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{Mn}/gu, '')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc\u00b4\u0060\u2032]/g, "'")
      .replace(/[\u00a0\u202f\u2007\u2009\u200a\t\r\n]/g, ' ')
      .replace(/\s+/g, ' ')
      // A thousands separator: a space (French) or a comma (English) between a digit and a group of
      // exactly three digits.
      .replace(/(\d)[ ,](?=\d{3}(?!\d))/g, '$1')
      .trim()
  );
}

/** The reasons a turn's visible text breaks the expectation; empty when it holds. */
export function unmetExpectations(seen: string, expect: Expectation): string[] {
  const text = normaliseForMatching(seen);
  const shows = (phrase: string) => text.includes(normaliseForMatching(phrase));
  const problems: string[] = [];
  for (const phrase of expect.contains) if (!shows(phrase)) problems.push(`missing "${phrase}"`);
  for (const group of expect.anyOf) if (!group.some(shows)) problems.push(`none of ${group.map((phrase) => `"${phrase}"`).join(' / ')}`);
  for (const phrase of expect.notContains) if (shows(phrase)) problems.push(`shows "${phrase}", which it must not`);
  return problems;
}
