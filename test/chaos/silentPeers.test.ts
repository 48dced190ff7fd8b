import { createServer, type Server, type Socket } from 'node:net';
import { allText, BotHarness } from '../support/botHarness';

/**
 * Peers that accept the connection and never answer: every outgoing call has a deadline, so the turn
 * is released (its HTTP request answered, its conversation lock freed), the failure counted, and the
 * conversation goes on once the peer is back.
 */
describe('a channel that takes replies and never answers', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start({ REPLY_TIMEOUT_MS: '1000' });
  });
  afterAll(() => bot.stop());

  it('releases the turn within the reply deadline, counts the undelivered replies, and answers the next message', async () => {
    bot.channel.unanswering = true;
    const startedAt = performance.now();
    const { status } = await bot.send('silent-channel', { type: 'message', text: 'bonjour' });
    const heldMs = performance.now() - startedAt;
    expect(status).toBe(200);
    // The deadline, plus the turn itself and a busy machine; without one the request never ended.
    expect(heldMs).toBeGreaterThanOrEqual(1000);
    expect(heldMs).toBeLessThan(6000);

    bot.channel.unanswering = false;
    const startedAgain = performance.now();
    const next = await bot.say('silent-channel', 'aide');
    // The conversation's lock was freed: no wait for it (it would be 10 s).
    expect(performance.now() - startedAgain).toBeLessThan(5000);
    expect(allText(next)).toMatch(/\S/);

    const metrics = await (await fetch(`${bot.botUrl}/metrics`)).text();
    expect(Number(/^alin_replies_undelivered_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(bot.logLines().some((line) => line.includes('replies not delivered; dropped'))).toBe(true);
  });
});

describe('a Redis that takes commands and never answers', () => {
  const sockets = new Set<Socket>();
  const silent: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let bot: BotHarness;
  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const { port } = silent.address() as { port: number };
    bot = await BotHarness.start({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_COMMAND_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    await bot.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('answers the turn with an apology within the command deadline instead of hanging', async () => {
    const startedAt = performance.now();
    const { status, messages } = await bot.send('silent-redis', { type: 'message', text: 'aide' });
    expect(status).toBe(200);
    expect(performance.now() - startedAt).toBeLessThan(8000);
    expect(allText(messages)).toContain('Désolé, un problème technique');
  });
});
