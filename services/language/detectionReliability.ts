/**
 * Whether a detection is sure enough to switch the conversation's language on. Below three words any
 * detector is guessing ("ok", "Lyon", "T3", "merci"): an explicit "english please" is the recognizer's
 * changeLanguage intent, not a detection.
 */
export const RELIABLE_CONFIDENCE = 0.7;
const MINIMUM_WORDS = 3;

export function isReliable(text: string, confidence: number): boolean {
  const words = text.split(/[^\p{L}\p{N}']+/u).filter((word) => word.length > 0).length;
  return words >= MINIMUM_WORDS && confidence >= RELIABLE_CONFIDENCE;
}
