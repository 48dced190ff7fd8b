import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../services/shared/projectRoot';

/** Start-up takes about 4 s alone; a two-core CI machine running other suites alongside has taken over 10. */
const STARTUP_LIMIT_MS = 30_000;

/** A bot started as `npm start` runs it (the built dist/), on a free port, with the given environment. */
export interface BotProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

function spawnBot(environment: NodeJS.ProcessEnv): ChildProcess {
  const entry = join(projectRoot(), 'dist', 'bot', 'index.js');
  if (!existsSync(entry)) throw new Error('dist/bot/index.js is missing: run `npm run build` (npm test does it first)');
  return spawn(process.execPath, ['--disable-warning=DEP0111', entry], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A bot that is expected to refuse to start: waits for it to exit, with its exit code and what it printed. */
export async function exitOfBotProcess(environment: NodeJS.ProcessEnv, timeoutMs = 15_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnBot(environment);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot still running after ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    // 'close', not 'exit': by then everything the process printed has been read.
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, stdout, stderr };
}

export async function startBotProcess(environment: NodeJS.ProcessEnv): Promise<BotProcess> {
  const child = spawnBot(environment);
  let output = '';
  const runLog = process.env.ALIN_TEST_LOG_DIR ? join(process.env.ALIN_TEST_LOG_DIR, `process-${process.pid}.log`) : undefined;
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (runLog) appendFileSync(runLog, chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running after the test that started it.
      child.kill('SIGKILL');
      reject(new Error(`bot did not start within ${STARTUP_LIMIT_MS / 1000} s:\n${output}`));
    }, STARTUP_LIMIT_MS);
    const look = () => {
      const match = /"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`bot exited before listening:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
