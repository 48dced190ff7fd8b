import { z } from 'zod';
import { normalizeForMatching } from '../shared/normalizeForMatching';
import type { SentimentResult } from '../language/languageService';
import type { RequestState } from '../sne/schemas';
import lexiconData from './triageLexicon.json';
import { urgentClassifier, type UrgentClassification, type UrgentLabel } from './urgentClassifier';
import tuning from './data/urgentTuning.json';

/** The helpdesk's ticket categories (docs/portal-api.yaml); in this order they also break ties, the most specific first. */
export const TRIAGE_CATEGORIES = ['technical', 'employer', 'complaint', 'renewal', 'documents', 'offers', 'eligibility', 'applicationFollowUp', 'other'] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

export type TriageUrgency = 'urgent' | 'high' | 'normal';

/** Why a ticket is urgent or what the agent should know: codes only, never the user's words. */
export const TRIAGE_REASONS = [
  'eviction',
  'violence',
  'childInDanger',
  'immediateDanger',
  'homeless',
  'unfitHousing',
  'disability',
  'hospital',
  'dalo',
  /** Another priority situation the classifier recognised (overcrowding, a home made impossible…). */
  'prioritySituation',
  'offerAnswerDueSoon',
  'renewalDueSoon',
  'requestExpired',
  'negativeMood',
  'helpdeskAsked',
] as const;
export type TriageReason = (typeof TRIAGE_REASONS)[number];

/** In the order the helpdesk message lists them. */
export const EMERGENCY_NUMBERS = ['115', '3919', '119', '17'] as const;
export type EmergencyNumber = (typeof EMERGENCY_NUMBERS)[number];

export interface TriageInput {
  /** The recent messages of the user, oldest first. */
  messages: string[];
  /** The helpdesk categories the recognizer's intents point to (the conversation maps its intents). */
  topics: TriageCategory[];
  /** The person asked for someone ("parler à un conseiller"). */
  personAsked?: boolean;
  sentiment?: SentimentResult;
  /** From summarizeDossier when a request is linked. */
  dossier?: { state: RequestState; daysToRenewal?: number; daysToAnswer?: number };
}

export interface Triage {
  category: TriageCategory;
  urgency: TriageUrgency;
  reasons: TriageReason[];
  emergencyNumbers: EmergencyNumber[];
  /** What the classifier read, for the ticket: its class and score. */
  model: { label: UrgentLabel; score: number };
}

const LexiconSchema = z.object({
  source: z.string().min(1),
  negation: z.object({ why: z.string(), window: z.number().int().positive(), phrases: z.array(z.string().min(1)).min(1) }),
  thirdParty: z.object({ why: z.string(), phrases: z.array(z.string().min(1)).min(1), firstPerson: z.array(z.string().min(1)).min(1) }),
  dossier: z.object({
    source: z.string().min(1),
    offerAnswerUrgentWithinDays: z.number().int().nonnegative(),
    renewalHighWithinDays: z.number().int().nonnegative(),
  }),
  situations: z.array(
    z.object({
      reason: z.enum(TRIAGE_REASONS),
      urgency: z.enum(['urgent', 'high']),
      emergencyNumbers: z.array(z.enum(EMERGENCY_NUMBERS)),
      negatable: z.boolean(),
      cues: z.array(z.string().min(1)).min(1),
    }),
  ),
  // "other" has no cues: it is what is left.
  categories: z.partialRecord(z.enum(TRIAGE_CATEGORIES), z.array(z.string().min(1))),
});
const LEXICON = LexiconSchema.parse(lexiconData);

/** How much one recognised topic weighs against one cue word: the recognizer saw the whole sentence. */
const TOPIC_WEIGHT = 2;
const NEGATIVE_MOOD_THRESHOLD = 0.5;

/** A cue as a regular expression body on normalized text: whole words, "*" for any word ending. */
function cueBody(cue: string): string {
  return normalizeForMatching(cue.replace(/\*/g, ' STAR '))
    .split(' ')
    .map((word) => (word === 'star' ? '[a-z0-9]*' : word))
    .join(' ')
    .replace(/ \[a-z0-9\]\*/g, '[a-z0-9]*');
}

function cuePattern(cue: string): RegExp {
  return new RegExp(`(?:^| )(${cueBody(cue)})(?= |$)`, 'g');
}

/**
 * The cues of one situation or category: each as its own pattern (to count them, to find where they
 * start), and all in one pattern that tells at once whether a clause holds any of them — most clauses
 * hold none, and one test is far cheaper than hundreds.
 */
interface CueGroup {
  patterns: RegExp[];
  anyCue: RegExp;
}

function cueGroup(cues: readonly string[]): CueGroup {
  return {
    patterns: cues.map(cuePattern),
    anyCue: cues.length > 0 ? new RegExp(`(?:^| )(?:${cues.map(cueBody).join('|')})(?= |$)`) : /(?!)/,
  };
}

const NEGATIONS = cueGroup(LEXICON.negation.phrases);
const SITUATIONS = LEXICON.situations.map((situation) => ({ ...situation, cues: cueGroup(situation.cues) }));
const CATEGORY_CUES = new Map<TriageCategory, CueGroup>(TRIAGE_CATEGORIES.map((category) => [category, cueGroup(LEXICON.categories[category] ?? [])]));

/** Clauses, normalized: a negation only reaches the cue in its own clause ("pas d'huissier, mais…"). */
function clausesOf(messages: string[]): string[] {
  return messages
    .flatMap((message) => message.split(/[.,;:!?\n]+/))
    .map(normalizeForMatching)
    .filter((clause) => clause.length > 0);
}

const THIRD_PARTIES = cueGroup(LEXICON.thirdParty.phrases);
const FIRST_PERSON = cueGroup(LEXICON.thirdParty.firstPerson);

function isNegated(clause: string, cueStart: number): boolean {
  const before = clause.slice(0, cueStart).trim().split(' ').filter(Boolean).slice(-LEXICON.negation.window).join(' ');
  return before.length > 0 && NEGATIONS.anyCue.test(before);
}

/** "ma voisine a été expulsée": the clause tells of someone else, and the user is not in it up to the cue's end. */
function isSomeoneElses(clause: string, cueStart: number): boolean {
  const before = clause.slice(0, cueStart);
  if (!THIRD_PARTIES.anyCue.test(before)) return false;
  const cueWord = clause.slice(cueStart).split(' ').slice(0, 3).join(' ');
  return !FIRST_PERSON.anyCue.test(`${before} ${cueWord}`);
}

/** Where the pattern matches, as the index of the first letter of the cue. */
function matchStarts(pattern: RegExp, clause: string): number[] {
  const starts: number[] = [];
  for (const match of clause.matchAll(pattern)) starts.push(match.index + match[0].length - (match[1] ?? '').length);
  return starts;
}

function hasCue(cues: CueGroup, clauses: string[], negatable: boolean): boolean {
  return clauses.some(
    (clause) =>
      cues.anyCue.test(clause) &&
      cues.patterns.some((pattern) => matchStarts(pattern, clause).some((start) => !negatable || (!isNegated(clause, start) && !isSomeoneElses(clause, start)))),
  );
}

/** How many different cues of the group the clauses hold. */
function countCues(cues: CueGroup, clauses: string[]): number {
  const holding = clauses.filter((clause) => cues.anyCue.test(clause));
  if (holding.length === 0) return 0;
  return cues.patterns.filter((pattern) => holding.some((clause) => matchStarts(pattern, clause).length > 0)).length;
}

function isNegativeMood(sentiment: SentimentResult | undefined): boolean {
  return sentiment !== undefined && (sentiment.label === 'negative' || sentiment.label === 'mixed') && sentiment.scores.negative >= NEGATIVE_MOOD_THRESHOLD;
}

function categoryOf(clauses: string[], topics: TriageCategory[], negativeMood: boolean): TriageCategory {
  const scores = new Map<TriageCategory, number>(TRIAGE_CATEGORIES.map((category) => [category, 0]));
  for (const [category, cues] of CATEGORY_CUES) scores.set(category, countCues(cues, clauses));
  for (const topic of new Set(topics)) scores.set(topic, (scores.get(topic) ?? 0) + TOPIC_WEIGHT);
  // A bad mood tips a complaint already voiced over a tie, never creates one.
  const complaint = scores.get('complaint') ?? 0;
  if (negativeMood && complaint > 0) scores.set('complaint', complaint + 1);
  let best: TriageCategory = 'other';
  let bestScore = 0;
  for (const category of TRIAGE_CATEGORIES) {
    const score = scores.get(category) ?? 0;
    if (score > bestScore) {
      best = category;
      bestScore = score;
    }
  }
  return best;
}

interface Finding {
  reason: TriageReason;
  urgency: TriageUrgency;
  emergencyNumbers: readonly EmergencyNumber[];
}

function dossierFindings(dossier: TriageInput['dossier']): Finding[] {
  if (!dossier) return [];
  const findings: Finding[] = [];
  const { offerAnswerUrgentWithinDays, renewalHighWithinDays } = LEXICON.dossier;
  if (dossier.state === 'expired') findings.push({ reason: 'requestExpired', urgency: 'high', emergencyNumbers: [] });
  if (dossier.state === 'active' || dossier.state === 'to_renew') {
    // Silence counts as refusal (CCH R441-10): an answer due within two days cannot wait for a callback.
    if (dossier.daysToAnswer !== undefined && dossier.daysToAnswer >= 0 && dossier.daysToAnswer <= offerAnswerUrgentWithinDays) {
      findings.push({ reason: 'offerAnswerDueSoon', urgency: 'urgent', emergencyNumbers: [] });
    }
    if (dossier.state === 'to_renew' || (dossier.daysToRenewal !== undefined && dossier.daysToRenewal <= renewalHighWithinDays)) {
      findings.push({ reason: 'renewalDueSoon', urgency: 'high', emergencyNumbers: [] });
    }
  }
  return findings;
}

/** When the conversation says nothing about a topic, the dossier's most pressing matter is the topic. */
const CATEGORY_OF_DOSSIER_REASON: Partial<Record<TriageReason, TriageCategory>> = {
  offerAnswerDueSoon: 'offers',
  requestExpired: 'renewal',
  renewalDueSoon: 'renewal',
};

/**
 * Category, urgency and the emergency numbers that apply, from the conversation, the recognizer, the
 * sentiment and the linked request. Pure and deterministic: the same input always gives the same ticket.
 */
export function triage(input: TriageInput): Triage {
  const clauses = clausesOf(input.messages);
  const negativeMood = isNegativeMood(input.sentiment);
  const model = readingOf(input.messages);
  const conversationFindings: Finding[] = combined(SITUATIONS.filter((situation) => hasCue(situation.cues, clauses, situation.negatable)), model);
  const fromDossier = dossierFindings(input.dossier);
  const findings = [...conversationFindings, ...fromDossier];

  let category = categoryOf(clauses, input.topics, negativeMood);
  if (category === 'other') {
    const dossierCategory = fromDossier.map((finding) => CATEGORY_OF_DOSSIER_REASON[finding.reason]).find((found) => found !== undefined);
    if (dossierCategory) category = dossierCategory;
  }

  const urgency: TriageUrgency = findings.some((finding) => finding.urgency === 'urgent')
    ? 'urgent'
    : findings.some((finding) => finding.urgency === 'high')
      ? 'high'
      : 'normal';

  const reasons = new Set<TriageReason>(findings.map((finding) => finding.reason));
  if (negativeMood) reasons.add('negativeMood');
  if (input.personAsked) reasons.add('helpdeskAsked');
  const numbers = new Set<EmergencyNumber>(findings.flatMap((finding) => finding.emergencyNumbers));

  return {
    category,
    urgency,
    reasons: TRIAGE_REASONS.filter((reason) => reasons.has(reason)),
    emergencyNumbers: EMERGENCY_NUMBERS.filter((number) => numbers.has(number)),
    model: { label: model.label, score: Math.round(model.score * 100) / 100 },
  };
}

/** The classifier on the most telling message: the one it finds most urgent. */
function readingOf(messages: string[]): UrgentClassification {
  const classifier = urgentClassifier();
  const readings = messages.filter((message) => message.trim()).map((message) => classifier.classify(message));
  const urgentScore = (reading: UrgentClassification) => Math.max(...URGENT_CLASSES.map((label) => reading.scores[label]));
  return readings.sort((a, b) => urgentScore(b) - urgentScore(a))[0] ?? classifierNothing();
}

function classifierNothing(): UrgentClassification {
  return { label: 'ordinary', score: 1, scores: { homeless: 0, violence: 0, dangerNow: 0, child: 0, priority: 0, ordinary: 1 } };
}

const URGENT_CLASSES = ['homeless', 'violence', 'dangerNow', 'child', 'priority'] as const;

/** What each class of the classifier means for the ticket and the numbers shown (FACTS.md, issue 17). */
const FINDING_OF_CLASS: Record<(typeof URGENT_CLASSES)[number], Finding[]> = {
  homeless: [{ reason: 'homeless', urgency: 'urgent', emergencyNumbers: ['115'] }],
  violence: [{ reason: 'violence', urgency: 'urgent', emergencyNumbers: ['3919'] }],
  dangerNow: [
    { reason: 'violence', urgency: 'urgent', emergencyNumbers: ['3919'] },
    { reason: 'immediateDanger', urgency: 'urgent', emergencyNumbers: ['17'] },
  ],
  child: [{ reason: 'childInDanger', urgency: 'urgent', emergencyNumbers: ['119'] }],
  priority: [{ reason: 'prioritySituation', urgency: 'urgent', emergencyNumbers: [] }],
};

/**
 * The lexicon's findings and the classifier's reading, combined: a class read with confidence adds its
 * findings (implicit phrasing: "il me bat", "on dort dans la voiture"); a confident "nothing urgent"
 * removes the lexicon's urgent findings (a negation, someone else, a general or past situation: "c'est
 * quoi le DALO ?", "j'ai été à la rue en 2018"). Every class above its threshold counts.
 */
function combined(lexicon: Finding[], model: UrgentClassification): Finding[] {
  const modelSaysOrdinary = model.label === 'ordinary' && model.scores.ordinary >= tuning.ordinaryOverrules;
  const kept = modelSaysOrdinary ? lexicon.filter((finding) => finding.urgency !== 'urgent') : [...lexicon];
  for (const label of URGENT_CLASSES) {
    if (model.scores[label] >= (label === 'priority' ? tuning.priorityAdds : tuning.classAdds)) kept.push(...FINDING_OF_CLASS[label]);
  }
  return kept;
}
