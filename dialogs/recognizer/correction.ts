import { normalizeForMatching } from '../../services/shared/normalizeForMatching';

// "en fait plutôt 4", "non, plutôt 35 000", "actually 3": words with which a message corrects what was said.
const CORRECTION = /(?<![a-z])(?:en fait|plutot|finalement|pardon|non|oups|je me suis trompee?|correction|actually|rather|in fact|sorry|oops)(?![a-z])/;

/** "en fait…", "plutôt…", "non, …": the message corrects what was said before. */
export function isCorrection(text: string): boolean {
  return CORRECTION.test(normalizeForMatching(text));
}
