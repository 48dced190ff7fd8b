import { performance } from 'node:perf_hooks';
import { NlpRecognizer } from '../dialogs/recognizer/nlpRecognizer';
import { loadCorpus } from './nluCorpus';
import { entityScores, intentReport, ratio, type Outcome } from './nluMetrics';

/**
 * `npm run nlu:eval`: runs the recognizer on the held-out corpus (test/nlu/corpus.json) and prints the
 * intent accuracy (per intent, per written language, overall), the confusions, and the precision and
 * recall of each entity kind. Timings are printed for information, never asserted.
 */
async function main(): Promise<void> {
  const corpus = loadCorpus();
  const loadStart = performance.now();
  const recognizer = await NlpRecognizer.create({ now: () => new Date(`${corpus.today}T12:00:00`) });
  const loadMs = performance.now() - loadStart;

  const outcomes: Outcome[] = [];
  const durations: number[] = [];
  for (const utterance of corpus.utterances) {
    const start = performance.now();
    const recognition = await recognizer.recognize({ text: utterance.text, language: utterance.locale });
    durations.push(performance.now() - start);
    outcomes.push({ utterance, recognition });
  }

  const report = intentReport(outcomes);
  const lines: string[] = [];
  lines.push(`NLU evaluation on ${report.total} held-out utterances (model from ${recognizer.modelSource}, loaded in ${loadMs.toFixed(0)} ms)`);
  lines.push('', 'Intent accuracy per intent:');
  for (const [label, { total, correct }] of [...report.byLabel.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${label.padEnd(22)} ${String(correct).padStart(3)}/${String(total).padEnd(3)} ${ratio(correct, total)}`);
  }
  lines.push('', 'Per written language:');
  for (const [written, { total, correct }] of report.byWritten) {
    lines.push(`  ${written.padEnd(22)} ${String(correct).padStart(3)}/${String(total).padEnd(3)} ${ratio(correct, total)}`);
  }
  lines.push('', 'Per batch (1, 2: used for tuning, optimistic; 3: never used for tuning, the honest estimate):');
  for (const [batch, { total, correct }] of [...report.byBatch.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${batch.padEnd(22)} ${String(correct).padStart(3)}/${String(total).padEnd(3)} ${ratio(correct, total)}`);
  }
  lines.push('', `OVERALL INTENT ACCURACY: ${report.correct}/${report.total} = ${ratio(report.correct, report.total).trim()}`);
  lines.push('', report.confusions.length === 0 ? 'No confusion.' : 'Confusions (expected → recognized):');
  for (const confusion of report.confusions) {
    lines.push(`  ${confusion.expected} → ${confusion.recognized} (${confusion.texts.length})`);
    for (const text of confusion.texts) lines.push(`      "${text}"`);
  }
  lines.push('', 'Entities (precision / recall):');
  const scores = entityScores(outcomes);
  for (const [key, score] of scores) {
    const precision = ratio(score.truePositives, score.truePositives + score.falsePositives);
    const recall = ratio(score.truePositives, score.truePositives + score.falseNegatives);
    lines.push(`  ${key.padEnd(14)} P ${precision}  R ${recall}  (tp ${score.truePositives}, fp ${score.falsePositives}, fn ${score.falseNegatives})`);
  }
  const errors = [...scores.entries()].flatMap(([key, score]) => score.errors.map((error) => `  ${key}: ${error}`));
  if (errors.length > 0) lines.push('', 'Entity errors:', ...errors);
  const sorted = [...durations].sort((a, b) => a - b);
  const mean = durations.reduce((sum, value) => sum + value, 0) / durations.length;
  lines.push('', `Recognition time per utterance: mean ${mean.toFixed(2)} ms, p95 ${(sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(2)} ms, max ${(sorted.at(-1) ?? 0).toFixed(2)} ms`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`nlu:eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
