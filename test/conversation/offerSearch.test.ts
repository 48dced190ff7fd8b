import type { Activity } from 'botbuilder';
import { allText, BotHarness } from '../support/botHarness';

type CardAction = { title: string; data: Record<string, unknown> };

/** The buttons of the cards in these messages, as a person sees them. */
function buttons(messages: Partial<Activity>[]): CardAction[] {
  const found: CardAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as { type?: string; title?: string; data?: Record<string, unknown> };
    if (element.type === 'Action.Submit' && element.title && element.data) found.push({ title: element.title, data: element.data });
    Object.values(node).forEach(walk);
  };
  messages.forEach((message) => walk(message.attachments));
  return found;
}

describe('offer search over the simulator', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start();
  });
  afterAll(() => bot.stop());

  const press = async (conversation: string, button: CardAction | undefined) => {
    if (!button) throw new Error('button not found');
    return bot.say(conversation, '', { value: button.data });
  };

  it('searches from one sentence and shows five offers with Details and Apply', async () => {
    const replies = await bot.say('one-sentence', 'je cherche un T3 à Villeurbanne');
    const seen = allText(replies);
    expect(seen).toMatch(/\d+ offres? à Villeurbanne, en T3/);
    expect(seen).toMatch(/T3 · \d+(?:,\d)? m² · Villeurbanne/);
    expect(seen).toMatch(/par mois \(.* de loyer \+ .* de charges\)/);
    expect(buttons(replies).filter((button) => button.title === 'Détails').length).toBeGreaterThan(0);
    expect(buttons(replies).filter((button) => button.title === 'Candidater').length).toBe(buttons(replies).filter((button) => button.title === 'Détails').length);
  });

  it('searches step by step: place, type, budget', async () => {
    expect(allText(await bot.say('steps', '', { value: { intent: 'searchOffers' } }))).toContain('Dans quelle ville');
    expect(allText(await bot.say('steps', 'Lyon'))).toContain('Lyon\u00a0: quel type de logement');
    expect(allText(await bot.say('steps', 'T2'))).toContain('Quel loyer maximum');
    expect(allText(await bot.say('steps', 'peu importe'))).toMatch(/offres? à Lyon, en T2/);
  });

  it('refines the last search: another type, another town, cheaper', async () => {
    await bot.say('refine', 'un T3 à Villeurbanne');
    expect(allText(await bot.say('refine', 'plutôt T2'))).toMatch(/à Villeurbanne, en T2/);
    expect(allText(await bot.say('refine', 'et à Lyon ?'))).toMatch(/à Lyon, en T2/);
    expect(allText(await bot.say('refine', 'moins cher'))).toMatch(/à Lyon, en T2, jusqu'à [\d\s\u202f]+\u00a0€ par mois charges comprises/);
  });

  it('takes a place alone as another town for the search, whatever the classifier makes of it', async () => {
    await bot.say('place-alone', 'un T2 à Lyon');
    // The classifier once read "et sur Lille ?" as applying, and asked to link a number.
    expect(allText(await bot.say('place-alone', 'et sur Lille ?'))).toMatch(/à Lille, en T2/);
    expect(allText(await bot.say('place-alone', 'plutôt dans le 93'))).toMatch(/département Seine-Saint-Denis, en T2/);
    // Out of the blue, "et à Tours ?" was "Au revoir".
    expect(allText(await bot.say('place-cold', 'et à Tours ?'))).toMatch(/à Tours/);
    // "recommencer" alone is the menu's word; searching again is a search.
    expect(allText(await bot.say('search-again', 'je veux recommencer a chercher'))).toContain('Dans quelle ville');
    expect(allText(await bot.say('restart', 'recommencer'))).toContain('Que souhaitez-vous faire');
  });

  it('pages five by five with "more"', async () => {
    const first = await bot.say('paging', 'des logements dans le département 75');
    expect(allText(first)).toMatch(/Offres 1 à 5 sur \d+\./);
    const second = await press('paging', buttons(first).find((button) => button.title === 'Voir plus'));
    expect(allText(second)).toMatch(/Offres 6 à 10 sur \d+\./);
  });

  it('says which criterion to relax when nothing matches, and relaxes it on a click', async () => {
    const none = await bot.say('relax', 'un T2 à Villeurbanne à moins de 300 €');
    expect(allText(none)).toContain('Aucune offre');
    const relax = buttons(none).find((button) => button.title.startsWith('Sans limite de loyer'));
    expect(relax?.title).toMatch(/\(\d+\)/);
    expect(allText(await press("relax", relax))).toMatch(/offres? à Villeurbanne, en T2\u00a0:/);
  });

  it('shows everything about an offer', async () => {
    const list = await bot.say('details', 'T2 à Lyon');
    const details = allText(await press('details', buttons(list).find((button) => button.title === 'Détails')));
    for (const fact of ['Bailleur', 'Classe énergie', 'Ascenseur', 'Financement', 'Total par mois', 'Référence']) expect(details).toContain(fact);
  });

  it('keeps to what a linked household may apply to, and says how many offers were left out and why', async () => {
    await bot.say('linked-search', "mon numéro c'est 0691124000101GDPUB");
    const outbox = (await (await fetch(`${bot.portal.baseUrl}/dev/outbox`, { headers: { authorization: 'Bearer dev-portal-token' } })).json()) as { items: { code: string }[] };
    await bot.say('linked-search', outbox.items[0]!.code);
    const seen = allText(await bot.say('linked-search', 'des logements à Lyon'));
    expect(seen).toMatch(/Pour votre foyer, j'ai écarté \d+ offres? financées? en PLAI\u00a0: vos revenus de référence dépassent/);
    expect(seen).not.toContain('Financement PLAI');
  });

  it('searches in English', async () => {
    expect(allText(await bot.say('english', 'I am looking for a 2 bedroom flat in Lyon', { locale: 'en-US' }))).toMatch(/offers? in Lyon, of type T3/);
  });

  it('changes the search on a correction after results, never cancels it: "ah non en fait plutot a lyon"', async () => {
    expect(allText(await bot.say('corrects', 'jcherche un t3 a villeurbane'))).toMatch(/offres? à Villeurbanne, en T3/);
    const corrected = allText(await bot.say('corrects', 'ah non en fait plutot a lyon'));
    expect(corrected).toMatch(/offres? à Lyon, en T3/);
    expect(corrected).not.toContain('Que souhaitez-vous faire');
  });

  it('takes the word of a button under the question as its answer: "Any" at the rent, in English', async () => {
    const english = { locale: 'en-US' };
    expect(allText(await bot.say('english-steps', "I'm looking for a flat", english))).toContain('In which town');
    expect(allText(await bot.say('english-steps', 'Lyon', english))).toContain('what type of home');
    expect(allText(await bot.say('english-steps', 'T2', english))).toContain('maximum monthly rent');
    const results = allText(await bot.say('english-steps', 'Any', english));
    expect(results).toMatch(/offers? in Lyon, of type T2/);
    expect(results).not.toContain('unique number');
  });
});
