import { normalizeForMatching } from '../../services/shared/normalizeForMatching';

// "en fait plutôt 4", "non, plutôt 35 000", "actually 3": words with which a message corrects what was said.
const CORRECTION = /(?<![a-z])(?:en fait|plutot|finalement|pardon|non|oups|je me suis trompee?|correction|actually|rather|in fact|sorry|oops)(?![a-z])/;

/** "en fait…", "plutôt…", "non, …": the message corrects what was said before. */
export function isCorrection(text: string): boolean {
  return CORRECTION.test(normalizeForMatching(text));
}

/** A question on another case: "et si on était 5 ?", "et si je gagnais 30000 ?", "what if we were 3?". */
const HYPOTHETICAL = /^(?:(?:et|mais|ok|bon|and|but) )?(?:si (?:on|nous|je|j|mon|ma|mes)|what if|if (?:we|i)|and if)(?![a-z])/;

/** "et si on était 5 ?": the answer asked again for another case. */
export function isHypothetical(text: string): boolean {
  return HYPOTHETICAL.test(normalizeForMatching(text));
}
