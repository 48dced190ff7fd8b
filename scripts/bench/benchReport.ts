import { cpus, loadavg, totalmem } from 'node:os';
import type { BenchSettings } from './benchSettings';
import type { BotFigures, BotKind } from './measureBot';

/** The 1-minute load average now. */
export const currentLoadAverage = () => loadavg()[0] ?? 0;

/** The run's figures, its targets (reported as met or missed, never asserted), and their two renderings. */
export interface BenchReport {
  date: string;
  /** `loadAverage`: the 1-minute load when the run started (other work on the machine skews every figure). */
  machine: { cores: number; cpu: string; memoryGb: number; loadAverage: number; node: string; redis: string };
  settings: Omit<BenchSettings, 'updateReadme'>;
  bots: Partial<Record<BotKind, BotFigures>>;
  /** Assistant turns/s ÷ echo turns/s. */
  throughputRatio?: number;
  targets: TargetCheck[];
  /** What the simulated users' messages are drawn from. */
  mix: string;
}

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean;
}

export function buildReport(
  settings: BenchSettings,
  bots: Partial<Record<BotKind, BotFigures>>,
  context: { redisVersion: string; loadAverageAtStart: number; mix: string },
  date = new Date(),
): BenchReport {
  const { updateReadme: _updateReadme, ...reported } = settings;
  const assistant = bots.assistant;
  const echo = bots.echo;
  const throughputRatio = assistant && echo ? assistant.measured.turnsPerSecond / echo.measured.turnsPerSecond : undefined;
  const targets: TargetCheck[] = [];
  if (throughputRatio !== undefined) {
    targets.push({ target: 'assistant throughput ≥ 50 % of the echo bot', value: percent(throughputRatio), met: throughputRatio >= 0.5 });
  }
  if (assistant) {
    const { p99 } = assistant.measured.latencyMs;
    const stateTrips = assistant.redis.roundTripsPerTurn.state ?? 0;
    const drift = rssDrift(assistant);
    targets.push(
      { target: `p99 turn latency < 100 ms at ${assistant.measured.concurrency} concurrent conversations`, value: `${ms(p99)} ms`, met: p99 < 100 },
      { target: '≤ 2 Redis round trips per turn for state', value: stateTrips.toFixed(2), met: stateTrips <= 2 },
      {
        target: 'RSS flat ±10 % between the two memory checkpoints',
        value: `${signedPercent(drift)} (V8 heap after full GC: ${signedPercent(liveHeapDrift(assistant))})`,
        met: Math.abs(drift) <= 0.1,
      },
      { target: 'start-up to ready < 3 s', value: `${ms(assistant.startupMs)} ms`, met: assistant.startupMs < 3000 },
    );
    const delay = assistant.measured.eventLoopDelay;
    if (delay) targets.push({ target: 'event loop delay in the bot < 100 ms at its worst', value: `${delay.maxMs.toFixed(0)} ms (p99 ${delay.p99Ms.toFixed(0)} ms)`, met: delay.maxMs < 100 });
  }
  return {
    date: date.toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadAverage: context.loadAverageAtStart,
      node: process.version,
      redis: context.redisVersion,
    },
    settings: reported,
    bots,
    throughputRatio,
    targets,
    mix: context.mix,
  };
}

/** Rows of the figures table: a label and one cell per bot. */
function rows(report: BenchReport): [string, ...string[]][] {
  const kinds = (['assistant', 'echo'] as const).filter((kind) => report.bots[kind]);
  const row = (label: string, cell: (figures: BotFigures) => string): [string, ...string[]] => [label, ...kinds.map((kind) => cell(report.bots[kind]!))];
  const checkpoints = report.bots[kinds[0]!]!.rssMb.checkpoints.map((checkpoint) => checkpoint.conversations).join(' / ');
  return [
    ['', ...kinds],
    row(`turns/s at ${report.settings.concurrency} concurrent conversations`, (f) => f.measured.turnsPerSecond.toFixed(0)),
    row('turn latency p50 / p95 / p99 (ms)', (f) => [f.measured.latencyMs.p50, f.measured.latencyMs.p95, f.measured.latencyMs.p99].map(ms).join(' / ')),
    row('Redis commands per turn (server, scripts included)', (f) => f.redis.commandsPerTurn.toFixed(1)),
    row('Redis commands sent per turn', (f) => `${f.redis.sentPerTurn.total.toFixed(2)} (${commandBreakdown(f)})`),
    row('Redis round trips per turn: carrying state / all', (f) => `${(f.redis.roundTripsPerTurn.state ?? 0).toFixed(2)} / ${f.redis.roundTripsPerTurn.total.toFixed(2)}`),
    row('CPU per turn (ms): bot process / Redis / load generator / portal simulator', (f) =>
      [f.cpuMsPerTurn.bot, f.cpuMsPerTurn.redisServer, f.cpuMsPerTurn.loadGenerator, f.cpuMsPerTurn.portalSimulator].map((value) => value?.toFixed(2) ?? '–').join(' / '),
    ),
    row(`RSS (MB): start / after ${checkpoints} conversations`, (f) => [f.rssMb.atStart, ...f.rssMb.checkpoints.map((checkpoint) => checkpoint.mb)].join(' / ')),
    row(`V8 heap after the last full GC (MB) at ${checkpoints}`, (f) => f.rssMb.checkpoints.map((checkpoint) => checkpoint.liveHeapMb?.toFixed(0) ?? '?').join(' / ')),
    row('event loop delay in the bot while measured, max / p99 (ms)', (f) =>
      f.measured.eventLoopDelay ? `${f.measured.eventLoopDelay.maxMs.toFixed(0)} / ${f.measured.eventLoopDelay.p99Ms.toFixed(0)}` : '–',
    ),
    row('start-up to ready (ms)', (f) => ms(f.startupMs)),
    row('failed turns (measured + memory phases)', (f) => `${f.measured.failures} + ${f.memoryPhase.failures}`),
  ];
}

export function formatText(report: BenchReport): string {
  const table = rows(report);
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  const lines = [
    `AL-in Assistant benchmark · ${report.date} · ${describeMachine(report)}`,
    `${report.settings.concurrency} concurrent conversations for ${report.settings.seconds} s per bot; ${report.settings.conversations} short conversations for the memory checkpoints`,
    `${report.mix}`,
    '',
    ...table.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('   ')),
  ];
  if (report.throughputRatio !== undefined) lines.push('', `assistant / echo throughput: ${percent(report.throughputRatio)}`);
  if (report.targets.length > 0) lines.push('', 'Targets (reported, not asserted):', ...report.targets.map((check) => `  ${check.met ? 'met   ' : 'MISSED'}  ${check.target}: ${check.value}`));
  for (const figures of Object.values(report.bots)) {
    if (figures.measured.failureExamples.length === 0) continue;
    lines.push('', `${figures.bot}: examples of failed turns`, ...figures.measured.failureExamples.map((failure) => `  ${failure.script}, step ${failure.step + 1}, HTTP ${failure.status}: ${failure.seen}`));
  }
  return lines.join('\n');
}

/** The README's figures block: a Markdown table and the targets, ready to replace the previous run's. */
export function formatMarkdown(report: BenchReport): string {
  const [header, ...body] = rows(report);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `Last run: ${report.date.slice(0, 10)}, ${describeMachine(report)}; ${report.settings.concurrency} concurrent conversations for ${report.settings.seconds} s per bot; ${report.mix}.`,
    '',
    line(header!.map((cell) => cell || 'figure')),
    line(header!.map(() => '---')),
    ...body.map(line),
    ...(report.throughputRatio !== undefined ? ['', `Assistant / echo throughput: **${percent(report.throughputRatio)}**.`] : []),
    '',
    ...report.targets.map((check) => `- ${check.met ? 'met' : '**missed**'}: ${check.target} — ${check.value}`),
  ].join('\n');
}

function describeMachine(report: BenchReport): string {
  const { cores, cpu, memoryGb, loadAverage, node, redis } = report.machine;
  return `${cores} cores (${cpu}), ${memoryGb} GB, load average ${loadAverage.toFixed(1)} at start, Node ${node}, Redis ${redis}`;
}

function commandBreakdown(figures: BotFigures): string {
  return Object.entries(figures.redis.sentPerTurn)
    .filter(([category]) => category !== 'total')
    .map(([category, count]) => `${category} ${count.toFixed(2)}`)
    .join(', ');
}

/** Relative change of RSS from the first memory checkpoint to the last. */
function rssDrift(figures: BotFigures): number {
  return relativeChange(figures.rssMb.checkpoints[0]?.mb, figures.rssMb.checkpoints.at(-1)?.mb);
}

/** The same for the heap still in use after a full collection: what a leak would make grow. */
function liveHeapDrift(figures: BotFigures): number {
  return relativeChange(figures.rssMb.checkpoints[0]?.liveHeapMb, figures.rssMb.checkpoints.at(-1)?.liveHeapMb);
}

const relativeChange = (first = 0, last = 0) => (first > 0 ? (last - first) / first : 0);
const signedPercent = (ratio: number) => `${ratio >= 0 ? '+' : ''}${percent(ratio)}`;

const ms = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toString());
const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;
