import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { NlpRecognizer } from '../dialogs/recognizer/nlpRecognizer';
import { triageHints } from '../dialogs/recognizer/triageHints';
import { projectRoot } from '../services/shared/projectRoot';
import { EMERGENCY_NUMBERS, triage } from '../services/triage/triage';

const UrgentSetSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      /** `mixed`: French and English in one item, read as on a French channel. */
      language: z.enum(['fr', 'en', 'mixed']),
      messages: z.array(z.string().min(1)).min(1),
      urgent: z.boolean(),
      numbers: z.array(z.enum(EMERGENCY_NUMBERS)),
      why: z.string(),
    }),
  ),
});
export type UrgentItem = z.infer<typeof UrgentSetSchema>['items'][number];

/** The labelled set of a folder (test/triage by default, or a later round's), or its sealed held-out part. */
export function loadUrgentSet(heldOut: boolean, folder = join(projectRoot(), 'test', 'triage')): UrgentItem[] {
  const file = join(folder, ...(heldOut ? ['held-out'] : []), 'urgentSet.json');
  return UrgentSetSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).items;
}

export interface UrgentScore {
  urgent: number;
  urgentFound: number;
  /** Urgent situations given exactly the numbers that apply. */
  numbersRight: number;
  ordinary: number;
  ordinaryMarkedUrgent: number;
  failures: string[];
}

/** The triage the conversation runs (rules on the messages, the recognizer's intents as hints), per item. */
export async function scoreTriage(items: UrgentItem[], recognizer: NlpRecognizer): Promise<UrgentScore> {
  const score: UrgentScore = { urgent: 0, urgentFound: 0, numbersRight: 0, ordinary: 0, ordinaryMarkedUrgent: 0, failures: [] };
  for (const item of items) {
    const recognitions = await Promise.all(item.messages.map((text) => recognizer.recognize({ text, language: item.language === 'mixed' ? 'fr' : item.language })));
    const result = triage({ messages: item.messages, ...triageHints(recognitions) });
    const found = result.urgency === 'urgent';
    const numbers = [...result.emergencyNumbers].sort().join(',');
    const expected = [...item.numbers].sort().join(',');
    if (item.urgent) {
      score.urgent += 1;
      if (found) score.urgentFound += 1;
      if (found && numbers === expected) score.numbersRight += 1;
    } else {
      score.ordinary += 1;
      if (found) score.ordinaryMarkedUrgent += 1;
    }
    if (found !== item.urgent || (item.urgent && numbers !== expected)) {
      score.failures.push(`${item.id} [${item.why}] expects ${item.urgent ? `urgent ${expected || '(no number)'}` : 'ordinary'}, got ${found ? `urgent ${numbers || '(no number)'}` : 'ordinary'}: ${item.messages.join(' / ')}`);
    }
  }
  return score;
}

const percent = (part: number, total: number) => `${((100 * part) / Math.max(1, total)).toFixed(1)} %`;

/**
 * `npm run triage:eval`: the urgent-situation detection on the labelled set (test/triage/urgentSet.json),
 * or once, at the end, on its sealed held-out part (`-- --held-out`): urgent recall, the right emergency
 * numbers, ordinary messages marked urgent; `--verbose` lists the misses (never for the held-out part);
 * `--dir <folder>` reads a later round's set (test/triage/round-2) in place of the first one.
 */
async function main(): Promise<void> {
  const heldOut = process.argv.includes('--held-out');
  const dirAt = process.argv.indexOf('--dir');
  const folder = dirAt > 0 ? process.argv[dirAt + 1] : undefined;
  const score = await scoreTriage(loadUrgentSet(heldOut, folder), await NlpRecognizer.create());
  const lines = [
    `Urgent situations on ${score.urgent + score.ordinary} messages (${heldOut ? 'sealed held-out part' : 'working set'} of ${folder ?? 'test/triage'})`,
    `  urgent recall                ${score.urgentFound}/${score.urgent} ${percent(score.urgentFound, score.urgent)}  (target ≥ 98 %)`,
    `  the right emergency numbers  ${score.numbersRight}/${score.urgent} ${percent(score.numbersRight, score.urgent)}  (target ≥ 95 %)`,
    `  ordinary marked urgent       ${score.ordinaryMarkedUrgent}/${score.ordinary} ${percent(score.ordinaryMarkedUrgent, score.ordinary)}  (target ≤ 3 %)`,
  ];
  if (process.argv.includes('--verbose') && !heldOut) lines.push('', ...score.failures);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module) void main();
