import type { Nlp } from '@nlpjs/nlp';
import { z } from 'zod';
import { classifierText } from './classifierText';
import { extractEntities } from './entities/extractEntities';
import { placeIndex } from '../../services/geo/placeIndex';
import { FaqTopicSchema } from './entities/schemas';
import { isIntent, type Intent, type IntentRecognizer, type Recognition } from './intents';
import { NLU_LANGUAGES, readNluExamplesFile, type NluLanguage } from './nluExamples';
import { defaultNluModelPath, loadNluModel, type ModelSource } from './nluModel';
import { markerLanguage } from '../../services/language/markerWords';
import { explicitlyRequestedLanguage, mentionsALanguage, requestBesidesLanguage, requestedLanguage, withRequestBesidesLanguage } from './requestedLanguage';
import { afterOpeningCourtesy } from '../../services/shared/openingHesitation';
import { asksForAPerson } from './answers/answerReader';

/**
 * Below this score the intent is `none` (the fallback says what was not understood and offers the main
 * tasks). Chosen on the held-out corpus with `npm run nlu:eval`: lower lets through wrong guesses on
 * out-of-scope messages, higher sends real requests to the fallback.
 */
export const NLU_CONFIDENCE_THRESHOLD = 0.5;
/** What the words after a greeting are read as when they ask nothing: the greeting stands. */
const NOT_A_REQUEST: readonly string[] = ['None', 'none', 'greeting', 'help', 'thanks', 'goodbye', 'cancel', 'menu'];
const SURE_REQUEST_AFTER_GREETING = 0.9;
/** "bonjour je voudrais savoir comment ça marche", "hi, how do I…": a question asked without its question mark. */
const ASKS = /\b(?:je voudrais savoir|j aimerais savoir|je veux savoir|comment|pourquoi|combien|est ce que|how|what|why|when|where)\b/;
/** "je m'appelle Karim", "my name is Ann Lee": a name, and nothing asked. */
const SELF_INTRODUCTION = /^(?:je m'?appelle|moi c'?est|my name is|this is) \S+(?: \S+)?[ .!]*$/;

/** A button press carries its intent; zod checks the shape (card submissions are user input). */
const ButtonValueSchema = z.looseObject({ intent: z.string() });

export interface NlpRecognizerOptions {
  /** Where the trained model is cached; `models/nlu-model.json` by default. */
  modelPath?: string;
  /** Today, for relative dates ("lundi", "demain"); the real clock by default. */
  now?: () => Date;
}

/**
 * Intents from nlp.js's neural classifier, trained on `locales/<language>/nlu.json`, and entities from
 * the parsers in `entities/`. Button values stay exact. The turn's language is tried first; when it is
 * not sure, the other one too (people switch languages without saying so).
 */
export class NlpRecognizer implements IntentRecognizer {
  private constructor(
    private readonly nlp: Nlp,
    private readonly languageNames: Record<NluLanguage, Record<NluLanguage, string[]>>,
    private readonly now: () => Date,
    /** Whether the model came from its cache file or was trained at this start. */
    readonly modelSource: ModelSource,
  ) {}

  /** Loads the cached model (training it once when missing or stale) and the place index. */
  static async create(options: NlpRecognizerOptions = {}): Promise<NlpRecognizer> {
    const { nlp, source } = await loadNluModel(options.modelPath ?? defaultNluModelPath());
    const languageNames = { fr: readNluExamplesFile('fr').languageNames, en: readNluExamplesFile('en').languageNames };
    // Built now rather than on the first message that names a town.
    placeIndex();
    return new NlpRecognizer(nlp, languageNames, options.now ?? (() => new Date()), source);
  }

  async recognize(input: { text: string; value?: unknown; language: NluLanguage }): Promise<Recognition> {
    const button = ButtonValueSchema.safeParse(input.value);
    if (button.success && isIntent(button.data.intent)) {
      const { intent, ...entities } = button.data;
      return { text: input.text, intent, score: 1, entities };
    }
    const text = input.text.trim();
    if (text.length === 0) return { text: input.text, intent: 'none', score: 0, entities: {} };

    // "je préfère que tu répondes en anglais stp : c koi le NUR ?": the question, read without the language
    // it is to be answered in.
    const answerIn = explicitlyRequestedLanguage(text);
    const besides = answerIn ? requestBesidesLanguage(text, this.languageNames) : undefined;
    if (answerIn && besides) {
      const asked = await this.recognize({ text: besides, language: input.language });
      if (asked.intent !== 'changeLanguage') return { ...asked, entities: { ...asked.entities, language: answerIn } };
    }
    const { entities, spans } = extractEntities(text, this.now());
    const prepared = classifierText(text, spans);
    // A message plainly in the other language ("can we continue in english" on a French channel) is
    // classified in that language first.
    const plainly = markerLanguage(text);
    const language = plainly ?? input.language;
    const best = await this.requestAfterCourtesy(prepared, await this.classify(prepared, language, plainly === undefined), language);
    const label = best.score >= NLU_CONFIDENCE_THRESHOLD ? best.label : 'None';
    const { intent, topic } = intentOf(label);
    const recognized: Record<string, unknown> = { ...entities };
    if (topic) recognized.topic = topic;
    // "et a trifouilly ?" read as "à +": a question is no goodbye.
    if (intent === 'goodbye' && /\?\s*$/.test(text)) return { text: input.text, intent: 'none', score: 0, entities: recognized };
    if (intent === 'changeLanguage') {
      // "ouais svp" is no request to change language, whatever the classifier of the other language says.
      if (!mentionsALanguage(text, this.languageNames)) return { text: input.text, intent: 'none', score: 0, entities: recognized };
      recognized.language = requestedLanguage(text, input.language, this.languageNames);
      return { text: input.text, intent, score: best.score, entities: withRequestBesidesLanguage(recognized, requestBesidesLanguage(text, this.languageNames)) };
    }
    return { text: input.text, intent, score: best.score, entities: recognized };
  }

  /**
   * The message's language first; the other one too when that is not sure and the message is not plainly
   * in its language ("moi 24 ans lui 27 … on a le droit ?" read by the English model was a request for a
   * person).
   */
  private async classify(prepared: string, language: NluLanguage, otherToo = true): Promise<{ label: string; score: number }> {
    const first = await this.classifyIn(prepared, language);
    if (!otherToo || (first.label !== 'None' && first.score >= NLU_CONFIDENCE_THRESHOLD)) return first;
    const other = NLU_LANGUAGES.find((candidate) => candidate !== language) ?? language;
    const second = await this.classifyIn(prepared, other);
    return second.label !== 'None' && (first.label === 'None' || second.score > first.score) ? second : first;
  }

  /**
   * "bonjour je voudrais savoir si j'ai droit à un hlm", "ok merci. mon rfr c 28 500": a greeting or
   * thanks that open a request are no mere courtesy; the request, classified without them, is what the
   * message says (when it says something).
   */
  private async requestAfterCourtesy(prepared: string, best: { label: string; score: number }, language: NluLanguage): Promise<{ label: string; score: number }> {
    const rest = best.label === 'greeting' || best.label === 'thanks' ? afterOpeningCourtesy(prepared, best.label) : undefined;
    if (rest === undefined) return best;
    const request = await this.classify(rest, language, markerLanguage(rest) === undefined);
    if (NOT_A_REQUEST.includes(request.label) || request.score < NLU_CONFIDENCE_THRESHOLD || SELF_INTRODUCTION.test(rest)) return best;
    // Small talk after a greeting ("je suis nouvelle ici", "j'espère que vous allez bien") gets confident
    // guesses of anything: a request shows itself by a question, something it names (a placeholder of
    // `classifierText`), a person asked for in words, or a classifier sure of it.
    const showsARequest = rest.includes('?') || ASKS.test(rest) || /\bzz[a-z]+\b/.test(rest) || asksForAPerson(rest) || request.score >= SURE_REQUEST_AFTER_GREETING;
    return showsARequest ? request : best;
  }

  private async classifyIn(prepared: string, language: NluLanguage): Promise<{ label: string; score: number }> {
    const result = await this.nlp.classify(language, prepared);
    return { label: result.intent, score: result.score };
  }
}

/** "faq.commission" → the `faq` intent with its topic; nlp.js's "None" → `none`. */
function intentOf(label: string): { intent: Intent; topic?: string } {
  if (label.startsWith('faq.')) {
    const topic = FaqTopicSchema.safeParse(label.slice(4));
    return topic.success ? { intent: 'faq', topic: topic.data } : { intent: 'none' };
  }
  return isIntent(label) ? { intent: label } : { intent: 'none' };
}
