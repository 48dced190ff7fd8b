import { affirmsPhrase } from '../../../services/shared/affirmedPhrase';
import { normalizeForMatching } from '../../../services/shared/normalizeForMatching';
import answerWordsData from './answerWords.json';

/**
 * The shared answer reader: how any step reads a short answer to its question — yes or no, one of the
 * offered choices (by label, synonym, inflection or position), or "none of these" — in French and
 * English, whatever the channel's locale. Linear in the text and bounded: a long message is read from
 * its beginning only, where an answer sits.
 */

type Language = 'fr' | 'en';
type WordsByLanguage = Record<Language, string[]>;

interface AnswerWords {
  yes: WordsByLanguage;
  no: WordsByLanguage;
  unsure: WordsByLanguage;
  none: WordsByLanguage;
  ordinals: Record<Language, string[][]>;
  last: WordsByLanguage;
  positionFillers: WordsByLanguage;
  person: WordsByLanguage;
}

const WORDS = answerWordsData as unknown as AnswerWords;
const LANGUAGES: Language[] = ['fr', 'en'];
/** Past this, the rest of a message is not an answer to a question: it is not read. */
const READ_AT_MOST = 300;
/** A yes or no word further into a long message says nothing about the question ("je ne sais pas si…"). */
const SHORT_ANSWER_WORDS = 8;
/** After an opening "ok", this many words of their own make a request, not an assent. */
const WORDS_OF_A_REQUEST = 5;

const FILLER_OPENING = /^ (?:ok|okay|oki|bon|bah|ben|d accord|dac|so|right|alright|well) /;
/** A filler "ok", "bon", "so" followed by a question of its own. */
const TRANSITION = /^ (?:ok|okay|oki|bon|bah|ben|d accord|dac|so|right|alright|well)(?: (?:donc|alors|et|mais|so|and|but|then))? (?:.* )?(?:ou|quand|comment|combien|pourquoi|quoi|koi|qui|quel|quelle|quels|quelles|where|when|how|why|what|which|who) /;

const bothLanguages = (words: WordsByLanguage): string[] => LANGUAGES.flatMap((language) => words[language].map(normalizeForMatching));
const YES = bothLanguages(WORDS.yes);
const NO = bothLanguages(WORDS.no);
const UNSURE = bothLanguages(WORDS.unsure);
const NONE = bothLanguages(WORDS.none);
const LAST = new Set(bothLanguages(WORDS.last));
const PERSON = bothLanguages(WORDS.person);
const FILLERS = new Set(bothLanguages(WORDS.positionFillers));
const ORDINAL_OF = new Map<string, number>();
for (const language of LANGUAGES) WORDS.ordinals[language].forEach((words, index) => words.forEach((word) => ORDINAL_OF.set(normalizeForMatching(word), index)));

/** The text as words to match: normalised, bounded, padded with spaces so phrases match whole words. */
function spaced(text: string): string {
  return ` ${normalizeForMatching(text.slice(0, READ_AT_MOST))} `;
}

function saysAny(said: string, phrases: string[]): boolean {
  return phrases.some((phrase) => said.includes(` ${phrase} `));
}

/** Where the first of the phrases starts in `said`, or -1. */
function firstIndexOf(said: string, phrases: string[]): number {
  let first = -1;
  for (const phrase of phrases) {
    const index = said.indexOf(` ${phrase} `);
    if (index >= 0 && (first < 0 || index < first)) first = index;
  }
  return first;
}

/** "je veux un conseiller", "parler à quelqu'un", "a human please": the message asks for a person. */
export function asksForAPerson(text: string): boolean {
  return saysAny(spaced(text), PERSON);
}

export type YesNo = 'yes' | 'no';

/**
 * "ouais", "nan merci", "ok vas-y", "sure", "pas maintenant" → yes or no; "je sais pas", "j'ai un
 * doute", "oui et non", a long story → undefined (the question is asked again, or answered otherwise).
 */
/** "je sais pas", "jsp", "not sure": the person does not know the answer (the question then helps more). */
export function saysUnsure(text: string): boolean {
  const said = spaced(text);
  return saysAny(said, UNSURE) && said.trim().split(' ').length <= SHORT_ANSWER_WORDS;
}

/** "j'ai pas (encore) de numéro", "je n'en ai pas", "I don't have one yet", "no number yet". */
const NO_NUMBER_YET = / (?:(?:j ai|jai|j|je n ai|on a|on n a|nous n avons) (?:pas|toujours pas|pas encore|encore pas|aucun) (?:de )?(?:numero|nur|nud|num)|je n en ai pas|j en ai pas|pas encore de (?:numero|nur|nud|demande)|i (?:don t|do not) have (?:a |one|any|the )?(?:number|one|yet)|(?:no|not got a) (?:number|nur|nud) yet|haven t got (?:a|one) (?:number|yet)) /;

export function saysNoNumberYet(text: string): boolean {
  return NO_NUMBER_YET.test(spaced(text));
}

/** "j'ai plus accès à cette adresse", "c'est quoi l'adresse complète ?", "that's my old email": the code's address is out of reach. */
const NO_ACCESS_TO_ADDRESS = / (?:(?:j ai|jai|j|je n ai|on a|on n a) (?:plus|pas|plus du tout) acces (?:a|au) (?:cette|cet|mon|ma|ce|l) ?(?:adresse|mail|email|e mail|boite|numero|telephone|tel|portable)|(?:adresse|mail|email|numero) (?:complete?|en entier|entiere?)|(?:ancienne|vieille) (?:adresse|boite)|(?:old|former) (?:email|e mail|address|number)|no longer (?:have|use) (?:that|this|the) (?:email|address|number)|(?:can t|cannot) (?:access|get into) (?:that|this|my) (?:email|mailbox|inbox)) /;

export function saysNoAccessToAddress(text: string): boolean {
  return NO_ACCESS_TO_ADDRESS.test(spaced(text));
}

/** "j'ai rien reçu", "toujours pas de code", "where do I get the code?": what was sent did not arrive. */
const NOT_RECEIVED = / (?:rien recu|pas recu|rien eu|pas eu|pas arrive|rien arrive|toujours rien|toujours pas|didn t get|did not get|not received|haven t received|havent received|nothing arrived|no code|not arrived|(?:ou|comment) (?:je |on |est ce que je )?(?:trouve|recois|recupere|obtiens|a) (?:le|ce|un|mon) code|c est ou le code|where (?:do|can|will|would) (?:i|we) (?:get|find|receive|see) (?:the|this|a|my) code|where is (?:the|this|my) code) /;

export function saysNotReceived(text: string): boolean {
  return NOT_RECEIVED.test(` ${normalizeForMatching(text)} `);
}

const WHERE_THE_CODE_GOES =
  /(?<![a-z])(?:par sms|par texto|par mail|par e ?mail|par courrier|(?:recois|recoit|envoye|arrive)\w* (?:ou|comment)|(?:ou|comment) (?:je |on )?(?:le |la )?(?:recois|recoit|recevoir)|by (?:text|sms|e ?mail)|sent (?:where|how)|where (?:is it|was it) sent)(?![a-z])/;

/** "je le reçois où ?", "par sms ?", "c'est envoyé comment ?", "by text?": how the code travels. */
export function asksWhereTheCodeGoes(text: string): boolean {
  return WHERE_THE_CODE_GOES.test(normalizeForMatching(text));
}

/**
 * "je sais pas", "j'ai rien reçu", "je le reçois où ?": what the question on screen helps with itself (where
 * to find it, where to look), not a request of another kind.
 */
export function asksTheStepsOwnHelp(text: string): boolean {
  return saysUnsure(text) || saysNotReceived(text) || asksWhereTheCodeGoes(text) || asksHowLongTheCodeLasts(text);
}

/** "le code il est valable cb de temps ?", "how long is the code valid?": the code's own lifetime, not the request's. */
const HOW_LONG_THE_CODE_LASTS =
  /(?<![a-z])(?:code(?![a-z]).{0,40}(?<![a-z])(?:valable|valide|expire\w*|dure|combien de temps|cb de temps|cmb de temps|how long|valid|last)|(?:valable|valide|expire\w*|dure|combien de temps|cb de temps|how long|valid)(?![a-z]).{0,40}(?<![a-z])code)(?![a-z])/;

export function asksHowLongTheCodeLasts(text: string): boolean {
  return HOW_LONG_THE_CODE_LASTS.test(normalizeForMatching(text));
}

export function readYesNo(text: string): YesNo | undefined {
  const said = spaced(text);
  if (saysAny(said, UNSURE)) return undefined;
  // "ok donc mon dossier il en est où ?": "ok" opens a new question there, it does not answer this one.
  // "ok show me T4 flats there under 900": "ok" opens a new request there too.
  const opensARequest = FILLER_OPENING.test(said) && wordsBesidesTheAnswer(said) >= WORDS_OF_A_REQUEST;
  const opensAQuestion = TRANSITION.test(said) || (text.includes('?') && FILLER_OPENING.test(said) && said.trim().split(' ').length > 2);
  if ((opensAQuestion || opensARequest) && firstIndexOf(said.replace(FILLER_OPENING, ' '), YES) < 0 && firstIndexOf(said, NO) < 0) return undefined;
  const words = said.trim().split(' ').filter(Boolean).length;
  // "ya un ascenseur ?": a question with words of its own is not a yes, whatever word it opens with
  // ("oui, …" and "non, …" still answer first; "c'est correct ?", "ben ui stp ?" are a hesitant yes).
  if (/\?\s*$/.test(text) && !/^\s*[\p{L}']+\s*[,;:.!]/u.test(text) && wordsBesidesTheAnswer(said) >= 2) return undefined;
  const yesAt = firstIndexOf(said, YES);
  const noAt = firstIndexOf(said, NO);
  // A long message answers only when it opens with the answer ("non, en fait on est 4").
  if (words > SHORT_ANSWER_WORDS) {
    if (noAt === 0 && yesAt !== 0) return 'no';
    if (yesAt === 0 && noAt !== 0) return 'yes';
    return undefined;
  }
  // Both ("oui et non", "non non c'est bon"): not an answer to rely on.
  if (yesAt >= 0 && noAt < 0) return 'yes';
  if (noAt >= 0 && yesAt < 0) return 'no';
  return undefined;
}

/** Politeness and fillers around an answer ("ben alors oui stp ?"). */
const AROUND_AN_ANSWER = new Set(['ben', 'bah', 'bon', 'alors', 'donc', 'euh', 'hein', 'stp', 'svp', 'merci', 'beaucoup', 'gentil', 'cool', 'much', 'thank', 'you', 'very', 'kind', 'please', 'thanks', 'so', 'well', 'uh', 'um', 'hmm', 'mais', 'et', 'but', 'and']);

/** The words of a message once its yes and no phrases and the fillers around them are set aside. */
function wordsBesidesTheAnswer(said: string): number {
  let rest = said;
  for (const phrase of [...YES, ...NO].sort((a, b) => b.length - a.length)) rest = rest.split(` ${phrase} `).join('  ');
  return rest.split(' ').filter((word) => word && !AROUND_AN_ANSWER.has(word)).length;
}

export interface ChoiceOption<V extends string = string> {
  value: V;
  /** The button's label and every other way to say it, in either language. */
  says: string[];
}

export type ChoiceReading<V extends string> = { kind: 'choice'; value: V } | { kind: 'none' } | undefined;

/** "mariés" and "marié", "pacsee" and "pacsé": one form for comparing, without the plural or feminine ending. */
function stem(word: string): string {
  let stem = word.length > 4 ? word.replace(/[sx]$/, '') : word;
  while (stem.length > 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

/** Stemmed words, without single letters ("Marié(e)" → "marie", "l'aide" → "aide"). */
function stemmed(text: string): string {
  const words = normalizeForMatching(text).split(' ').filter((word) => word.length > 1 || /\d/.test(word));
  return ` ${words.map(stem).join(' ')} `;
}

/**
 * One of the offered choices: by what it says ("mariés" for "Marié(e)", a synonym), by its position
 * ("le deuxième", "2", "the last one"), or "none of these" ("aucune", "rien de tout ça") when the
 * question allows it. Undefined when the answer names no choice, or more than one.
 */
export function readChoice<V extends string>(text: string, options: ChoiceOption<V>[]): ChoiceReading<V> {
  const said = stemmed(text.slice(0, READ_AT_MOST));
  const named = options.filter((option) => option.says.some((phrase) => affirmsPhrase(said, stemmed(phrase))));
  if (named.length === 1) return { kind: 'choice', value: named[0]!.value };
  if (named.length > 1) {
    // "Marié" inside "Pas marié": the longest match wins when it contains the others.
    const longest = longestNamed(said, named);
    if (longest) return { kind: 'choice', value: longest.value };
  }
  // A word only one choice says answers in a few words ("celle du 93"); in a sentence it may be any word
  // ("can I get a flat in Lyon with my wife?" is no "my own business").
  const distinct = said.trim().split(' ').length <= SHORT_ANSWER_WORDS ? distinctiveChoice(said, options) : undefined;
  if (distinct) return { kind: 'choice', value: distinct.value };
  const position = positionIn(text);
  if (position !== undefined) {
    const index = position === 'last' ? options.length - 1 : position;
    const option = options[index];
    if (option) return { kind: 'choice', value: option.value };
  }
  if (saysAny(spaced(text), NONE)) return { kind: 'none' };
  return undefined;
}

function longestNamed<V extends string>(said: string, named: ChoiceOption<V>[]): ChoiceOption<V> | undefined {
  const matches = named.map((option) => ({
    option,
    phrase: option.says.map(stemmed).filter((phrase) => affirmsPhrase(said, phrase)).sort((a, b) => b.length - a.length)[0] ?? '',
  }));
  matches.sort((a, b) => b.phrase.length - a.phrase.length);
  const [best, ...others] = matches;
  return best && others.every((other) => best.phrase.includes(other.phrase.trim())) ? best.option : undefined;
}

/**
 * "celle du 93" for "Saint-Denis (93)" and "Saint-Denis (974)": a word of the answer that only one
 * choice says (a department number, a name), when no choice is named whole.
 */
function distinctiveChoice<V extends string>(said: string, options: ChoiceOption<V>[]): ChoiceOption<V> | undefined {
  // A choice's own words, but not those it denies ("En couple, ni mariés ni pacsés" says "couple").
  const affirmedWords = (phrase: string) => {
    const words = stemmed(phrase);
    return words.trim().split(' ').filter((word) => word.length > 1 && affirmsPhrase(words, word));
  };
  const wordsOf = (option: ChoiceOption<V>) => new Set(option.says.flatMap(affirmedWords));
  const optionWords = options.map(wordsOf);
  const answerWords = said.trim().split(' ').filter((word) => word.length > 1 && !FILLERS.has(word) && affirmsPhrase(said, word));
  const matching = new Set<number>();
  for (const word of answerWords) {
    const owners = optionWords.flatMap((words, index) => (words.has(word) ? [index] : []));
    if (owners.length === 1) matching.add(owners[0]!);
  }
  return matching.size === 1 ? options[[...matching][0]!] : undefined;
}

/** "le 2", "la deuxième", "1er", "the last one": the index said, when the answer is only a position. */
/** Counting words that are not ordinals inside a sentence ("un T2", "deux pièces", "2 enfants"). */
const CARDINAL = /^(?:\d+|un|une|deux|trois|quatre|cinq|two|three|four|five)$/;

/**
 * An ordinal inside a sentence: "je candidate au deuxième" → 1, "retire la dernière" → 'last'. Only
 * true ordinals count there ("le 2" or "deux" could be anything); undefined when none, or several.
 */
export function ordinalInSentence(text: string): number | 'last' | undefined {
  const words = normalizeForMatching(text.slice(0, READ_AT_MOST)).split(' ');
  const ordinals = words.filter((word) => !CARDINAL.test(word) && (LAST.has(word) || ORDINAL_OF.has(word)));
  if (ordinals.length !== 1) return undefined;
  const [word] = ordinals as [string];
  return LAST.has(word) ? 'last' : ORDINAL_OF.get(word);
}

/** "la 1ere", "je prends le deuxième", "the last one": the position an answer names, and nothing else. */
export function readPosition(text: string): number | 'last' | undefined {
  return positionIn(text);
}

function positionIn(text: string): number | 'last' | undefined {
  const words = normalizeForMatching(text.slice(0, READ_AT_MOST)).split(' ').filter((word) => word && !FILLERS.has(word));
  if (words.length !== 1) return undefined;
  const [word] = words as [string];
  if (LAST.has(word)) return 'last';
  return ORDINAL_OF.get(word);
}
