import { spawn, type ChildProcess } from 'node:child_process';
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
  environment: NodeJS.ProcessEnv;
  /** Where `--cpu-prof` writes the profile when the process exits; no profile when undefined. */
  cpuProfileDir?: string;
  readyWithinMs?: number;
}

// `[pid:0x…]  9434 ms: Mark-Compact 310.8 (335.6) -> 115.2 (305.2) MB, …`
const FULL_GC = /Mark-Compact (?:\(reduce\) )?[\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/g;
const GC_TRACE_LINE = /^\[\d+:0x[0-9a-f]+\].*\n?/gm;
const MAX_KEPT_OUTPUT = 256 * 1024;

export async function startBenchedProcess(options: StartOptions): Promise<BenchedProcess> {
  const startedAt = performance.now();
  const profiling = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  // --trace-gc prints one line per collection: the live heap after each full one tells a leak from V8
  // merely growing its heap (RSS alone cannot).
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--trace-gc', ...profiling, options.entry], {
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
  const url = `http://127.0.0.1:${await listeningPort(child, () => output, deadline)}`;
  await readiness(url, child, () => output, deadline);
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

/** The port from the process's `listening` log line (PORT=0 lets it pick a free one). */
async function listeningPort(child: ChildProcess, output: () => string, deadline: number): Promise<number> {
  for (;;) {
    const match = /"port":(\d+)/.exec(output());
    if (match) return Number(match[1]);
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
