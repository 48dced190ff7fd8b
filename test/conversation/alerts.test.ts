import { channelActivity, LocalChannel, postActivity } from '../../bot/channels/localChannel';
import { allText, BotHarness } from '../support/botHarness';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { PORTAL_TOKEN, simulatorWithClock } from '../support/simulatorClock';
import { TEST_REDIS_URL, testRedis } from '../support/testRedis';

const NEW_T3_IN_VILLEURBANNE = {
  inseeCode: '69266',
  typology: 'T3',
  surface: 64,
  floor: 2,
  lift: true,
  accessible: false,
  rent: 540,
  charges: 95,
  financing: 'PLUS',
  landlord: 'Test Habitat',
  availableDate: '2027-02-01',
  energyClass: 'C',
};

async function publishOffer(simulatorUrl: string): Promise<string> {
  const response = await fetch(`${simulatorUrl}/dev/offers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${PORTAL_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(NEW_T3_IN_VILLEURBANNE),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const alertsIn = (texts: string[]) => texts.filter((text) => text.includes('pour votre recherche'));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('saved searches and alerts, one process', () => {
  let simulator: Awaited<ReturnType<typeof simulatorWithClock>>;
  let bot: BotHarness;
  beforeAll(async () => {
    simulator = await simulatorWithClock();
    bot = await BotHarness.start({ PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN, ALERT_CHECK_INTERVAL_MS: '200' });
  });
  afterAll(async () => {
    await bot.stop();
    await simulator.close();
  });

  it('saves a search from one sentence, lists it, and sends one message per new matching offer', async () => {
    expect(allText(await bot.say('watch', "préviens-moi s'il y a un T3 à Villeurbanne"))).toContain('je vous préviendrai ici dès qu\'une nouvelle offre à Villeurbanne, en T3 paraît');
    expect(allText(await bot.say('watch', 'mes alertes'))).toContain('Nouvelles offres à Villeurbanne, en T3');
    const offerId = await publishOffer(simulator.url);
    const texts = () => bot.channel.messages('watch').map((message) => allText([message]));
    await bot.channel.waitFor('watch', () => alertsIn(texts()).length > 0, 5000);
    await pause(700); // three more checks
    expect(alertsIn(texts())).toHaveLength(1);
    expect(alertsIn(texts())[0]).toContain('Nouvelle offre pour votre recherche à Villeurbanne, en T3');
    expect(JSON.stringify(bot.channel.messages('watch'))).toContain(offerId);
  });

  it('watches the last search from its button, and deletes an alert', async () => {
    await bot.say('watch-button', 'un T2 à Lyon');
    expect(allText(await bot.say('watch-button', '', { value: { intent: 'savedSearches', action: 'save' } }))).toContain('nouvelle offre à Lyon, en T2');
    const list = await bot.say('watch-button', 'mes alertes');
    const searchId = JSON.stringify(list).match(/"searchId":"([^"]+)"/)![1];
    expect(allText(await bot.say('watch-button', '', { value: { intent: 'savedSearches', action: 'delete', searchId } }))).toContain('Alerte supprimée');
    expect(allText(await bot.say('watch-button', 'mes alertes'))).toContain('Vous n\'avez aucune alerte');
  });

  it('forgets saved searches with "delete my data"', async () => {
    await bot.say('forget-alerts', "préviens-moi s'il y a un T4 à Lille");
    await bot.say('forget-alerts', 'supprimer mes données');
    await bot.say('forget-alerts', 'oui');
    expect(allText(await bot.say('forget-alerts', 'mes alertes'))).toContain('Vous n\'avez aucune alerte');
  });
});

describe('alerts with two bot processes sharing Redis', () => {
  const { prefix, cleanup } = testRedis('alerts');
  const channel = new LocalChannel();
  let simulator: Awaited<ReturnType<typeof simulatorWithClock>>;
  let replicas: BotProcess[] = [];

  beforeAll(async () => {
    simulator = await simulatorWithClock();
    await channel.start();
    const environment = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN, ALERT_CHECK_INTERVAL_MS: '200' };
    replicas = await Promise.all([startBotProcess(environment), startBotProcess(environment)]);
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await channel.stop();
    await simulator.close();
    await cleanup();
  });

  it('sends exactly one message for a new matching offer', async () => {
    const status = await postActivity(replicas[0]!.url, channelActivity(channel.serviceUrl, 'shared-watch', { type: 'message', text: "préviens-moi s'il y a un T3 à Villeurbanne" }));
    expect(status).toBe(200);
    expect(allText(channel.messages('shared-watch'))).toContain('je vous préviendrai ici');
    await publishOffer(simulator.url);
    const alerts = () => alertsIn(channel.messages('shared-watch').map((message) => allText([message])));
    await channel.waitFor('shared-watch', () => alerts().length > 0, 8000);
    await pause(1000);
    expect(alerts()).toHaveLength(1);
  });
});
