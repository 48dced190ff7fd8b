import { listFor } from '../../i18n';
import { affirmsPhrase } from '../../../services/shared/affirmedPhrase';
import { normalizeForMatching } from '../../../services/shared/normalizeForMatching';

/** The word lists of `locales/<language>/eligibility.json` (`words.*`). */
export type EligibilityWordList = 'priority' | 'singleAdult' | 'separated' | 'couple' | 'adultsNotCouple' | 'children' | 'disability' | 'disabilityCard' | 'pregnancy';

/**
 * Whether the text says one of the words of the list, as whole words (accents and case ignored), and
 * does not deny it ("pas en couple", "sans enfant", "pas de handicap").
 */
export function mentionsAny(text: string, list: EligibilityWordList): boolean {
  const said = ` ${normalizeForMatching(text)} `;
  return wordsOf(list).some((word) => affirmsPhrase(said, word));
}

/** The words of the list in both languages (people switch without saying so), normalized for matching. */
export function wordsOf(list: EligibilityWordList): string[] {
  const key = `words.${list}`;
  return [...listFor('fr', key, 'eligibility'), ...listFor('en', key, 'eligibility')].map(normalizeForMatching);
}
