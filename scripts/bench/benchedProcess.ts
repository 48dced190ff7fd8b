import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '../../bot/coordination/coordinator';
import { cpuMsOf, rssBytesOf } from './processStats';

/** A bot started the way production starts it (its built entry point), timed from spawn to ready. */
export interface BenchedProcess {
  url: string;
  pid: number;
  /** Spawn → first 200 from GET /readyz. */
  startupMs: number;
  /** Everything the process wrote so far (its JSON log lines). */
  output(): string;
  /** V8 heap in use right after the last full (mark-compact) collection. */
  liveHeapMb(): number | undefined;
  cpuMs(): number;
  rssBytes(): number;
  stop(): Promise<void>;
}

export interface StartOptions {
  entry: string;
  /** Node's flags before the entry (the bots get those of `npm start`). */
  nodeFlags?: readonly string[];
  /**
   * How the process tells it is ready: a bot answers 200 on GET /readyz once it logged its port; the
   * portal simulator is ready when it logs its URL.
   */
  readiness?: 'readyz' | 'listening';
  environment: NodeJS.ProcessEnv;
  /** Where `--cpu-prof` writes the profile when the process exits; no profile when undefined. */
  cpuProfileDir?: string;
  readyWithinMs?: number;
}

// `[pid:0x…]  9434 ms: Mark-Compact 310.8 (335.6) -> 115.2 (305.2) MB, …`
const FULL_GC = /Mark-Compact (?:\(reduce\) )?[\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/g;
const GC_TRACE_LINE = /^\[\d+:0x[0-9a-f]+\].*\n?/gm;
const MAX_KEPT_OUTPUT = 256 * 1024;

// The bots log `{"port":…}` once listening; the simulator `{"msg":"portal simulator listening","url":…}`.
const BOT_LISTENING = (log: string) => {
  const port = /"port":(\d+)/.exec(log)?.[1];
  return port ? `http://127.0.0.1:${port}` : undefined;
};
const SIMULATOR_LISTENING = (log: string) => /"msg":"portal simulator listening"[^\n]*"url":"(http:\/\/[^"]+)"/.exec(log)?.[1];

/** The node flags of `npm start` (package.json), so that the bots run with the production runtime settings. */
export function startScriptNodeFlags(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const start = manifest.scripts?.start ?? '';
  if (!/^node\s/.test(start)) throw new Error(`the start script is not a node command: ${start}`);
  return start.split(/\s+/).filter((token) => token.startsWith('--'));
}

export async function startBenchedProcess(options: StartOptions): Promise<BenchedProcess> {
  const startedAt = performance.now();
  const profiling = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  // --trace-gc prints one line per collection: the live heap after each full one tells a leak from V8
  // merely growing its heap (RSS alone cannot).
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--trace-gc', ...profiling, options.entry], {
    env: { PATH: process.env.PATH, NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'info', ...options.environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let liveHeapMb: number | undefined;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    for (const [, mb] of text.matchAll(FULL_GC)) liveHeapMb = Number(mb);
    // The start-up lines are what the benchmark reads; the GC trace would grow without end.
    if (output.length < MAX_KEPT_OUTPUT) output += text.replace(GC_TRACE_LINE, '');
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = startedAt + (options.readyWithinMs ?? 30_000);
  const readyWhen = options.readiness ?? 'readyz';
  const url = await listeningUrl(child, () => output, deadline, readyWhen === 'readyz' ? BOT_LISTENING : SIMULATOR_LISTENING);
  if (readyWhen === 'readyz') await readiness(url, child, () => output, deadline);
  const startupMs = performance.now() - startedAt;
  const pid = child.pid!;

  return {
    url,
    pid,
    startupMs,
    output: () => output,
    liveHeapMb: () => liveHeapMb,
    cpuMs: () => cpuMsOf(pid),
    rssBytes: () => rssBytesOf(pid),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Where the process listens, from its log: the bot's `listening` line gives its port, the simulator's
 * its URL (port 0 lets each pick a free one).
 */
async function listeningUrl(child: ChildProcess, output: () => string, deadline: number, listening: (log: string) => string | undefined): Promise<string> {
  for (;;) {
    const url = listening(output());
    if (url) return url;
    failIfGone(child, output, deadline, 'listening');
    await sleep(5);
  }
}

async function readiness(url: string, child: ChildProcess, output: () => string, deadline: number): Promise<void> {
  for (;;) {
    const response = await fetch(`${url}/readyz`).catch(() => undefined);
    await response?.text();
    if (response?.status === 200) return;
    failIfGone(child, output, deadline, 'ready');
    await sleep(10);
  }
}

function failIfGone(child: ChildProcess, output: () => string, deadline: number, waitingFor: string): void {
  if (child.exitCode !== null) throw new Error(`the bot exited before it was ${waitingFor}:\n${output()}`);
  if (performance.now() > deadline) {
    child.kill('SIGKILL');
    throw new Error(`the bot was not ${waitingFor} in time:\n${output()}`);
  }
}
