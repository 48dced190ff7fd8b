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

/** "ok merci", "d'accord merci beaucoup", "thanks"… opening a message of at least three more words (folded text). */
const OPENING_THANKS = /^(?:(?:ok|okay|oki|okk|d ?accord|dac|daccord|parfait|super|top|nickel|merci(?: beaucoup| bien| bcp)?|mrc|thanks?(?: a lot)?|thank you|thx|great|cool)(?:[ ,.!]+|$))+(?=\S+ \S+ \S+)/;

const OPENING_COURTESY = { greeting: OPENING_GREETING, thanks: OPENING_THANKS } as const;

/**
 * What a folded message asks once the greeting or thanks that open it are set aside: "bonjour vous avez
 * des T2 sur nantes ?" asks for T2s in Nantes, "ok merci. mon rfr c 28 500" gives an income; undefined
 * when the courtesy opens nothing longer.
 */
export function afterOpeningCourtesy(folded: string, courtesy: keyof typeof OPENING_COURTESY): string | undefined {
  const rest = folded.replace(OPENING_COURTESY[courtesy], '');
  return rest !== folded ? rest : undefined;
}
