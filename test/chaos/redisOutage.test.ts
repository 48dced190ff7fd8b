import { LocalChannel } from '../../bot/channels/localChannel';
import { allText, sendThrough } from '../support/botHarness';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { startPrivateRedis, type PrivateRedis } from '../support/privateRedis';
import { injectPortalFault } from '../support/simulatorDevRoutes';

/**
 * The bot's Redis crashes in the middle of a conversation and comes back on the same address. Its
 * Redis is the test's own (append-only, fsync per write: what Redis acknowledged survives the crash),
 * so what the bot had saved before the crash is there after it.
 */
describe('a bot whose Redis crashes and comes back', () => {
  const channel = new LocalChannel();
  let redis: PrivateRedis;
  let bot: BotProcess;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    await channel.start();
    // The embedded simulator, with the test's token so that /dev/faults can be used.
    bot = await startBotProcess({ REDIS_URL: redis.url, REDIS_PREFIX: 'alin-chaos:', PORTAL_TOKEN: 'test-portal-token' });
  });
  afterAll(async () => {
    await bot.stop();
    await channel.stop();
    await redis.dispose();
  });

  const send = (text: string, fields: Record<string, unknown> = {}) => sendThrough(channel, bot.url, 'outage', { type: 'message', text, ...fields });
  const say = async (text: string, fields: Record<string, unknown> = {}) => allText((await send(text, fields)).messages);
  const readiness = async () => (await fetch(`${bot.url}/readyz`)).status;
  const embeddedSimulatorUrl = () => /"url":"(http:\/\/[^"]+)"/.exec(bot.output())![1]!;

  it('apologises during the outage, keeps what was saved before it, and resumes the dialog without a restart', async () => {
    expect(await say('', { value: { intent: 'searchOffers' } })).toContain('Dans quelle ville');
    expect(await say('Lyon')).toContain('Lyon\u00a0: quel type de logement');
    expect(await say('T2')).toContain('Quel loyer maximum');

    // Redis dies while a turn waits on the portal: that turn cannot save, so its answer is not sent.
    await injectPortalFault(embeddedSimulatorUrl(), { route: '/alin/v1/offers*', kind: 'latency', latencyMs: 1500, count: 1 });
    const cutOff = send('peu importe');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await redis.crash();
    const { status, messages } = await cutOff;
    expect(status).toBe(200);
    expect(allText(messages)).toBe("Désolé, un problème technique m'a empêché de répondre. Votre dossier n'a pas été modifié ; vous pouvez réessayer dans un instant.".replace(' ;', '\u00a0;'));

    expect(await say('peu importe', { locale: 'en-GB' })).toContain('Sorry, a technical problem prevented me from answering.');
    expect(await readiness()).toBe(503);

    await redis.restart();
    while ((await readiness()) !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    // The dialog saved before the crash (Lyon, T2, waiting for the budget) is where it was.
    expect(await say('peu importe')).toMatch(/offres? à Lyon, en T2/);
    expect(bot.child.exitCode).toBeNull();
  });
});
