import { allText } from '../support/botHarness';
import { conversationsWithPortal } from '../support/portalConversations';
import { PORTAL_TOKEN } from '../support/simulatorClock';
import { coreOf, TYPED_SPELLINGS } from '../support/uniqueNumberSpellings';

interface Ticket {
  id: string;
  category: string;
  urgency: string;
  summary: string;
  transcript: { from: string; text: string }[];
  applicantRef: string | null;
}

describe('the HR helpdesk', () => {
  const { running, say, link } = conversationsWithPortal();
  const tickets = async () => (await (await fetch(`${running().simulator.url}/helpdesk/v1/tickets`, { headers: { authorization: `Bearer ${PORTAL_TOKEN}` } })).json()) as { items: Ticket[] };
  const ticket = async (id: string) => (await tickets()).items.find((candidate) => candidate.id === id)!;

  it('opens a ticket on request, with a redacted transcript and the applicant reference, never the number', async () => {
    await link('ask', '0691124000101GDPUB');
    await say('ask', 'mon mail est julie.martin@exemple.fr');
    // Nothing said of why: asked once, for the agent.
    expect(await say('ask', 'je voudrais parler à un conseiller')).toContain('En quelques mots, c\'est à quel sujet\u00a0?');
    expect(await say('ask', 'une question sur mon dossier')).toContain('Je transmets votre demande à un conseiller');
    const sent = await say('ask', 'oui');
    const id = /ticket n°\u00a0(\S+)\./.exec(sent)![1]!;
    expect(sent).toMatch(/vous répondra ici même/);
    const created = await ticket(id);
    expect(created.urgency).toBe('normal');
    expect(created.applicantRef).toEqual(expect.any(String));
    const everything = JSON.stringify(created);
    expect(everything).not.toMatch(/0691124000101GDPUB|069\s?1124|julie\.martin/i);
    expect(everything).toContain('[EMAIL]');
    expect(created.summary).toContain('Demande liée\u00a0: 069********01GDPUB');
  });

  it.each(TYPED_SPELLINGS.map((spelling, index) => ({ ...spelling, conversation: `spelling-${index}` })))(
    'keeps the number typed as "$typed" out of the stored transcript and the ticket',
    async ({ typed, canonical, conversation }) => {
      await say(conversation, `mon numéro c'est ${typed} merci`);
      await say(conversation, 'annuler');
      await say(conversation, 'je voudrais parler à un conseiller pour mon dossier qui n\'avance pas');
      const id = /ticket n°\u00a0(\S+)\./.exec(await say(conversation, 'oui'))![1]!;
      const created = await ticket(id);
      const ticketTexts = [created.summary, ...created.transcript.map((line) => line.text)];
      expect(ticketTexts.join('\n')).toContain('[NUR]');
      const key = `conversation:emulator:${conversation}`;
      const stored = (await running().bot.app.storage.read([key]))[key] as { transcript: { text: string }[] };
      for (const text of [...ticketTexts, ...stored.transcript.map((line) => line.text)]) expect(coreOf(text)).not.toContain(canonical.slice(0, 13));
    },
  );

  it('treats an eviction story as urgent: the numbers that apply, an urgent ticket, and the handoff event', async () => {
    const offered = await say('urgent', "on doit quitter l'appartement lundi, l'huissier est passé, on n'a nulle part où aller");
    expect(offered).toContain('115');
    expect(offered).toContain('Votre situation est urgente');
    const sent = await say('urgent', 'oui');
    expect(sent).toContain('C\'est transmis en priorité');
    const id = /ticket n°\u00a0(\S+)\./.exec(sent)![1]!;
    expect(await ticket(id)).toMatchObject({ urgency: 'urgent', category: 'urgent_situation' });
    const handoff = running().bot.channel.activities('urgent').find((activity) => activity.type === 'event' && activity.name === 'handoff.initiate');
    expect(handoff?.value).toMatchObject({ ticketId: id, urgency: 'urgent' });
    expect(JSON.stringify(handoff?.attachments)).toContain('huissier');
  });

  it('answers a documents question that tells an urgent situation, with the numbers first and a person offered beside', async () => {
    const replies = await say('aside', "je suis sans domicile, je dors dans ma voiture, je mets quoi comme justificatif d'adresse ?");
    expect(replies).toMatch(/^Si vous êtes en danger[^]*115\u00a0: hébergement d'urgence[^]*jour et nuit\.\n/);
    expect(replies).not.toMatch(/3919|119|Votre situation est urgente/);
    expect(replies).toContain('Transmettre en priorité à un conseiller');
    // The proof of that situation (the knowledge base's answer on it, or the checklist's line).
    expect(replies.toLowerCase()).toContain('attestation de domiciliation');
    expect(replies.indexOf('115')).toBeLessThan(replies.toLowerCase().indexOf('attestation de domiciliation'));
  });

  it('lets a clear new request through when the helpdesk was only guessed, not when a person was asked for', async () => {
    await say('guessed', "rien de grave hein, pas de violence ni d'expulsion, c'est juste que mon appart est trop petit avec le bebe");
    expect(await say('guessed', 'je cherche un T3 a Nantes')).toContain('Nantes');
    await say('asked', 'je veux parler à un conseiller');
    const subject = await say('asked', 'c pour mon dossier qui bouge pas depuis 8 mois');
    expect(subject).toContain('Je transmets votre demande à un conseiller');
    expect(subject).not.toContain('Dans quelle commune');
  });

  it.each([
    ['t nul ptn de bot de merde', 'merde'],
    ['vous etes vraiment une bande de connards incompetents', 'connards'],
  ])('meets anger calmly, never thanks it nor quotes it, and offers a person: "%s"', async (typed, word) => {
    const answer = await say(`angry-${word}`, typed);
    expect(answer).toContain('Je comprends votre agacement');
    expect(answer).toContain('Voulez-vous qu\'un conseiller prenne le relais');
    expect(answer).not.toContain(word);
    expect(answer).not.toMatch(/Avec plaisir|Je n'ai pas compris/);
  });

  it('hears anger again while a person is offered, offers the person again, and never asks for a yes or no', async () => {
    expect(await say('angry-again', 'vous etes nuls')).toContain('Voulez-vous qu\'un conseiller prenne le relais');
    for (const again of ['ca fait 3 mois que j attends c est nul', 'bande d incapables']) {
      const answer = await say('angry-again', again);
      expect(answer).toContain('Je vous entends');
      expect(answer).toContain('Voulez-vous qu\'un conseiller prenne le relais');
      expect(answer).not.toMatch(/Répondez par oui ou par non|Je n'ai pas compris|incapables/);
    }
    expect(await say('angry-again', 'oui')).toContain('à quel sujet');
  });

  it('sends nothing when the user says no', async () => {
    const before = (await tickets()).items.length;
    await say('no-ticket', 'je veux parler à quelqu\'un');
    await say('no-ticket', 'mon dossier');
    expect(await say('no-ticket', 'non')).toContain('je ne transmets rien');
    expect((await tickets()).items.length).toBe(before);
  });

  it('takes the conversation back when the hub reports the handoff completed', async () => {
    await say('hub', 'un conseiller svp, pour ma candidature refusée');
    await say('hub', 'oui');
    const { messages } = await running().bot.send('hub', { type: 'event', name: 'handoff.status', value: { state: 'completed' } });
    expect(allText(messages)).toContain('je reprends la conversation');
  });
});
