/** "attends", "euh", "wait", "hold on"… opening a message of at least two more words (folded text). */
const OPENING_HESITATION = /^(?:(?:attends?|attendez|euh+|heu+|hmm+|bah|ben|wait|hold on|um+|erm)[ ,.!]+)+(?=\S+ \S+)/;

/**
 * A folded message without the hesitation that opens it: "attends c'est quoi un PLS ?" asks what a PLS
 * is; it cancels nothing and is not about waiting.
 */
export function withoutOpeningHesitation(folded: string): string {
  return folded.replace(OPENING_HESITATION, '');
}
