import { WebSocket } from 'ws';
import { allText, BotHarness } from '../support/botHarness';

// botframework-directlinejs expects browser globals, even in polling mode (STACK-NOTES.md).
(globalThis as Record<string, unknown>).WebSocket ??= WebSocket;
(globalThis as Record<string, unknown>).XMLHttpRequest ??= require('xhr2');
const { DirectLine } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');

interface Session {
  token: string;
  conversationId: string;
  expiresIn: number;
  domain: string;
  cookie: string;
}

async function webChatSession(bot: BotHarness, cookie?: string): Promise<Session> {
  const response = await fetch(`${bot.botUrl}/api/webchat/token`, { method: 'POST', headers: cookie ? { cookie } : {} });
  expect(response.status).toBe(200);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { ...((await response.json()) as Omit<Session, 'cookie'>), cookie: setCookie.split(';')[0]! };
}

type ClientActivity = { type: string; text?: string; from: { id: string; role?: string }; attachments?: unknown[] };

/** A Direct Line client as Web Chat uses it, collecting what it receives. */
function connect(session: Session, options: { resume?: boolean; webSocket?: boolean } = {}) {
  const client = new DirectLine({
    token: session.token,
    domain: session.domain,
    webSocket: options.webSocket ?? true,
    conversationId: options.resume ? session.conversationId : undefined,
    watermark: options.resume ? '0' : undefined,
    pollingInterval: 200,
  });
  const received: ClientActivity[] = [];
  const subscription = client.activity$.subscribe({ next: (activity) => void received.push(activity as ClientActivity), error: () => undefined });
  const until = async (predicate: (activities: ClientActivity[]) => boolean, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(received)) {
      if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(received.map((a) => `${a.from.id}:${a.type}:${a.text ?? ''}`))}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const post = (activity: Record<string, unknown>) =>
    new Promise<string>((resolve, reject) => client.postActivity(activity as never).subscribe({ next: resolve, error: reject }));
  const end = () => {
    subscription.unsubscribe();
    client.end();
  };
  return { client, received, until, post, end };
}

const botMessages = (activities: ClientActivity[]) => activities.filter((a) => a.type === 'message' && a.from.role !== 'user' && a.from.id === 'alin-bot');

describe('the local Direct Line bridge, with the real Direct Line client', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start();
  });
  afterAll(() => bot.stop());

  it('welcomes on the join event, answers a message, and binds the user id server-side', async () => {
    const session = await webChatSession(bot);
    expect(session.cookie).toMatch(/^alin_uid=dl_[A-Za-z0-9_-]{22,}$/);
    const chat = connect(session);
    try {
      await chat.post({ type: 'event', name: 'webchat/join', value: { language: 'fr' }, from: { id: 'whoever' } });
      await chat.until((activities) => allText(botMessages(activities) as never).includes("Bonjour, je suis l'assistant AL-in"));
      await chat.post({ type: 'message', text: 'aide', from: { id: 'someone-else-entirely' } });
      await chat.until((activities) => allText(botMessages(activities) as never).includes('Écrivez simplement'));
      const mine = chat.received.filter((activity) => activity.type === 'message' && activity.text === 'aide');
      expect(mine[0]?.from.id).toBe(session.cookie.split('=')[1]);
    } finally {
      chat.end();
    }
  });

  it('resumes the conversation after a reload, with its history, and does not welcome twice', async () => {
    const session = await webChatSession(bot);
    const first = connect(session);
    await first.post({ type: 'event', name: 'webchat/join', value: {}, from: { id: 'x' } });
    await first.post({ type: 'message', text: 'aide', from: { id: 'x' } });
    await first.until((activities) => botMessages(activities).length >= 3);
    first.end();

    const reloaded = connect(session, { resume: true });
    try {
      await reloaded.until((activities) => botMessages(activities).length >= 3);
      await reloaded.post({ type: 'event', name: 'webchat/join', value: {}, from: { id: 'x' } });
      await reloaded.post({ type: 'message', text: 'menu', from: { id: 'x' } });
      await reloaded.until((activities) => botMessages(activities).length >= 4);
      const welcomes = botMessages(reloaded.received).filter((activity) => activity.text?.includes('Bonjour, je suis'));
      expect(welcomes).toHaveLength(1);
    } finally {
      reloaded.end();
    }
  });

  it('works over polling (get activities with a watermark) as well as WebSocket', async () => {
    const chat = connect(await webChatSession(bot), { webSocket: false });
    try {
      await chat.post({ type: 'message', text: 'help', locale: 'en-US', from: { id: 'x' } });
      await chat.until((activities) => allText(botMessages(activities) as never).includes('Just write'));
    } finally {
      chat.end();
    }
  });

  it('keeps the same user across token requests from the same browser, and refreshes tokens', async () => {
    const first = await webChatSession(bot);
    const second = await webChatSession(bot, first.cookie);
    expect(second.cookie).toBe(first.cookie);
    const refreshed = await fetch(`${first.domain}/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${first.token}` } });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({ conversationId: first.conversationId, expires_in: 1800 });
  });

  it('refuses a token for someone else\'s conversation and a forged token', async () => {
    const alice = await webChatSession(bot);
    const mallory = await webChatSession(bot);
    const stolen = await fetch(`${alice.domain}/conversations/${alice.conversationId}/activities`, { headers: { authorization: `Bearer ${mallory.token}` } });
    expect(stolen.status).toBe(403);
    const forged = await fetch(`${alice.domain}/conversations`, { method: 'POST', headers: { authorization: 'Bearer forged' } });
    expect(forged.status).toBe(403);
  });
});

describe('the Direct Line bridge in a bot that authenticates its traffic', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' });
  });
  afterAll(() => bot.stop());

  it('is not mounted, and the token route says Web Chat is not configured', async () => {
    expect((await fetch(`${bot.botUrl}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
    const token = await fetch(`${bot.botUrl}/api/webchat/token`, { method: 'POST' });
    expect(token.status).toBe(503);
  });
});
