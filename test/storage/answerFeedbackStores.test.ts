import { MemoryAnswerFeedbackStore, RedisAnswerFeedbackStore, type AnswerFeedbackStore } from '../../bot/storage/answerFeedbackStores';
import { testRedis } from '../support/testRedis';

const redisConnection = testRedis('feedback');
afterAll(() => redisConnection.cleanup());

const day = new Date('2026-12-07T10:00:00Z');
const stores: [string, () => AnswerFeedbackStore][] = [
  ['memory', () => new MemoryAnswerFeedbackStore(() => day)],
  ['Redis', () => new RedisAnswerFeedbackStore(redisConnection.redis, `${redisConnection.prefix}${Math.random().toString(36).slice(2)}:`, () => day)],
];

describe.each(stores)('"Utile ? 👍 👎" kept in %s', (_name, create) => {
  it('counts per answer, language, channel, verdict and day, and nothing else', async () => {
    const store = create();
    await store.record({ answer: 'number-where', useful: true, language: 'fr', channel: 'webchat' });
    await store.record({ answer: 'number-where', useful: true, language: 'fr', channel: 'webchat' });
    await store.record({ answer: 'number-where', useful: false, language: 'en', channel: 'msteams' });
    expect(await store.countsOf('2026-12-07')).toEqual({ 'number-where|fr|webchat|useful': 2, 'number-where|en|msteams|notUseful': 1 });
    expect(await store.countsOf('2026-12-06')).toEqual({});
  });
});

it('keeps the Redis counts for a limited time', async () => {
  const prefix = `${redisConnection.prefix}ttl:`;
  await new RedisAnswerFeedbackStore(redisConnection.redis, prefix, () => day).record({ answer: 'renewal-how', useful: true, language: 'fr', channel: 'webchat' });
  const ttl = await redisConnection.redis.ttl(`${prefix}feedback:2026-12-07`);
  expect(ttl).toBeGreaterThan(300 * 24 * 3600);
  expect(ttl).toBeLessThanOrEqual(400 * 24 * 3600);
});
