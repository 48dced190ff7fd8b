import { foldText } from './entities/foldText';
import type { NluLanguage } from './nluExamples';

/**
 * The language a "change language" request asks for: the one it names ("en anglais", "in French"),
 * otherwise the other one (someone asking to switch wants out of the current language).
 */
export function requestedLanguage(
  text: string,
  current: NluLanguage,
  namesByFile: Record<NluLanguage, Record<NluLanguage, string[]>>,
): NluLanguage {
  const words = ` ${foldText(text).replace(/[^a-z]+/g, ' ')} `;
  const named = (['fr', 'en'] as const).filter((language) =>
    [...namesByFile.fr[language], ...namesByFile.en[language]].some((name) => words.includes(` ${foldText(name)} `)),
  );
  if (named.length === 1) return named[0]!;
  // Both named ("pas en français, en anglais"): the one that is not current is the one wanted.
  return current === 'fr' ? 'en' : 'fr';
}
