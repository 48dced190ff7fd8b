import { z } from 'zod';

/** `npm run bench` settings, from the environment; the defaults give a full run in 3 to 4 minutes. */
const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const wholeNumber = (name: string, fallback: number, minimum: number) =>
  z.preprocess(
    blankAsUndefined,
    z.coerce
      .number({ error: `${name} must be a whole number` })
      .int({ error: `${name} must be a whole number` })
      .min(minimum, { error: `${name} must be at least ${minimum}` })
      .default(fallback),
  );

const flag = z.preprocess(blankAsUndefined, z.enum(['0', '1']).default('0')).transform((value) => value === '1');

const BenchEnvironmentSchema = z.object({
  BENCH_SECONDS: wholeNumber('BENCH_SECONDS', 60, 1),
  BENCH_CONVERSATIONS: wholeNumber('BENCH_CONVERSATIONS', 10_000, 10),
  BENCH_CONCURRENCY: wholeNumber('BENCH_CONCURRENCY', 16, 1),
  BENCH_REDIS_URL: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .refine((value) => /^redis:\/\/[^\s]+$/.test(value), { error: 'BENCH_REDIS_URL must be a redis:// URL' })
      .default('redis://127.0.0.1:6379'),
  ),
  BENCH_BOTS: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .default('assistant,echo')
      .transform((value) => value.split(',').map((name) => name.trim()))
      .pipe(z.array(z.enum(['assistant', 'echo'], { error: 'BENCH_BOTS lists assistant and/or echo' })).min(1)),
  ),
  BENCH_NODE_OPTIONS: z.preprocess(blankAsUndefined, z.string().default('')),
  BENCH_CPU_PROF: flag,
  BENCH_README: flag,
});

export interface BenchSettings {
  /** Length of the measured phase at full concurrency, per bot. */
  seconds: number;
  /** Short conversations driven through each bot for the memory check (RSS at a tenth, capped at 1 000, and at the end). */
  conversations: number;
  concurrency: number;
  redisUrl: string;
  bots: ('assistant' | 'echo')[];
  /** NODE_OPTIONS of the bots, to try a runtime setting (e.g. `--max-old-space-size=256`). */
  nodeOptions: string;
  /** Starts each bot with `--cpu-prof` (profiles in bench/profiles/). */
  cpuProfile: boolean;
  /** Rewrites the figures block of the README's "Benchmark" section. */
  updateReadme: boolean;
}

export function loadBenchSettings(variables: NodeJS.ProcessEnv = process.env): BenchSettings {
  const parsed = BenchEnvironmentSchema.safeParse(variables);
  if (!parsed.success) throw new Error(`Invalid benchmark settings:\n- ${parsed.error.issues.map((issue) => issue.message).join('\n- ')}`);
  const env = parsed.data;
  return {
    seconds: env.BENCH_SECONDS,
    conversations: env.BENCH_CONVERSATIONS,
    concurrency: env.BENCH_CONCURRENCY,
    redisUrl: env.BENCH_REDIS_URL,
    bots: [...new Set(env.BENCH_BOTS)],
    nodeOptions: env.BENCH_NODE_OPTIONS,
    cpuProfile: env.BENCH_CPU_PROF,
    updateReadme: env.BENCH_README,
  };
}
