import { LocalChannel } from '../../bot/channels/localChannel';
import { startSimulator, type RunningSimulator } from '../../simulator/startSimulator';
import { allText, sendThrough } from '../support/botHarness';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { clearPortalFaults, injectPortalFault, newestOutboxCode, PORTAL_TOKEN } from '../support/simulatorDevRoutes';
import { storedDocument, TEST_REDIS_URL, testRedis } from '../support/testRedis';

interface StoredConversation {
  dialogState?: { dialogStack: unknown[] };
  lastSearch?: { criteria: Record<string, unknown> };
}

/**
 * A bot process talking to a portal that fails in the middle of a conversation: slow, 5xx, malformed,
 * or gone. The user always gets one polite sentence in their language, the stored state stays as the
 * last good turn left it, and the conversation carries on once the portal is back.
 */
describe('a conversation while the portal fails', () => {
  const { redis, prefix, cleanup } = testRedis('chaos-portal');
  const channel = new LocalChannel();
  let simulator: RunningSimulator;
  let bot: BotProcess;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, token: PORTAL_TOKEN, maxActiveApplications: 5 });
    await channel.start();
    bot = await startBotProcess({
      PORTAL_BASE_URL: simulator.url,
      PORTAL_TOKEN,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      // A portal call gives up after 2 s; past 1 s the user is told "I'm on it" (status only).
      PORTAL_TIMEOUT_MS: '2000',
      TURN_ANSWER_BUDGET_MS: '1000',
      LINK_ATTEMPTS_PER_HOUR: '100',
    });
  });
  afterEach(() => clearPortalFaults(simulator.url));
  afterAll(async () => {
    await bot.stop();
    await channel.stop();
    await simulator.close();
    await cleanup();
  });

  const say = async (conversation: string, text: string, fields: Record<string, unknown> = {}) =>
    allText((await sendThrough(channel, bot.url, conversation, { type: 'message', text, ...fields })).messages);
  const storedConversation = (conversation: string) => storedDocument<StoredConversation>(redis, `${prefix}conversation:emulator:${conversation}`);
  const startStepByStepSearch = async (conversation: string) => {
    expect(await say(conversation, '', { value: { intent: 'searchOffers' } })).toContain('Dans quelle ville');
    expect(await say(conversation, 'Lyon')).toContain('Lyon\u00a0: quel type de logement');
    expect(await say(conversation, 'T2')).toContain('Quel loyer maximum');
  };

  it('answers a 503 at the last step of a search politely, keeps the search, and refines it once the portal is back', async () => {
    await startStepByStepSearch('unavailable');
    await injectPortalFault(simulator.url, { route: '/alin/v1/offers*', kind: 'error', status: 503 });

    const seen = await say('unavailable', 'peu importe');
    expect(seen).toContain('Le portail AL-in ne répond pas pour le moment');
    expect(seen).toContain('votre recherche est gardée');
    const stored = await storedConversation('unavailable');
    expect(stored?.dialogState?.dialogStack).toEqual([]);
    expect(stored?.lastSearch?.criteria).toMatchObject({ place: { name: 'Lyon' }, typologies: ['T2'] });

    await clearPortalFaults(simulator.url);
    expect(await say('unavailable', 'et à Villeurbanne ?')).toMatch(/offres? à Villeurbanne, en T2/);
  });

  it('answers a malformed portal answer in English, then searches normally', async () => {
    const english = { locale: 'en-GB' };
    await injectPortalFault(simulator.url, { route: '/alin/v1/offers*', kind: 'malformed', body: 'wrongShape' });
    expect(await say('malformed', 'a T3 in Villeurbanne', english)).toContain('The AL-in portal is not answering at the moment, so I cannot search offers.');

    await clearPortalFaults(simulator.url);
    expect(await say('malformed', 'a T3 in Villeurbanne', english)).toMatch(/offers? in Villeurbanne/);
  });

  it('gives up on a portal slower than the call timeout with the same sentence, and the next search works', async () => {
    await startStepByStepSearch('slow');
    await injectPortalFault(simulator.url, { route: '/alin/v1/offers*', kind: 'latency', latencyMs: 3000 });
    expect(await say('slow', 'peu importe')).toContain('Le portail AL-in ne répond pas pour le moment');

    await clearPortalFaults(simulator.url);
    expect(await say('slow', 'plutôt T3')).toMatch(/offres? à Lyon, en T3/);
  });

  it('says "I\'m on it" when the dossier is slow, sends it when ready, and the conversation goes on', async () => {
    await say('slow-status', "mon numéro c'est 0691124000101GDPUB");
    expect(await say('slow-status', await newestOutboxCode(simulator.url))).toContain('est liée');
    await injectPortalFault(simulator.url, { route: '/alin/v1/applicants/*', kind: 'latency', latencyMs: 1500, count: 1 });

    expect(await say('slow-status', 'où en est mon dossier')).toContain("Je m'en occupe");
    await channel.waitFor('slow-status', (activities) => allText(activities).includes('Votre demande n°'));
    expect(await say('slow-status', 'merci')).toContain('Avec plaisir');
  });

  it('answers politely while the portal is down, and carries on when it is back on the same address', async () => {
    await startStepByStepSearch('down');
    const port = simulator.port;
    await simulator.close();
    try {
      expect(await say('down', 'peu importe')).toContain('Le portail AL-in ne répond pas pour le moment');
      expect((await storedConversation('down'))?.lastSearch?.criteria).toMatchObject({ place: { name: 'Lyon' }, typologies: ['T2'] });
    } finally {
      simulator = await startSimulator({ port, token: PORTAL_TOKEN, maxActiveApplications: 5 });
    }
    expect(await say('down', 'et à Villeurbanne ?')).toMatch(/offres? à Villeurbanne, en T2/);
  });
});
