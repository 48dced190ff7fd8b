import { foldText } from './entities/foldText';
import type { Intent, Recognition } from './intents';

/** "et mon numero unique vous le gardez ?" was read as a question about the number itself, or as linking it. */
const MISTAKEN_FOR: readonly Intent[] = ['faq', 'linkNumber', 'unlink', 'none'];
/** The assistant keeping something ("vous le gardez", "do you store"): not "je garde le même numéro". */
const YOU_KEEP = /\b(?:gardez|conservez|stockez|enregistrez|retenez)\b|\bvous\s+(?:\S+\s+){0,2}?(?:gard|conserv|stock|enregistr)\w*|\byou\s+(?:\S+\s+){0,2}?(?:keep|store|save)\b/;
const ABOUT_ME = /\b(?:numero|nur|nud|donnees|infos?|informations?|revenus?|adresse|mail|telephone|data|number|details)\b/;

/** A question about what the assistant keeps of one's data is about privacy, whichever data it names. */
export function asPrivacyQuestion(recognition: Recognition): Recognition {
  if (!MISTAKEN_FOR.includes(recognition.intent)) return recognition;
  const folded = foldText(recognition.text);
  if (!/\?\s*$/.test(folded) || !YOU_KEEP.test(folded) || !ABOUT_ME.test(folded)) return recognition;
  return { ...recognition, intent: 'privacy', score: Math.max(recognition.score, 0.8) };
}
