/** "attends", "euh", "ah au fait", "wait", "by the way"… opening a message of at least two more words (folded text). */
const OPENING_HESITATION = /^(?:(?:attends?|attendez|euh+|heu+|hmm+|bah|ben|ah|oh|au fait|by the way|btw|wait|hold on|um+|erm)[ ,.!]+)+(?=\S+ \S+)/;

/**
 * A folded message without the hesitation that opens it: "attends c'est quoi un PLS ?" asks what a PLS
 * is; it cancels nothing and is not about waiting.
 */
export function withoutOpeningHesitation(folded: string): string {
  return folded.replace(OPENING_HESITATION, '');
}

/** "bonjour", "salut madame", "hello there"… opening a message of at least three more words (folded text). */
const OPENING_GREETING = /^(?:(?:re ?bonjour|bonjour|bonsoir|salut|slt|bjr|bsr|coucou|hello|hi|hey|good (?:morning|afternoon|evening))(?: (?:madame|monsieur|mme|a vous|a tous|tout le monde|there))?(?:[ ,.!]+|$))+(?=\S+ \S+ \S+)/;

/**
 * What a folded message asks once its greeting is set aside: "bonjour vous avez des T2 sur nantes ?"
 * asks for T2s in Nantes; undefined when the greeting opens nothing longer.
 */
export function afterOpeningGreeting(folded: string): string | undefined {
  const rest = folded.replace(OPENING_GREETING, '');
  return rest !== folded ? rest : undefined;
}

/** "ok merci", "d'accord merci beaucoup", "thanks"… opening a message of at least three more words (folded text). */
const OPENING_THANKS = /^(?:(?:ok|okay|oki|okk|d ?accord|dac|daccord|parfait|super|top|nickel|merci(?: beaucoup| bien| bcp)?|mrc|thanks?(?: a lot)?|thank you|thx|great|cool)(?:[ ,.!]+|$))+(?=\S+ \S+ \S+)/;

/**
 * What a folded message asks once its thanks are set aside: "ok merci. mon rfr c 28 500" gives an
 * income; undefined when the thanks open nothing longer.
 */
export function afterOpeningThanks(folded: string): string | undefined {
  const rest = folded.replace(OPENING_THANKS, '');
  return rest !== folded ? rest : undefined;
}
