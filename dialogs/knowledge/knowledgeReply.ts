import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { markerLanguage } from '../../services/language/markerWords';
import type { TriageReason } from '../../services/triage/triage';
import { MessageFactory, type TurnContext } from 'botbuilder';
import type { KnowledgeEntry } from '../../services/knowledge/knowledgeSearch';
import type { QuestionAnswerer } from './questionAnswerer';
import { readEntities, type FaqTopic } from '../recognizer/entities/schemas';
import type { Intent, Recognition } from '../recognizer/intents';
import { languageOf, translatorOf } from '../turn/turnAccess';
import { choicesOf, knowledgeAnswerCard, knowledgeChoicesCard } from './knowledgeCards';
import { sendAnswer } from '../feedback/answerFeedback';
import { reportOutcome } from '../turn/turnReport';
import { rememberTheme } from '../followUps/lastTheme';

/** The entry each topic of the classifier stands for. */
const ENTRY_OF_TOPIC: Record<FaqTopic, string> = {
  whatIsAlin: 'alin-what',
  uniqueNumber: 'number-what',
  commission: 'commission-decisions',
  tenDays: 'proposal-deadline',
  renewal: 'renewal-how',
};

/** The questions shown when the questions are asked for as such ("Questions fréquentes"). */
/** How close to the search's first entry the classifier's topic must score to be taken as the answer. */
const TOPIC_NEAR_FIRST = 0.9;
const SURE_TOPIC = 0.9;
const TOPIC_NEAR_FIRST_WHEN_SURE = 0.8;
/** How far the search's first entry must lead the second to be answered when the classifier named another topic. */
const LEADER_WITH_A_TOPIC = 1.3;
/** The share of the message's words the leader must match to be answered so. */
const LEADER_COVERAGE = 0.6;

export const POPULAR_ENTRIES = ['alin-vs-national-file', 'number-where', 'who-may-use', 'docs-mandatory', 'renewal-how', 'commission-decisions', 'proposal-deadline'];

/**
 * General questions that the classifier puts on a task ("elle est valable combien de temps ma demande ?"
 * → renewal, "je suis fonctionnaire, j'ai le droit ?" → eligibility): when asked as a question and the
 * knowledge base answers it with confidence by one of these entries, the answer comes first, not the
 * task. Status questions only for a user who has not linked a request (a linked one sees their own).
 */
const GENERAL_QUESTIONS_OF_TASKS: Partial<Record<Intent, { entries: readonly string[]; unlinkedOnly?: boolean; choicesBeforeLink?: boolean }>> = {
  renewal: { entries: ['validity-duration', 'renewal-how', 'renewal-warning', 'renewal-forgotten', 'expired-meaning', 'radiation-causes', 'seniority', 'number-kept'], unlinkedOnly: true, choicesBeforeLink: true },
  status: { entries: ['validity-duration', 'expired-meaning', 'radiation-causes', 'renewal-forgotten', 'seniority', 'number-what', 'number-where', 'situation-change-household', 'situation-change-income', 'situation-change-address', 'request-modify', 'commission-date', 'waiting-time', 'proposal-what-now', 'lease-request-closed'], unlinkedOnly: true },
  eligibility: { entries: ['who-may-use', 'priority-situations', 'priority-share', 'income-counted', 'household-categories', 'cotation', 'civil-servant', 'retired', 'job-seeker', 'self-employed', 'short-contract', 'small-company', 'agricultural-company', 'employer-contributes', 'situation-change-household', 'request-modify', 'income-which-year', 'income-drop', 'bordering-communes', 'zones', 'loan-types', 'young-household'] },
  documents: { entries: ['docs-separation', 'docs-where-upload', 'assistant-no-documents', 'docs-limitative', 'docs-missing-at-commission', 'docs-landlord-extra', 'docs-tax-notice', 'docs-foreign-national', 'docs-income-proofs', 'income-which-year'], choicesBeforeLink: true },
  proposal: { entries: ['proposal-what-now', 'proposal-deadline', 'proposal-silence', 'proposal-refuse', 'proposal-accept-next', 'commission-rank', 'lease-signing', 'lease-request-closed'], unlinkedOnly: true, choicesBeforeLink: true },
  searchOffers: { entries: ['offers-typology', 'loan-types', 'rent-amount', 'charges', 'offer-visit', 'pets', 'priority-situations'] },
  // "Do I have to upload the divorce judgment with my application?": a question on a document, before any link.
  myApplications: { entries: ['docs-separation', 'docs-where-upload', 'docs-landlord-extra', 'docs-missing-at-commission', 'income-separation'], unlinkedOnly: true },
  linkNumber: { entries: ['number-one-per-department', 'number-what', 'number-where', 'number-nur-vs-nud', 'number-lost', 'number-format', 'number-kept'] },
};

/** Asking how to prove a situation told ("pour prouver ça", "to prove it", "j'ai pas d'adresse, comment je fais ?"), not for the whole list. */
const PROOF_OF_IT = /(?<![a-z])(?:prouv\w*|justifier (?:ca|cela|ma situation)|prove|proof of (?:it|this|that)|(?:pas d|sans|plus d|no|without an?) (?:adresse|domicile|address))(?![a-z])/;
/** The entry on the proof of each situation the triage tells apart (FACTS.md § Documents), the most specific first. */
export const PROOF_OF_SITUATION: readonly (readonly [TriageReason, string])[] = [
  ['violence', 'docs-violence'],
  ['unfitHousing', 'docs-unfit-housing'],
  ['eviction', 'docs-notice-eviction'],
  ['homeless', 'docs-homeless'],
  ['disability', 'docs-disability'],
];
/** The entries that answer questions of each situation the triage tells apart, beside its proof. */
const ENTRIES_OF_SITUATION: Partial<Record<TriageReason, readonly string[]>> = {
  violence: ['income-separation', 'docs-violence', 'violence-priority'],
  homeless: ['docs-homeless', 'hosted-temporary'],
  eviction: ['docs-notice-eviction'],
  unfitHousing: ['docs-unfit-housing'],
  disability: ['docs-disability'],
};

/** Of the closest questions, the first that belongs to a situation told (its reasons), if any. */
export function entryOfTheSituation(reasons: readonly string[], entries: readonly KnowledgeEntry[]): KnowledgeEntry | undefined {
  const ofIt = new Set(reasons.flatMap((reason) => ENTRIES_OF_SITUATION[reason as TriageReason] ?? []));
  return entries.find((entry) => ofIt.has(entry.id));
}

/** A general rule and its exception in a situation: with violence, the partner's income is not counted (CCH L441-1). */
const EXCEPTION_IN_SITUATION: Partial<Record<TriageReason, Readonly<Record<string, string>>>> = {
  violence: { 'income-counted': 'income-separation' },
};

/** The entry that answers instead of a general rule's, in the situation told ("son salaire à lui compte ?" after violence). */
export function exceptionInTheSituation(reasons: readonly string[], entryId: string): string | undefined {
  return reasons.map((reason) => EXCEPTION_IN_SITUATION[reason as TriageReason]?.[entryId]).find((id) => id !== undefined);
}

/** The entries on the proof of one situation. */
const SITUATION_PROOFS = [...PROOF_OF_SITUATION.map(([, entry]) => entry), 'docs-pregnancy'];

/** Tasks of the dossier, which no household changes. */
const HOUSEHOLD_BLIND_TASKS: readonly Intent[] = ['myApplications', 'status', 'renewal', 'proposal', 'linkNumber'];

/** The tasks whose answers (offers, a verdict) a short question follows up. */
const FOLLOWED_UP_TASKS: readonly Intent[] = ['searchOffers', 'eligibility'];

/** The knowledge base's answer to a general question the classifier took for a task, if it has one. */
export async function generalQuestionAnswer(
  knowledge: QuestionAnswerer,
  context: TurnContext,
  recognition: Recognition,
  situation: { linked: boolean; followsAnAnswer: boolean },
): Promise<KnowledgeReply | undefined> {
  const general = GENERAL_QUESTIONS_OF_TASKS[recognition.intent];
  if (!general || (general.unlinkedOnly && situation.linked) || context.activity.value !== undefined || !isQuestion(recognition.text)) return undefined;
  // "et en T3 ?", "et pour le plai ?" after results or a verdict, "à Lyon ?": the task's own follow-up
  // (a question on the renewal after a search is no follow-up of it).
  // "I'm in the middle of a divorce. Do I have to upload the judgment with my application?": for a task
  // of the dossier, a household told says who asks, not what the task is about.
  const asked = HOUSEHOLD_BLIND_TASKS.includes(recognition.intent) ? withoutTheHousehold(recognition) : recognition;
  if ((situation.followsAnAnswer && FOLLOWED_UP_TASKS.includes(recognition.intent)) || namesATask(asked)) return undefined;
  const match = await knowledge.find(context, recognition.text, languageOf(context));
  // "les murs sont noirs de moisissure, je fournis quoi pour prouver ça ?": the proof of the situation told.
  const entries = ['documents', 'eligibility'].includes(recognition.intent) && PROOF_OF_IT.test(normalizeForMatching(recognition.text)) ? [...general.entries, ...SITUATION_PROOFS] : general.entries;
  if (match.kind === 'answer') return entries.includes(match.hit.entry.id) ? { kind: 'answer', entry: match.hit.entry } : undefined;
  // Before any link, the closest questions about a proposal are better than being asked for a number, and
  // those about one document ("the landlord wants my bank statements, do I have to?") better than the
  // questions that make a list for one's situation.
  const first = match.kind === 'choices' ? match.hits[0]?.entry : undefined;
  if (match.kind === 'choices' && general.choicesBeforeLink && !situation.linked && first && general.entries.includes(first.id)) return { kind: 'choices', entries: choicesOf(match.hits) };
  return undefined;
}

/** A message naming a place, an amount, a dwelling, a number…: about a task, not a general question. */
/** The recognition without the household it tells: who asks ("je suis en cours de divorce, …"), not what about. */
export function withoutTheHousehold(recognition: Recognition): Recognition {
  const { persons: _household, ...named } = recognition.entities;
  return { ...recognition, entities: named };
}

export function namesATask(recognition: Recognition): boolean {
  // The language asked to answer in ("répondez en anglais : c koi le NUR ?") names no task.
  return Object.keys(readEntities(recognition.entities)).some((name) => name !== 'topic' && name !== 'language');
}

/**
 * Asked as a question: a question mark, at the end or before what follows it ("je vous l'envoie ici ? je l'ai
 * en pdf"), a question word first ("ou je trouve…", "how long…"), "c'est quoi" anywhere ("le dalo c quoi
 * exactement"), or a wish to know ("je voudrais savoir combien de temps…").
 */
export function isQuestion(text: string): boolean {
  return (
    /\?/.test(text) ||
    /^\s*(c'?est quoi|c koi|qu'est|est-ce|comment|combien|pourquoi|quand|ou |où|quel|quelle|what|how|why|when|where|which|can i|do i|is it)/i.test(text) ||
    /(?<![\p{L}])(?:c'?est|c|cest|ces) (?:quoi|koi)(?![\p{L}])/iu.test(text) ||
    // "bonjour, je voudrais savoir combien de temps…", "I'd like to know how long…": a question put as a wish.
    /(?<![\p{L}])(?:je voudrais savoir|j'?aimerais savoir|je veux savoir|je me demande|dites[- ]moi|i'?d like to know|i would like to know|i want to know|i wonder|tell me)(?![\p{L}])/iu.test(text) ||
    // "…j'ai pas d'adresse fixe pour les papiers, comment je fais": the question asked last, without its mark.
    /(?<![\p{L}])(?:comment (?:je|j'|on) ?(?:fais|fait|dois faire|peux faire)|(?:je|on) (?:fais|fait) comment|comment faire|que faire|je fais quoi|what (?:do|should|can) (?:i|we) do|how do (?:i|we) do (?:it|that))\s*[.!…]*\s*$/iu.test(text)
  );
}

/** An answer found by the search carries how much of the message its question covered (0 to 1). */
export type KnowledgeReply = { kind: 'answer'; entry: KnowledgeEntry; coverage?: number } | { kind: 'choices'; entries: KnowledgeEntry[] } | { kind: 'none' };

/**
 * What the knowledge base says to a message: the entry chosen by its button; else the search's answer
 * when it is confident; when it hesitates, the classifier's topic if it is among the closest questions,
 * else those questions; when the search finds nothing, the classifier's topic, else nothing.
 */
/** The entry on what PLAI, PLUS, PLS and PLI mean. */
const FINANCINGS_ENTRY = 'loan-types';
const FINANCING = String.raw`(?:plai|plus|pls|pli)`;
/** The meaning of a financing asked, the words bound to its name ("c'est quoi le PLS ?", not "c'est quoi le plafond PLS ?"). */
const FINANCING_MEANING = new RegExp(
  String.raw`(?<![a-z])(?:${FINANCING} (?:ca|sa|ça) veut dire quoi|${FINANCING} (?:c est|c|cest) (?:quoi|koi)|(?:c est|c|cest|c koi|c quoi) quoi (?:un |une |le |la |du )?(?:logement )?${FINANCING}|(?:c est quoi|c quoi|c koi|cest quoi|qu est ce qu) (?:un |une |le |la |du |que le )?(?:logement |un logement )?${FINANCING}|que (?:veut dire|signifie) (?:le |la )?${FINANCING}|what (?:is|s|does) (?:a |an |the )?${FINANCING}(?: (?:mean|stand for|flat|housing|home))?|what do(?:es)? ${FINANCING} (?:mean|stand for)|${FINANCING} (?:means what|meaning))(?![a-z])`,
);

/** Whether the message asks what a kind of financing (PLAI, PLUS, PLS, PLI) is. */
export function asksWhatAFinancingMeans(text: string): boolean {
  const asked = FINANCING_MEANING.exec(normalizeForMatching(text).replace(/'/g, ' '));
  // "en plus c'est quoi le délai ?": PLUS is a financing only in capitals.
  return asked !== null && (!/(?<![a-z])plus(?![a-z])/.test(asked[0]) || /(?<![\p{L}])PLUS(?![\p{L}])/u.test(text));
}

export async function knowledgeReply(knowledge: QuestionAnswerer, context: TurnContext, recognition: Recognition): Promise<KnowledgeReply> {
  const language = languageOf(context);
  const { entry: chosen, topic } = readEntities(recognition.entities);
  const chosenEntry = chosen ? knowledge.entry(chosen, language) : undefined;
  if (chosenEntry) return { kind: 'answer', entry: chosenEntry };
  // "PLI ça veut dire quoi ?", "what is PLS and why does it matter for me?": the meaning of a kind of financing.
  const meaning = asksWhatAFinancingMeans(recognition.text) ? knowledge.entry(FINANCINGS_ENTRY, language) : undefined;
  if (meaning) return { kind: 'answer', entry: meaning };
  const topicEntry = topic ? knowledge.entry(ENTRY_OF_TOPIC[topic], language) : undefined;
  const match = await knowledge.find(context, recognition.text, language);
  if (match.kind === 'answer') return { kind: 'answer', entry: match.hit.entry, coverage: match.hit.exactCoverage };
  if (match.kind === 'choices') {
    // The classifier settles a hesitation only between near equals: "combien de temps pour avoir un
    // logement ?" is not the deadline to answer a proposal because the classifier leaned that way.
    // When the topic is further behind, the classifier still says this is that kind of question: the
    // search's first entry is answered if it leads the others clearly ("et si je réponds pas à la
    // proposition ?": what silence means, not the deadline).
    const [first, second] = match.hits;
    const topicHit = match.hits.find((hit) => hit.entry.id === topicEntry?.id);
    // A topic the intent classifier is sure of may trail the search's first a little further.
    const near = recognition.intent === 'faq' && recognition.score >= SURE_TOPIC ? TOPIC_NEAR_FIRST_WHEN_SURE : TOPIC_NEAR_FIRST;
    if (first && topicHit && topicHit.score >= first.score * near) return { kind: 'answer', entry: topicHit.entry };
    // Not on one word of a short message ("je l'ai pas sous la main": "sous" is not "sous condition").
    const wordsEnough = (first?.exactCoverage ?? 0) >= LEADER_COVERAGE;
    if (first && topicHit && second && wordsEnough && first.score >= second.score * LEADER_WITH_A_TOPIC) return { kind: 'answer', entry: first.entry };
    return { kind: 'choices', entries: choicesOf(match.hits) };
  }
  if (topicEntry) return { kind: 'answer', entry: topicEntry };
  // "répondez en anglais : c quoi le dalo ?": a question plainly in the other language, found in that
  // language's base, answered in the conversation's.
  const written = markerLanguage(recognition.text);
  if (written === undefined || written === language) return { kind: 'none' };
  const there = await knowledge.find(context, recognition.text, written);
  const entry = there.kind === 'answer' ? knowledge.entry(there.hit.entry.id, language) : undefined;
  return entry ? { kind: 'answer', entry } : { kind: 'none' };
}

/** Sends an answer or the closest questions; says nothing for `none` (the caller knows what follows). */
export async function sendKnowledgeReply(context: TurnContext, reply: KnowledgeReply): Promise<void> {
  const t = translatorOf(context);
  if (reply.kind === 'answer') {
    await sendAnswer(context, knowledgeAnswerCard(t, reply.entry, context.activity.channelId), reply.entry.id);
    rememberTheme(context, { theme: reply.entry.theme, entry: reply.entry.id });
  }
  if (reply.kind === 'choices') {
    reportOutcome(context, 'unsure');
    await context.sendActivity(MessageFactory.attachment(knowledgeChoicesCard(t, reply.entries)));
  }
}

/** The popular questions, as buttons. */
export function popularQuestions(knowledge: QuestionAnswerer, context: TurnContext): KnowledgeEntry[] {
  const language = languageOf(context);
  return POPULAR_ENTRIES.flatMap((id) => knowledge.entry(id, language) ?? []);
}
