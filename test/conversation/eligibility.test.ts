import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allText } from '../support/botHarness';
import { conversationsWithPortal } from '../support/portalConversations';

// Intl writes French thousands with a narrow no-break space (U+202F) and "€" after a no-break space (U+00A0).
const euros = (amount: string) => `${amount.replace(' ', '\u202f')}\u00a0€`;
const YEAR = new Date().getUTCFullYear();

describe('eligibility, for the user\'s own situation', () => {
  const { running, sayWith: say, link: linked } = conversationsWithPortal();

  it('answers a question said in one sentence in one turn, with every financing type', async () => {
    const card = await say('one-sentence', 'on est 3 à Lyon, mon mari, moi et notre fille, avec 40 000 € de revenu fiscal, suis-je éligible ?');
    expect(card).toContain('Votre éligibilité au logement social');
    expect(card).toContain('Catégorie de ménage: 3\u00a0: 3 personnes');
    expect(card).toContain('Zone: autres régions (Lyon)');
    expect(card).toContain(`Revenu pris en compte: ${euros('40 000')} par an`);
    expect(card).toContain(`PLUS (social): non\u00a0: plafond ${euros('37 584')}, dépassé de ${euros('2 416')}`);
    expect(card).toMatch(/PLAI \(très social\): non\u00a0: plafond .*⚠ estimé/);
    expect(card).toMatch(/PLS \(intermédiaire social\): oui\u00a0: plafond .*, marge de .*⚠ estimé/);
    expect(card).toContain('PLI (intermédiaire): dépend de la zone du logement');
    expect(card).toContain(`L'année qui compte\u00a0: vos revenus ${YEAR - 2}, sur l'avis d'impôt reçu en ${YEAR - 1}. Si vos revenus ont baissé d'au moins 10\u00a0%`);
    // Not asked: said in the card, with the category they would give.
    expect(card).toContain('c\'est la catégorie 4');
    expect(card).toContain('salarié d\'une entreprise du secteur privé qui cotise à Action Logement');
    expect(card).toContain('[Vérifier mon employeur]');
    expect(card).not.toMatch(/Combien|Quel est|Qui compose/);
  });

  it('answers a household counted in a whole sentence as counted, saying the case that would move it up, and takes that case when told', async () => {
    // Three persons: a couple with a child (category 3, PLUS 37 584) or a parent with two (category 4).
    const counted = await say('open-household', 'on est 3 à Lyon avec 40 000 € de revenu fiscal, suis-je éligible ?');
    expect(counted).toContain('Catégorie de ménage: 3');
    expect(counted).toContain('un adulte seul avec des personnes à charge');
    expect(counted).not.toContain('Qui compose votre foyer');
    expect(await say('open-household', 'en fait je suis seule avec mes 2 enfants')).toContain('Catégorie de ménage: 4');
  });

  // The NLU reads this sentence without a question as an offer search: a known gap, kept here
  // so that the test fails — and reminds us to turn it into a plain test — once the model learns it.
  it('answers a household, a place and an income told without a question mark, in one turn', async () => {
    expect(await say('issue-sentence', 'on est 3 à Lyon en couple avec 40 000 € de revenu fiscal')).toContain('Catégorie de ménage: 3');
  });

  it('reads "22000 je crois" at the income question as the income, not as the postcode of Saint-Brieuc', async () => {
    await say('hedged-income', 'suis-je éligible à Lyon ?');
    expect(await say('hedged-income', 'on est 3, un couple et un enfant')).toContain(`Quel est le revenu fiscal de référence ${YEAR - 2} de votre foyer\u00a0?`);
    const card = await say('hedged-income', '22000 je crois');
    expect(card).toContain('Revenu pris en compte: 22\u202f000\u00a0€ par an');
    expect(card).toContain('Zone: autres régions (Lyon)');
  });

  it('says what a correction changed before asking the question again, and answers "c koi le rfr ?" beside the step', async () => {
    await say('noted', 'suis-je eligible ? on cherche a Lyon');
    const noted = await say('noted', 'en fait plutôt grenoble');
    expect(noted).toContain("C'est noté\u00a0: à Grenoble.");
    expect(noted).toContain('Combien de personnes vivront dans le logement');
    const aside = await say('noted', 'c koi le rfr ?');
    expect(aside).toContain('revenu fiscal de référence');
    expect(aside).toContain('Combien de personnes vivront dans le logement');
    expect(aside).not.toContain('Donnez-moi un nombre');
    await say('noted', 'on est 3');
    await say('noted', '25000');
    const card = await say('noted', 'en fait on est 4');
    expect(card).toContain("C'est noté\u00a0: 4 personnes.");
    expect(card).toContain('Zone: autres régions (Grenoble)');
    expect(card).not.toContain('Choisissez une des réponses proposées');
  });

  it('asks eligibility when it is asked outright beside a town, and answers "c\'est quoi la cmi ?" beside the step', async () => {
    const asked = await say('outright', "moi et ma femme 35 et 38 ans pas d'enfant, on cherche a strasbourg, on a droit ?");
    expect(asked).toContain('Quel est le revenu fiscal de référence');
    expect(asked).not.toContain('offres à Strasbourg');
    const aside = await say('outright', "c'est quoi la cmi ?");
    expect(aside).toContain('invalidité');
    expect(aside).toContain('Quel est le revenu fiscal de référence');
  });

  it('reads "non plutot 26000" after an answer as the income, not as the postcode of Valence', async () => {
    await say('primes', 'jsui seul sans enfant et sans handicap, grenoble, rfr 22000');
    const card = await say('primes', 'non plutot 26000 jai oublié les primes');
    expect(card).toContain('Revenu pris en compte: 26\u202f000\u00a0€ par an');
    expect(card).toContain('Zone: autres régions (Grenoble)');
  });

  it('asks step by step only what is missing, and the questions that change the category', async () => {
    expect(await say('steps', 'suis-je éligible ?')).toContain('Dans quelle commune ou quel département cherchez-vous un logement\u00a0?');
    expect(await say('steps', 'Villeurbanne')).toContain('Combien de personnes vivront dans le logement, vous compris\u00a0?');
    expect(await say('steps', '2')).toContain(`Quel est le revenu fiscal de référence ${YEAR - 2} de votre foyer\u00a0?`);
    const composition = await running().bot.say('steps', '28 000 €');
    expect(allText(composition)).toContain('Qui compose votre foyer\u00a0?');
    expect(JSON.stringify(composition)).toContain('Un couple, avec ou sans personnes à charge');
    expect(await say('steps', 'Un couple, avec ou sans personnes à charge')).toContain('Quel âge avez-vous, l\'un et l\'autre\u00a0?');
    // A young couple is already one category up: the disability card would change nothing, so it is not asked.
    const card = await say('steps', '27 et 26');
    expect(card).toContain('Catégorie de ménage: 3\u00a0: 2 personnes, un jeune ménage');
    expect(card).toContain('Zone: autres régions (Villeurbanne)');
    expect(card).toContain(`PLUS (social): oui\u00a0: plafond ${euros('37 584')}, marge de ${euros('9 584')}`);
    expect(card).not.toContain('J\'ai compté un foyer sans ce');
  });

  it('asks about the disability card step by step when it would move the category, and not about the composition of one person', async () => {
    await say('alone', 'suis-je éligible ?');
    await say('alone', 'Lyon');
    expect(await say('alone', '1')).toContain('Quel est le revenu fiscal de référence');
    expect(await say('alone', '25 000 €')).toContain('carte mobilité inclusion mention «\u00a0invalidité\u00a0»');
    const card = await say('alone', 'oui');
    expect(card).toContain('Catégorie de ménage: 2\u00a0: 1 personne, dont une personne titulaire de la carte CMI invalidité');
    expect(card).toContain(`PLUS (social): oui\u00a0: plafond ${euros('31 254')}, marge de ${euros('6 254')}`);
  });

  it('answers at once a household told in the first message, says the card it assumed absent, and a "oui" then settles it', async () => {
    expect(await say('alone-told', 'suis-je éligible ? je vis seul à Lyon')).toContain('Quel est le revenu fiscal de référence');
    const first = await say('alone-told', '25 000 €');
    expect(first).toContain('une personne titulaire de la carte CMI invalidité. S\'il vous concerne');
    expect(first).toContain(`PLUS (social): non\u00a0: plafond ${euros('23 403')}`);
    const settled = await say('alone-told', 'oui');
    expect(settled).toContain('Catégorie de ménage: 2\u00a0: 1 personne, dont une personne titulaire de la carte CMI invalidité');
  });

  it('answers a linked user from the request on the national file, without a question', async () => {
    await linked('julie', '0691124000101GDPUB');
    const card = await say('julie', 'suis-je éligible ?');
    expect(card).toContain('Votre éligibilité, d\'après votre demande n°\u00a0069');
    expect(card).toContain('Catégorie de ménage: 3\u00a0: 3 personnes');
    expect(card).toContain('Zone: autres régions (Rhône)');
    expect(card).toContain(`Revenu pris en compte: ${euros('32 000')} par an`);
    expect(card).toContain(`PLUS (social): oui\u00a0: plafond ${euros('37 584')}, marge de ${euros('5 584')}`);
    expect(card).toContain(`PLAI (très social): non\u00a0: plafond ${euros('22 551')}, dépassé de ${euros('9 449')}`);
    expect(card).toContain(`Le revenu indiqué est bien celui de ${YEAR - 2}.`);
    expect(card).toContain('Foyer et revenu repris de votre demande sur le fichier national');
    expect(card).toContain('Votre employeur enregistré sur AL-in, Rhône Logistique SAS, cotise à Action Logement');
    expect(card).not.toMatch(/Combien|Quel est|Qui compose|J'ai compté un foyer/);
  });

  it('links first when the message carries a unique number, then answers from the request', async () => {
    expect(await say('number-given', 'suis-je éligible ? mon numéro est 0590923000555GDPUB')).toContain('je viens d\'envoyer un code');
    const card = await say('number-given', await running().simulator.outboxCode());
    expect(card).toContain('est liée');
    expect(card).toContain('Votre éligibilité, d\'après votre demande n°\u00a0059');
    expect(card).toContain('Catégorie de ménage: 4\u00a0: 4 personnes');
    expect(card).toContain(`PLUS (social): oui\u00a0: plafond ${euros('45 374')}, marge de ${euros('7 374')}`);
  });

  it('asks the commune in a department where the zone depends on it', async () => {
    expect(await say('hauts-de-seine', 'suis-je éligible ? on est 2, en couple, 52 et 58 ans, dans le 92 avec 30 000 € de revenu fiscal')).toContain(
      'Dans ce département (Hauts-de-Seine), les plafonds dépendent de la commune',
    );
    expect(await say('hauts-de-seine', 'Paris')).toContain('Je ne trouve pas cette commune dans ce département (Hauts-de-Seine)');
    const card = await say('hauts-de-seine', 'Boulogne-Billancourt');
    expect(card).toContain('Zone: Paris et communes limitrophes (Boulogne-Billancourt)');
    expect(card).toContain(`PLUS (social): oui\u00a0: plafond ${euros('40 233')}`);
  });

  it.each([
    ['40k', 'k'],
    ['40 000 €', 'spaces'],
    ['40.000 euros', 'dots'],
  ])('reads an income typed as "%s"', async (typed, name) => {
    const conversation = `income-${name}`;
    await say(conversation, 'suis-je éligible ? je vis seul à Lyon');
    const card = await say(conversation, typed);
    expect(card).toContain(`Revenu pris en compte: ${euros('40 000')} par an`);
    expect(card).toContain(`PLUS (social): non\u00a0: plafond ${euros('23 403')}, dépassé de ${euros('16 597')}`);
  });

  it('meets impossible values with a clear question, never an error', async () => {
    await say('impossible', 'suis-je éligible ?');
    await say('impossible', 'Lyon');
    expect(await say('impossible', '0')).toContain('Il faut au moins une personne à loger');
    expect(await say('impossible', '40 personnes')).toContain('40 personnes dans un seul logement, cela me paraît beaucoup');
    expect(await say('impossible', '3')).toContain('Quel est le revenu fiscal de référence');
    expect(await say('impossible', '-5000 €')).toContain('Un revenu fiscal de référence ne peut pas être négatif');
    expect(await say('impossible', '2 500 € par mois')).toContain(`${euros('2 500')} par mois est un revenu mensuel`);
    // A third miss is not met with the same sentence: how to answer, and a person.
    const help = await say('impossible', 'je ne sais pas');
    expect(help).toContain('en euros par an');
    expect(help).toContain('Parler à un conseiller');
    expect(await say('impossible', '30 000 €')).toContain('Qui compose votre foyer');
  });

  it('asks again when the first sentence gives an impossible household', async () => {
    const seen = await say('forty', 'suis-je éligible ? on est 40 à Lyon avec 40 000 € de revenu fiscal');
    expect(seen).toContain('40 personnes dans un seul logement, cela me paraît beaucoup');
    expect(seen).not.toContain('Désolé');
    expect(await say('forty', '4')).toContain('Catégorie de ménage: 4\u00a0: 4 personnes');
  });

  it('asks which Saint-Denis is meant, since their ceilings differ', async () => {
    const question = await running().bot.say('saint-denis', 'suis-je éligible ? on est 2 à Saint-Denis, mon mari et moi, avec 30 000 € de revenu fiscal');
    expect(allText(question)).toContain('Plusieurs communes s\'appellent Saint-Denis, et leurs plafonds ne sont pas les mêmes. Laquelle\u00a0?');
    expect(JSON.stringify(question)).toContain('Saint-Denis (Seine-Saint-Denis)');
    // A couple whose ages decide between two verdicts at this income: asked before answering.
    expect(await say('saint-denis', '93')).toContain('Un couple sans personne à charge dont les âges additionnés font 55 ans ou moins');
    const card = await say('saint-denis', '52 et 58');
    expect(card).toContain('Zone: Paris et communes limitrophes (Saint-Denis)');
    expect(card).toContain(`PLUS (social): oui\u00a0: plafond ${euros('40 233')}, marge de ${euros('10 233')}`);

    await say('saint-denis-974', 'suis-je éligible ? on est 2 à Saint-Denis avec 30 000 € de revenu fiscal');
    expect(await say('saint-denis-974', 'La Réunion')).toContain('Les plafonds des départements et régions d\'outre-mer sont différents');
  });

  it('shows the numbers the English way in English', async () => {
    const card = await say('english', 'we are 3, my husband, our son and me, in Lyon with a reference tax income of €40,000, am I eligible?', { locale: 'en-US' });
    expect(card).toContain('Household category: 3: 3 people');
    expect(card).toContain('Zone: other regions (Lyon)');
    expect(card).toContain('PLUS (social): no: ceiling €37,584, exceeded by €2,416');
    expect(card).toContain('Income counted: €40,000 a year');
    expect(card).toContain(`The year that counts: your ${YEAR - 2} income`);
    expect(card).not.toContain('\u202f');
  });

  it('explains priority households when the message names a priority situation, and offers an adviser', async () => {
    const seen = await say('priority', 'suis-je éligible ? on est 2 à Lyon avec 25 000 € de revenu fiscal, et on est menacés d\'expulsion');
    expect(seen).toContain('Votre situation peut rendre votre demande prioritaire');
    expect(seen).toContain('article L441-1');
    expect(seen).toContain('[Parler à un conseiller]');
    expect(await say('no-priority', 'suis-je éligible ? on est 2 à Lyon avec 25 000 € de revenu fiscal')).not.toContain('prioritaire');
  });

  it('checks the employer\'s SIRET from the button', async () => {
    await say('siret', 'on est 3 à Lyon, en couple avec un enfant, avec 40 000 € de revenu fiscal, suis-je éligible ?');
    const asked = await say('siret', '', { value: { intent: 'eligibility', action: 'checkEmployer' } });
    expect(asked).toContain('Quel est le SIRET de votre employeur');
    // Not linked: nothing is known of an employer on file.
    expect(asked).not.toContain('enregistré sur votre demande');
    expect(await say('siret', '842 159 303 00010')).toContain('Rhône Logistique SAS cotise à Action Logement');
  });
});

describe('locales/fr/eligibility.json', () => {
  const sentences = (value: unknown, key = ''): [string, string][] =>
    typeof value === 'string'
      ? [[key, value]]
      : value && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).flatMap(([child, inner]) => sentences(inner, key ? `${key}.${child}` : child))
        : [];
  const read = (language: string) => JSON.parse(readFileSync(join(__dirname, '../../locales', language, 'eligibility.json'), 'utf8')) as unknown;

  it('puts a no-break space (U+00A0) before ? ! : ; % and inside « »', () => {
    const faults = sentences(read('fr')).filter(([, text]) => / [?!:;»%]|« /.test(text));
    expect(faults).toEqual([]);
  });

  it('has the same sentences in French and English', () => {
    expect(sentences(read('en')).map(([key]) => key).sort()).toEqual(sentences(read('fr')).map(([key]) => key).sort());
  });
});
