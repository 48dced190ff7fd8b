import { channelActivity } from '../../bot/channels/localChannel';
import { allText, BotHarness } from '../support/botHarness';

describe('the HTTP endpoints of a bot started with nothing configured', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start();
  });
  afterAll(() => bot.stop());

  it('answers /healthz', async () => {
    const response = await fetch(`${bot.botUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('reports ready on /readyz when storage answers', async () => {
    const response = await fetch(`${bot.botUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', checks: { storage: 'ok' } });
  });

  it('welcomes a new user in French with the main tasks as buttons', async () => {
    const { status, messages } = await bot.send('welcome-fr', {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-welcome-fr', name: 'User' }, { id: 'alin-bot', name: 'AL-in Assistant' }],
    });
    expect(status).toBe(200);
    const seen = allText(messages);
    expect(seen).toContain("Bonjour, je suis l'assistant AL-in");
    expect(seen).toContain('[Lier mon numéro unique]');
    expect(seen).toContain('[Parler à un conseiller]');
  });

  it('welcomes a user once, even when conversationUpdate and installationUpdate both arrive', async () => {
    const first = await bot.send('welcome-once', { type: 'conversationUpdate', membersAdded: [{ id: 'alin-bot', name: 'bot' }] });
    const second = await bot.send('welcome-once', { type: 'installationUpdate', action: 'add' });
    expect(first.messages.length).toBeGreaterThan(0);
    expect(second.messages).toHaveLength(0);
  });

  it('welcomes a group once when the bot is added, not once per member', async () => {
    const group = { id: 'group-1', isGroup: true, conversationType: 'groupChat', name: 'HR' };
    const botAdded = await bot.send('group-1', { type: 'conversationUpdate', conversation: group, membersAdded: [{ id: 'alin-bot', name: 'bot' }] });
    const memberAdded = await bot.send('group-1', {
      type: 'conversationUpdate',
      conversation: group,
      from: { id: 'someone-else', name: 'B' },
      membersAdded: [{ id: 'someone-else', name: 'B' }],
    });
    expect(allText(botAdded.messages)).toContain('Bonjour');
    expect(memberAdded.messages).toHaveLength(0);
  });

  it('answers in English when the activity locale is en-US', async () => {
    const messages = await bot.say('english-locale', 'help', { locale: 'en-US' });
    expect(allText(messages)).toContain('Just write what you are looking for');
  });

  it('answers in French when the locale is missing', async () => {
    const messages = await bot.say('no-locale', 'aide');
    expect(allText(messages)).toContain('Écrivez simplement ce que vous cherchez');
  });

  it('refuses a body larger than the limit with 413', async () => {
    const huge = channelActivity(bot.channel.serviceUrl, 'huge', { type: 'message', text: 'x'.repeat(300 * 1024) });
    const response = await fetch(`${bot.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(huge) });
    expect(response.status).toBe(413);
  });

  it('refuses malformed JSON with 400 and a non-JSON body with 415', async () => {
    const malformed = await fetch(`${bot.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "mess' });
    expect(malformed.status).toBe(400);
    const text = await fetch(`${bot.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
  });

  it('processes an activity delivered twice only once', async () => {
    const activity = channelActivity(bot.channel.serviceUrl, 'redelivered', { type: 'message', text: 'aide' });
    const post = () => fetch(`${bot.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const statuses = await Promise.all([post(), post()]);
    await post();
    expect(statuses.map((response) => response.status)).toEqual([200, 200]);
    expect(bot.channel.messages('redelivered')).toHaveLength(1);
  });
});
