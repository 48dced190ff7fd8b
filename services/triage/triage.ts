import { z } from 'zod';
import { normalizeForMatching } from '../shared/normalizeForMatching';
import type { SentimentResult } from '../language/languageService';
import type { RequestState } from '../sne/schemas';
import lexiconData from './triageLexicon.json';
import { urgentClassifier, type UrgentClassification, type UrgentLabel } from './urgentClassifier';
import tuning from './data/urgentTuning.json';
import { isOvercrowded, type CurrentHome } from './overcrowding';

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
  /** Despair or suicidal intent stated seriously: urgent, and the suicide prevention line said beside. */
  'despair',
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
  /** The home the writer lives in now, as the conversation read it (how many, its surface, one room). */
  home?: CurrentHome;
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

const CueList = z.array(z.string().min(1));

const LexiconSchema = z.object({
  source: z.string().min(1),
  syntax: z.string().min(1),
  negation: z.object({
    why: z.string(),
    window: z.number().int().positive(),
    phrases: CueList.min(1),
    /** Words that close a negation's reach: "pas de solution, on dort dehors" is not "pas … dehors". */
    boundaries: CueList.min(1),
    /** Right after the cue, negating it on their own ("l'huissier n'est jamais venu"). */
    after: CueList.min(1),
    /** The second half of a French "ne … pas" after the cue ("il ne me frappe pas"), when a "ne" comes just before it. */
    neBefore: CueList.min(1),
    neAfter: CueList.min(1),
  }),
  thirdParty: z.object({ why: z.string(), phrases: CueList.min(1), firstPerson: CueList.min(1) }),
  context: z.object({
    why: z.string(),
    /** The message says the situation is over or not pressing ("c'est classé", "rien de grave"). */
    resolved: CueList.min(1),
    /** A clause set in the past ("en 2018", "last year"): its cues are history… */
    past: CueList.min(1),
    /** …unless the message says it goes on ("toujours", "still"). */
    ongoing: CueList.min(1),
    /** Someone cared for elsewhere ("mon père … vit en EHPAD"): the cues of that clause are not the household's. */
    elsewhere: CueList.min(1),
    /** A general question, a report, homework: the cues of a clause without the user in it are not theirs. */
    general: CueList.min(1),
    /** A report, a documentary, homework: the cues of its own clause are never the user's, whoever is in it. */
    reported: CueList.min(1),
    /** What puts the user in a clause, for the general rule (possessives too: "mon conjoint est violent"). */
    personal: CueList.min(1),
    /** Laughing: "mon proprio va me tuer si je paye en retard mdr". */
    joking: CueList.min(1),
    jokingEmoji: z.string().min(1),
  }),
  /** A message that situates the one before it: it opens as a correction and holds a cue of another time or sense. */
  takeBack: z.object({
    why: z.string(),
    /** Among its first words. */
    opening: CueList.min(1),
    /** Anywhere in it; "@resolved", "@past", "@joking" name the context's lists. */
    anywhere: CueList.min(1),
    /** Said anywhere, these take the message before back with no opening ("le technicien est passé, ça remarche"). */
    alone: CueList.min(1),
  }),
  /** Named lists of cues that situations require beside their own ("with"); "@name" includes another list. */
  cueSets: z.record(z.string(), CueList.min(1)),
  dossier: z.object({
    source: z.string().min(1),
    offerAnswerUrgentWithinDays: z.number().int().nonnegative(),
    renewalHighWithinDays: z.number().int().nonnegative(),
  }),
  situations: z.array(
    z.object({
      name: z.string().min(1),
      reasons: z.array(z.enum(TRIAGE_REASONS)).min(1),
      urgency: z.enum(['urgent', 'high']),
      emergencyNumbers: z.array(z.enum(EMERGENCY_NUMBERS)),
      negatable: z.boolean(),
      cues: CueList.min(1),
      /** Cue sets of which one cue each must also be in the same message, not negated. */
      with: z.array(z.string().min(1)).optional(),
      /** Just before the cue, these make it something else ("menace de me jeter dehors": a threat, not an eviction). */
      notAfter: CueList.optional(),
      /** The cue's last word and what follows it, starting with one of these, make it something else ("à la rue de la République", "à la rue niveau paperasse"). */
      notBefore: CueList.optional(),
      /** A cue in a clause with one of `clauseWith` is over ("il m'a menacée avec un couteau hier"), unless the message holds one of `unlessWith` ("…et il revient ce soir"). */
      pastIf: z.object({ clauseWith: z.string().min(1), unlessWith: z.string().min(1) }).optional(),
    }),
  ),
  // "other" has no cues: it is what is left.
  categories: z.partialRecord(z.enum(TRIAGE_CATEGORIES), CueList),
});
const LEXICON = LexiconSchema.parse(lexiconData);

/** How much one recognised topic weighs against one cue word: the recognizer saw the whole sentence. */
const TOPIC_WEIGHT = 2;
const NEGATIVE_MOOD_THRESHOLD = 0.5;
/** What "..." in a cue stands for: up to 5 words, never a negation ("je dors pas dans ma voiture"). */
const GAP = '(?:(?!(?:pas|plus|jamais|not|never|no|ni|aucun|aucune)(?= ))[a-z0-9]+ ){0,5}';

/** Words of a cue, no brackets nor gaps: "*" for any word ending, "#" for a number ("20#" a number starting with 20). */
function wordsBody(text: string): string {
  // Most cue words are already plain (lower case, no accent): no need to normalize them.
  if (/^[a-z0-9]+$/.test(text)) return text;
  const marked = text.replace(/(\d*)#/g, ' zznum$1zz').replace(/\*/g, 'zzstarzz');
  return normalizeForMatching(marked)
    .split(' ')
    .filter(Boolean)
    .map((word) => word.replace(/zznum(\d*)zz/g, '$1[0-9]+').replace(/zzstarzz/g, '[a-z0-9]*'))
    .join(' ');
}

/** Many cues come back in several groups (cue sets, "@name"): each is parsed once. */
const CUE_BODIES = new Map<string, string>();
const WORD_TOKEN = /[^ ()|]+/y;

/**
 * A cue as a regular expression body on normalized text (the syntax is in the lexicon's "syntax"):
 * words, "..." for a few words in between, "(a|b c)" for alternatives that may nest, "(…)?" for optional.
 */
function cueBody(cue: string): string {
  let body = CUE_BODIES.get(cue);
  if (body === undefined) {
    body = parsedCue(cue);
    CUE_BODIES.set(cue, body);
  }
  return body;
}

function parsedCue(cue: string): string {
  let at = 0;
  const sequence = (): string => {
    let body = '';
    while (at < cue.length && cue[at] !== ')' && cue[at] !== '|') {
      if (cue[at] === ' ') {
        at += 1;
      } else if (cue.startsWith('...', at)) {
        body += GAP;
        at += 3;
      } else if (cue[at] === '(') {
        at += 1;
        const alternatives = [sequence()];
        while (cue[at] === '|') {
          at += 1;
          alternatives.push(sequence());
        }
        if (cue[at] !== ')') throw new Error(`triageLexicon.json: unclosed bracket in "${cue}"`);
        at += 1;
        const group = `(?:${alternatives.join('|')})`;
        const optional = cue[at] === '?';
        if (optional) at += 1;
        body += optional ? `(?:${group} )?` : `${group} `;
      } else {
        WORD_TOKEN.lastIndex = at;
        const token = WORD_TOKEN.exec(cue)?.[0] ?? '';
        at += token.length;
        const words = wordsBody(token);
        if (words) body += `${words} `;
      }
    }
    return body.endsWith(' ') ? body.slice(0, -1) : body;
  };
  const body = sequence();
  if (at < cue.length) throw new Error(`triageLexicon.json: unopened bracket in "${cue}"`);
  return body;
}

/** A text no cue is likely to hold, to run the patterns on while nothing waits. */
const COMPILING_SAMPLE = 'bonjour je voudrais un renseignement';

/**
 * The cues of one situation, set or category, as one pattern that finds them all at once (most
 * clauses hold none, and one test is far cheaper than hundreds), and one per cue where cues are
 * counted. Built on first use, and compiled by V8 before the first turn (`compileTriagePatterns`).
 */
class CueGroup {
  /** Every group made, so that all can be compiled before the first turn. */
  static readonly all: CueGroup[] = [];
  private anyCue: RegExp | undefined;
  private endCue: RegExp | undefined;
  private eachCue: RegExp[] | undefined;

  constructor(private readonly cues: readonly string[]) {
    CueGroup.all.push(this);
  }

  /**
   * Runs each pattern twice: V8 interprets a pattern's first run and compiles it to machine code on
   * the next, ~100 ms for all. Done before the first turn, no message pays it (an 80 KB one did).
   */
  compile(): void {
    for (let run = 0; run < 2; run += 1) this.holds(COMPILING_SAMPLE);
  }

  /** Whether the text holds one of the cues. */
  holds(text: string): boolean {
    const pattern = this.any();
    pattern.lastIndex = 0;
    return pattern.test(text);
  }

  /** Where the cues are in the text, from the left, not overlapping. */
  spans(text: string): Span[] {
    return matchSpans(this.any(), text);
  }

  /** Whether the text ends with one of the cues. */
  ends(text: string): boolean {
    this.endCue ??= this.cues.length > 0 ? new RegExp(`(?:^| )(?:${this.cues.map(cueBody).join('|')})$`) : /(?!)/;
    return this.endCue.test(text);
  }

  /** How many different cues the texts hold. */
  countIn(texts: string[]): number {
    const holding = texts.filter((text) => this.holds(text));
    if (holding.length === 0) return 0;
    this.eachCue ??= this.cues.map((cue) => new RegExp(`(?:^| )(?:${cueBody(cue)})(?= |$)`));
    return this.eachCue.filter((pattern) => holding.some((text) => pattern.test(text))).length;
  }

  private any(): RegExp {
    this.anyCue ??= this.cues.length > 0 ? new RegExp(`(?:^| )(${this.cues.map(cueBody).join('|')})(?= |$)`, 'g') : /(?!)/g;
    return this.anyCue;
  }
}

/** A cue set with its "@name" inclusions spelled out. */
function cueSetCues(name: string, seen: string[] = []): string[] {
  const cues = LEXICON.cueSets[name];
  if (!cues || seen.includes(name)) throw new Error(`triageLexicon.json: unknown or circular cue set "${name}"`);
  return cues.flatMap((cue) => (cue.startsWith('@') ? cueSetCues(cue.slice(1), [...seen, name]) : [cue]));
}

const CUE_SETS = new Map(Object.keys(LEXICON.cueSets).map((name) => [name, new CueGroup(cueSetCues(name))]));
const NEGATIONS = new CueGroup(LEXICON.negation.phrases);
const NEGATION_BOUNDARIES = new Set(LEXICON.negation.boundaries.map(normalizeForMatching));
const NEGATED_AFTER = new CueGroup(LEXICON.negation.after);
const NE_BEFORE = new CueGroup(LEXICON.negation.neBefore);
const NE_AFTER = new CueGroup(LEXICON.negation.neAfter);
const THIRD_PARTIES = new CueGroup(LEXICON.thirdParty.phrases);
const FIRST_PERSON = new CueGroup(LEXICON.thirdParty.firstPerson);
const RESOLVED = new CueGroup(LEXICON.context.resolved);
const PAST = new CueGroup(LEXICON.context.past);
const ONGOING = new CueGroup(LEXICON.context.ongoing);
const ELSEWHERE = new CueGroup(LEXICON.context.elsewhere);
const GENERAL = new CueGroup([...LEXICON.context.general, ...LEXICON.context.reported]);
const REPORTED = new CueGroup(LEXICON.context.reported);
const PERSONAL = new CueGroup([...LEXICON.thirdParty.firstPerson, ...LEXICON.context.personal]);
const JOKING = new CueGroup(LEXICON.context.joking);
const JOKING_EMOJI = new RegExp(`[${LEXICON.context.jokingEmoji}]`, 'u');
const CONTEXT_LISTS: Record<string, readonly string[]> = { resolved: LEXICON.context.resolved, past: LEXICON.context.past, joking: LEXICON.context.joking };
const TAKE_BACK_OPENING = new CueGroup(LEXICON.takeBack.opening);
const TAKE_BACK_ANYWHERE = new CueGroup(LEXICON.takeBack.anywhere.flatMap((cue) => (cue.startsWith('@') ? (CONTEXT_LISTS[cue.slice(1)] ?? []) : [cue])));
const TAKE_BACK_ALONE = new CueGroup(LEXICON.takeBack.alone);
/** How far into a message its opening words go. */
const OPENING_WORDS = 3;
/** "oubliez, il lit mon téléphone", "forget it, he's right here": a retraction that looks forced (LABELLING.md 4.14) takes nothing back. */
const FORCED_RETRACTION = cueSetNamed('forcedRetraction', 'a take-back');

/**
 * "je dors dans ma voiture" then "enfin c'était l'été dernier", "je suis à la rue" then "à la rue de la
 * République je veux dire": the second message situates the first in another time or sense.
 */
function takesBack(message: string): boolean {
  const text = normalizeForMatching(message);
  if (FORCED_RETRACTION.holds(text)) return false;
  const opening = text.split(' ').slice(0, OPENING_WORDS).join(' ');
  const opens = startsWith(TAKE_BACK_OPENING, opening) || /\b(?:je veux dire|je voulais dire|i mean|i meant)\b/.test(text);
  return (opens && (TAKE_BACK_ANYWHERE.holds(text) || JOKING_EMOJI.test(message))) || TAKE_BACK_ALONE.holds(text);
}

/** Cues with their "@name" inclusions spelled out. */
function spelledOut(cues: readonly string[]): string[] {
  return cues.flatMap((cue) => (cue.startsWith('@') ? cueSetCues(cue.slice(1)) : [cue]));
}

const SITUATIONS = LEXICON.situations.map((situation) => ({
  ...situation,
  cues: new CueGroup(spelledOut(situation.cues)),
  with: (situation.with ?? []).map((name) => cueSetNamed(name, situation.name)),
  notAfter: new CueGroup(situation.notAfter ?? []),
  notBefore: new CueGroup(situation.notBefore ?? []),
  pastIf: situation.pastIf && { clauseWith: cueSetNamed(situation.pastIf.clauseWith, situation.name), unlessWith: cueSetNamed(situation.pastIf.unlessWith, situation.name) },
}));

function cueSetNamed(name: string, situation: string): CueGroup {
  const group = CUE_SETS.get(name);
  if (!group) throw new Error(`triageLexicon.json: situation "${situation}" needs unknown cue set "${name}"`);
  return group;
}

const CATEGORY_CUES = new Map<TriageCategory, CueGroup>(TRIAGE_CATEGORIES.map((category) => [category, new CueGroup(LEXICON.categories[category] ?? [])]));

/** Clauses, normalized: a negation only reaches the cue in its own clause ("pas d'huissier, mais…"). */
function clausesOf(messages: string[]): string[] {
  return messages
    .map(withoutQuotedTerms)
    .flatMap((message) => message.split(/[.,;:!?\n()]+/))
    .map(normalizeForMatching)
    .filter((clause) => clause.length > 0);
}

/** A quoted term is named, not told: the motif « sans logement » of a form, a 'commandement de payer' asked about. */
const QUOTED_TERM = /«\s*([^«»]{1,60}?)\s*»|“([^“”]{1,60}?)”|"([^"]{1,60}?)"|(?<!\p{L})[‘']([^‘’']{1,60}?)[’'](?!\p{L})/gu;
/** More words than this between quotes are speech reported or a story, kept. */
const MOST_WORDS_OF_A_TERM = 6;

function withoutQuotedTerms(message: string): string {
  return message.replace(QUOTED_TERM, (quoted, ...groups: unknown[]) => {
    const inside = groups.slice(0, 4).find((group): group is string => typeof group === 'string') ?? '';
    return inside.trim().split(/\s+/).length <= MOST_WORDS_OF_A_TERM ? ' ' : quoted;
  });
}

/** The last `count` words before the cue, cut at a word that starts another statement ("pas de solution on dort…"). */
function wordsBefore(clause: string, cueStart: number, count: number): string {
  const words = clause.slice(0, cueStart).trim().split(' ').filter(Boolean).slice(-count);
  const boundary = words.findLastIndex((word) => NEGATION_BOUNDARIES.has(word));
  return words.slice(boundary + 1).join(' ');
}

function wordsAfter(clause: string, cueEnd: number, count: number): string {
  return clause.slice(cueEnd).trim().split(' ').filter(Boolean).slice(0, count).join(' ');
}

/** "pas d'huissier", "personne ne me frappe", "l'huissier n'est jamais venu", "il ne me frappe pas". */
function isNegated(clause: string, cueStart: number, cueEnd: number): boolean {
  // A cue that starts a statement of its own ("pas de solution, on dort dehors") is out of reach of what came before.
  const startsStatement = NEGATION_BOUNDARIES.has(clause.slice(cueStart).split(' ')[0] ?? '');
  const before = startsStatement ? '' : wordsBefore(clause, cueStart, LEXICON.negation.window);
  if (before && NEGATIONS.holds(before)) return true;
  const after = wordsAfter(clause, cueEnd, 3);
  if (startsWith(NEGATED_AFTER, after)) return true;
  return NE_BEFORE.holds(wordsBefore(clause, cueStart, 2)) && startsWith(NE_AFTER, after);
}

function startsWith(group: CueGroup, text: string): boolean {
  return group.spans(text).some((span) => span.start === 0);
}

/**
 * "ma voisine a été expulsée": the clause tells of someone else, and the user is not in it between the
 * last mention of that someone and the cue's first words, nor in the cue.
 */
function isSomeoneElses(clause: string, cue: Span): boolean {
  const before = clause.slice(0, cue.start);
  const mentions = THIRD_PARTIES.spans(before);
  if (mentions.length === 0) return false;
  const lastMention = Math.max(...mentions.map((span) => span.end));
  // "my neighbour … shouting he's going to kill me": the user is in the cue itself.
  const cueWords = [clause.slice(cue.start, cue.end), ...clause.slice(cue.start).split(' ').slice(0, 3)].join(' ');
  return !FIRST_PERSON.holds(`${before.slice(lastMention)} ${cueWords}`);
}

interface Span {
  start: number;
  end: number;
}

/** Where the pattern matches: the first letter of the cue and the end of it. */
function matchSpans(pattern: RegExp, clause: string): Span[] {
  const spans: Span[] = [];
  for (const match of clause.matchAll(pattern)) {
    const cue = match[1] ?? '';
    const end = match.index + match[0].length;
    spans.push({ start: end - cue.length, end });
  }
  return spans;
}

/** What the whole message says of its cues: over, general, joking. */
interface MessageContext {
  resolved: boolean;
  general: boolean;
  joking: boolean;
}

function contextOf(message: string, clauses: string[]): MessageContext {
  const text = clauses.join(' ');
  return {
    // "sorry, tout va bien, he's right here, forget it": a retraction that looks forced settles nothing.
    resolved: RESOLVED.holds(text) && !FORCED_RETRACTION.holds(text),
    general: GENERAL.holds(text),
    joking: JOKING.holds(text) || JOKING_EMOJI.test(message),
  };
}

type Situation = (typeof SITUATIONS)[number];

/** Whether a cue found at this place is the user's situation now: not negated, not someone else's, not history nor a general question. */
function isTheUsers(situation: Situation, clause: string, span: Span, context: MessageContext, clauses: string[]): boolean {
  if (context.resolved || context.joking) return false;
  if (situation.pastIf && situation.pastIf.clauseWith.holds(clause) && !clauses.some((other) => situation.pastIf?.unlessWith.holds(other))) return false;
  // "il y a 5 ans j'ai quitté un conjoint violent", though "dois-je encore le mentionner ?" follows: a clause set in
  // the past is history unless that clause says it goes on ("depuis des années", "et il recommence").
  if ((PAST.holds(clause) && !ONGOING.holds(clause)) || ELSEWHERE.holds(clause)) return false;
  if ((context.general && !PERSONAL.holds(clause)) || REPORTED.holds(clause)) return false;
  if (situation.negatable && isNegated(clause, span.start, span.end)) return false;
  if (isSomeoneElses(clause, span)) return false;
  const lastWord = clause.slice(span.start, span.end).split(' ').at(-1) ?? '';
  if (startsWith(situation.notBefore, `${lastWord} ${clause.slice(span.end).trim()}`)) return false;
  return !situation.notAfter.ends(clause.slice(0, span.start).trim());
}

/** A cue of the group somewhere in the clauses, not negated. */
function holdsUnnegated(group: CueGroup, clauses: string[]): boolean {
  return clauses.some((clause) => group.spans(clause).some((span) => !isNegated(clause, span.start, span.end)));
}

/** Found; its words there but not the user's now (discounted); the user's, without what it needs beside them (unmet); absent. */
type Presence = 'found' | 'discounted' | 'unmet' | 'absent';

/** The lexicon's situations one message tells, by name: to read why a ticket is urgent, and in tests. */
export function situationsTold(message: string): string[] {
  const clauses = clausesOf([message]);
  const context = contextOf(message, clauses);
  return SITUATIONS.filter((situation) => presenceIn(situation, clauses, context) === 'found').map((situation) => situation.name);
}

/**
 * Whether the message tells the situation: found; its words there but not the user's now (discounted); or
 * absent. What the situation needs beside its cue ("with") may have been said in the messages just
 * before: "il me frappe quand il a bu" then "il rentre vers minuit".
 */
function presenceIn(situation: Situation, clauses: string[], context: MessageContext, earlierClauses: string[] = []): Presence {
  let presence: Presence = 'absent';
  for (const clause of clauses) {
    for (const span of situation.cues.spans(clause)) {
      if (!isTheUsers(situation, clause, span, context, clauses)) presence = 'discounted';
      else if (situation.with.every((group) => holdsUnnegated(group, [...clauses, ...earlierClauses]))) return 'found';
      else if (presence === 'absent') presence = 'unmet';
    }
  }
  return presence;
}

function isNegativeMood(sentiment: SentimentResult | undefined): boolean {
  return sentiment !== undefined && (sentiment.label === 'negative' || sentiment.label === 'mixed') && sentiment.scores.negative >= NEGATIVE_MOOD_THRESHOLD;
}

function categoryOf(clauses: string[], topics: TriageCategory[], negativeMood: boolean): TriageCategory {
  const scores = new Map<TriageCategory, number>(TRIAGE_CATEGORIES.map((category) => [category, 0]));
  for (const [category, cues] of CATEGORY_CUES) scores.set(category, cues.countIn(clauses));
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

/** "nous sommes cinq dans 32 m²": severe overcrowding, whatever words tell it. */
function homeFindings(home: TriageInput['home']): Finding[] {
  return home && isOvercrowded(home) ? [{ reason: 'prioritySituation', urgency: 'urgent', emergencyNumbers: [] }] : [];
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

/** Compiles the triage's patterns ahead of use: to call once while the process starts. */
export function compileTriagePatterns(): void {
  for (const group of CueGroup.all) group.compile();
}

/**
 * Category, urgency and the emergency numbers that apply, from the conversation, the recognizer, the
 * sentiment and the linked request. Pure and deterministic: the same input always gives the same ticket.
 */
export function triage(input: TriageInput): Triage {
  const clauses = clausesOf(input.messages);
  const negativeMood = isNegativeMood(input.sentiment);
  const told = input.messages.filter((message) => message.trim());
  const readings = withTakenBack(told.map((message, at) => readMessage(message, told.slice(Math.max(0, at - EARLIER_MESSAGES_READ), at))));
  const notImminent = holdsUnnegated(NOT_IMMINENT, clauses);
  const toldFindings = readings.flatMap((reading) => reading.findings).map((finding) =>
    notImminent && WITHOUT_A_ROOF_SOON.includes(finding.reason) ? { ...finding, emergencyNumbers: finding.emergencyNumbers.filter((number) => number !== '115') } : finding,
  );
  // "non laissez tomber, effacez tout, il regarde mon téléphone" after telling of violence: he is there now (LABELLING.md 4.14).
  const forcedRetraction = told.slice(1).some((message) => FORCED_RETRACTION.holds(normalizeForMatching(message)));
  const dangerNow: Finding[] = forcedRetraction && toldFindings.some((finding) => finding.reason === 'violence') ? [{ reason: 'immediateDanger', urgency: 'urgent', emergencyNumbers: ['17'] }] : [];
  const conversationFindings = [...toldFindings, ...dangerNow, ...homeFindings(input.home)];
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
  // "le voisin est descendu avec une batte", "mon proprio est derrière la porte avec deux gars": a danger
  // now from someone outside the family is the police's (17), not the domestic violence line's.
  // "je me cache chez la voisine": a neighbour who shelters is no aggressor.
  const withoutRefuges = clauses.map((clause) => clause.replace(SHELTERED_BY, ' '));
  if (numbers.has('17') && numbers.has('3919') && holdsUnnegated(OTHER_AGGRESSOR, withoutRefuges) && !holdsUnnegated(DOMESTIC_AGGRESSOR, clauses)) numbers.delete('3919');
  const model = mostUrgent(readings.map((reading) => reading.model));

  return {
    category,
    urgency,
    reasons: TRIAGE_REASONS.filter((reason) => reasons.has(reason)),
    emergencyNumbers: EMERGENCY_NUMBERS.filter((number) => numbers.has(number)),
    model: { label: model.label, score: Math.round(model.score * 100) / 100 },
  };
}

const URGENT_CLASSES = ['homeless', 'violence', 'dangerNow', 'child', 'priority'] as const;
const urgentScore = (reading: UrgentClassification) => Math.max(...URGENT_CLASSES.map((label) => reading.scores[label]));

/** For the ticket: the classifier's reading of the message it finds most urgent. */
function mostUrgent(readings: UrgentClassification[]): UrgentClassification {
  return [...readings].sort((a, b) => urgentScore(b) - urgentScore(a))[0] ?? classifierNothing();
}

function classifierNothing(): UrgentClassification {
  return { label: 'ordinary', score: 1, scores: { homeless: 0, violence: 0, dangerNow: 0, child: 0, priority: 0, ordinary: 1 } };
}

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
 * Alone (the lexicon found nothing), the classifier is not believed on a message about an ordinary task
 * (the documents, the commission, an income, a search) that holds no cue of distress: it read violence
 * into « et si il me manque un papier quand ça passe en commission ? » and a child in danger into « papa
 * seul avec mon fils de 8 ans, on cherche dans paris 15e, rfr 40 000 ». Implicit stories keep it:
 * « on vit sous une tente au bord du canal » names no task.
 */
const ORDINARY_TASK = cueSetNamed('ordinaryTask', 'the classifier alone');
const DISTRESS = ['fear', 'violentAct', 'anger', 'presentDanger', 'lostHome', 'noSolution', 'childHarm', 'sleepingBadly', 'hosted', 'askedToLeave'].map((name) =>
  cueSetNamed(name, 'the classifier alone'),
);

/** Who threatens: a neighbour, a landlord, a stranger — or a partner, a relative (3919's domain). */
const OTHER_AGGRESSOR = cueSetNamed('otherAggressor', 'a danger now from outside the family');
const DOMESTIC_AGGRESSOR = cueSetNamed('domesticAggressor', 'a danger now from outside the family');
const SHELTERED_BY = /(?<![a-z])(?:chez|with|at) (?:la|le|les|ma|mon|mes|une|un|my|a|the|our) \w+/g;

/** "mon fils de 32 ans me bouscule": a son or daughter said to be an adult is no child in danger. */
const ADULT_CHILD = cueSetNamed('adultChild', 'the classifier alone');

function classifierAloneBelieved(clauses: string[]): boolean {
  return !clauses.some((clause) => ORDINARY_TASK.holds(clause)) || DISTRESS.some((group) => holdsUnnegated(group, clauses));
}

/**
 * Findings the classifier's "nothing urgent" cannot overrule: it has no class for despair, and a DALO
 * appeal under way ("mon recours dalo est en cours… ça change qqch ?") reads as an ordinary question.
 */
const OWN_WORDS_ENOUGH: readonly TriageReason[] = ['despair', 'dalo'];

/** "on n'a pas encore de date", "on ira chez mes beaux-parents": an eviction, but no night without a roof soon (LABELLING.md 4.2). */
const NOT_IMMINENT = cueSetNamed('notImminent', 'an eviction');
const WITHOUT_A_ROOF_SOON: readonly TriageReason[] = ['eviction', 'homeless'];

/** How many messages before one still hold what its situations need beside their cue. */
const EARLIER_MESSAGES_READ = 2;

interface MessageReading {
  message: string;
  findings: Finding[];
  model: UrgentClassification;
}

/**
 * A message that takes back the one before it leaves that one no urgent finding, and itself none of the
 * reasons it retold ("I'm on the street" / "I mean standing on the street outside your office").
 */
function withTakenBack(readings: MessageReading[]): MessageReading[] {
  const kept = readings.map((reading) => ({ ...reading, findings: [...reading.findings] }));
  for (let at = 1; at < kept.length; at += 1) {
    const current = kept[at]!;
    if (!takesBack(current.message)) continue;
    const before = kept[at - 1]!;
    const retold = new Set(before.findings.filter((finding) => finding.urgency === 'urgent').map((finding) => finding.reason));
    before.findings = before.findings.filter((finding) => finding.urgency !== 'urgent');
    current.findings = current.findings.filter((finding) => !retold.has(finding.reason));
  }
  return kept;
}

/**
 * One message: the lexicon's situations and the classifier's reading, combined. A class read with
 * confidence adds its findings (implicit phrasing: "il me tape quand il a bu", "on dort dans la clio"),
 * unless the lexicon saw why the message is not the user's emergency now — a negation, someone else, a
 * past or general situation, a joke — and nothing that is; a confident "nothing urgent" removes the
 * lexicon's urgent findings. Every class above its threshold counts.
 */
function readMessage(message: string, earlier: string[]): MessageReading {
  const clauses = clausesOf([message]);
  const context = contextOf(message, clauses);
  const earlierClauses = clausesOf(earlier);
  const presences = SITUATIONS.map((situation) => ({ situation, presence: presenceIn(situation, clauses, context, earlierClauses) }));
  const lexicon: Finding[] = presences
    .filter(({ presence }) => presence === 'found')
    .flatMap(({ situation }) => situation.reasons.map((reason) => ({ reason, urgency: situation.urgency, emergencyNumbers: situation.emergencyNumbers })));
  const discounted = presences.some(({ presence }) => presence === 'discounted');
  // "2 adultes et 1 enfant handicapé (cmi), lyon, 39000": a priority situation said without what makes it
  // one (a home that does not suit the disability) is not made one by the classifier either.
  const priorityUnmet = presences.some(({ situation, presence }) => presence === 'unmet' && situation.urgency === 'urgent' && situation.emergencyNumbers.length === 0);
  const model = urgentClassifier().classify(message);

  const modelSaysOrdinary = model.label === 'ordinary' && model.scores.ordinary >= tuning.ordinaryOverrules;
  // The classifier has no class for despair: its "nothing urgent" does not overrule the words of it.
  const findings = modelSaysOrdinary ? lexicon.filter((finding) => finding.urgency !== 'urgent' || OWN_WORDS_ENOUGH.includes(finding.reason)) : [...lexicon];
  // A general question ("ça sert à quoi ?") keeps the classifier out unless the message also tells the writer's own situation.
  const generalOnly = context.general && !clauses.some((clause) => PERSONAL.holds(clause));
  const modelMayAdd = !context.resolved && !context.joking && !generalOnly && !(discounted && lexicon.length === 0);
  if (modelMayAdd) {
    // Beside the lexicon's own findings, whose numbers follow the words, a class must be read surely to add more.
    const besideLexicon = lexicon.some((finding) => finding.urgency === 'urgent');
    const urgentTotal = URGENT_CLASSES.reduce((sum, label) => sum + model.scores[label], 0);
    for (const label of URGENT_CLASSES) {
      // Alone, the class read best leads; another one must be read surely to join it (no violence read into a hosting that ends).
      const besideBetterClass = URGENT_CLASSES.some((other) => model.scores[other] > model.scores[label]);
      const threshold =
        label === 'priority' ? tuning.priorityAdds : besideLexicon ? tuning.classAddsBesideLexicon : besideBetterClass ? tuning.classAddsBesideBetterClass : tuning.classAdds;
      if (label === 'child' && holdsUnnegated(ADULT_CHILD, clauses)) continue;
      if (label === 'priority' && priorityUnmet && !besideLexicon && model.scores.priority < tuning.priorityUnmetOverruled) continue;
      // Below classAddsOverOrdinary, a class counts only when the urgent readings together outweigh "nothing urgent".
      const score = model.scores[label];
      const outweighsOrdinary = urgentTotal >= model.scores.ordinary || score >= tuning.classAddsOverOrdinary;
      if (score >= threshold && outweighsOrdinary && (besideLexicon || classifierAloneBelieved(clauses))) findings.push(...FINDING_OF_CLASS[label]);
    }
  }
  return { message, findings, model };
}
