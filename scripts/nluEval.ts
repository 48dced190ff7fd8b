import { performance } from 'node:perf_hooks';
import { NlpRecognizer } from '../dialogs/recognizer/nlpRecognizer';
import { BATCHES, loadCorpus, type CorpusUtterance } from './nluCorpus';
import { entityScores, expectedLabel, intentReport, ratio, recognizedLabel, type Outcome } from './nluMetrics';

/**
 * `npm run nlu:eval`: runs the recognizer on the held-out corpus (test/nlu/corpus.json) and prints the
 * intent accuracy (per intent, per written language, per batch, overall, and on the batches never tuned
 * on: the honest figure), the confusions, and the precision and recall of each entity kind. Timings are
 * printed for information, never asserted.
 */
async function main(): Promise<void> {
  const corpus = loadCorpus();
  const batches = selectedBatches(process.argv.slice(2));
  const utterances = corpus.utterances.filter((utterance) => batches.includes(utterance.batch));
  const loadStart = performance.now();
  const recognizer = await NlpRecognizer.create({ now: () => new Date(`${corpus.today}T12:00:00`) });
  const loadMs = performance.now() - loadStart;

  const outcomes: Outcome[] = [];
  const durations: number[] = [];
  for (const utterance of utterances) {
    const start = performance.now();
    const recognition = await recognizer.recognize({ text: utterance.text, language: utterance.locale });
    durations.push(performance.now() - start);
    outcomes.push({ utterance, recognition });
  }

  const report = intentReport(outcomes);
  const lines: string[] = [];
  const present = batches.filter((batch) => utterances.some((utterance) => utterance.batch === batch));
  lines.push(`NLU evaluation on ${report.total} utterances of batches ${present.join(', ')} (model from ${recognizer.modelSource}, loaded in ${loadMs.toFixed(0)} ms)`);
  lines.push('', 'Intent accuracy per intent:');
  for (const [label, { total, correct }] of [...report.byLabel.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${label.padEnd(22)} ${String(correct).padStart(3)}/${String(total).padEnd(3)} ${ratio(correct, total)}`);
  }
  lines.push('', 'Per written language:');
  for (const [written, { total, correct }] of report.byWritten) {
    lines.push(`  ${written.padEnd(22)} ${String(correct).padStart(3)}/${String(total).padEnd(3)} ${ratio(correct, total)}`);
  }
  lines.push('', 'Per batch (tuning: used to tune, optimistic; held-out: sealed, never tuned on, the honest estimate):');
  for (const [batch, { total, correct }] of [...report.byBatch.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const { role, note } = BATCHES[Number(batch.replace('batch ', '')) as CorpusUtterance['batch']];
    lines.push(`  ${batch.padEnd(22)} ${String(correct).padStart(3)}/${String(total).padEnd(3)} ${ratio(correct, total)}  ${role}: ${note}`);
  }
  lines.push('', `OVERALL INTENT ACCURACY: ${report.correct}/${report.total} = ${ratio(report.correct, report.total).trim()}`);
  const heldOut = outcomes.filter(({ utterance }) => BATCHES[utterance.batch].role === 'held-out');
  if (heldOut.length > 0) {
    const correct = heldOut.filter(({ utterance, recognition }) => expectedLabel(utterance) === recognizedLabel(recognition)).length;
    lines.push(`HELD-OUT INTENT ACCURACY (never tuned on): ${correct}/${heldOut.length} = ${ratio(correct, heldOut.length).trim()}`);
  }
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

/**
 * `npm run nlu:eval` evaluates every batch; `-- --tuning` only the batches already used for tuning (what
 * to look at while tuning, so the held-out ones stay unseen); `-- --batches 1,3` the ones named.
 */
function selectedBatches(args: string[]): CorpusUtterance['batch'][] {
  const all = Object.keys(BATCHES).map(Number) as CorpusUtterance['batch'][];
  if (args.includes('--tuning')) return all.filter((batch) => BATCHES[batch].role === 'tuning');
  const index = args.indexOf('--batches');
  const named = index >= 0 ? args[index + 1] : args.find((arg) => arg.startsWith('--batches='))?.slice('--batches='.length);
  if (named === undefined) return all;
  const chosen = named.split(',').map(Number);
  const unknown = chosen.filter((batch) => !all.includes(batch as CorpusUtterance['batch']));
  if (unknown.length > 0) throw new Error(`unknown batch ${unknown.join(', ')}: batches are ${all.join(', ')}`);
  return chosen as CorpusUtterance['batch'][];
}

main().catch((error: unknown) => {
  process.stderr.write(`nlu:eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
