import { allText } from '../support/botHarness';
import { conversationsWithPortal } from '../support/portalConversations';

const YEAR = new Date().getUTCFullYear();

describe('the documents to provide', () => {
  const { running, sayWith: say, link: linked } = conversationsWithPortal();

  it('lists the documents at once when the message tells the situation, what it did not say "if it applies"', async () => {
    const card = await say('married', 'quelles pièces fournir ? je suis marié et salarié');
    expect(card).not.toMatch(/Quelle est votre situation familiale|D'où viennent vos revenus|l'un de ces motifs/);
    expect(card).toContain('Pour tout le monde');
    expect(card).toContain('• Pièce d\'identité, pour chaque personne à loger');
    expect(card).toContain(`• Avis d'imposition ${YEAR - 1} (revenus ${YEAR - 2}), pour chaque personne à loger`);
    expect(card).toContain('Salarié\u00a0: vos 3 derniers bulletins de salaire');
    expect(card).not.toContain('Indépendant\u00a0:');
    expect(card).toContain('• Livret de famille, pour le foyer');
    expect(card).not.toContain('Attestation de PACS');
    expect(card).toContain('Aussi, si cela vous concerne\u00a0:');
    expect(card).toContain('Certificat de grossesse');
    expect(card).toContain('Justificatif de procédure d\'expulsion');
    expect(card).toContain('Ne m\'envoyez jamais de document ici.');
    expect(card).toContain('elle est limitative');
  });

  it('reads a situation typed as people say it at the questions ("mariés", "salariée", "aucun")', async () => {
    expect(await say('typed', 'koi comme papiers pr ma demande')).toContain('Quelle est votre situation familiale\u00a0?');
    expect(await say('typed', 'mariés')).toContain('D\'où viennent vos revenus\u00a0?');
    expect(await say('typed', 'salariée en cdi')).toContain('Votre demande a-t-elle l\'un de ces motifs\u00a0?');
    const card = await say('typed', 'aucun');
    expect(card).toContain('• Livret de famille, pour le foyer');
    expect(card).toContain('Salarié\u00a0: vos 3 derniers bulletins de salaire');
  });

  it('asks family situation, income and reason with buttons when nothing was said', async () => {
    const family = await running().bot.say('steps', 'quelles pièces dois-je fournir ?');
    expect(allText(family)).toContain('Quelle est votre situation familiale\u00a0?');
    expect(JSON.stringify(family)).toContain('Divorce ou séparation en cours');
    expect(await say('steps', 'Divorce ou séparation en cours')).toContain('D\'où viennent vos revenus\u00a0?');
    expect(await say('steps', 'Plusieurs de ces sources')).toContain('Votre demande a-t-elle l\'un de ces motifs\u00a0?');
    const card = await say('steps', 'Procédure d\'expulsion');
    expect(card).toContain('• Justificatif de divorce ou de séparation');
    expect(card).toContain('Seulement si les revenus de votre conjoint ne doivent pas être comptés.');
    expect(card).toContain('Selon le motif de votre demande');
    expect(card).toContain('• Justificatif de procédure d\'expulsion');
    expect(card).toMatch(/Salarié\u00a0:[\s\S]*Indépendant\u00a0:[\s\S]*Allocations, pensions ou indemnités\u00a0:/);
  });

  it('compares with the linked request on the national file and gives the exact next step', async () => {
    await linked('karim', '1110325004242GDPUB');
    const card = await say('karim', 'quelles pièces dois-je fournir ?');
    expect(card).toContain('Vos pièces justificatives, demande n°\u00a0111');
    expect(card).toContain('1 pièce à régler sur le fichier national\u00a0:');
    expect(card).toContain(`Avis d'imposition ${YEAR - 1} (revenus ${YEAR - 2})\u00a0: manquant`);
    // The state agrees with the document: « un avis… manquant ».
    expect(card).not.toContain(`(revenus ${YEAR - 2})\u00a0: manquante`);
    expect(card).toContain(`Sur demande-logement-social.gouv.fr, ouvrez votre demande, rubrique «\u00a0Mes pièces justificatives\u00a0», et déposez\u00a0: Avis d'imposition ${YEAR - 1}`);
    expect(card).toContain('Déjà fournies\u00a0: Pièce d\'identité, Justificatifs de revenus.');
    expect(card).toContain('attribué «\u00a0sous condition\u00a0»');
    expect(card).toContain('Ne m\'envoyez jamais de document ici.');
    expect(card).not.toMatch(/situation familiale|motifs\u00a0\?/);
  });

  it('says a complete request is up to date, counting the family record book for the child', async () => {
    await linked('julie', '0691124000101GDPUB');
    const card = await say('julie', 'mes pièces justificatives');
    expect(card).toContain('Toutes les pièces de votre demande sont à jour sur le fichier national.');
    expect(card).toContain('Livret de famille ou actes de naissance des enfants');
    expect(card).not.toContain('manquante');
  });

  it('answers in English', async () => {
    const card = await say('english', 'which documents should I provide? I am married and employed', { locale: 'en-US' });
    expect(card).toContain(`${YEAR - 1} tax notice (${YEAR - 2} income)`);
    expect(card).toContain('Employee: your last 3 payslips');
    expect(card).toContain('Never send me a document here.');
  });
});
