import { allText, BotHarness } from '../support/botHarness';
import { PORTAL_TOKEN, simulatorWithClock } from '../support/simulatorClock';
import { TEST_REDIS_URL, testRedis } from '../support/testRedis';

const THOMAS = '0590923000555GDPUB';
const DAY_MS = 24 * 3600 * 1000;

/**
 * Every replica runs the daily check when its scheduler fires (or on a retry): the reminder of a proposal
 * still unanswered reaches the applicant once per deadline all the same, because the two share Redis.
 */
describe('proposal reminders sent by two replicas that share Redis', () => {
  const { prefix, cleanup } = testRedis('proposal-reminders');
  let offsetMs = 0;
  let simulator: Awaited<ReturnType<typeof simulatorWithClock>>;
  let replicas: BotHarness[] = [];

  beforeAll(async () => {
    simulator = await simulatorWithClock();
    const environment = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN, NOTIFY_QUIET_HOURS: 'off', LINK_ATTEMPTS_PER_HOUR: '100' };
    const options = { now: () => new Date(Date.now() + offsetMs) };
    replicas = [await BotHarness.start(environment, options), await BotHarness.start(environment, options)];
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await simulator.close();
    await cleanup();
  });

  // Linked and subscribed through the first replica: its channel receives what either replica sends.
  const say = async (text: string, value?: unknown) => allText(await replicas[0]!.say('thomas-two-replicas', text, value ? { value } : {}));
  const reminders = () => replicas[0]!.channel.messages('thomas-two-replicas').filter((message) => allText([message]).includes('attend votre réponse avant le'));
  const bothReplicasCheck = async () => Promise.all(replicas.map((replica) => replica.app.runDailyDossierCheck()));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

  it('reminds three days before, then one day before, each once, though both replicas ran the check twice', async () => {
    await say(`mon numéro c'est ${THOMAS}`);
    await say(await simulator.outboxCode());
    expect(await say('', { intent: 'notifications', choice: 'on', label: 'Oui, prévenez-moi' })).toContain("C'est noté");

    offsetMs = 3 * DAY_MS;
    await bothReplicasCheck();
    await replicas[0]!.channel.waitFor('thomas-two-replicas', () => reminders().length >= 1);
    await bothReplicasCheck();
    await settle();
    expect(reminders()).toHaveLength(1);

    offsetMs = 5 * DAY_MS;
    await bothReplicasCheck();
    await replicas[0]!.channel.waitFor('thomas-two-replicas', () => reminders().length >= 2);
    await bothReplicasCheck();
    await settle();
    expect(reminders()).toHaveLength(2);
  });
});
