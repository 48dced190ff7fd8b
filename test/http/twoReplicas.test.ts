import { channelActivity, LocalChannel, postActivity } from '../../bot/channels/localChannel';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { allText, sendThrough } from '../support/botHarness';
import { storedDocument, TEST_REDIS_URL, testRedis } from '../support/testRedis';

describe('two bot processes sharing Redis', () => {
  const { redis, prefix, cleanup } = testRedis('replicas');
  const channel = new LocalChannel();
  let replicas: BotProcess[] = [];

  beforeAll(async () => {
    await channel.start();
    const environment = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
    replicas = await Promise.all([startBotProcess(environment), startBotProcess(environment)]);
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await channel.stop();
    await cleanup();
  });

  const post = (replica: number, conversationId: string, fields: Parameters<typeof channelActivity>[2]) =>
    postActivity(replicas[replica]!.url, channelActivity(channel.serviceUrl, conversationId, fields));

  it('serves alternate turns of one conversation from the state the other replica saved', async () => {
    await post(0, 'alternate', { type: 'conversationUpdate', membersAdded: [{ id: 'alin-bot', name: 'bot' }] });
    await post(1, 'alternate', { type: 'installationUpdate', action: 'add' });
    expect(channel.messages('alternate').filter((message) => message.text?.includes('Bonjour'))).toHaveLength(1);

    await post(0, 'alternate', { type: 'message', text: 'english' });
    await post(1, 'alternate', { type: 'message', text: 'aide' });
    expect(channel.messages('alternate').at(-1)?.text).toContain('Just write what you are looking for');
  });

  it('leaves the state keys under the configured prefix', async () => {
    const keys = await redis.keys(`${prefix}*`);
    expect(keys).toEqual(expect.arrayContaining([`${prefix}conversation:emulator:alternate`, `${prefix}user:emulator:user-alternate`]));
    expect(await redis.ttl(`${prefix}conversation:emulator:alternate`)).toBeGreaterThan(89 * 24 * 3600);
  });

  it('loses no update when messages of one conversation reach both replicas at once', async () => {
    const texts = Array.from({ length: 8 }, (_, index) => `aide ${index}`);
    const statuses = await Promise.all(texts.map((text, index) => post(index % 2, 'simultaneous', { type: 'message', text })));
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(channel.messages('simultaneous')).toHaveLength(texts.length);

    const stored = await redis.get(`${prefix}conversation:emulator:simultaneous`);
    const conversation = JSON.parse(stored!.slice(stored!.indexOf('\n') + 1)) as { transcript: { from: string; text: string }[] };
    const userLines = conversation.transcript.filter((line) => line.from === 'user').map((line) => line.text);
    expect(userLines.sort()).toEqual([...texts].sort());
  });

  it('keeps a dialog in progress consistent when its turns land on both replicas, two of them at once', async () => {
    const say = async (replica: number, text: string) => allText((await sendThrough(channel, replicas[replica]!.url, 'dialog', { type: 'message', text })).messages);
    expect(await say(0, 'suis-je éligible ?')).toContain('Dans quelle commune');
    expect(await say(1, 'Villeurbanne')).toContain('Combien de personnes');

    // The answer to the current step on one replica, a language change (the user document) on the other.
    const statuses = await Promise.all([post(0, 'dialog', { type: 'message', text: '2' }), post(1, 'dialog', { type: 'message', text: 'english' })]);
    expect(statuses).toEqual([200, 200]);
    expect(await storedDocument(redis, `${prefix}user:emulator:user-dialog`)).toMatchObject({ language: 'en' });
    // Whichever ran first, both did, one after the other: the dialog is past the household size, in English.
    expect(await say(0, '28 000 €')).toContain('Who makes up your household?');
  });

  it('answers once when the same activity reaches both replicas', async () => {
    const activity = channelActivity(channel.serviceUrl, 'twice', { type: 'message', text: 'aide' });
    await Promise.all([postActivity(replicas[0]!.url, activity), postActivity(replicas[1]!.url, activity)]);
    expect(channel.messages('twice')).toHaveLength(1);
  });

  it('stops link attempts at the limit whichever replica each attempt reaches, for the user and for the number', async () => {
    // LINK_ATTEMPTS_PER_HOUR is 5 by default; an unknown number gets the same answer as a known one.
    const unknownNumber = '099-0101-999999-ZZZZZ';
    const attempt = async (replica: number, conversationId: string) => {
      const before = channel.messages(conversationId).length;
      await post(replica, conversationId, { type: 'message', text: `mon numéro c'est ${unknownNumber}` });
      const answer = channel.messages(conversationId).slice(before).map((message) => message.text ?? '').join('\n');
      await post(replica, conversationId, { type: 'message', text: 'annuler' });
      return answer;
    };
    // Alternating replicas: each one alone has seen at most three attempts.
    for (let index = 0; index < 5; index++) expect(await attempt(index % 2, 'brute-force')).toContain('code à 6 chiffres');
    expect(await attempt(1, 'brute-force')).toMatch(/Trop de tentatives de liaison/);
    // Another chat user, on the other replica, trying the same number: the number's own limit holds.
    expect(await attempt(0, 'brute-force-accomplice')).toMatch(/Trop de tentatives de liaison/);
  });

  it('reports ready when Redis answers', async () => {
    const response = await fetch(`${replicas[0]!.url}/readyz`);
    expect(await response.json()).toMatchObject({ status: 'ready', checks: { storage: 'ok' } });
  });
});
