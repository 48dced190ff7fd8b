import type { Activity } from 'botbuilder';
import type { BenchMix, Draw } from './benchMix';

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

/** A kind of conversation; its messages are drawn for each conversation (`benchMix.ts`). */
export interface ScriptTemplate {
  name: string;
  /** Share of the conversations that follow this template. */
  weight: number;
  linkedUser?: boolean;
  steps: (draw: Draw) => ScriptStep[];
}

const oneOf = (draw: Draw, phrasings: string[]) => phrasings[draw.phrasing % phrasings.length]!;
const pieces = (typology: string) => typology.slice(1);
const euros = (amount: number, draw: Draw) => [`${amount.toLocaleString('fr-FR')} €`, `${amount} euros`, `${amount}€`][draw.phrasing]!;
const searchShown = /offres? à |Aucune offre à /;

/** The realistic mix of the measured phase. */
export const MIXED_TEMPLATES: ScriptTemplate[] = [
  {
    name: 'offer search, refined, then details',
    weight: 4,
    steps: (draw) => [
      joins,
      says(
        oneOf(draw, [
          `je cherche un ${draw.typology} à ${draw.commune}`,
          `un ${draw.typology} a ${draw.commune} max ${draw.budget}`,
          `appart ${pieces(draw.typology)} pieces sur ${draw.commune} jusqu'à ${draw.budget} €`,
        ]),
        searchShown,
      ),
      says(oneOf(draw, [`plutôt ${draw.otherTypology}`, `et en ${draw.otherTypology} ?`, `plutot un ${draw.otherTypology}`]), searchShown),
      says(oneOf(draw, [`et à ${draw.otherCommune} ?`, `et sur ${draw.otherCommune}`, `et a ${draw.otherCommune} ?`]), searchShown),
      pressesFirstDetails,
    ],
  },
  {
    name: 'eligibility in one sentence',
    weight: 2,
    steps: (draw) => {
      const income = euros(draw.income, draw);
      const children = draw.persons - 2;
      const household =
        draw.persons === 1
          ? `je vis seul à ${draw.commune}`
          : draw.persons === 2
            ? `on est 2 à ${draw.commune}, en couple, ${30 + draw.phrasing} et ${33 + draw.phrasing} ans`
            : `on est un couple avec ${children} enfant${children > 1 ? 's' : ''} à ${draw.commune}`;
      // An overseas commune is answered with where to look (its ceilings differ): an answer all the same.
      return [joins, says(`${household}, avec ${income} de revenu fiscal`, /Catégorie de ménage|outre-mer/), says('merci', /Avec plaisir/)];
    },
  },
  {
    name: 'frequently asked question',
    weight: 2,
    // Any of the knowledge base's questions, as people wrote them: whatever the answer, one comes (some
    // start a task, whose next question "merci" does not answer).
    steps: (draw) => [joins, says(draw.question), says('merci')],
  },
  {
    name: 'dossier status of a linked applicant',
    weight: 2,
    linkedUser: true,
    steps: () => [says('où en est mon dossier', /Votre demande n°/), says('merci', /Avec plaisir/)],
  },
];

/** The n-th conversation: the templates in turn, each as often as its weight says, with its messages drawn for n. */
export function drawnConversations(templates: ScriptTemplate[], mix: BenchMix, firstStepsOnly = false): (n: number) => ConversationScript {
  const cycle = templates.flatMap((template) => Array.from({ length: template.weight }, () => template));
  return (n) => {
    const template = cycle[n % cycle.length]!;
    const steps = template.steps(mix.draw(n));
    return { name: template.name, weight: template.weight, linkedUser: template.linkedUser, steps: firstStepsOnly ? steps.slice(0, steps[0] === joins ? 2 : 1) : steps };
  };
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
