import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { INTENTS, isIntent } from '../../dialogs/recognizer/intents';
import { LANGUAGES } from '../../dialogs/i18n';

export const CandidatesFileSchema = z.object({
  instructions: z.string().optional(),
  candidates: z.array(
    z.looseObject({
      text: z.string().min(1).max(300),
      language: z.enum(LANGUAGES),
      label: z.string().nullable(),
    }),
  ),
});

/** A placeholder the privacy module left (`[PHONE]`): not a sentence anyone writes, never trained on. */
const REDACTED = /\[[A-Z_]+\]/;

export interface AppliedLabels {
  added: number;
  alreadyKnown: number;
  skipped: number;
  unlabelled: number;
  redacted: number;
  refused: string[];
}

/**
 * Adds the wordings a person labelled with an intent to `locales/<language>/nlu.json` (the training
 * examples); "skip" and unlabelled lines are left out, and so are wordings that still hold a redaction
 * placeholder. An unknown label is refused, never guessed. The model is retrained by `npm run nlu:train`.
 */
export function applyLabels(file: unknown, localesDir: string): AppliedLabels {
  const { candidates } = CandidatesFileSchema.parse(file);
  const result: AppliedLabels = { added: 0, alreadyKnown: 0, skipped: 0, unlabelled: 0, redacted: 0, refused: [] };
  const corpora = new Map<string, { path: string; data: { intents: Record<string, string[]> } }>();
  const corpusOf = (language: string) => {
    let corpus = corpora.get(language);
    if (!corpus) {
      const path = join(localesDir, language, 'nlu.json');
      corpus = { path, data: JSON.parse(readFileSync(path, 'utf8')) as { intents: Record<string, string[]> } };
      corpora.set(language, corpus);
    }
    return corpus;
  };
  for (const candidate of candidates) {
    const label = candidate.label?.trim();
    if (!label) result.unlabelled += 1;
    else if (label === 'skip') result.skipped += 1;
    else if (!isIntent(label)) result.refused.push(`${label} (« ${candidate.text} »): not an intent; one of ${INTENTS.join(', ')} or skip`);
    else if (REDACTED.test(candidate.text)) result.redacted += 1;
    else {
      const examples = (corpusOf(candidate.language).data.intents[label] ??= []);
      const known = examples.some((example) => example.toLowerCase() === candidate.text.toLowerCase());
      if (known) result.alreadyKnown += 1;
      else {
        examples.push(candidate.text);
        result.added += 1;
      }
    }
  }
  for (const { path, data } of corpora.values()) writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  return result;
}
