import { allText } from '../support/botHarness';
import { conversationsWithPortal } from '../support/portalConversations';
import { PORTAL_TOKEN } from '../support/simulatorClock';

const ACCOUNTS = {
  julie: '0691124000101GDPUB',
  karim: '1110325004242GDPUB',
  sophie: '0330624000777GDPUB',
  thomas: '0590923000555GDPUB',
};

describe('the dossier status', () => {
  const { running, say, link: linked } = conversationsWithPortal();
  const fault = (spec: Record<string, unknown>) =>
    fetch(`${running().simulator.url}/dev/faults`, { method: spec.clear ? 'DELETE' : 'POST', headers: { authorization: `Bearer ${PORTAL_TOKEN}`, 'content-type': 'application/json' }, body: spec.clear ? undefined : JSON.stringify(spec) });

  it('shows an active, complete request with its applications and what happens next', async () => {
    await linked('julie', ACCOUNTS.julie);
    const card = await say('julie', 'où en est mon dossier');
    expect(card).toContain('Votre demande n°\u00a0069');
    expect(card).toContain('État: active');
    expect(card).toMatch(/Enregistrée le: \d{1,2} \S+ \d{4}/);
    expect(card).toContain('Toutes vos pièces justificatives sont à jour.');
    expect(card).toMatch(/T3 à Villeurbanne\u00a0: en cours d'examen/);
    expect(card).toMatch(/non retenue par la commission/);
    expect(card).not.toContain('⚠');
  });

  it('warns when renewal is due within a month and names the missing document with what to do', async () => {
    await linked('karim', ACCOUNTS.karim);
    const card = await say('karim', 'mon dossier');
    expect(card).toMatch(/⚠ Votre demande doit être renouvelée avant le \d{1,2} \S+ \d{4} \(dans \d+ jours\)/);
    expect(card).toContain('Avis d\'imposition\u00a0: manquant');
    expect(card).not.toContain('Avis d\'imposition\u00a0: manquante');
    expect(card).toContain('rubrique «\u00a0Mes pièces justificatives\u00a0»');
    expect(card).toContain('Aucune candidature pour l\'instant.');
  });

  it('says an expired request was struck off and how to start again', async () => {
    await linked('sophie', ACCOUNTS.sophie);
    const card = await say('sophie', 'mon dossier');
    expect(card).toContain('faute de renouvellement\u00a0: elle a été radiée');
    expect(card).toContain('Déposez une nouvelle demande sur demande-logement-social.gouv.fr.');
    // A closed request: no seniority that counts, no search to start with it.
    expect(card).not.toContain('Ancienneté');
    expect(card).not.toContain('[Chercher un logement]');
  });

  it('lets an applicant whose request expired browse offers, with no button leading to a refused application', async () => {
    await linked('sophie-search', ACCOUNTS.sophie);
    const results = await say('sophie-search', 'je cherche un logement à Lyon');
    expect(results).toContain('elle a été radiée');
    expect(results).toContain('[Détails]');
    expect(results).not.toContain('[Candidater]');
    const details = await say('sophie-search', '', { intent: 'searchOffers', action: 'details', offerId: /OFR-\d{5}/.exec(JSON.stringify(running().bot.channel.activities('sophie-search').at(-1)))![0] });
    expect(details).toContain('Référence');
    expect(details).not.toContain('[Candidater]');
  });

  it('warns that an offer awaits an answer, with the days left', async () => {
    await linked('thomas', ACCOUNTS.thomas);
    const card = await say('thomas', 'mon dossier');
    expect(card).toMatch(/⚠ Un logement vous est proposé\u00a0: T4 à Lille, rang 1\. Répondez avant le .* \(dans 6 jours\)/);
    expect(card).toContain('Répondez à la proposition de logement avant la date limite\u00a0: ici (dites «\u00a0ma proposition\u00a0») ou sur al-in.fr.');
  });

  it('answers in English with English dates', async () => {
    const card = allText(await running().bot.say('julie', 'my file', { locale: 'en-US' }));
    expect(card).toContain('Your request no. 069');
    expect(card).toMatch(/Registered on: \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(card).toMatch(/under review/);
  });

  it('links first when the user is not linked, then shows the dossier', async () => {
    expect(await say('not-linked', 'où en est mon dossier')).toContain('je dois d\'abord lier votre numéro unique');
    await say('not-linked', ACCOUNTS.thomas);
    const card = await say('not-linked', await running().simulator.outboxCode());
    expect(card).toContain('est liée');
    expect(card).toContain('Un logement vous est proposé');
  });

  it('answers help in the middle of the link it started, then asks for the number again', async () => {
    await say('help-in-link', 'où en est mon dossier');
    const seen = await say('help-in-link', 'aide');
    expect(seen).toContain('Écrivez simplement');
    expect(seen).toContain('Quel est votre numéro unique');
  });

  it('says "try later" when the portal fails, and shows the dossier once it is back', async () => {
    await linked('outage', ACCOUNTS.julie);
    await fault({ route: '/alin/v1/applicants/*', kind: 'error', status: 503 });
    try {
      expect(await say('outage', 'mon dossier')).toContain('Le portail AL-in ne répond pas pour le moment');
    } finally {
      await fault({ clear: true });
    }
    expect(await say('outage', 'mon dossier')).toContain('Votre demande n°');
  });

  it('asks to link again after "delete my data"', async () => {
    await linked('forget', ACCOUNTS.julie);
    await say('forget', 'supprimer mes données');
    await say('forget', 'oui');
    expect(await say('forget', 'mon dossier')).toContain('je dois d\'abord lier votre numéro unique');
  });
});
