import { foldText } from './entities/foldText';
import type { NluLanguage } from './nluExamples';

/**
 * The language a "change language" request asks for: the one it names ("en anglais", "in French"),
 * otherwise the other one (someone asking to switch wants out of the current language).
 */
export function requestedLanguage(
  text: string,
  current: NluLanguage,
  namesByFile: Record<NluLanguage, Record<NluLanguage, string[]>>,
): NluLanguage {
  const words = ` ${foldText(text).replace(/[^a-z]+/g, ' ')} `;
  const named = (['fr', 'en'] as const).filter((language) =>
    [...namesByFile.fr[language], ...namesByFile.en[language]].some((name) => words.includes(` ${foldText(name)} `)),
  );
  // "I don't speak French very well": out of the language named.
  const notSpoken = languageNotSpoken(words);
  if (notSpoken !== undefined && named.length === 1 && named[0] === notSpoken) return notSpoken === 'fr' ? 'en' : 'fr';
  if (named.length === 1) return named[0]!;
  // "my french is not good, can you say it in english?": the one asked for is the one said after "in".
  const askedFor = named.filter((language) =>
    [...namesByFile.fr[language], ...namesByFile.en[language]].some((name) => new RegExp(` (?:in|en|into|to|au) ${foldText(name)} `).test(words)),
  );
  if (askedFor.length === 1) return askedFor[0]!;
  // Both named ("pas en français, en anglais"): the one that is not current is the one wanted.
  return current === 'fr' ? 'en' : 'fr';
}

/** A language's name said of a person or a nationality. */
const NATIONALITY = / (?:(?:french|english|british|american) (?:citizen|citizens|citizenship|national|nationals|nationality|passport|resident|people)|(?:citizen|nationality|passport|nationalite|citoyen|citoyenne|nationalité|passeport) (?:francais|francaise|french|anglais|anglaise)|(?:etre|suis|es|est|etes|sommes|be|am|is|are) (?:francais|francaise|anglais|anglaise|french|english) )/;

/** Words that ask about the language itself, whatever language is named. */
const LANGUAGE_WORDS = ['langue', 'language', 'parler', 'parlez', 'parles', 'speak', 'traduire', 'traduction', 'translate', 'translation'];

/**
 * Whether the text is about the language at all: it names one ("english", "en français") or the
 * language itself ("une autre langue", "do you speak"). A short answer the classifier took for a
 * change of language ("ouais svp") is not one.
 */
export function mentionsALanguage(text: string, namesByFile: Record<NluLanguage, Record<NluLanguage, string[]>>): boolean {
  const words = ` ${foldText(text).replace(/[^a-z]+/g, ' ')} `;
  // "do I need to be a French citizen?", "nationalité française": a nationality, not a language.
  if (NATIONALITY.test(words) && !LANGUAGE_WORDS.some((word) => words.includes(` ${word} `))) return false;
  const names = (['fr', 'en'] as const).flatMap((language) => [...namesByFile.fr[language], ...namesByFile.en[language]]);
  return [...names, ...LANGUAGE_WORDS].some((name) => words.includes(` ${foldText(name)} `));
}

/**
 * "sorry, can you answer in English? where do I upload it?", "je préfère que tu répondes en anglais stp : c koi
 * le NUR ?": what the message asks besides the language, when it asks something (three words or more).
 */
export function requestBesidesLanguage(text: string, namesByFile: Record<NluLanguage, Record<NluLanguage, string[]>>): string | undefined {
  const sentences = text.split(/(?<=[?.!;:,])\s+|\s+[-–]\s+/).map((sentence) => sentence.trim()).filter(Boolean);
  if (sentences.length < 2) return undefined;
  const rest = sentences.filter((sentence) => !mentionsALanguage(sentence, namesByFile)).join(' ');
  return (rest.match(/\p{L}{2,}/gu) ?? []).length >= 3 ? rest : undefined;
}

/** Where the recognizer puts what a request for a language also asks. */
const REQUEST_BESIDES_LANGUAGE = 'requestBesidesLanguage';

/** The entities of a request for a language, with what else it asks. */
export function withRequestBesidesLanguage(entities: Record<string, unknown>, besides: string | undefined): Record<string, unknown> {
  return besides ? { ...entities, [REQUEST_BESIDES_LANGUAGE]: besides } : entities;
}

/** What a request for a language also asks, read off its entities. */
export function requestBesidesLanguageOf(entities: Record<string, unknown>): string | undefined {
  const besides = entities[REQUEST_BESIDES_LANGUAGE];
  return typeof besides === 'string' ? besides : undefined;
}

// "répondez en anglais", "je préfère que tu répondes en anglais", "answer in French please", "in english plz".
const EXPLICIT_REQUEST = / (?:repond\w*|ecri\w*|parl\w*|explique\w*|redi\w*|answer|reply|respond|write|speak|talk|explain|say it) (?:moi |me |nous |us |it |that |ca |cela |le |la )?(?:plutot |rather )?(?:en|in) (anglais|francais|english|french)(?![a-z])| (?:en|in) (anglais|francais|english|french) (?:stp|svp|please|pls|plz|s il (?:te|vous) plait)(?![a-z])/;

/**
 * The language a message asks to be answered in, when it says so in words while asking something else
 * ("je préfère que tu répondes en anglais stp : c koi le NUR ?").
 */
export function explicitlyRequestedLanguage(text: string): NluLanguage | undefined {
  const words = ` ${foldText(text).replace(/[^a-z]+/g, ' ')} `;
  const asked = EXPLICIT_REQUEST.exec(words);
  const name = asked?.[1] ?? asked?.[2];
  if (name !== undefined) return languageNamed(name);
  // "I don't speak French very well": the other one.
  const notSpoken = languageNotSpoken(words);
  return notSpoken === undefined ? undefined : notSpoken === 'fr' ? 'en' : 'fr';
}

function languageNamed(name: string): NluLanguage {
  return name === 'anglais' || name === 'english' ? 'en' : 'fr';
}

// "I don't speak French very well", "my French is not good", "je parle pas bien anglais", "mon anglais est nul".
const NOT_SPOKEN = / (?:(?:don t|dont|do not|can t|cant|cannot|can not) (?:really |very well |well )?(?:speak|understand|read|write|talk)(?: (?:much|good|very good|any|a lot of))? (french|english)|my (french|english) (?:is|isn t|s) (?:not|bad|poor|limited|terrible|very basic|basic)|(?:ne )?(?:parle|comprends|lis|ecris) (?:pas|mal|pas tres bien|pas bien|pas trop|presque pas) (?:le |l )?(anglais|francais)|(?:mon|my) (anglais|francais) (?:est|c est) (?:nul|pas (?:top|terrible|bon|tres bon)|limite|mauvais))(?![a-z])/;

/** The language the writer says they do not speak well, when they say so. */
function languageNotSpoken(words: string): NluLanguage | undefined {
  const said = NOT_SPOKEN.exec(words);
  const name = said?.[1] ?? said?.[2] ?? said?.[3] ?? said?.[4];
  return name === undefined ? undefined : languageNamed(name);
}
