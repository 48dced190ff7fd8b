import { channelActivity, LocalChannel, postActivity } from '../../bot/channels/localChannel';
import { allText } from '../support/botHarness';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { postPortalEvent, stageChanged, TEST_NOTIFY_SECRET } from '../support/portalEvents';
import { PORTAL_TOKEN, simulatorWithClock } from '../support/simulatorClock';
import { TEST_REDIS_URL, testRedis } from '../support/testRedis';

describe('portal events reaching two bot processes that share Redis', () => {
  const { redis, prefix, cleanup } = testRedis('notify');
  const channel = new LocalChannel();
  let simulator: Awaited<ReturnType<typeof simulatorWithClock>>;
  let replicas: BotProcess[] = [];
  let applicantId = '';

  beforeAll(async () => {
    simulator = await simulatorWithClock();
    await channel.start();
    const environment = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN, NOTIFY_SECRET: TEST_NOTIFY_SECRET, NOTIFY_QUIET_HOURS: 'off' };
    replicas = await Promise.all([startBotProcess(environment), startBotProcess(environment)]);
    // Linked and subscribed through the first replica; the state lives in Redis.
    await post(0, { type: 'message', text: "mon numéro c'est 0691124000101GDPUB" });
    await post(0, { type: 'message', text: await simulator.outboxCode() });
    await post(0, { type: 'message', text: '', value: { intent: 'notifications', choice: 'on' } });
    const stored = await redis.get(`${prefix}user:emulator:user-julie`);
    applicantId = (JSON.parse(stored!.slice(stored!.indexOf('\n') + 1)) as { link: { applicantId: string } }).link.applicantId;
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await channel.stop();
    await simulator.close();
    await cleanup();
  });

  const post = (replica: number, fields: Parameters<typeof channelActivity>[2]) => postActivity(replicas[replica]!.url, channelActivity(channel.serviceUrl, 'julie', fields));
  const notifications = () => channel.messages('julie').filter((message) => allText([message]).includes('Du nouveau sur votre dossier'));

  it('sends one message when the same event reaches both replicas at once', async () => {
    const event = stageChanged(applicantId, 'under_review');
    const answers = await Promise.all(replicas.map((replica) => postPortalEvent(replica.url, event)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 202]);
    await channel.waitFor('julie', () => notifications().length > 0);
    // Both workers poll the same queue: time for a second, wrong, delivery to show up.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(notifications()).toHaveLength(1);
  });

  it('sends each of several events once, whichever replica takes the job', async () => {
    const before = notifications().length;
    const events = [stageChanged(applicantId, 'in_commission'), stageChanged(applicantId, 'refused'), stageChanged(applicantId, 'withdrawn')];
    for (const [index, event] of events.entries()) expect((await postPortalEvent(replicas[index % 2]!.url, event)).status).toBe(202);
    await channel.waitFor('julie', () => notifications().length >= before + events.length);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(notifications()).toHaveLength(before + events.length);
  });
});
