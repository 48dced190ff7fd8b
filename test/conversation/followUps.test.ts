import { conversationsWithPortal } from '../support/portalConversations';

const JULIE = '0691124000101GDPUB'; // 32 000 €, above the PLAI ceiling of her household
const KARIM = '1110325004242GDPUB'; // tax notice missing, renewal due in 20 days
const NADIA = '0131025000303GDPUB'; // 5 applications in progress: the limit
const PAUL = '0310224000404GDPUB'; // request cancelled
const MARC = '1110124000909GDPUB'; // Paris, above the PLS ceiling, below the PLI one
const THOMAS = '0590923000555GDPUB'; // a proposal in Lille, 6 days left

/**
 * A short question right after an answer is about that answer: "pk ?" after a refusal, "et si je le
 * fais pas ?" after the renewal date, "je peux en faire une autre ?" after the applications — answered
 * by what was just said, not taken for a new request nor met with the menu.
 */
describe('questions that follow an answer', () => {
  const { running, sayWith, link } = conversationsWithPortal();
  const reset = () => fetch(`${running().simulator.url}/dev/reset`, { method: 'POST', headers: { authorization: 'Bearer test-portal-token' } });
  beforeEach(async () => {
    await reset();
  });
  // Amounts are written with no-break spaces ("22 551 €"): read here with plain ones.
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  const say = async (conversation: string, text: string) => plain(await sayWith(conversation, text));
  const sayInEnglish = async (conversation: string, text: string) => plain(await sayWith(conversation, text, { locale: 'en-US' }));

  it("explains a refusal for income with the household's ceiling and the request's income, then what to do", async () => {
    await link('julie-why', JULIE);
    expect(await say('julie-why', 'candidater OFR-00230')).toContain('22 551');
    const why = await say('julie-why', 'pk ? jgagne pas tant que ca');
    expect(why).toContain('le plafond PLAI de ce logement est de 22 551');
    expect(why).toContain('revenu fiscal de référence de 32 000');
    expect(why).not.toContain('Que souhaitez-vous faire');
    const how = await say('julie-why', 'et je fais comment alors');
    expect(how).toContain('Deux possibilités');
    expect(how).not.toContain('32 000');
  });

  it('says where to upload the missing document after a refusal for an incomplete request', async () => {
    await link('karim-where', KARIM);
    expect(await say('karim-where', 'jveux postuler a OFR-00007')).toContain("avis d'imposition");
    const where = await say('karim-where', "ok et je le depose ou exactement l'avis ?");
    expect(where).toContain('Mes pièces justificatives');
    expect(where).toContain("avis d'imposition. AL-in reprend ensuite votre demande complète");
    expect(where).not.toContain('Vous voulez savoir');
  });

  it('tells what happens without renewal after the status gave the date', async () => {
    await link('karim-renew', KARIM);
    expect(await say('karim-renew', 'jdois renouveler avant quand ?')).toContain('20 jours');
    const ifNot = await say('karim-renew', 'et si je le fais pas ?');
    expect(ifNot).toContain('la demande est radiée');
    expect(ifNot).not.toContain('À tout moment');
  });

  it('answers "one more?" after the applications: at the limit, withdraw one first', async () => {
    await link('nadia-more', NADIA);
    expect(await say('nadia-more', 'jai combien de candidatures en cours la ?')).toContain('5 candidatures en cours');
    const another = await say('nadia-more', 'je peux en faire une autre ?');
    expect(another).toContain('5 candidatures en cours, le maximum');
    expect(another).not.toContain('Catégorie de ménage');
  });

  it('says how to go on with a cancelled request after the refusal it caused', async () => {
    await link('paul-how', PAUL);
    expect(await say('paul-how', 'candidater OFR-00347')).toContain('annulée');
    const how = await say('paul-how', 'mais jai renoncé par erreur, je fais comment ?');
    expect(how).toContain('déposez une nouvelle demande');
    expect(how).toContain('nouveau numéro unique');
  });

  it('explains why offers were left out of a search, with the ceiling', async () => {
    await link('julie-left-out', JULIE);
    expect(await say('julie-left-out', 't3 villeurbanne')).toContain("j'ai écarté 1 offre financée en PLAI");
    const why = await say('julie-left-out', 'pk vous enlevez le PLAI ?');
    expect(why).toContain('il est de 22 551 € par an');
    expect(why).not.toContain('Dans quelle ville');
  });

  it('checks an application when asked "je peux ?" with a reference, and again for the next reference after a refusal', async () => {
    await link('marc-may-i', MARC);
    const first = await say('marc-may-i', 'et OFR-00019 je peux ?');
    expect(first).toContain('52 303');
    expect(first).not.toContain('Étage');
    const next = await say('marc-may-i', 'bon et le OFR-00011 alors');
    expect(next).toContain('Je confirme votre candidature');
    expect(await say('marc-may-i', 'non')).toContain("je n'ai rien envoyé");
    // Asked in words, the details are the details.
    expect(await say('marc-may-i', 'détails OFR-00019')).toContain('Étage');
  });

  it('keeps the search when the user agrees with the results, and says what can be done next', async () => {
    expect(await say('agrees', 'je cherche un T2 a marseile')).toContain('Marseille');
    const agreed = await say('agrees', 'oui c ca');
    expect(agreed).toContain('je garde votre recherche, à Marseille, en T2');
    expect(agreed).not.toContain('annuler');
  });

  it('goes on answering about the same refusal: why, what if not, where', async () => {
    await link('karim-chain', KARIM);
    await say('karim-chain', 'slt je voudrais postuler pour OFR-00007 svp');
    expect(await say('karim-chain', 'pk ?? jai tout donné moi')).toContain("votre demande est encore incomplète : il y manque avis d'imposition");
    expect(await say('karim-chain', 'et si je le fais pas ?')).toContain('vos candidatures resteront bloquées');
    expect(await say('karim-chain', 'je le depose ou ?')).toContain('Mes pièces justificatives');
  });

  it('suggests only the kinds of dwelling whose ceiling the household is under: PLI, not PLS, above the PLS ceiling', async () => {
    await link('marc-alternatives', MARC);
    const refused = await say('marc-alternatives', 'candidater OFR-00019');
    expect(refused).toContain('financés en PLI');
    expect(refused).not.toContain('PLS, PLI');
    expect(await say('marc-alternatives', 'je peux candidater a quoi alors ?')).toContain('logements financés en PLI');
  });

  it('answers about a proposal: why fewer than 10 days are left, and how to say yes', async () => {
    await link('thomas-follow', THOMAS);
    expect(await say('thomas-follow', 'jai eu une proposition pour lille jai jusqua quand pour repondre ?')).toContain('dans 6 jours');
    expect(await say('thomas-follow', "pk que 6 jours ? on m'avait dit 10 jours")).toContain('au moins 10 jours');
    expect(await say('thomas-follow', 'ok je fais comment pour dire oui ?')).toContain('Accepter');
  });

  it('says why a request must be renewed, after its renewal date', async () => {
    await link('karim-why-renew', KARIM);
    await say('karim-why-renew', 'jdois renouveler avant quand ?');
    expect(await say('karim-why-renew', "pourquoi je dois renouveler ? je l'ai deja fait l'an dernier")).toContain('valable un an');
  });

  it('takes "je peux ?" after an offer\'s details for applying to it, and "et si jen retire pas ?" after the limit', async () => {
    await link('julie-may-i', JULIE);
    expect(await say('julie-may-i', 'détails OFR-00233')).toContain('Référence: OFR-00233');
    expect(await say('julie-may-i', 'je peux ?')).toContain('Je confirme votre candidature');
    // "nan finalement" answers the confirmation: no, nothing sent — not a cancel of everything.
    expect(await say('julie-may-i', 'nan finalement')).toContain("je n'ai rien envoyé");
    await link('nadia-if-not', NADIA);
    expect(await say('nadia-if-not', 'je veux postuler au T3 OFR-00268 a marseille')).toContain('le maximum');
    expect(await say('nadia-if-not', 'et si jen retire pas ?')).toContain("je ne peux pas envoyer d'autre candidature");
  });

  it('answers "what if I don\'t?" after the renewal date in English, though the classifier reads a proposal in it', async () => {
    await link('karim-english', KARIM);
    expect(await sayInEnglish('karim-english', 'when do I have to renew my request?')).toContain('20 days');
    expect(await sayInEnglish('karim-english', "what if I don't?")).toContain('struck off');
  });

  it('answers "c\'est quoi un T3 ?" after results with what the word means, and keeps the search', async () => {
    expect(await say('meaning', 'je cherche a Nantes')).toContain('Nantes');
    const meaning = await say('meaning', "c'est quoi un T3 ?");
    expect(meaning).toContain('T3 = 2 chambres');
    expect(meaning).not.toContain('offres à Nantes, en T3');
  });

  it('answers a question the classifier barely placed on a task with the knowledge base: beside a step, and after results', async () => {
    expect(await sayInEnglish('plai-aside', 'am I eligible? single mum, 1 kid, looking in Nice')).toContain('reference tax income');
    const aside = await sayInEnglish('plai-aside', "what's a PLAI?");
    expect(aside).toContain('PLAI');
    expect(aside).toContain("Let's pick up where we left off.");
    await link('julie-income-drop', JULIE);
    await say('julie-income-drop', 't3 villeurbanne');
    const drop = await say('julie-income-drop', 'et si mes revenus ont baissé cette annee ?');
    expect(drop).toContain('10 %');
    expect(drop).not.toContain('aucune alerte');
  });

  it('answers in English', async () => {
    await link('julie-english', JULIE);
    expect(await sayInEnglish('julie-english', 'apply to OFR-00230')).toContain('22,551');
    const why = await sayInEnglish('julie-english', 'why?');
    expect(why).toContain("this home's PLAI ceiling is €22,551");
    expect(why).toContain('€32,000');
  });

  it('lets a request of its own through, and keeps no topic for a later "pourquoi ?"', async () => {
    await link('julie-other', JULIE);
    await say('julie-other', 'candidater OFR-00230');
    // A clear request of its own is not a follow-up.
    expect(await say('julie-other', 'pourquoi mon dossier ne bouge pas ?')).toContain('Votre demande n°');
    // The refusal is no longer the last answer: "pk ?" is not explained with it.
    expect(await say('julie-other', 'pk ?')).not.toContain('22 551');
  });
});
