import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../services/shared/projectRoot';
import { buildReport, currentLoadAverage, formatMarkdown, formatText } from './bench/benchReport';
import { loadBenchSettings } from './bench/benchSettings';
import { figuresOf, measureSlice, prepareBot, releaseBot, type BotFigures, type BotKind, type BotUnderBench } from './bench/measureBot';
import { RedisObserver } from './bench/redisObserver';
import { describeMix, sharedBenchMix } from './bench/benchMix';

/**
 * `npm run bench`: the assistant and a bare echo bot, each a real process on Redis, driven by the same
 * load generator through a local channel; prints the figures and the targets, writes them to
 * bench/results/<date>.json, and with BENCH_README=1 into the README's "Benchmark" section.
 */
const MEASURED_SLICES = 3;
const README_BLOCK = /(<!-- bench:figures:start -->\n)[\s\S]*?(\n<!-- bench:figures:end -->)/;

async function main(): Promise<void> {
  const settings = loadBenchSettings();
  const root = projectRoot();
  if (!existsSync(join(root, 'dist', 'scripts', 'bench', 'echoBot.js'))) throw new Error('dist/ is missing or stale: run `npm run build` first');
  const runId = randomUUID().slice(0, 8);
  const loadAverageAtStart = currentLoadAverage();
  const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const runKeys = new RedisObserver(settings.redisUrl, `bench:${runId}:`);
  process.once('SIGINT', () => {
    progress('interrupted: deleting the keys of this run');
    void runKeys.cleanup().finally(() => process.exit(130));
  });

  const prepared: BotUnderBench[] = [];
  const bots: Partial<Record<BotKind, BotFigures>> = {};
  try {
    for (const kind of settings.bots) prepared.push(await prepareBot(kind, settings, runId, progress));
    // The bots take turns, slice by slice: a load passing on the machine weighs on both alike.
    const slices = Math.min(MEASURED_SLICES, settings.seconds);
    for (let slice = 1; slice <= slices; slice++) {
      for (const bench of prepared) {
        await measureSlice(bench, settings, settings.seconds / slices);
        progress(`${bench.kind}: measured slice ${slice}/${slices}, ${bench.measured.turns} turns so far at ${settings.concurrency} concurrent conversations`);
      }
    }
    for (const bench of prepared) bots[bench.kind] = figuresOf(bench, settings);
  } finally {
    for (const bench of prepared) await releaseBot(bench);
  }
  const report = buildReport(settings, bots, { redisVersion: await runKeys.version(), loadAverageAtStart, mix: describeMix(sharedBenchMix()) });
  await runKeys.close();

  process.stdout.write(`\n${formatText(report)}\n`);
  const folder = join(root, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${report.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${file}\n`);
  if (settings.updateReadme) {
    const readme = join(root, 'README.md');
    const text = readFileSync(readme, 'utf8');
    if (!README_BLOCK.test(text)) throw new Error('README.md has no <!-- bench:figures:start --> … <!-- bench:figures:end --> block');
    writeFileSync(readme, text.replace(README_BLOCK, (_block, start: string, end: string) => `${start}${formatMarkdown(report)}${end}`));
    process.stdout.write('README.md "Benchmark" figures updated\n');
  }
  const profiles = Object.values(bots).find((figures) => figures.profiles)?.profiles;
  if (profiles) process.stdout.write(`CPU profiles in ${profiles} (open them in Chrome DevTools › Performance)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
