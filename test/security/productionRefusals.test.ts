import { spawn } from 'node:child_process';
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

  it('is ready with the real portal it was given', async () => {
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
  });
});

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
