import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { CloudAdapter } from 'botbuilder';
import { DirectLineBridge } from '../../bot/channels/directLine/directLineBridge';
import { projectRoot } from '../../services/shared/projectRoot';
import { startSimulator, type RunningSimulator } from '../../simulator/startSimulator';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { capturingLogger } from '../support/silentLogger';

const PORTAL_TOKEN = 'production-test-portal-token';

/** What a production deployment needs besides the portal (the notify secret is harmless where unused). */
const PRODUCTION = {
  NODE_ENV: 'production',
  MicrosoftAppId: '00000000-0000-0000-0000-0000000000b2',
  MicrosoftAppPassword: 'not-a-real-secret',
  NOTIFY_SECRET: 'a-notify-secret-of-at-least-32-characters',
};

describe('a bot started with NODE_ENV=production', () => {
  let portal: RunningSimulator;
  let bot: BotProcess;

  beforeAll(async () => {
    // The simulator stands in for the real portal here: it runs in the test process, not in production.
    portal = await startSimulator({ port: 0, token: PORTAL_TOKEN, maxActiveApplications: 5 });
    bot = await startBotProcess({ ...PRODUCTION, PORTAL_BASE_URL: portal.url, PORTAL_TOKEN });
  });
  afterAll(async () => {
    await bot.stop();
    await portal.close();
  });

  it('serves no local Direct Line bridge, and hands out no Web Chat token without Azure Direct Line', async () => {
    expect((await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${bot.url}/v3/directline/tokens/refresh`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${bot.url}/api/webchat/token`, { method: 'POST' })).status).toBe(503);
  });

  it('starts no embedded portal simulator', () => {
    expect(bot.output()).not.toContain('portal simulator listening');
    expect(bot.output()).toContain('"authentication":"bot-framework"');
  });

  it('does not serve /metrics without METRICS_TOKEN (the port is public)', async () => {
    const response = await fetch(`${bot.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('alin_turns_total');
    expect(bot.output()).toContain('GET /metrics is off: set METRICS_TOKEN to serve it');
  });

  it.each(['/v3/directline/conversations/x/stream', '/api/messages', '/anything'])('refuses a WebSocket upgrade on %s at once', async (path) => {
    const startedAt = performance.now();
    const answer = await upgradeAnswer(bot.url, path);
    expect(answer.statusLine).toBe('HTTP/1.1 404 Not Found');
    expect(answer.closed).toBe(true);
    expect(performance.now() - startedAt).toBeLessThan(2000);
  });

  it('is ready with the real portal it was given', async () => {
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
  });
});

describe('a bot in production with METRICS_TOKEN', () => {
  let portal: RunningSimulator;
  let bot: BotProcess;
  const METRICS_TOKEN = 'a-metrics-token-for-the-scraper';

  beforeAll(async () => {
    portal = await startSimulator({ port: 0, token: PORTAL_TOKEN, maxActiveApplications: 5 });
    bot = await startBotProcess({ ...PRODUCTION, PORTAL_BASE_URL: portal.url, PORTAL_TOKEN, METRICS_TOKEN });
  });
  afterAll(async () => {
    await bot.stop();
    await portal.close();
  });

  it('serves /metrics to the bearer of the token only', async () => {
    expect((await fetch(`${bot.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${bot.url}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(401);
    const response = await fetch(`${bot.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('alin_turns_total');
  });
});

/** The status line a WebSocket upgrade gets, and whether the server closed the connection within a second. */
function upgradeAnswer(botUrl: string, path: string): Promise<{ statusLine: string; closed: boolean }> {
  const { hostname, port } = new URL(botUrl);
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`),
    );
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ statusLine: received.split('\r\n')[0] ?? '', closed: false });
    }, 1000);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ statusLine: received.split('\r\n')[0] ?? '', closed: true });
    });
  });
}

describe('in production, development stand-ins refuse to run', () => {
  it('the bot without PORTAL_BASE_URL (it would start the simulator)', async () => {
    await expect(startBotProcess(PRODUCTION)).rejects.toThrow(/PORTAL_BASE_URL is required when NODE_ENV=production/);
  });

  it('the standalone simulator (npm run simulator)', async () => {
    const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'simulator', 'main.js')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', SIMULATOR_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('does not run when NODE_ENV=production');
    expect(output).not.toContain('portal simulator listening');
  });

  it('the local Direct Line bridge, even if some code asked for it', () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const build = () =>
        new DirectLineBridge({ adapter: {} as CloudAdapter, turn: async () => undefined, logger: capturingLogger().logger, baseUrl: () => 'http://127.0.0.1:1' });
      expect(build).toThrow('does not run when NODE_ENV=production');
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
