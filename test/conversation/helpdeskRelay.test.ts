import { allText } from '../support/botHarness';
import { conversationsWithPortal } from '../support/portalConversations';

const AGENT = { id: 'agent-claire', name: 'Claire', role: 'user' };
const CHANNEL = '19:helpdesk@thread.tacv2';

describe('the relay between an applicant and a helpdesk agent in Teams, without a hub', () => {
  const { running, say, sayWith } = conversationsWithPortal({ HELPDESK_AGENTS: `${AGENT.id},someone-else` });
  const agentSays = (text: string) => sayWith('desk', text, { from: AGENT });
  const bot = () => running().bot;
  const seenBy = (conversation: string) => allText(bot().channel.messages(conversation));
  const openTicket = async (conversation: string, story = 'je voudrais parler à un conseiller de ma candidature refusée') => {
    await say(conversation, story);
    return /ticket n°\u00a0(\S+)\./.exec(await say(conversation, 'oui'))![1]!;
  };

  it('lets an agent list the queue, urgent first, and take a ticket: the applicant is told who took it', async () => {
    const normal = await openTicket('amel');
    const urgent = await openTicket('bruno', "on doit quitter l'appartement lundi, l'huissier est passé");
    const queue = await agentSays('queue');
    expect(queue).toContain('Tickets ouverts');
    expect(queue.indexOf(urgent)).toBeGreaterThan(-1);
    expect(queue.indexOf(urgent)).toBeLessThan(queue.indexOf(normal));
    expect(queue).toContain('🔴');

    const taken = await agentSays(`take ${normal}`);
    expect(taken).toContain(`Vous avez le ticket ${normal}`);
    expect(taken).toContain('Derniers messages');
    await bot().channel.waitFor('amel', () => seenBy('amel').includes('Claire, conseiller Action Logement, a pris votre demande'));
    expect(await agentSays('queue')).toContain('pris par Claire');
  });

  it('relays the applicant’s messages to the agent (redacted) and the agent’s replies back, until the applicant says "fin"', async () => {
    const ticket = await openTicket('chloe');
    await agentSays(`take ${ticket}`);
    const before = bot().channel.messages('chloe').length;

    expect(await say('chloe', 'mon bail finit en mars, écrivez-moi à chloe.b@exemple.fr')).toBe('');
    await bot().channel.waitFor('desk', () => seenBy('desk').includes('finit en mars'));
    expect(seenBy('desk')).toContain(`💬 ${ticket} · l'usager\u00a0: «\u00a0mon bail finit en mars, écrivez-moi à [EMAIL]\u00a0»`);
    expect(seenBy('desk')).not.toContain('chloe.b@');

    expect(await agentSays(`reply ${ticket} Bonjour, je regarde votre dossier.`)).toContain('Transmis à l\'usager');
    await bot().channel.waitFor('chloe', () => seenBy('chloe').includes('Bonjour, je regarde'));
    expect(seenBy('chloe')).toContain('💬 Claire (Action Logement)\u00a0: Bonjour, je regarde votre dossier.');
    expect(bot().channel.messages('chloe').slice(before).some((message) => allText([message]).includes('Je n\'ai pas compris'))).toBe(false);

    expect(await say('chloe', "merci c'est bon")).toContain("l'échange avec le conseiller est terminé");
    await bot().channel.waitFor('desk', () => seenBy('desk').includes(`L'usager a mis fin à l'échange sur le ticket ${ticket}`));
    expect(await say('chloe', 'aide')).toContain('Écrivez simplement ce que vous cherchez');
  });

  it('closes a ticket: the helpdesk marks it resolved, the applicant is told, and the assistant answers again', async () => {
    const ticket = await openTicket('david');
    await agentSays(`take ${ticket}`);
    expect(await agentSays(`close ${ticket}`)).toContain(`Ticket ${ticket} clos`);
    await bot().channel.waitFor('david', () => seenBy('david').includes('Le conseiller a clos votre demande'));
    expect(await say('david', 'aide')).toContain('Écrivez simplement ce que vous cherchez');
    expect(await agentSays('queue')).not.toContain(ticket);
  });

  it('keeps a ticket to the agent who took it', async () => {
    const ticket = await openTicket('emma');
    await agentSays(`take ${ticket}`);
    expect(await sayWith('desk-2', `take ${ticket}`, { from: { id: 'someone-else', name: 'Marc' } })).toContain(`déjà pris par Claire`);
  });

  it('answers an unknown ticket and a half-typed command clearly', async () => {
    expect(await agentSays('take T-9999')).toContain('Je ne trouve pas le ticket T-9999');
    expect(await agentSays('reply')).toContain('Commandes du service RH');
  });

  it('treats the same words from anyone who is not an agent as an ordinary message', async () => {
    expect(await say('not-agent', 'queue')).not.toContain('Tickets ouverts');
  });

  it("posts a new urgent ticket to the helpdesk's Teams channel, remembered when an agent installed the bot there", async () => {
    await running().bot.send(CHANNEL, {
      type: 'conversationUpdate',
      conversation: { id: CHANNEL, isGroup: true, conversationType: 'channel', name: 'Helpdesk RH' },
      channelData: { team: { id: 'team-rh' } },
      from: AGENT,
      membersAdded: [{ id: 'alin-bot', name: 'AL-in Assistant' }],
    });
    const ticket = await openTicket('farid', "mon conjoint me frappe, j'ai peur de rentrer chez moi");
    await bot().channel.waitFor(CHANNEL, () => seenBy(CHANNEL).includes(ticket));
    expect(seenBy(CHANNEL)).toContain(`🔴 Nouveau ticket URGENT **${ticket}**`);
    expect(seenBy(CHANNEL)).toContain(`take ${ticket}`);
    const normal = await openTicket('gaelle');
    expect(seenBy(CHANNEL)).not.toContain(normal);
  });
});
