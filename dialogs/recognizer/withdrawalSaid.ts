import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import type { Recognition } from './intents';

/**
 * What withdrawing an application is said with: a verb of taking back, or wanting it no more ("annuler",
 * "retirer", "je me désiste", "je ne veux plus", "withdraw", "no longer", "don't want … anymore").
 */
const WITHDRAWAL_WORDS =
  /(?<![a-z])(?:annul\w*|retir\w*|supprim\w*|enlev\w*|desist\w*|renonc\w*|stop|plus|withdraw\w*|cancel\w*|remov\w*|delet\w*|take (?:back|my)|give up|no longer|anymore|any more|don t want|dont want)(?![a-z])/;
/** Applying said as such: "postuler", "candidater", "repostuler", "apply". */
const APPLYING_WORDS = /(?<![a-z])(?:(?:re)?postul\w*|(?:re)?candidat\w*|(?:re)?apply\w*|applying)(?![a-z])/;
/** Wanting to apply, whatever was cancelled before: "je regrette d'avoir tout annulé, je voudrais repostuler", "je m'étais désisté… je veux réessayer, je peux postuler ?". */
const WANTS_TO_APPLY = /(?<![a-z])(?:(?:voudrais|veux|veut|voulons|souhaite|souhaiterais|aimerais|want to|would like to|d like to|je peux|puis je|on peut|peut on|can i|can we) (?:re)?(?:postuler|candidater|apply)|(?:veux|voudrais|want to|would like to) (?:reessayer|retenter|try again))(?![a-z])/;

/**
 * Withdrawing an application cannot be undone: the classifier's guess is believed only when the message
 * says it. "je veux postuler à un T2 en PLUS à Paris" guessed "withdraw" is the application it says; a
 * guess with neither said is no request at all.
 */
export function asWithdrawalSaid(recognition: Recognition): Recognition {
  if (recognition.intent !== 'withdraw' || !recognition.text.trim()) return recognition;
  const said = normalizeForMatching(recognition.text).replace(/'/g, ' ');
  if (WANTS_TO_APPLY.test(said)) return { ...recognition, intent: 'apply' };
  if (WITHDRAWAL_WORDS.test(said)) return recognition;
  return APPLYING_WORDS.test(said) ? { ...recognition, intent: 'apply' } : { ...recognition, intent: 'none', score: 0 };
}

/** "postuler", "je candidate", "apply": applying said in words. */
export function saysApplying(text: string): boolean {
  return APPLYING_WORDS.test(normalizeForMatching(text).replace(/'/g, ' '));
}

/** "le premier, vas-y postule je confirme" to "withdraw it?": a yes for applying, never for withdrawing. */
export function saysApplyingInstead(text: string): boolean {
  return saysApplying(text) && !WITHDRAWAL_WORDS.test(normalizeForMatching(text).replace(/'/g, ' '));
}
