import { channelActivity, LocalChannel, postActivity } from '../../bot/channels/localChannel';
import { startSimulator, type RunningSimulator } from '../../simulator/startSimulator';
import { allText, sendThrough } from '../support/botHarness';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { clearPortalFaults, injectPortalFault, newestOutboxCode, PORTAL_TOKEN } from '../support/simulatorDevRoutes';
import { TEST_REDIS_URL, testRedis } from '../support/testRedis';

/**
 * A replica stopped while a turn waits on a slow portal: either the turn finishes and is answered, or it
 * is not acknowledged and the channel's redelivery is answered by another replica. Never an answer
 * promised and lost, never a message dropped as a "duplicate" of a turn that did not happen.
 */
describe('stopping a replica in the middle of a turn', () => {
  const { prefix, cleanup } = testRedis('chaos-shutdown');
  const channel = new LocalChannel();
  let simulator: RunningSimulator;
  const started: BotProcess[] = [];

  const startReplica = async (environment: NodeJS.ProcessEnv = {}) => {
    const replica = await startBotProcess({
      PORTAL_BASE_URL: simulator.url,
      PORTAL_TOKEN,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      LINK_ATTEMPTS_PER_HOUR: '100',
      ...environment,
    });
    started.push(replica);
    return replica;
  };
  const say = async (replica: BotProcess, conversation: string, text: string) =>
    allText((await sendThrough(channel, replica.url, conversation, { type: 'message', text })).messages);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, token: PORTAL_TOKEN, maxActiveApplications: 5 });
    await channel.start();
  });
  afterEach(() => clearPortalFaults(simulator.url));
  afterAll(async () => {
    await Promise.all(started.map((replica) => replica.stop('SIGKILL')));
    await channel.stop();
    await simulator.close();
    await cleanup();
  });

  it('finishes the turn waiting on a slow portal call, answers it, then exits cleanly', async () => {
    const replica = await startReplica();
    await injectPortalFault(simulator.url, { route: '/alin/v1/offers*', kind: 'latency', latencyMs: 1500 });
    const turn = sendThrough(channel, replica.url, 'slow-search', { type: 'message', text: 'un T2 à Lyon' });
    await pause(400);
    const exit = replica.stop('SIGTERM');

    const { status, messages } = await turn;
    expect(status).toBe(200);
    expect(allText(messages)).toMatch(/offres? à Lyon, en T2/);
    expect(await exit).toBe(0);
  });

  it('delivers the answer it promised with "I\'m on it" before exiting', async () => {
    const replica = await startReplica({ TURN_ANSWER_BUDGET_MS: '500' });
    await say(replica, 'promised', "mon numéro c'est 0691124000101GDPUB");
    expect(await say(replica, 'promised', await newestOutboxCode(simulator.url))).toContain('est liée');
    await injectPortalFault(simulator.url, { route: '/alin/v1/applicants/*', kind: 'latency', latencyMs: 2000, count: 1 });

    expect(await say(replica, 'promised', 'où en est mon dossier')).toContain("Je m'en occupe");
    expect(await replica.stop('SIGTERM')).toBe(0);
    expect(allText(channel.messages('promised'))).toContain('Votre demande n°');
  });

  it('leaves a turn cut off by a crash unacknowledged, and another replica answers its redelivery', async () => {
    const [crashing, survivor] = await Promise.all([startReplica(), startReplica()]);
    await injectPortalFault(simulator.url, { route: '/alin/v1/offers*', kind: 'latency', latencyMs: 3000, count: 1 });
    const activity = channelActivity(channel.serviceUrl, 'redelivered', { type: 'message', text: 'un T2 à Villeurbanne' });
    const firstDelivery = postActivity(crashing.url, activity).catch(() => 'not acknowledged');
    await pause(500);
    await crashing.stop('SIGKILL');
    expect(await firstDelivery).toBe('not acknowledged');

    // The channel delivers the same activity again, here to the other replica.
    expect(await postActivity(survivor.url, activity)).toBe(200);
    expect(allText(channel.messages('redelivered'))).toMatch(/offres? à Villeurbanne, en T2/);
  });
});
