import { channelActivity, LocalChannel, postActivity } from '../../bot/channels/localChannel';
import { allText, BotHarness } from '../support/botHarness';
import { startBotProcess } from '../support/botProcess';

describe('the bot process lifecycle', () => {
  const channel = new LocalChannel();
  beforeAll(() => channel.start());
  afterAll(() => channel.stop());

  it('finishes a turn in flight on SIGTERM, then exits cleanly', async () => {
    const bot = await startBotProcess({});
    channel.replyDelayMs = 800;
    try {
      const turn = postActivity(bot.url, channelActivity(channel.serviceUrl, 'sigterm', { type: 'message', text: 'aide' }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const exit = bot.stop('SIGTERM');
      expect(await turn).toBe(200);
      expect(channel.messages('sigterm')).toHaveLength(1);
      // The turn outlived 500 ms: the user saw the typing indicator meanwhile.
      expect(channel.activities('sigterm').some((activity) => activity.type === 'typing')).toBe(true);
      expect(await exit).toBe(0);
      expect(bot.output()).toContain('"msg":"stopped"');
    } finally {
      channel.replyDelayMs = 0;
    }
  });

  it('refuses to start in production without MicrosoftAppId, with a clear message', async () => {
    await expect(startBotProcess({ NODE_ENV: 'production' })).rejects.toThrow(/MicrosoftAppId is required when NODE_ENV=production/);
  });

  it('refuses a malformed REDIS_URL with the variable named', async () => {
    await expect(startBotProcess({ REDIS_URL: 'http://127.0.0.1:6379' })).rejects.toThrow(/REDIS_URL must be a redis:\/\/ URL/);
  });
});

describe('a bot whose Redis is unreachable', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => bot.stop());

  it('answers with an apology instead of failing silently', async () => {
    const { status, messages } = await bot.send('no-redis', { type: 'message', text: 'aide' });
    expect(status).toBe(200);
    expect(allText(messages)).toContain('Désolé, un problème technique');
  });

  it('reports not ready', async () => {
    const response = await fetch(`${bot.botUrl}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ checks: { storage: 'unavailable' } });
  });
});

describe('a bot with a Bot Framework app id', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
  });
  afterAll(() => bot.stop());

  it('rejects an activity without a token with 401, and reaches no dialog', async () => {
    const { status } = await bot.send('unauthenticated', { type: 'message', text: 'aide' });
    expect(status).toBe(401);
    expect(bot.channel.activities('unauthenticated')).toHaveLength(0);
  });

  it('rejects a token forged by an unknown issuer with 401', async () => {
    const activity = channelActivity(bot.channel.serviceUrl, 'forged', { type: 'message', text: 'aide' });
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = [encode({ alg: 'RS256', typ: 'JWT' }), encode({ aud: '00000000-0000-0000-0000-000000000001', iss: 'https://issuer.invalid' }), 'c2lnbmF0dXJl'].join('.');
    const response = await fetch(`${bot.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(401);
    expect(bot.channel.activities('forged')).toHaveLength(0);
  });
});
