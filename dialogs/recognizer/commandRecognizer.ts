import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../bot/projectRoot';
import { isIntent, type Intent, type IntentRecognizer, type Recognition } from './intents';
import { normalizeForMatching } from './normalize';

/** A button press carries its intent; zod checks the shape (card submissions are user input). */
const ButtonValueSchema = z.looseObject({ intent: z.string() });

const CommandsFileSchema = z.record(z.string(), z.array(z.string()));

/**
 * Recognises buttons and short commands from `locales/<language>/commands.json`: an utterance matches
 * an intent when it is one of the intent's phrases or contains one as whole words. The statistical NLU
 * replaces the phrase matching; button values stay exact.
 */
export class CommandRecognizer implements IntentRecognizer {
  private readonly phrases: Record<'fr' | 'en', Phrase[]>;

  constructor() {
    this.phrases = { fr: loadPhrases('fr'), en: loadPhrases('en') };
  }

  async recognize(input: { text: string; value?: unknown; language: 'fr' | 'en' }): Promise<Recognition> {
    const button = ButtonValueSchema.safeParse(input.value);
    if (button.success && isIntent(button.data.intent)) {
      const { intent, ...entities } = button.data;
      return { text: input.text, intent, score: 1, entities };
    }
    const normalized = ` ${normalizeForMatching(input.text)} `;
    // Both languages are tried, the turn's language first: "menu" or "help" work whatever the locale.
    const candidates = [...this.phrases[input.language], ...this.phrases[input.language === 'fr' ? 'en' : 'fr']];
    let best: { phrase?: Phrase; score: number } = { score: 0 };
    for (const candidate of candidates) {
      if (!normalized.includes(` ${candidate.phrase} `)) continue;
      // A match is at least 0.5; the more of the utterance the phrase covers, the surer the intent.
      const coverage = candidate.phrase.length / Math.max(candidate.phrase.length, normalized.trim().length);
      const score = 0.5 + coverage / 2;
      if (score > best.score) best = { phrase: candidate, score };
    }
    if (!best.phrase) return { text: input.text, intent: 'none', score: 0, entities: {} };
    // "english" asks for English whatever the current language: the phrase's own file says which.
    const entities = best.phrase.intent === 'changeLanguage' ? { language: best.phrase.language } : {};
    return { text: input.text, intent: best.phrase.intent, score: best.score, entities };
  }
}

interface Phrase {
  intent: Intent;
  phrase: string;
  language: 'fr' | 'en';
}

function loadPhrases(language: 'fr' | 'en'): Phrase[] {
  const file = join(projectRoot(), 'locales', language, 'commands.json');
  const commands = CommandsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return Object.entries(commands).flatMap(([intent, phrases]) => {
    if (!isIntent(intent)) throw new Error(`${file}: unknown intent "${intent}"`);
    return phrases.map((phrase) => ({ intent, phrase: normalizeForMatching(phrase), language }));
  });
}
