import { join } from 'node:path';
import { z } from 'zod';
import { LocalChannel } from '../../bot/channels/localChannel';
import { sleep } from '../../bot/coordination/coordinator';
import { projectRoot } from '../../services/shared/projectRoot';
import { DEVELOPMENT_PORTAL_TOKEN } from '../../simulator/simulatorSettings';
import type { BenchSettings } from './benchSettings';
import { startBenchedProcess, startScriptNodeFlags, type BenchedProcess } from './benchedProcess';
import { drawnConversations, LINKED_DEMO_NUMBER, MIXED_TEMPLATES } from './conversationScripts';
import { sharedBenchMix as benchMix } from './benchMix';
import { linkedUserId, LoadGenerator, type DriveResult, type TurnFailure } from './loadGenerator';
import { RedisObserver, type CommandCounts } from './redisObserver';
import { percentile } from './statistics';
import { scrapeEventLoopDelay, worstOf, type EventLoopDelay } from './eventLoopDelay';

export type BotKind = 'assistant' | 'echo';

/** Everything measured on one bot; figures per turn are over the measured phase unless said. */
export interface BotFigures {
  bot: BotKind;
  startupMs: number;
  measured: {
    concurrency: number;
    seconds: number;
    turns: number;
    conversations: number;
    turnsPerSecond: number;
    latencyMs: { p50: number; p95: number; p99: number; max: number };
    failures: number;
    failureExamples: TurnFailure[];
    /** The event loop's delay in the bot during the measured slices (worst slice); none for the echo bot. */
    eventLoopDelay?: EventLoopDelay;
  };
  /** `portalSimulator`: the portal the assistant calls, its own process as a real portal would be (none for the echo bot). */
  cpuMsPerTurn: { bot: number; redisServer: number; loadGenerator: number; portalSimulator?: number };
  redis: {
    /** Server-side command count (INFO commandstats), commands inside scripts included. */
    commandsPerTurn: number;
    commandsPerTurnByName: CommandCounts;
    /** Commands the bot sent (MONITOR during an untimed pass), by category. */
    sentPerTurn: CommandCounts & { total: number };
    /** Round trips (commands sent in one write count once): all, and those carrying each category. */
    roundTripsPerTurn: CommandCounts & { total: number };
    insideScriptsPerTurn: number;
    watchedTurns: number;
  };
  rssMb: { atStart: number; checkpoints: { conversations: number; mb: number; liveHeapMb?: number }[] };
  memoryPhase: { conversations: number; turns: number; failures: number; turnsPerSecond: number };
  profiles?: string;
}

const WATCHED_CONVERSATIONS = 40;

const OutboxSchema = z.object({ items: z.array(z.object({ code: z.string() })) });

const ENTRIES: Record<BotKind, string> = {
  assistant: join('dist', 'bot', 'index.js'),
  echo: join('dist', 'scripts', 'bench', 'echoBot.js'),
};
const SIMULATOR_ENTRY = join('dist', 'simulator', 'main.js');

/** One bot, started and prepared (linked users, Redis commands watched, memory checkpoints), then measured in slices. */
export interface BotUnderBench {
  kind: BotKind;
  bot: BenchedProcess;
  /** The assistant's portal: the simulator in a process of its own, as production has a remote portal. */
  portal?: BenchedProcess;
  generator: LoadGenerator;
  observer: RedisObserver;
  channel: LocalChannel;
  rssAtStart: number;
  watched: Awaited<ReturnType<typeof watchRedisCommands>>;
  memory: Awaited<ReturnType<typeof memoryCheckpoints>>;
  measured: MeasuredTotals;
  profiles?: string;
}

/** The measured slices of one bot, added up. */
interface MeasuredTotals extends DriveResult {
  botCpuMs: number;
  loadGeneratorCpuMs: number;
  redisCpuMs: number;
  portalCpuMs: number;
  serverCommands: CommandCounts;
  eventLoopDelay?: EventLoopDelay;
}

/** Starts one bot and runs the phases before the measured one: start-up, Redis commands, memory. */
export async function prepareBot(kind: BotKind, settings: BenchSettings, runId: string, progress: (line: string) => void): Promise<BotUnderBench> {
  const observer = new RedisObserver(settings.redisUrl, `bench:${runId}:${kind}:`);
  const channel = new LocalChannel();
  await channel.start();
  const profiles = settings.cpuProfile ? join(projectRoot(), 'bench', 'profiles') : undefined;
  let bot: BenchedProcess | undefined;
  let portal: BenchedProcess | undefined;
  try {
    if (kind === 'assistant') {
      portal = await startBenchedProcess({ entry: join(projectRoot(), SIMULATOR_ENTRY), environment: { SIMULATOR_PORT: '0' }, readiness: 'listening' });
    }
    bot = await startBenchedProcess({
      entry: join(projectRoot(), ENTRIES[kind]),
      nodeFlags: startScriptNodeFlags(projectRoot()),
      environment: {
        REDIS_URL: settings.redisUrl,
        REDIS_PREFIX: observer.prefix,
        LINK_ATTEMPTS_PER_HOUR: '1000000',
        // A bench worker's linked user talks in conversation after conversation far faster than a person
        // types: the limits stay on (their Redis calls are part of every turn measured), out of reach.
        TURNS_PER_USER_PER_MINUTE: '1000000',
        TURNS_PER_CONVERSATION_PER_MINUTE: '1000000',
        NODE_OPTIONS: settings.nodeOptions,
        ...(portal ? { PORTAL_BASE_URL: portal.url, PORTAL_TOKEN: DEVELOPMENT_PORTAL_TOKEN } : {}),
      },
      cpuProfileDir: profiles,
    });
    const rssAtStart = toMb(bot.rssBytes());
    progress(`${kind}: ready in ${Math.round(bot.startupMs)} ms, RSS ${rssAtStart} MB`);
    const generator = new LoadGenerator(bot.url, channel, runId, kind === 'assistant');
    if (portal) await linkUsers(generator, portal.url, settings.concurrency);

    const watched = await watchRedisCommands(observer, generator);
    progress(`${kind}: Redis commands watched over ${watched.turns} turns`);
    const memory = await memoryCheckpoints(bot, generator, settings, (line) => progress(`${kind}: ${line}`));
    const measured: MeasuredTotals = {
      turns: 0,
      conversations: 0,
      elapsedMs: 0,
      latenciesMs: [],
      failures: 0,
      failureExamples: [],
      botCpuMs: 0,
      loadGeneratorCpuMs: 0,
      redisCpuMs: 0,
      portalCpuMs: 0,
      serverCommands: {},
    };
    return { kind, bot, portal, generator, observer, channel, rssAtStart, watched, memory, measured, profiles };
  } catch (error) {
    await releaseBot({ bot, portal, channel, observer });
    throw error;
  }
}

/**
 * One slice of the measured phase: the mixed conversations at full concurrency for `seconds`, with the
 * CPU and Redis use around it. The bots take turns slice by slice, so that a passing load on the
 * machine weighs on both alike.
 */
export async function measureSlice(bench: BotUnderBench, settings: BenchSettings, seconds: number): Promise<void> {
  const { bot, portal, generator, observer, measured } = bench;
  const portalCpuMs = () => portal?.cpuMs() ?? 0;
  // This scrape resets the bot's event-loop delay histogram: the one after the slice reads the slice alone.
  await scrapeEventLoopDelay(bot.url);
  const before = { server: await observer.snapshot(), botCpuMs: bot.cpuMs(), portalCpuMs: portalCpuMs(), ownCpu: process.cpuUsage() };
  const run = await generator.drive({ concurrency: settings.concurrency, scriptFor: drawnConversations(MIXED_TEMPLATES, benchMix()), untilTime: performance.now() + seconds * 1000 });
  const eventLoopDelay = await scrapeEventLoopDelay(bot.url);
  const after = { server: await observer.snapshot(), botCpuMs: bot.cpuMs(), portalCpuMs: portalCpuMs(), ownCpu: process.cpuUsage(before.ownCpu) };
  measured.eventLoopDelay = worstOf(measured.eventLoopDelay, eventLoopDelay);
  measured.turns += run.turns;
  measured.conversations += run.conversations;
  measured.elapsedMs += run.elapsedMs;
  for (const latency of run.latenciesMs) measured.latenciesMs.push(latency);
  measured.failures += run.failures;
  measured.failureExamples.push(...run.failureExamples);
  measured.botCpuMs += after.botCpuMs - before.botCpuMs;
  measured.loadGeneratorCpuMs += (after.ownCpu.user + after.ownCpu.system) / 1000;
  measured.redisCpuMs += (after.server.cpuSeconds - before.server.cpuSeconds) * 1000;
  measured.portalCpuMs += after.portalCpuMs - before.portalCpuMs;
  for (const [name, count] of Object.entries(RedisObserver.difference(before.server, after.server))) {
    measured.serverCommands[name] = (measured.serverCommands[name] ?? 0) + count;
  }
}

export function figuresOf(bench: BotUnderBench, settings: BenchSettings): BotFigures {
  const { measured, watched, memory } = bench;
  const perTurn = (value: number) => value / Math.max(measured.turns, 1);
  const commandsPerTurnByName = Object.fromEntries(Object.entries(measured.serverCommands).map(([name, count]) => [name, perTurn(count)]));
  return {
    bot: bench.kind,
    startupMs: bench.bot.startupMs,
    measured: {
      concurrency: settings.concurrency,
      seconds: measured.elapsedMs / 1000,
      turns: measured.turns,
      conversations: measured.conversations,
      turnsPerSecond: measured.turns / (measured.elapsedMs / 1000),
      latencyMs: {
        p50: percentile(measured.latenciesMs, 50),
        p95: percentile(measured.latenciesMs, 95),
        p99: percentile(measured.latenciesMs, 99),
        max: percentile(measured.latenciesMs, 100),
      },
      failures: measured.failures,
      ...(measured.eventLoopDelay ? { eventLoopDelay: measured.eventLoopDelay } : {}),
      failureExamples: [...watched.failureExamples, ...memory.failureExamples, ...measured.failureExamples].slice(0, 5),
    },
    cpuMsPerTurn: {
      bot: perTurn(measured.botCpuMs),
      redisServer: perTurn(measured.redisCpuMs),
      loadGenerator: perTurn(measured.loadGeneratorCpuMs),
      ...(bench.portal ? { portalSimulator: perTurn(measured.portalCpuMs) } : {}),
    },
    redis: {
      commandsPerTurn: sum(Object.values(commandsPerTurnByName)),
      commandsPerTurnByName,
      sentPerTurn: { ...watched.sentPerTurn, total: sum(Object.values(watched.sentPerTurn)) },
      roundTripsPerTurn: watched.roundTripsPerTurn,
      insideScriptsPerTurn: watched.insideScriptsPerTurn,
      watchedTurns: watched.turns,
    },
    rssMb: { atStart: bench.rssAtStart, checkpoints: memory.checkpoints },
    memoryPhase: { conversations: memory.conversations, turns: memory.turns, failures: memory.failures, turnsPerSecond: memory.turnsPerSecond },
    profiles: bench.profiles,
  };
}

/** Stops the bot (its CPU profile is written then), its portal, its channel, and deletes its keys. */
export async function releaseBot({ bot, portal, channel, observer }: { bot?: BenchedProcess; portal?: BenchedProcess; channel: LocalChannel; observer: RedisObserver }): Promise<void> {
  await bot?.stop();
  await portal?.stop();
  await channel.stop();
  await observer.cleanup();
  await observer.close();
}

/** A few mixed conversations, one at a time, under MONITOR: what the bot sends to Redis per turn. */
async function watchRedisCommands(observer: RedisObserver, generator: LoadGenerator) {
  const { result, watched } = await observer.watch(() =>
    generator.drive({ concurrency: 1, scriptFor: drawnConversations(MIXED_TEMPLATES, benchMix()), untilConversations: generator.conversations + WATCHED_CONVERSATIONS }),
  );
  const perTurn = (count: number) => count / Math.max(result.turns, 1);
  return {
    turns: result.turns,
    failureExamples: result.failureExamples,
    sentPerTurn: Object.fromEntries(Object.entries(watched.sent).map(([category, count]) => [category, perTurn(count)])),
    roundTripsPerTurn: Object.fromEntries(Object.entries(watched.roundTrips).map(([category, count]) => [category, perTurn(count)])) as CommandCounts & { total: number },
    insideScriptsPerTurn: perTurn(watched.insideScripts),
  };
}

/** Short conversations up to the setting, with RSS and the live heap at a tenth (at most 1 000) and at the end. */
async function memoryCheckpoints(bot: BenchedProcess, generator: LoadGenerator, settings: BenchSettings, progress: (line: string) => void) {
  const short = drawnConversations(MIXED_TEMPLATES, benchMix(), true);
  const totals = { conversations: 0, turns: 0, failures: 0, elapsedMs: 0, failureExamples: [] as TurnFailure[] };
  const checkpoints: BotFigures['rssMb']['checkpoints'] = [];
  for (const checkpoint of [Math.min(1000, Math.round(settings.conversations / 10)), settings.conversations]) {
    const run = await generator.drive({ concurrency: settings.concurrency, scriptFor: short, untilConversations: checkpoint });
    totals.conversations += run.conversations;
    totals.turns += run.turns;
    totals.failures += run.failures;
    totals.elapsedMs += run.elapsedMs;
    totals.failureExamples.push(...run.failureExamples);
    // Let the turns' garbage go before reading the resident size.
    await sleep(1000);
    checkpoints.push({ conversations: generator.conversations, mb: toMb(bot.rssBytes()), liveHeapMb: bot.liveHeapMb() });
    progress(`${generator.conversations} conversations, RSS ${checkpoints.at(-1)!.mb} MB, live heap ${bot.liveHeapMb() ?? '?'} MB`);
  }
  return { ...totals, checkpoints, turnsPerSecond: totals.turns / (totals.elapsedMs / 1000) };
}

/**
 * Links one user per worker to a demo applicant, the way a person does it: the number, then the code
 * the simulator "sent" (GET /dev/outbox), one user after the other so each reads its own code.
 */
async function linkUsers(generator: LoadGenerator, simulatorUrl: string, users: number): Promise<void> {
  for (let worker = 0; worker < users; worker++) {
    const conversationId = `link-${worker}`;
    await generator.turn(conversationId, linkedUserId(worker), { type: 'message', text: `mon numéro c'est ${LINKED_DEMO_NUMBER}` });
    const response = await fetch(`${simulatorUrl}/dev/outbox`, { headers: { authorization: `Bearer ${DEVELOPMENT_PORTAL_TOKEN}` } });
    const outbox = OutboxSchema.parse(await response.json());
    const { replies } = await generator.turn(conversationId, linkedUserId(worker), { type: 'message', text: outbox.items[0]?.code ?? '' });
    if (!JSON.stringify(replies).includes('est liée')) throw new Error(`linking a demo account failed: ${JSON.stringify(replies).slice(0, 300)}`);
  }
}

const toMb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
