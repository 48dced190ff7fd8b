import type { Activity } from 'botbuilder';
import { MiniSearchKnowledgeBase } from '../../services/knowledge/knowledgeSearch';
import { allText, BotHarness } from '../support/botHarness';
import { conversationsWithPortal } from '../support/portalConversations';
import { PORTAL_TOKEN, simulatorWithClock } from '../support/simulatorClock';

const THOMAS = '0590923000555GDPUB';
const AMINA = '0941025000808GDPUB';
const DAY_MS = 24 * 3600 * 1000;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The data of a card button, by its title, in what the bot sent. */
function buttonData(activities: Partial<Activity>[], title: string): Record<string, unknown> {
  for (const activity of activities) {
    for (const attachment of activity.attachments ?? []) {
      const actions = ((attachment.content as { actions?: { title?: string; data?: Record<string, unknown> }[] }).actions ?? []);
      const found = actions.find((action) => action.title === title);
      if (found?.data) return found.data;
    }
  }
  throw new Error(`no button "${title}"`);
}

describe('a housing proposal, answered in the chat', () => {
  const { running, say, link } = conversationsWithPortal();
  const reset = () => fetch(`${running().simulator.url}/dev/reset`, { method: 'POST', headers: { authorization: `Bearer ${PORTAL_TOKEN}` } });
  beforeEach(async () => {
    await reset();
  });

  it('shows the offer, the rank, the days left and what follows, with Accept and Decline', async () => {
    await link('thomas-card', THOMAS);
    const card = await say('thomas-card', "on m'a proposé un logement, je fais quoi ?");
    expect(card).toMatch(/Proposition de logement\u00a0: T4 · .* · Lille/);
    expect(card).toContain('rang 1');
    expect(card).toContain('dans 6 jours');
    expect(card).toContain('considérée comme refusée');
    expect(card).toContain('[Accepter]');
    expect(card).toContain('[Refuser]');
  });

  it('answers "how long do I have?" with the days left on the proposal, for a linked user', async () => {
    await link('thomas-how-long', THOMAS);
    const answer = await say('thomas-how-long', 'on ma proposé un appart a lille jai combien de temps pr repondre');
    expect(answer).toContain('dans 6 jours');
    expect(answer).toContain('considérée comme refusée');
    expect(answer).not.toContain("n'est pas dans mes sources");
  });

  it('answers "how long to get a home?" in general for a linked user with a proposal: it is no question about the proposal', async () => {
    await link('thomas-waiting', THOMAS);
    const answer = await say('thomas-waiting', 'combien de temps pour avoir un logement ?');
    expect(answer).not.toContain('Proposition de logement');
  });

  it('accepts once, after a confirmation; a second press changes nothing', async () => {
    await link('thomas-accept', THOMAS);
    const shown = await running().bot.say('thomas-accept', 'ma proposition de logement');
    const accept = buttonData(shown, 'Accepter');
    expect(allText(await running().bot.say('thomas-accept', '', { value: accept }))).toMatch(/Vous confirmez que vous acceptez le T4 .* Lille\u00a0\?/);
    expect(await say('thomas-accept', 'oui')).toContain('vous avez accepté le T4');
    expect(await say('thomas-accept', '', accept)).toContain("C'est déjà fait\u00a0: vous avez accepté");
    expect(await say('thomas-accept', 'mes candidatures')).toMatch(/T4 à Lille\u00a0: acceptée/);
  });

  it('declines with a reason from a closed list, says what is not known, and sends nothing on "non"', async () => {
    await link('thomas-decline', THOMAS);
    expect(await say('thomas-decline', 'je veux refuser le logement proposé')).toContain('Pour quelle raison refusez-vous ce logement');
    const confirm = await say('thomas-decline', "c'est trop loin de mon travail");
    expect(confirm).toMatch(/Vous refusez le T4 .* \(trop loin\)/);
    expect(confirm).toContain('demandez à Action Logement');
    expect(await say('thomas-decline', 'non')).toContain("Rien n'a été envoyé");
    await say('thomas-decline', 'je refuse la proposition');
    await say('thomas-decline', 'trop cher');
    expect(await say('thomas-decline', 'oui')).toContain('vous avez refusé le T4');
  });

  it('refuses an answer after the date: silence counted as refusal', async () => {
    await link('thomas-late', THOMAS);
    const shown = await running().bot.say('thomas-late', 'ma proposition');
    running().simulator.advance(7 * DAY_MS);
    await running().bot.say('thomas-late', '', { value: buttonData(shown, 'Accepter') });
    const answer = await say('thomas-late', 'oui');
    expect(answer).toContain('La date limite pour répondre était le');
    expect(answer).not.toContain('vous avez accepté');
  });

  it('says there is no proposal when none awaits an answer', async () => {
    await link('amina-none', AMINA);
    expect(await say('amina-none', 'je veux accepter la proposition')).toContain('aucune proposition de logement en attente');
  });

  it('shows an application the landlord asked to complete, with the documents and the commission date', async () => {
    await link('amina-docs', AMINA);
    const list = await say('amina-docs', 'mes candidatures');
    expect(list).toMatch(/T3 à Créteil\u00a0: le bailleur vous demande de compléter votre dossier avant la commission du \d{1,2} \S+ \d{4}/);
    expect(list).toContain("Attestation de l'employeur datée de moins de 3 mois ; Trois dernières quittances de loyer");
    expect(list).toMatch(/T2 à Vitry-sur-Seine\u00a0: en cours d'examen/);
  });

  it('answers the general question for someone who has not linked a request', async () => {
    const answer = await say('nobody', "on m'a proposé un logement, je fais quoi ?");
    expect(answer).not.toContain('je dois d\'abord lier');
    const whatNow = MiniSearchKnowledgeBase.fromLocales().entry('proposal-what-now', 'fr')!;
    expect(answer).toMatch(new RegExp(`${escape(whatNow.questions[0]!)}|${escape(whatNow.answer)}`));
  });
});

describe('reminders of a proposal still unanswered', () => {
  let offsetMs = 0;
  let simulator: Awaited<ReturnType<typeof simulatorWithClock>>;
  let bot: BotHarness;
  beforeAll(async () => {
    simulator = await simulatorWithClock();
    bot = await BotHarness.start(
      { PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN, NOTIFY_QUIET_HOURS: 'off', LINK_ATTEMPTS_PER_HOUR: '100' },
      { now: () => new Date(Date.now() + offsetMs) },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await simulator.close();
  });
  const say = async (text: string, value?: unknown) => allText(await bot.say('thomas-reminded', text, value ? { value } : {}));
  const reminders = () => bot.channel.messages('thomas-reminded').filter((message) => allText([message]).includes('attend votre réponse avant le'));
  const dailyCheck = async (expected: number) => {
    await bot.app.runDailyDossierCheck();
    await bot.channel.waitFor('thomas-reminded', () => reminders().length >= expected);
    // A second run the same day (another replica, a retry) tells nothing more.
    await bot.app.runDailyDossierCheck();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reminders()).toHaveLength(expected);
  };

  it('reminds three days before the date, then one day before, each once, with a way to answer', async () => {
    await say(`mon numéro c'est ${THOMAS}`);
    await say(await simulator.outboxCode());
    expect(await say('', { intent: 'notifications', choice: 'on', label: 'Oui, prévenez-moi' })).toContain("C'est noté");
    await bot.app.runDailyDossierCheck();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reminders()).toHaveLength(0); // six days left: not yet
    offsetMs = 3 * DAY_MS;
    await dailyCheck(1);
    expect(allText(reminders())).toContain('[Répondre à la proposition]');
    offsetMs = 5 * DAY_MS;
    await dailyCheck(2);
  });
});
