import type { Activity } from 'botbuilder';
import { channelActivity } from '../../bot/channels/localChannel';
import { allText, visibleText, type BotHarness } from '../support/botHarness';
import { conversationsWithPortal } from '../support/portalConversations';

/** Activities shaped as Microsoft Teams sends them from a team's channel (Bot Framework / Teams payloads). */
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const TEAM = '19:helpdesk-general@thread.tacv2';
const CHANNEL = '19:helpdesk-tickets@thread.tacv2';
const GROUP = '6f2a1c3e-0b9d-4e4a-9c1f-2d3b4a5c6d7e';
const BOT = { id: '28:alin-bot-app-id', name: 'AL-in Assistant' };
const person = (name: string, n: number) => ({ id: `29:1-${name.toLowerCase()}`, name, aadObjectId: `00000000-0000-0000-0000-00000000000${n}` });
const ANNE = person('Anne', 1);
const BASILE = person('Basile', 2);
const CHARLES = person('Charles', 3);

type From = ReturnType<typeof person>;
type CardResponse = { statusCode: number; type: string; value: Record<string, unknown> & { body: unknown[]; actions?: { title: string; verb: string; data: unknown }[] } };

function teamsChannelActivity(bot: BotHarness, conversationId: string, from: From, fields: Partial<Activity> & { type: string }, aadGroupId?: string): Partial<Activity> {
  return {
    ...channelActivity(bot.channel.serviceUrl, conversationId, fields, 'msteams'),
    from: { ...from, role: 'user' },
    recipient: { ...BOT, role: 'bot' },
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT, name: 'Tickets' },
    channelData: { team: { id: TEAM, name: 'Service RH', ...(aadGroupId ? { aadGroupId } : {}) }, channel: { id: CHANNEL, name: 'Tickets' }, tenant: { id: TENANT } },
    locale: 'fr-FR',
    ...fields,
  };
}

function teamsPersonalActivity(bot: BotHarness, from: From, fields: Partial<Activity> & { type: string }): Partial<Activity> {
  const conversationId = `a:1personal-${from.name}`;
  return {
    ...channelActivity(bot.channel.serviceUrl, conversationId, fields, 'msteams'),
    from: { ...from, role: 'user' },
    recipient: { ...BOT, role: 'bot' },
    conversation: { id: conversationId, conversationType: 'personal', isGroup: false, tenantId: TENANT, name: '' },
    channelData: { tenant: { id: TENANT } },
    locale: 'fr-FR',
    ...fields,
  };
}

async function post(bot: BotHarness, activity: Partial<Activity>): Promise<Response> {
  return fetch(`${bot.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
}

/**
 * The bot installed in the helpdesk team: Teams sends installationUpdate (with the channel chosen in its
 * dialog) and conversationUpdate teamMemberAdded, both in the team's General channel, in either order.
 */
async function installInTeam(bot: BotHarness, by: From, options: { aadGroupId?: string; selectedChannel?: string } = {}): Promise<void> {
  const general = ({ channelData: extra, ...fields }: Partial<Activity> & { type: string }) => {
    const activity = teamsChannelActivity(bot, TEAM, by, fields, options.aadGroupId);
    const { channel: _channel, ...channelData } = activity.channelData as Record<string, unknown>;
    return { ...activity, channelData: { ...channelData, ...(extra as object) } };
  };
  const settings = options.selectedChannel ? { settings: { selectedChannel: { id: options.selectedChannel } } } : {};
  expect((await post(bot, general({ type: 'installationUpdate', action: 'add', channelData: { ...settings, source: { name: 'message' } } }))).status).toBe(200);
  expect((await post(bot, general({ type: 'conversationUpdate', membersAdded: [{ id: BOT.id, name: BOT.name }], channelData: { eventType: 'teamMemberAdded' } }))).status).toBe(200);
}

/** A person pressing an Action.Execute button of a card in the channel's ticket thread. */
async function press(bot: BotHarness, from: From, verb: string, data: Record<string, unknown>, thread = CHANNEL, trigger = 'manual'): Promise<CardResponse> {
  const response = await post(
    bot,
    teamsChannelActivity(bot, thread, from, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger } }),
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as CardResponse;
  expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return body;
}

const cardText = (response: CardResponse) => visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: response.value }] });

describe('helpdesk agents work urgent tickets from Adaptive Cards in their Teams channel', () => {
  const { running, say } = conversationsWithPortal({ HELPDESK_AGENTS: `${ANNE.aadObjectId},${BASILE.id}` });
  const bot = () => running().bot;
  const seenBy = (conversation: string) => allText(bot().channel.messages(conversation));
  const openTicket = async (conversation: string, story: string) => {
    await say(conversation, story);
    return /ticket n°\u00a0(\S+)\./.exec(await say(conversation, 'oui'))![1]!;
  };
  /** The card posted for the ticket in the channel, and the updates of it since. */
  const postedCard = (ticket: string) => bot().channel.activities(CHANNEL).find((activity) => !('replaceOf' in activity) && visibleText(activity).includes(`**${ticket}**`));
  const updatesOf = (id: string) => bot().channel.activities(CHANNEL).filter((activity) => (activity as { replaceOf?: string }).replaceOf === id);

  beforeAll(async () => {
    bot().channel.teams.set(TEAM, { name: 'Service RH', members: [ANNE, BASILE, CHARLES] });
    await installInTeam(bot(), ANNE, { selectedChannel: CHANNEL });
  });

  it('posts an urgent ticket as a card with Prendre / Répondre / Clore as Universal Actions, refreshed for the agents', async () => {
    const ticket = await openTicket('farid', "mon conjoint me frappe, j'ai peur de rentrer chez moi");
    await bot().channel.waitFor(CHANNEL, () => postedCard(ticket) !== undefined);
    const card = postedCard(ticket)!.attachments![0]!.content as { actions: { type: string; title: string; verb: string; data: unknown }[]; refresh: { action: { verb: string }; userIds: string[] } };
    const text = visibleText(postedCard(ticket)!);
    expect(text).toContain(`🔴 Nouveau ticket URGENT **${ticket}**`);
    expect(text).toMatch(/Catégorie: \S/);
    expect(text).toContain('Urgence: urgent');
    expect(text).toMatch(/Ouvert depuis: (moins d'une minute|\d+ min)/);
    expect(text).toContain('État: en attente');
    expect(text).toContain(`take ${ticket}`);
    expect(card.actions.map(({ type, title, verb }) => [type, title, verb])).toEqual([
      ['Action.Execute', 'Prendre', 'ticket.take'],
      ['Action.Execute', 'Répondre', 'ticket.reply'],
      ['Action.Execute', 'Clore', 'ticket.close'],
    ]);
    expect(card.actions[0]!.data).toEqual({ ticketId: ticket, view: 'ticket' });
    expect(card.refresh.action.verb).toBe('ticket.refresh');
    // Anne is named by her Entra object id: her Teams id is read from the team's roster.
    expect(card.refresh.userIds).toEqual([ANNE.id, BASILE.id]);
    const normal = await openTicket('gaelle', 'je voudrais parler à un conseiller de ma candidature refusée');
    expect(seenBy(CHANNEL)).not.toContain(normal);
  });

  it('lets one agent take the ticket: the card says so for everyone, the applicant is told, and a second agent finds it taken', async () => {
    const ticket = await openTicket('hugo', "on doit quitter l'appartement lundi, l'huissier est passé");
    await bot().channel.waitFor(CHANNEL, () => postedCard(ticket) !== undefined);
    const postId = postedCard(ticket)!.id!;
    const thread = `${CHANNEL};messageid=${postId}`;

    const taken = await press(bot(), ANNE, 'ticket.take', { ticketId: ticket, view: 'ticket' }, thread);
    expect(cardText(taken)).toContain(`Vous avez le ticket ${ticket}`);
    expect(cardText(taken)).toContain('État: pris par Anne');
    expect(taken.value.actions!.map((action) => action.title)).toEqual(['Répondre', 'Clore']);
    await bot().channel.waitFor(CHANNEL, () => updatesOf(postId).length > 0);
    const update = updatesOf(postId).at(-1)!;
    expect(visibleText(update)).toContain('État: pris par Anne');
    expect(visibleText(update)).not.toContain('Vous avez le ticket');
    await bot().channel.waitFor('hugo', () => seenBy('hugo').includes('Anne, conseiller Action Logement, a pris votre demande'));

    const late = await press(bot(), BASILE, 'ticket.take', { ticketId: ticket, view: 'ticket' }, thread);
    expect(cardText(late)).toContain(`Le ticket ${ticket} est déjà pris par Anne.`);
    const refreshed = await press(bot(), BASILE, 'ticket.refresh', { ticketId: ticket, view: 'ticket' }, thread, 'automatic');
    expect(cardText(refreshed)).toContain('État: pris par Anne');
    expect(cardText(refreshed)).not.toContain('déjà pris');

    // The applicant's messages reach the agent in the ticket's thread.
    expect(await say('hugo', "il revient demain avec la police")).toBe('');
    await bot().channel.waitFor(thread, () => seenBy(thread).includes('il revient demain'));
  });

  it('sends the reply typed in the card to the applicant, then closes the ticket for everyone', async () => {
    const ticket = await openTicket('ines', "mon conjoint me frappe, j'ai peur de rentrer chez moi");
    await bot().channel.waitFor(CHANNEL, () => postedCard(ticket) !== undefined);
    const postId = postedCard(ticket)!.id!;

    const empty = await press(bot(), ANNE, 'ticket.reply', { ticketId: ticket, view: 'ticket', reply: '  ' });
    expect(cardText(empty)).toContain('Écrivez votre réponse dans le champ');
    const replied = await press(bot(), ANNE, 'ticket.reply', { ticketId: ticket, view: 'ticket', reply: 'Bonjour, je vous appelle dans cinq minutes.' });
    expect(cardText(replied)).toContain(`Transmis à l'usager (${ticket})`);
    await bot().channel.waitFor('ines', () => seenBy('ines').includes('je vous appelle dans cinq minutes'));
    expect(seenBy('ines')).toContain('💬 Anne (Action Logement)\u00a0: Bonjour, je vous appelle dans cinq minutes.');

    const closed = await press(bot(), ANNE, 'ticket.close', { ticketId: ticket, view: 'ticket' });
    expect(cardText(closed)).toContain(`Ticket ${ticket} clos`);
    expect(cardText(closed)).toContain('État: clos');
    expect(closed.value.actions).toEqual([]);
    await bot().channel.waitFor('ines', () => seenBy('ines').includes('Le conseiller a clos votre demande'));
    await bot().channel.waitFor(CHANNEL, () => updatesOf(postId).some((update) => visibleText(update).includes('État: clos')));
    expect(await say('ines', 'aide')).toContain('Écrivez simplement ce que vous cherchez');
  });

  it('refuses the buttons to someone who is not a helpdesk agent, and changes nothing', async () => {
    const ticket = await openTicket('jade', "mon conjoint me frappe, j'ai peur de rentrer chez moi");
    await bot().channel.waitFor(CHANNEL, () => postedCard(ticket) !== undefined);
    const refused = await press(bot(), CHARLES, 'ticket.take', { ticketId: ticket, view: 'ticket' });
    expect(cardText(refused)).toContain('réservé aux agents du service RH');
    expect(refused.value.actions ?? []).toEqual([]);
    expect(updatesOf(postedCard(ticket)!.id!)).toHaveLength(0);
    expect(cardText(await press(bot(), ANNE, 'ticket.refresh', { ticketId: ticket, view: 'ticket' }))).toContain('État: en attente');
  });

  it('answers `queue` with one card of the open tickets, each waiting one with Prendre, and takes from it', async () => {
    const ticket = await openTicket('karim', "on doit quitter l'appartement lundi, l'huissier est passé");
    const response = await post(bot(), teamsPersonalActivity(bot(), BASILE, { type: 'message', text: 'queue' }));
    expect(response.status).toBe(200);
    const messages = bot().channel.messages(`a:1personal-${BASILE.name}`);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.attachments).toHaveLength(1);
    const queue = visibleText(messages[0]!);
    expect(queue).toContain('Tickets ouverts');
    expect(queue).toContain('pris par Anne');
    const card = JSON.stringify(messages[0]!.attachments![0]!.content);
    expect(card).toContain(JSON.stringify({ ticketId: ticket, view: 'queue' }));

    const fromQueue = await post(
      bot(),
      teamsPersonalActivity(bot(), BASILE, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'ticket.take', data: { ticketId: ticket, view: 'queue' } }, trigger: 'manual' },
      }),
    );
    const answer = (await fromQueue.json()) as CardResponse;
    expect(cardText(answer)).toContain(`Vous avez le ticket ${ticket}`);
    expect(cardText(answer)).toContain('Tickets ouverts');
    expect(cardText(answer)).toContain('pris par Basile');
    await bot().channel.waitFor(CHANNEL, () => updatesOf(postedCard(ticket)!.id!).some((update) => visibleText(update).includes('pris par Basile')));
  });

  it('keeps the typed commands: a `take` updates the channel card too', async () => {
    const ticket = await openTicket('lea', "mon conjoint me frappe, j'ai peur de rentrer chez moi");
    await bot().channel.waitFor(CHANNEL, () => postedCard(ticket) !== undefined);
    await post(bot(), teamsPersonalActivity(bot(), ANNE, { type: 'message', text: `take ${ticket}` }));
    expect(seenBy(`a:1personal-${ANNE.name}`)).toContain(`Vous avez le ticket ${ticket}`);
    await bot().channel.waitFor(CHANNEL, () => updatesOf(postedCard(ticket)!.id!).some((update) => visibleText(update).includes('pris par Anne')));
  });
});

describe('helpdesk agents named by an Entra group: the members of the helpdesk team that is this group', () => {
  const { running } = conversationsWithPortal({ HELPDESK_AGENT_GROUP: GROUP });
  const bot = () => running().bot;
  const queueBy = async (from: From) => {
    const before = bot().channel.messages(`a:1personal-${from.name}`).length;
    await post(bot(), teamsPersonalActivity(bot(), from, { type: 'message', text: 'queue' }));
    return allText(bot().channel.messages(`a:1personal-${from.name}`).slice(before));
  };

  beforeAll(async () => {
    bot().channel.teams.set(TEAM, { name: 'Service RH', aadGroupId: GROUP, members: [ANNE, BASILE] });
    // Installed by someone who is not named anywhere: the team is the agent group's, so its channel is the helpdesk's.
    await installInTeam(bot(), CHARLES, { aadGroupId: GROUP });
  });

  it('takes no one for an agent while the roster cannot be read, and says why in the log', async () => {
    bot().channel.teams.get(TEAM)!.failWith = 403;
    expect(await queueBy(ANNE)).not.toContain('Tickets ouverts');
    expect(bot().logLines().some((line) => line.includes('helpdesk team roster not read') && line.includes('"status":403'))).toBe(true);
    const refused = await press(bot(), ANNE, 'ticket.refresh', { ticketId: 'HD-1', view: 'ticket' });
    expect(cardText(refused)).toContain('réservé aux agents du service RH');
  });

  it('takes a member of the team for an agent, and a non-member not, reading the roster once for both', async () => {
    delete bot().channel.teams.get(TEAM)!.failWith;
    const readsBefore = bot().channel.teamsReads.length;
    expect(await queueBy(ANNE)).toMatch(/Tickets ouverts|Aucun ticket ouvert/);
    expect(await queueBy(BASILE)).toMatch(/Tickets ouverts|Aucun ticket ouvert/);
    expect(await queueBy(CHARLES)).not.toMatch(/Tickets ouverts|Aucun ticket ouvert/);
    expect(bot().channel.teamsReads.slice(readsBefore)).toEqual([`GET /v3/conversations/${encodeURIComponent(TEAM)}/pagedmembers`]);
  });
});
