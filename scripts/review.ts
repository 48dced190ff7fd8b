import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../bot/config';
import { createRedisConnection } from '../bot/storage/redisConnection';
import { KeptMissSchema, RedisMissStore, type KeptMiss } from '../bot/storage/missStores';
import { projectRoot } from '../services/shared/projectRoot';
import { applyLabels } from './review/applyLabels';
import { candidatesOf, groupMisses, reviewText } from './review/missGroups';

const USAGE = `npm run review                      lists the misses kept (REDIS_URL, REDIS_PREFIX) grouped by similarity,
                                    and writes review/candidates-<day>.json for a person to label
npm run review -- --from <file>     the same from an export (a JSON array of kept misses)
npm run review -- --apply <file>    adds the labelled wordings to locales/<language>/nlu.json
                                    (then: npm run nlu:train)
`;

const INSTRUCTIONS =
  'Label each line: the intent the message should have had (one of locales/*/nlu.json intents), or "skip". Lines left null are not applied. Then: npm run review -- --apply <this file>, and npm run nlu:train.';

/** Lists the misses, grouped, and writes the candidates file; returns the text printed and the file written. */
export function writeReview(misses: readonly KeptMiss[], outDir: string, day: string): { text: string; file?: string } {
  const groups = groupMisses(misses);
  const text = reviewText(misses, groups);
  if (misses.length === 0) return { text };
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `candidates-${day}.json`);
  writeFileSync(file, `${JSON.stringify({ instructions: INSTRUCTIONS, candidates: candidatesOf(groups) }, null, 2)}\n`);
  return { text: `${text}\nCandidates for labelling: ${file}\n`, file };
}

async function readMisses(from: string | undefined): Promise<KeptMiss[]> {
  if (from) return KeptMissSchema.array().parse(JSON.parse(readFileSync(from, 'utf8')));
  const config = loadConfig(process.env);
  if (!config.redis) throw new Error('Misses are read from Redis: set REDIS_URL (and REDIS_PREFIX) as the bot has them. Without Redis they live in the bot process only.');
  const redis = createRedisConnection(config.redis);
  try {
    return await new RedisMissStore(redis, config.redis.prefix).list();
  } finally {
    await redis.quit();
  }
}

async function main(argv: string[]): Promise<void> {
  const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  if (argv.includes('--help')) return void process.stdout.write(USAGE);
  const labelled = option('--apply');
  if (labelled) {
    const result = applyLabels(JSON.parse(readFileSync(labelled, 'utf8')), join(projectRoot(), 'locales'));
    process.stdout.write(
      `Added ${result.added} training examples (${result.alreadyKnown} already known, ${result.skipped} skipped, ${result.unlabelled} not labelled, ${result.redacted} with redacted data left out).\n`,
    );
    for (const refusal of result.refused) process.stdout.write(`Refused: ${refusal}\n`);
    if (result.added > 0) process.stdout.write('Now retrain: npm run nlu:train (and run npm run nlu:eval -- --tuning).\n');
    if (result.refused.length > 0) process.exitCode = 1;
    return;
  }
  const misses = await readMisses(option('--from'));
  const out = option('--out') ?? join(projectRoot(), 'review');
  process.stdout.write(writeReview(misses, out, new Date().toISOString().slice(0, 10)).text);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`review failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
