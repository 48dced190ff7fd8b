import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../services/shared/projectRoot';
import { FaqTopicSchema, type FaqTopic } from './entities/schemas';
import { isIntent, type Intent } from './intents';

export const NLU_LANGUAGES = ['fr', 'en'] as const;
export type NluLanguage = (typeof NLU_LANGUAGES)[number];

/** `locales/<language>/nlu.json`: training examples per intent, per FAQ topic, and the names of languages. */
const NluExamplesFileSchema = z.object({
  source: z.string(),
  intents: z.record(z.string(), z.array(z.string().min(1))),
  faqTopics: z.record(FaqTopicSchema, z.array(z.string().min(1))),
  /** Words that name each language ("anglais", "english"): what "changeLanguage" switches to. */
  languageNames: z.record(z.enum(NLU_LANGUAGES), z.array(z.string().min(1))),
});
export type NluExamplesFile = z.infer<typeof NluExamplesFileSchema>;

/** A training label: an intent, or `faq.<topic>` for a FAQ question (the `faq` intent with its topic). */
export type NluLabel = Exclude<Intent, 'faq'> | `faq.${FaqTopic}`;

export interface NluExample {
  language: NluLanguage;
  text: string;
  label: NluLabel;
}

export function nluExamplesPath(language: NluLanguage): string {
  return join(projectRoot(), 'locales', language, 'nlu.json');
}

export function readNluExamplesFile(language: NluLanguage): NluExamplesFile {
  const file = nluExamplesPath(language);
  const parsed = NluExamplesFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  for (const intent of Object.keys(parsed.intents)) intentLabel(intent, file);
  return parsed;
}

/** Every example of every language, labelled. */
export function loadNluExamples(): NluExample[] {
  return NLU_LANGUAGES.flatMap((language) => {
    const file = readNluExamplesFile(language);
    const intentExamples = Object.entries(file.intents).flatMap(([intent, texts]) => {
      const label = intentLabel(intent, nluExamplesPath(language));
      return texts.map((text): NluExample => ({ language, text, label }));
    });
    const faqExamples = Object.entries(file.faqTopics).flatMap(([topic, texts]) => {
      const label: NluLabel = `faq.${FaqTopicSchema.parse(topic)}`;
      return texts.map((text): NluExample => ({ language, text, label }));
    });
    return [...intentExamples, ...faqExamples];
  });
}

function intentLabel(intent: string, file: string): NluLabel {
  if (!isIntent(intent) || intent === 'faq') throw new Error(`${file}: "${intent}" is not a trainable intent (FAQ questions go under faqTopics)`);
  return intent;
}
