import { channelActivity, LocalChannel, postActivity } from '../../bot/channels/localChannel';
import { visibleText } from '../support/botHarness';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { TEST_REDIS_URL, testRedis } from '../support/testRedis';

/** The limits are counted in Redis: a client that spreads its requests over the replicas meets them all the same. */
describe('rate limits shared by two replicas', () => {
  const { redis, prefix, cleanup } = testRedis('rate-limits');
  const channel = new LocalChannel();
  let replicas: BotProcess[] = [];

  beforeAll(async () => {
    await channel.start();
    const environment = {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      WEBCHAT_TOKENS_PER_ADDRESS_PER_MINUTE: '4',
      WEBCHAT_TOKENS_PER_ORIGIN_PER_MINUTE: '6',
      TURNS_PER_USER_PER_MINUTE: '4',
      TURNS_PER_CONVERSATION_PER_MINUTE: '6',
    };
    replicas = await Promise.all([startBotProcess(environment), startBotProcess(environment)]);
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await channel.stop();
    await cleanup();
  });

  const token = async (replica: number, headers: Record<string, string> = {}) => {
    const response = await fetch(`${replicas[replica]!.url}/api/webchat/token`, { method: 'POST', headers });
    await response.text();
    return { status: response.status, retryAfter: response.headers.get('retry-after') };
  };

  it('hands out Web Chat tokens per client address up to the limit, then 429 with Retry-After, whichever replica is asked', async () => {
    const statuses = [];
    for (let index = 0; index < 6; index++) statuses.push((await token(index % 2)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const refused = await token(1);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  });

  it('counts turns per user across replicas: past the limit one calm sentence, and no turn runs', async () => {
    const say = (replica: number, conversationId: string, text: string) =>
      postActivity(replicas[replica]!.url, channelActivity(channel.serviceUrl, conversationId, { type: 'message', text, from: { id: 'hasty-user', name: 'Hasty' } }));
    // One user in two conversations (Teams and a second tab), alternating replicas.
    for (let index = 0; index < 4; index++) expect(await say(index % 2, `hasty-${index % 2}`, 'aide')).toBe(200);
    const answeredBefore = [...channel.messages('hasty-0'), ...channel.messages('hasty-1')].length;
    expect(answeredBefore).toBe(4);

    for (let index = 0; index < 4; index++) expect(await say(index % 2, 'hasty-0', 'aide')).toBe(200);
    const refusedReplies = channel.messages('hasty-0').slice(2).map((message) => visibleText(message));
    expect(refusedReplies).toEqual([expect.stringContaining('Un instant')]);
  });

  it('counts turns per conversation across replicas (a group chat where several people write)', async () => {
    for (let index = 0; index < 8; index++) {
      await postActivity(replicas[index % 2]!.url, channelActivity(channel.serviceUrl, 'busy-group', { type: 'message', text: 'aide', from: { id: `member-${index}`, name: 'Member' } }));
    }
    const replies = channel.messages('busy-group').map((message) => visibleText(message));
    expect(replies).toHaveLength(7);
    expect(replies.at(-1)).toContain('Un instant');
  });

  it('counts each refusal in /metrics, and keeps only digests of the keys in Redis', async () => {
    const metrics = (await Promise.all(replicas.map(async (replica) => (await fetch(`${replica.url}/metrics`)).text()))).join('\n');
    const refused = (limit: string) =>
      [...metrics.matchAll(new RegExp(`^alin_rate_limited_total\\{limit="${limit}"\\} (\\d+)`, 'gm'))].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(refused('tokenAddress')).toBeGreaterThanOrEqual(3);
    expect(refused('user')).toBe(4);
    expect(refused('conversation')).toBe(2);
    const keys = await redis.keys(`${prefix}limit:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/hasty|busy-group|127\.0\.0\.1/);
  });
});
