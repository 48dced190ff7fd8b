import { performance } from 'node:perf_hooks';
import { defaultNluModelPath, loadNluModel, trainAndSaveNluModel } from '../dialogs/recognizer/nluModel';

/**
 * `npm run nlu:train`: trains the intent model from locales/<language>/nlu.json and writes
 * models/nlu-model.json, which the recognizer loads at start. With `--if-stale` (after a build) it trains
 * only when the file is missing or was trained from other examples. (A start with no model, or a stale
 * one, trains once and writes the same file: a fresh clone works either way.)
 */
async function main(): Promise<void> {
  const ifStale = process.argv.includes('--if-stale');
  const path = process.argv.slice(2).find((argument) => !argument.startsWith('--')) ?? defaultNluModelPath();
  const start = performance.now();
  if (ifStale) {
    const { source } = await loadNluModel(path);
    const elapsed = (performance.now() - start).toFixed(0);
    process.stdout.write(source === 'cache' ? `NLU model up to date (${path})\n` : `Trained the NLU model in ${elapsed} ms → ${path}\n`);
    return;
  }
  const { examples } = await trainAndSaveNluModel(path);
  process.stdout.write(`Trained on ${examples} examples in ${(performance.now() - start).toFixed(0)} ms → ${path}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`nlu:train failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
