import { allText } from '../support/botHarness';
import { conversationsWithPortal } from '../support/portalConversations';
import { PORTAL_TOKEN } from '../support/simulatorClock';

interface OfferSummary {
  id: string;
  financing: string;
  commune: { inseeCode: string };
}

describe('applying to offers', () => {
  const { running, say, link: linked } = conversationsWithPortal();
  const api = async <T>(path: string): Promise<T> => (await fetch(`${running().simulator.url}${path}`, { headers: { authorization: `Bearer ${PORTAL_TOKEN}` } })).json() as Promise<T>;
  const offers = async (query: string) => (await api<{ items: OfferSummary[] }>(`/alin/v1/offers?${query}&pageSize=50`)).items;
  const applicantId = (conversation: string) =>
    running().bot.app.storage.read([`user:emulator:user-${conversation}`]).then((items) => (items[`user:emulator:user-${conversation}`] as { link: { applicantId: string } }).link.applicantId);
  const candidatures = async (conversation: string) => (await api<{ items: { id: string; offer: { id: string } }[] }>(`/alin/v1/applicants/${await applicantId(conversation)}/candidatures`)).items;

  it('checks the preconditions, asks to confirm, and sends the application', async () => {
    await linked('julie', '0691124000101GDPUB');
    const taken = new Set((await candidatures('julie')).map((candidature) => candidature.offer.id));
    const offer = (await offers('commune=69266&financing=PLUS')).find((candidate) => !taken.has(candidate.id))!;
    expect(await say('julie', '', { intent: 'apply', offerId: offer.id })).toContain('Je confirme votre candidature à ce logement');
    expect(await say('julie', 'oui')).toContain('C\'est envoyé');
    expect((await candidatures('julie')).some((candidature) => candidature.offer.id === offer.id)).toBe(true);
    expect(await say('julie', 'mes candidatures')).toMatch(/candidatures en cours[\s\S]*Villeurbanne\u00a0: envoyée/);
  });

  it('says when the user already applied to the offer', async () => {
    const existing = (await candidatures('julie'))[0]!;
    expect(await say('julie', '', { intent: 'apply', offerId: existing.offer.id })).toContain('Vous avez déjà candidaté à cette offre');
  });

  it.each([
    ['an incomplete request', '1110325004242GDPUB', 'department=75', 'votre demande est incomplète (avis d\'imposition)'],
    ['an expired request', '0330624000777GDPUB', 'department=33', 'votre demande a expiré faute de renouvellement'],
    ['the limit of applications', '0131025000303GDPUB', 'department=13', 'vous avez déjà 5 candidatures en cours'],
    ['an income above the ceiling', '1110124000909GDPUB', 'department=75&financing=PLUS', 'dépassent le plafond PLUS de ce logement'],
  ])('explains %s with the way forward, and sends nothing', async (_case, nur, query, explanation) => {
    const conversation = `violation-${nur}`;
    await linked(conversation, nur);
    const before = (await candidatures(conversation)).length;
    const offer = (await offers(query))[0]!;
    const seen = await say(conversation, '', { intent: 'apply', offerId: offer.id });
    expect(seen).toContain('Je ne peux pas envoyer cette candidature');
    expect(seen).toContain(explanation);
    expect((await candidatures(conversation)).length).toBe(before);
  });

  it('applies once when the Apply button is pressed twice', async () => {
    await linked('double', '0590923000555GDPUB');
    const taken = new Set((await candidatures('double')).map((candidature) => candidature.offer.id));
    const offer = (await offers('department=59&financing=PLS')).find((candidate) => !taken.has(candidate.id))!;
    const before = (await candidatures('double')).length;
    const press = () => running().bot.say('double', '', { value: { intent: 'apply', offerId: offer.id }, replyToId: 'offer-card-1' });
    const answers = await Promise.all([press(), press()]);
    expect(answers.map(allText).filter((text) => text.includes('Je confirme votre candidature'))).toHaveLength(1);
    await Promise.all([say('double', 'oui'), say('double', 'oui')]);
    expect((await candidatures('double')).length).toBe(before + 1);
  });

  it('withdraws an application after confirmation', async () => {
    const list = await running().bot.say('julie', 'je veux retirer une candidature');
    expect(allText(list)).toContain('Quelle candidature voulez-vous retirer');
    const withdrawButton = JSON.stringify(list).match(/"candidatureId":"([^"]+)"/)![1];
    expect(await say('julie', '', { intent: 'withdraw', candidatureId: withdrawButton })).toContain('Voulez-vous vraiment retirer votre candidature');
    expect(await say('julie', 'oui')).toContain('est retirée');
  });

  it('takes "la première" at the withdrawal question, and a bare "non" at the confirmation keeps it', async () => {
    await linked('nadia', '0131025000303GDPUB');
    const before = (await candidatures('nadia')).length;
    expect(await say('nadia', 'retirer une candidature')).toContain('Quelle candidature voulez-vous retirer');
    expect(await say('nadia', 'la premiere')).toContain('Voulez-vous vraiment retirer votre candidature');
    expect(await say('nadia', 'non')).not.toContain('est retirée');
    expect((await candidatures('nadia')).length).toBe(before);
  });

  it('answers "je peux candidater ?" with what stands in the way whatever the offer', async () => {
    await linked('can-i', '1110325004242GDPUB');
    const answer = await say('can-i', 'je peux candidater ?');
    expect(answer).toContain('Pour l\'instant, vous ne pouvez pas candidater');
    expect(answer).toContain('avis d\'imposition');
    expect(answer).not.toContain('À quelle offre');
  });

  it('applies to "le deuxième" of the offers just shown', async () => {
    await linked('second', '0691124000101GDPUB');
    const shown = await running().bot.say('second', 'montre moi les T4 a Lyon');
    const ids = [...JSON.stringify(shown).matchAll(/"offerId":"(OFR-\d{5})"/g)].map((match) => match[1]);
    const second = [...new Set(ids)][1]!;
    const offer = await api<{ rent: number; charges: number }>(`/alin/v1/offers/${second}`);
    expect(await say('second', 'je candidate au deuxième')).toContain(`${offer.rent + offer.charges}\u00a0€`);
  });
});
