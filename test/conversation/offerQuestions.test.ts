import { conversationsWithPortal } from '../support/portalConversations';

const JULIE = '0691124000101GDPUB';

describe('questions about the offer just shown', () => {
  const { say, link } = conversationsWithPortal();

  it('answers "c dispo quand ?" after the details, from the offer', async () => {
    expect(await say('details', 'détails OFR-00213')).toContain('Référence: OFR-00213');
    const answer = await say('details', 'c dispo quand ?');
    expect(answer).toMatch(/T3 · 59,5 m² · Lyon\nDisponible le\u00a0: \d{1,2} \S+ \d{4}/);
    expect(answer).not.toContain('Je ne suis pas sûr');
  });

  it('answers a question at the confirmation of an application, then asks it again; nothing is sent', async () => {
    await link('confirm', JULIE);
    expect(await say('confirm', 'postuler OFR-00213')).toMatch(/\?/);
    const aside = await say('confirm', "c'est quel etage ?");
    expect(aside).toContain('Étage\u00a0: 5');
    expect(aside).toMatch(/candidature.*\?/s);
    expect(await say('confirm', 'non')).not.toContain("C'est envoyé");
  });

  it('never takes a question opening with "ya" for a yes at the confirmation: "ya un ascenseur ?" is answered, nothing is sent', async () => {
    await link('lift', JULIE);
    expect(await say('lift', 'postuler ofr 234')).toContain('Je confirme votre candidature');
    const aside = await say('lift', 'ya un ascenseur ?');
    expect(aside).toContain('Ascenseur\u00a0: oui');
    expect(aside).not.toContain("C'est envoyé");
    expect(aside).toMatch(/candidature.*\?/s);
    expect(await say('lift', 'ok vas y envoie')).toContain("C'est envoyé");
  });

  it('leaves a general question to the knowledge base', async () => {
    await say('general', 'détails OFR-00213');
    const answer = await say('general', 'elle est valable combien de temps ma demande ?');
    expect(answer).not.toContain('Total par mois');
    expect(answer).toContain('un an');
  });
});
