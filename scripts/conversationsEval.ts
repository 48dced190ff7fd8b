import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorpus } from './conversations/corpus';
import { writeKnownFailures } from './conversations/knownFailures';
import { formatTranscript, ScenarioRunner, type ScenarioResult } from './conversations/runScenarios';
import { FEATURES } from './conversations/scenarioSchema';

/**
 * `npm run conversations:eval`: plays the conversation corpus (test/conversations/*.json) against the
 * real assistant and prints the pass rate, overall and per feature, then the transcript of each failing
 * scenario.
 *   --feature <name>          only this feature
 *   --id <id>                 only this scenario (repeatable)
 *   --held-out                only the sealed set (test/conversations/held-out): figures only, no transcript
 *   --json <file>             also write the results (held-out: the figures only)
 *   --write-known-failures    rewrite test/conversations/known-failures.json (whole working corpus only)
 *   --concurrency <n>         scenarios at once (4)
 *   --verbose                 the bot's log at info level, and the setup turns in transcripts
 *   --dir <folder>            scenarios of another folder (a batch being written), in place of the working corpus
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      feature: { type: 'string' },
      id: { type: 'string', multiple: true },
      'held-out': { type: 'boolean', default: false },
      json: { type: 'string' },
      'write-known-failures': { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '4' },
      verbose: { type: 'boolean', default: false },
      dir: { type: 'string' },
    },
  });
  const heldOut = values['held-out'];
  const filtered = values.feature !== undefined || values.id !== undefined || values.dir !== undefined;
  if (values['write-known-failures'] && (heldOut || filtered)) {
    console.error('--write-known-failures needs the whole working corpus: no --held-out, --feature or --id.');
    return 2;
  }
  if (values.feature !== undefined && !(FEATURES as readonly string[]).includes(values.feature)) {
    console.error(`Unknown feature "${values.feature}". Features: ${FEATURES.join(', ')}.`);
    return 2;
  }

  const corpus = loadCorpus(values.dir, { heldOut });
  if (corpus.problems.length > 0) {
    console.error(`The corpus has ${corpus.problems.length} problem(s); fix them first:`);
    for (const problem of corpus.problems) console.error(`  - ${problem}`);
    return 2;
  }
  const scenarios = corpus.scenarios.filter(
    (scenario) => (values.feature === undefined || scenario.feature === values.feature) && (values.id === undefined || values.id.includes(scenario.id)),
  );
  if (scenarios.length === 0) {
    console.error('No scenario to play.');
    return 2;
  }

  const startedAt = performance.now();
  const runner = await ScenarioRunner.start({ logLevel: values.verbose ? 'info' : 'silent' });
  let results: ScenarioResult[];
  try {
    let done = 0;
    results = await runner.runAll(scenarios, {
      concurrency: Number(values.concurrency) || 4,
      onResult: () => {
        done++;
        if (process.stderr.isTTY) process.stderr.write(`\r${done}/${scenarios.length}`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\r');
  } finally {
    await runner.stop();
  }
  const elapsedSeconds = (performance.now() - startedAt) / 1000;

  const figures = summarise(results);
  console.log(`${heldOut ? 'Held-out corpus' : 'Conversation corpus'}: ${figures.passed}/${figures.total} scenarios pass (${percent(figures.passed, figures.total)}), ${elapsedSeconds.toFixed(1)} s`);
  for (const [feature, counts] of Object.entries(figures.byFeature)) {
    console.log(`  ${feature.padEnd(14)} ${String(counts.passed).padStart(3)}/${String(counts.total).padEnd(3)} ${percent(counts.passed, counts.total).padStart(5)}`);
  }
  console.log(`  languages: ${Object.entries(figures.byLanguage).map(([language, counts]) => `${language} ${counts.passed}/${counts.total}`).join(' · ')}`);
  console.log(`  turns: ${turnFigures(results)}`);
  if (!heldOut) {
    const failing = results.filter((result) => !result.passed);
    if (failing.length > 0) console.log(`\n${failing.length} failing scenario(s):\n`);
    for (const result of failing) console.log(`${formatTranscript(result, { withSetup: values.verbose || result.error !== undefined })}\n`);
  }

  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify(heldOut ? { heldOut: true, ...figures } : { ...figures, results }, null, 2)}\n`);
    console.log(`Results written to ${values.json}`);
  }
  if (values['write-known-failures']) {
    writeKnownFailures(results.filter((result) => !result.passed).map((result) => result.id));
    console.log(`Known failures written: ${figures.total - figures.passed} id(s).`);
  }
  return 0;
}

interface Counts {
  passed: number;
  total: number;
}

function summarise(results: ScenarioResult[]): Counts & { byFeature: Record<string, Counts>; byLanguage: Record<string, Counts> } {
  const byFeature: Record<string, Counts> = {};
  const byLanguage: Record<string, Counts> = {};
  for (const result of results) {
    for (const [table, key] of [
      [byFeature, result.feature],
      [byLanguage, result.language],
    ] as const) {
      table[key] ??= { passed: 0, total: 0 };
      table[key].total++;
      if (result.passed) table[key].passed++;
    }
  }
  const ordered = Object.fromEntries(FEATURES.filter((feature) => byFeature[feature]).map((feature) => [feature, byFeature[feature]!]));
  return { passed: results.filter((result) => result.passed).length, total: results.length, byFeature: ordered, byLanguage };
}

/** How long the steps' turns took (the first turn of each run warms the process, like any start). */
function turnFigures(results: ScenarioResult[]): string {
  const turns = results.flatMap((result) => result.steps.map((step) => ({ id: result.id, index: step.index, ms: step.durationMs ?? 0 })));
  if (turns.length === 0) return 'none';
  const sorted = [...turns].sort((a, b) => a.ms - b.ms);
  const slowest = sorted[sorted.length - 1]!;
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!.ms;
  const overOneSecond = turns.filter((turn) => turn.ms > 1000).length;
  return `${turns.length}, p99 ${p99} ms, slowest ${slowest.ms} ms (${slowest.id} step ${slowest.index + 1}), over 1 s: ${overOneSecond}`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
