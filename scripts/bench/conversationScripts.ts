import type { Activity } from 'botbuilder';

/**
 * What the simulated users do. Each step is one turn: what the user sends (built from the replies of
 * the previous turn, so a button press carries the card's own data) and what the assistant's answer
 * shows when all is well (checked on the assistant only: the echo bot answers anything).
 */
export type UserActivity = Partial<Activity> & { type: string };

export interface ScriptStep {
  sends: (previousReplies: readonly Partial<Activity>[]) => UserActivity;
  shows?: RegExp;
}

export interface ConversationScript {
  name: string;
  /** Share of the conversations that follow this script. */
  weight: number;
  /** Played by a user whose demo account is already linked (a returning applicant). */
  linkedUser?: boolean;
  steps: ScriptStep[];
}

/** The demo applicant the linked users are linked to (simulator/DEMO_ACCOUNTS.md: Julie, Lyon). */
export const LINKED_DEMO_NUMBER = '0691124000101GDPUB';

const says = (text: string, shows?: RegExp): ScriptStep => ({ sends: () => ({ type: 'message', text }), shows });

// Web Chat's first activity: Direct Line sends no conversationUpdate to Web Chat (STACK-NOTES.md).
const joins: ScriptStep = { sends: () => ({ type: 'event', name: 'webchat/join' }), shows: /Bonjour/ };

const pressesFirstDetails: ScriptStep = {
  sends: (previousReplies) => ({ type: 'message', text: '', value: firstButtonData(previousReplies, 'details') ?? { intent: 'searchOffers', action: 'details', offerId: 'OFR-00001' } }),
  shows: /Classe énergie/,
};

/** The realistic mix of the measured phase. */
export const MIXED_CONVERSATIONS: ConversationScript[] = [
  {
    name: 'offer search, refined, then details',
    weight: 4,
    steps: [
      joins,
      says('je cherche un T3 à Villeurbanne', /offres? à Villeurbanne, en T3/),
      says('plutôt T2', /à Villeurbanne, en T2/),
      says('et à Lyon ?', /à Lyon, en T2/),
      pressesFirstDetails,
    ],
  },
  {
    name: 'eligibility in one sentence',
    weight: 2,
    steps: [joins, says('on est 3 à Lyon avec 40 000 € de revenu fiscal', /Catégorie de ménage/), says('merci', /Avec plaisir/)],
  },
  {
    name: 'frequently asked question',
    weight: 2,
    steps: [joins, says('à quoi sert le numéro unique ?', /Le numéro unique est attribué/), says('merci', /Avec plaisir/)],
  },
  {
    name: 'dossier status of a linked applicant',
    weight: 2,
    linkedUser: true,
    steps: [says('où en est mon dossier', /Votre demande n°/), says('merci', /Avec plaisir/)],
  },
];

/** Short conversations for the memory check: each script's first question (with the welcome when it has one). */
export const SHORT_CONVERSATIONS: ConversationScript[] = MIXED_CONVERSATIONS.map((script) => ({
  ...script,
  name: `${script.name} (short)`,
  steps: script.steps.slice(0, script.steps[0] === joins ? 2 : 1),
}));

/** The n-th conversation's script: the scripts in turn, each as often as its weight says. */
export function scriptCycle(scripts: ConversationScript[]): (n: number) => ConversationScript {
  const cycle = scripts.flatMap((script) => Array.from({ length: script.weight }, () => script));
  return (n) => cycle[n % cycle.length]!;
}

/** The data of the first card button doing `action` (Adaptive Card Action.Submit). */
function firstButtonData(replies: readonly Partial<Activity>[], action: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const element = node as { type?: unknown; data?: Record<string, unknown> };
    if (element.type === 'Action.Submit' && element.data?.action === action) {
      found = element.data;
      return;
    }
    Object.values(node).forEach(walk);
  };
  replies.forEach((reply) => walk(reply.attachments));
  return found;
}
