import type { Step } from '../support/formTestClient';

/**
 * The eligibility form's rows (played by forms.test.ts): its answers as people type them, one short
 * conversation a row. Ceilings are those of test/conversation/eligibility.test.ts and
 * test/conversations/eligibility.json.
 */

const YEAR = new Date().getUTCFullYear();

const ASK = {
  place: 'Dans quelle commune ou quel département cherchez-vous un logement ?',
  persons: 'Combien de personnes vivront dans le logement, vous compris ?',
  income: `Quel est le revenu fiscal de référence ${YEAR - 2} de votre foyer ?`,
  composition: 'Qui compose votre foyer ?',
  ages: "Quel âge avez-vous, l'un et l'autre ?",
  disability: 'Une des personnes à loger a-t-elle la carte mobilité inclusion mention « invalidité » (CMI invalidité) ?',
  whichSaintDenis: "Plusieurs communes s'appellent Saint-Denis, et leurs plafonds ne sont pas les mêmes. Laquelle ?",
  communeIn: (department: string) => `Dans ce département (${department}), les plafonds dépendent de la commune : celles qui touchent Paris ont ceux de Paris. Dans quelle commune cherchez-vous ?`,
};
const COMPOSITION_BUTTONS = ['Un adulte seul avec des personnes à charge', 'Un couple, avec ou sans personnes à charge', 'Plusieurs adultes qui ne sont pas en couple'];
const YES_NO_BUTTONS = ['Oui', 'Non'];
const SAINT_DENIS_BUTTONS = ['Saint-Denis (La Réunion)', 'Saint-Denis (Seine-Saint-Denis)', 'Saint-Denis (Aude)', 'Saint-Denis (Gard)'];

// The card's lines that say what was understood: the category (household), the zone (place), the income, and the PLUS verdict.
const CATEGORY = {
  alone: 'Catégorie de ménage: 1 : 1 personne',
  aloneWithCard: 'Catégorie de ménage: 2 : 1 personne, dont une personne titulaire de la carte CMI invalidité, donc une catégorie au-dessus',
  two: 'Catégorie de ménage: 2 : 2 personnes',
  youngCouple: 'Catégorie de ménage: 3 : 2 personnes, un jeune ménage (couple sans personne à charge, âges additionnés de 55 ans ou moins), donc une catégorie au-dessus',
  three: 'Catégorie de ménage: 3 : 3 personnes',
  singleParentOfTwo: 'Catégorie de ménage: 4 : 3 personnes, un adulte seul avec des personnes à charge, donc une catégorie au-dessus',
  four: 'Catégorie de ménage: 4 : 4 personnes',
};
const ZONE_PARIS_SAINT_DENIS = 'Zone: Paris et communes limitrophes (Saint-Denis)';

// Where the rows start: the question whose answers they try. The first message says "sans handicap" where the
// disability card is not what the row is about, so the row goes from its question straight to the verdict.
const AT_COMPOSITION_OF_3: Step[] = [
  ['suis-je eligible ? on est 3 a Lyon, sans handicap', ASK.income],
  ['30 000', ASK.composition, { buttons: COMPOSITION_BUTTONS }],
];
const AT_COMPOSITION_OF_2: Step[] = [
  ['suis-je eligible ? on est 2 a Lyon, sans handicap', ASK.income],
  ['30 000', ASK.composition, { buttons: COMPOSITION_BUTTONS }],
];
// 25 000 € for one person at Lyon: the card decides between category 1 (PLUS refused) and 2 (PLUS granted).
// Step by step: a household told in the first message is answered at once, with the card assumed absent.
const AT_DISABILITY: Step[] = [
  ['suis-je éligible ? je cherche à Lyon', ASK.persons],
  ['1', ASK.income],
  ['25 000 €', ASK.disability, { buttons: YES_NO_BUTTONS }],
];
const AT_INCOME: Step[] = [['suis-je éligible ? je vis seul à Lyon, sans handicap', ASK.income]];
const AT_PERSONS: Step[] = [['suis-je éligible ? on cherche à Lyon, pas de handicap', ASK.persons]];
const AT_PLACE: Step[] = [['suis-je éligible ? je vis seule, sans handicap, RFR 20 000', ASK.place]];
const AT_SAINT_DENIS: Step[] = [['suis-je éligible ? on est 2 à Saint-Denis avec 30 000 € de revenu fiscal', ASK.whichSaintDenis, { buttons: SAINT_DENIS_BUTTONS }]];

const PLUS_ALONE_LYON_20000 = 'PLUS (social): oui : plafond 23 403 €, marge de 3 403 €';
const PLUS_ALONE_PARIS_20000 = 'PLUS (social): oui : plafond 26 920 €, marge de 6 920 €';

export const ELIGIBILITY_ROWS: [string, Step[]][] = [
  // Who makes up the household (choices: single parent, couple, adults not in a couple)
  ['composition "seule avec mes 2 enfants": a single parent, one category up', [
    ...AT_COMPOSITION_OF_3,
    ['seule avec mes 2 enfants', [CATEGORY.singleParentOfTwo, 'PLUS (social): oui : plafond 45 374 €, marge de 15 374 €']],
  ]],
  ['composition "1": the first choice, a single parent', [
    ...AT_COMPOSITION_OF_3,
    ['1', [CATEGORY.singleParentOfTwo, 'PLUS (social): oui : plafond 45 374 €, marge de 15 374 €']],
  ]],
  ['composition "le deuxième": a couple with a child', [
    ...AT_COMPOSITION_OF_3,
    ['le deuxième', [CATEGORY.three, 'PLUS (social): oui : plafond 37 584 €, marge de 7 584 €']],
  ]],
  ['composition "un couple avec 1 enfant"', [
    ...AT_COMPOSITION_OF_3,
    ['un couple avec 1 enfant', [CATEGORY.three, 'PLUS (social): oui : plafond 37 584 €, marge de 7 584 €']],
  ]],
  ['composition "couple" of two: the ages, then a young household', [
    ...AT_COMPOSITION_OF_2,
    ['couple', ASK.ages],
    ['27 et 26', [CATEGORY.youngCouple, 'PLUS (social): oui : plafond 37 584 €, marge de 7 584 €']],
  ]],
  ['composition "2": the second choice, a couple; "30 et 31" is not a young household', [
    ...AT_COMPOSITION_OF_2,
    ['2', ASK.ages],
    ['30 et 31', [CATEGORY.two, 'PLUS (social): oui : plafond 31 254 €, marge de 1 254 €']],
  ]],
  ['composition "a couple" and ages "27 and 26", in English', [
    ...AT_COMPOSITION_OF_2,
    ['a couple', ASK.ages],
    ['27 and 26', [CATEGORY.youngCouple, 'PLUS (social): oui : plafond 37 584 €, marge de 7 584 €']],
  ]],
  ['composition "le dernier": two adults not in a couple, never a young household', [
    ...AT_COMPOSITION_OF_2,
    ['le dernier', [CATEGORY.two, 'PLUS (social): oui : plafond 31 254 €, marge de 1 254 €'], { not: [ASK.ages] }],
  ]],
  ['composition "plusieurs adultes"', [
    ...AT_COMPOSITION_OF_2,
    ['plusieurs adultes', [CATEGORY.two, 'PLUS (social): oui : plafond 31 254 €, marge de 1 254 €'], { not: [ASK.ages] }],
  ]],

  // The disability card (yes or no)
  ['disability "ouais": one category up', [...AT_DISABILITY, ['ouais', [CATEGORY.aloneWithCard, 'PLUS (social): oui : plafond 31 254 €, marge de 6 254 €']]]],
  ['disability "oui j\'ai la cmi"', [...AT_DISABILITY, ["oui j'ai la cmi", [CATEGORY.aloneWithCard, 'PLUS (social): oui : plafond 31 254 €, marge de 6 254 €']]]],
  ['disability "nan"', [...AT_DISABILITY, ['nan', [CATEGORY.alone, 'PLUS (social): non : plafond 23 403 €, dépassé de 1 597 €']]]],
  ['disability "pas du tout"', [...AT_DISABILITY, ['pas du tout', [CATEGORY.alone, 'PLUS (social): non : plafond 23 403 €, dépassé de 1 597 €']]]],
  ['disability "no": read, and the answer stays in French', [...AT_DISABILITY, ['no', [CATEGORY.alone, 'PLUS (social): non : plafond 23 403 €, dépassé de 1 597 €']]]],
  ['disability "yes it does": read, and the answer goes on in English', [
    ...AT_DISABILITY,
    ['yes it does', [
      'You are writing in English: I will continue in English.',
      'Household category: 2: 1 person, including a holder of the CMI invalidité card, so one category up',
      'PLUS (social): yes: ceiling €31,254, €6,254 to spare',
    ]],
  ]],
  ['disability "jsp": neither yes nor no, asked again with its buttons', [
    ...AT_DISABILITY,
    ['jsp', `Répondez par oui ou par non. ${ASK.disability}`, { buttons: YES_NO_BUTTONS, not: ['Catégorie de ménage'] }],
  ]],

  // The reference tax income
  ...([
    ["le RFR c'est 19 000 je crois", 'Revenu pris en compte: 19 000 € par an', 'PLUS (social): oui : plafond 23 403 €, marge de 4 403 €'],
    ['19k', 'Revenu pris en compte: 19 000 € par an', 'PLUS (social): oui : plafond 23 403 €, marge de 4 403 €'],
    ['environ 22 000 euros', 'Revenu pris en compte: 22 000 € par an', 'PLUS (social): oui : plafond 23 403 €, marge de 1 403 €'],
    ['about 19k a year', 'Revenu pris en compte: 19 000 € par an', 'PLUS (social): oui : plafond 23 403 €, marge de 4 403 €'],
  ] as const).map(([said, income, verdict]): [string, Step[]] => [`income "${said}"`, [
    ...AT_INCOME,
    [said, [CATEGORY.alone, income, verdict]],
  ]]),
  ['income "2 100 net par mois": explained as monthly, the yearly amount asked', [
    ...AT_INCOME,
    ['2 100 net par mois', `2 100 € par mois est un revenu mensuel, or les plafonds portent sur le revenu fiscal de référence de toute l'année ${YEAR - 2}`, { not: ['Catégorie de ménage'] }],
    ['19 000 €', 'Revenu pris en compte: 19 000 € par an'],
  ]],
  ['income "-5000": a negative income explained', [
    ...AT_INCOME,
    ['-5000', "Un revenu fiscal de référence ne peut pas être négatif ; s'il est nul, écrivez « 0 ».", { not: ['Catégorie de ménage'] }],
    ['0', ['Revenu pris en compte: 0 € par an', 'PLUS (social): oui : plafond 23 403 €, marge de 23 403 €']],
  ]],
  ['income "jsais pas": how to answer', [
    ...AT_INCOME,
    ['jsais pas', `Donnez-moi un montant par an, par exemple « 32 000 € » : quel est le revenu fiscal de référence ${YEAR - 2} de votre foyer ?`],
  ]],

  // How many persons (then a couple: "le deuxième" at the composition question)
  ...(['on est 4', '4', 'quatre', 'on é 4'] as const).map((said): [string, Step[]] => [`persons "${said}"`, [
    ...AT_PERSONS,
    [said, ASK.income],
    ['30 000', ASK.composition],
    ['le deuxième', [CATEGORY.four, 'PLUS (social): oui : plafond 45 374 €, marge de 15 374 €']],
  ]]),
  ...(['nous sommes 3', '3 personnes', 'on et 3', 'we are 3'] as const).map((said): [string, Step[]] => [`persons "${said}"`, [
    ...AT_PERSONS,
    [said, ASK.income],
    ['30 000', ASK.composition],
    ['le deuxième', [CATEGORY.three, 'PLUS (social): oui : plafond 37 584 €, marge de 7 584 €']],
  ]]),
  ['persons "on sera 2"', [
    ...AT_PERSONS,
    ['on sera 2', ASK.income],
    ['30 000', ASK.composition],
    ['couple', ASK.ages],
    ['30 et 31', [CATEGORY.two, 'PLUS (social): oui : plafond 31 254 €, marge de 1 254 €']],
  ]],
  // A household described rather than counted: no composition question after it. (Said at the persons
  // question, it makes the form forget a "pas de handicap" of the first message, so these start without it.)
  ['persons "moi et mes 2 enfants": three, a single parent', [
    ...AT_PERSONS,
    ['moi et mes 2 enfants', ASK.income],
    ['30 000', [CATEGORY.singleParentOfTwo, 'PLUS (social): oui : plafond 45 374 €, marge de 15 374 €'], { not: [ASK.composition] }],
  ]],
  ...(['moi ma femme et nos 2 enfants', 'moi mon mari et les 2 petits'] as const).map((said): [string, Step[]] => [`persons "${said}": four, a couple`, [
    ['suis-je éligible ?', ASK.place],
    ['Lyon', ASK.persons],
    [said, ASK.income],
    // The disability card would not change the verdict at this income: not asked, the answer says so.
    ['30 000', [CATEGORY.four, 'PLUS (social): oui : plafond 45 374 €, marge de 15 374 €'], { not: [ASK.composition, ASK.disability] }],
  ]]),

  // Counted apart, or a count and who it includes: four persons, a couple.
  ...(['2 adultes et 2 enfants', '4 avec les enfants'] as const).map((said): [string, Step[]] => [`persons "${said}"`, [
    ...AT_PERSONS,
    [said, ASK.income],
    ['30 000', [CATEGORY.four, 'PLUS (social): oui : plafond 45 374 €, marge de 15 374 €'], { not: [ASK.persons] }],
  ]]),

  // A misspelt town typed alone at the place question: confirmed before use.
  ['place "villeurbane": did you mean Villeurbanne?', [
    ...AT_PLACE,
    ['villeurbane', 'Vous voulez dire Villeurbanne (Rhône) ?'],
    ['oui', [CATEGORY.alone, 'Zone: autres régions (Villeurbanne)', PLUS_ALONE_LYON_20000]],
  ]],

  // Where (the zone)
  ...([
    ['a lyon svp', 'Zone: autres régions (Lyon)'],
    ['ds le 69 a lyon', 'Zone: autres régions (Lyon)'],
    ['Villeurbanne', 'Zone: autres régions (Villeurbanne)'],
    ['69003', 'Zone: autres régions (Lyon 3e Arrondissement)'],
    ['lyon 3e', 'Zone: autres régions (Lyon 3e Arrondissement)'],
    ['st etienne', 'Zone: autres régions (Saint-Étienne)'],
  ] as const).map(([said, zone]): [string, Step[]] => [`place "${said}"`, [
    ...AT_PLACE,
    [said, [CATEGORY.alone, zone, PLUS_ALONE_LYON_20000]],
  ]]),
  ['place "paris 15e"', [
    ...AT_PLACE,
    ['paris 15e', ['Zone: Paris et communes limitrophes (Paris 15e Arrondissement)', PLUS_ALONE_PARIS_20000]],
  ]],
  ['place "le 93": the commune asked, "Saint-Denis" borders Paris', [
    ...AT_PLACE,
    ['le 93', ASK.communeIn('Seine-Saint-Denis')],
    ['Saint-Denis', [ZONE_PARIS_SAINT_DENIS, PLUS_ALONE_PARIS_20000]],
  ]],
  ['place "92": the commune asked, "Boulogne-Billancourt" borders Paris', [
    ...AT_PLACE,
    ['92', ASK.communeIn('Hauts-de-Seine')],
    ['Boulogne-Billancourt', ['Zone: Paris et communes limitrophes (Boulogne-Billancourt)', PLUS_ALONE_PARIS_20000]],
  ]],
  ['place "st denis": which one, "celle du 93"', [
    ...AT_PLACE,
    ['st denis', ASK.whichSaintDenis, { buttons: SAINT_DENIS_BUTTONS }],
    ['celle du 93', [ZONE_PARIS_SAINT_DENIS, PLUS_ALONE_PARIS_20000]],
  ]],

  // Which Saint-Denis (a homonym in a full first sentence); then the verdict for the household as counted,
  // saying the cases it assumed absent (a single parent, a young couple) rather than asking who they are
  ...(['celle du 93', '93', 'seine saint denis', 'le 2e'] as const).map((said): [string, Step[]] => [`homonym "${said}"`, [
    ...AT_SAINT_DENIS,
    [said, [ZONE_PARIS_SAINT_DENIS, CATEGORY.two, 'PLUS (social): oui : plafond 40 233 €, marge de 10 233 €', "J'ai compté un foyer sans ces cas"], { not: [ASK.whichSaintDenis, ASK.composition] }],
  ]]),
  ['homonym "la reunion": overseas ceilings are not known', [
    ...AT_SAINT_DENIS,
    ['la reunion', "Les plafonds des départements et régions d'outre-mer sont différents, et je ne les ai pas encore.", { not: ['Catégorie de ménage'] }],
  ]],
];
