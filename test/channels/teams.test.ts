import type { Activity } from 'botbuilder';
import { channelActivity } from '../../bot/channels/localChannel';
import { allText, BotHarness } from '../support/botHarness';

/** Activities shaped like Microsoft Teams sends them (Bot Framework / Teams documentation payloads). */
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = { id: '28:alin-bot-app-id', name: 'AL-in Assistant' };

function teamsActivity(bot: BotHarness, conversationId: string, fields: Partial<Activity> & { type: string }, aadObjectId = '00000000-0000-0000-0000-0000000000a1'): Partial<Activity> {
  return {
    ...channelActivity(bot.channel.serviceUrl, conversationId, fields, 'msteams'),
    from: { id: `29:1-${aadObjectId}`, name: 'Camille Martin', aadObjectId, role: 'user' },
    recipient: { ...BOT, role: 'bot' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    channelData: { tenant: { id: TENANT } },
    locale: 'fr-FR',
    ...fields,
  };
}

async function post(bot: BotHarness, activity: Partial<Activity>): Promise<Response> {
  return fetch(`${bot.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
}

describe('Microsoft Teams activities', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start();
  });
  afterAll(() => bot.stop());

  it('welcomes an employee once on install, keyed by their Entra object id', async () => {
    const conversation = 'a:1personal-welcome';
    await post(bot, teamsActivity(bot, conversation, { type: 'conversationUpdate', membersAdded: [{ id: BOT.id, name: BOT.name }] }));
    await post(bot, teamsActivity(bot, conversation, { type: 'installationUpdate', action: 'add' }));
    expect(bot.channel.messages(conversation).filter((message) => message.text?.includes('Bonjour, je suis'))).toHaveLength(1);
    const stored = await bot.app.storage.read(['user:msteams:00000000-0000-0000-0000-0000000000a1']);
    expect(stored['user:msteams:00000000-0000-0000-0000-0000000000a1']).toMatchObject({ welcomedAt: expect.any(String), reference: { channelId: 'msteams' } });
  });

  it('understands a message in a group chat that mentions the bot', async () => {
    const conversation = '19:group-chat@thread.v2';
    const mention = `<at>${BOT.name}</at>`;
    const response = await post(
      bot,
      teamsActivity(bot, conversation, {
        type: 'message',
        text: `${mention} aide`,
        conversation: { id: conversation, conversationType: 'groupChat', isGroup: true, tenantId: TENANT, name: 'RH' },
        entities: [{ type: 'mention', mentioned: BOT, text: mention }],
      }),
    );
    expect(response.status).toBe(200);
    expect(allText(bot.channel.messages(conversation))).toContain('Écrivez simplement');
  });

  it('handles an Action.Submit, then replaces the card so it cannot be submitted again', async () => {
    const conversation = 'a:1personal-submit';
    await post(bot, teamsActivity(bot, conversation, { type: 'message', text: '', value: { intent: 'menu', label: 'Menu' }, replyToId: 'card-1' }));
    const activities = bot.channel.activities(conversation);
    expect(allText(activities.filter((activity) => activity.type === 'message' && !('replaceOf' in activity)))).toContain('[Lier mon numéro unique]');
    const replaced = activities.find((activity) => (activity as { replaceOf?: string }).replaceOf === 'card-1');
    expect(allText([replaced!])).toContain('Choix\u00a0: Menu');
  });

  it('answers a double click on the same card button once', async () => {
    const conversation = 'a:1personal-double';
    const press = () => post(bot, teamsActivity(bot, conversation, { type: 'message', text: '', value: { intent: 'help', label: 'Aide' }, replyToId: 'card-2' }));
    await Promise.all([press(), press()]);
    expect(bot.channel.messages(conversation).filter((message) => message.text?.includes('Écrivez simplement'))).toHaveLength(1);
  });

  it('answers a Universal Action invoke with a refreshed card and runs the action', async () => {
    const conversation = 'a:1personal-invoke';
    const response = await post(
      bot,
      teamsActivity(bot, conversation, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'choose', data: { intent: 'help', label: 'Aide' } }, trigger: 'manual' },
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { statusCode: number; type: string; value: { body: { text: string }[] } };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.body[0]!.text).toContain('Aide');
    expect(allText(bot.channel.messages(conversation))).toContain('Écrivez simplement');
  });

  it('retries a reply the channel throttled with 429, with or without Retry-After', async () => {
    const conversation = 'a:1personal-throttled';
    // The connector's own pipeline retries a 429 that has Retry-After; one without it is ours to retry.
    bot.channel.failures.push({ status: 429, retryAfterSeconds: 0 }, { status: 429 }, { status: 429 });
    const response = await post(bot, teamsActivity(bot, conversation, { type: 'message', text: 'aide' }));
    expect(response.status).toBe(200);
    expect(allText(bot.channel.messages(conversation))).toContain('Écrivez simplement');
    expect(bot.logLines().filter((line) => line.includes('retrying') && line.includes('"status":429')).length).toBeGreaterThanOrEqual(1);
    expect(bot.channel.failures).toHaveLength(0);
  });
});
