import type { Step } from '../support/formTestClient';

/**
 * The offer search form's rows (played by forms.test.ts): its answers (place, type, budget) as people
 * type them, one short conversation a row. The results are checked by their heading, which says the
 * criteria understood (the offers themselves are the simulator's seeded data).
 */

const ASK = {
  place: 'Dans quelle ville, quel code postal ou quel département cherchez-vous ?',
  /** The type question says the place back. */
  typology: (place: string) => `${place} : quel type de logement ? (T1 = studio, T2 = 1 chambre, T3 = 2 chambres…)`,
  budget: 'Quel loyer maximum par mois, charges comprises ?',
};
const TYPOLOGY_BUTTONS = ['T1', 'T2', 'T3', 'T4', 'T5', 'Peu importe'];
const BUDGET_BUTTONS = ['Peu importe'];

const ASKED: Step[] = [['je cherche un logement', ASK.place]];

export const OFFER_SEARCH_ROWS: [string, Step[]][] = [
  ['"Lyon", "T2", "peu importe"', [
    ...ASKED,
    ['Lyon', ASK.typology('Lyon'), { buttons: TYPOLOGY_BUTTONS }],
    ['T2', ASK.budget, { buttons: BUDGET_BUTTONS }],
    ['peu importe', 'offres à Lyon, en T2 : Offres 1 à', { not: ['jusqu'] }],
  ]],
  ['"Lyon", "T2", "n\'importe"', [
    ...ASKED,
    ['Lyon', ASK.typology('Lyon')],
    ['T2', ASK.budget],
    ["n'importe", 'offres à Lyon, en T2 : Offres 1 à', { not: ['jusqu'] }],
  ]],
  ['"Lyon", "peu importe", "peu importe": every type, any rent', [
    ...ASKED,
    ['Lyon', ASK.typology('Lyon')],
    ['peu importe', ASK.budget],
    ['peu importe', 'offres à Lyon : Offres 1 à 5 sur'],
  ]],
  ['"villeurbanne", "un t3", "800 max"', [
    ...ASKED,
    ['villeurbanne', ASK.typology('Villeurbanne')],
    ['un t3', ASK.budget],
    ['800 max', "offres à Villeurbanne, en T3, jusqu'à 800 € par mois charges comprises :"],
  ]],
  ['"Lyon", "studio", "pas plus de 500€"', [
    ...ASKED,
    ['Lyon', ASK.typology('Lyon')],
    ['studio', ASK.budget],
    ['pas plus de 500€', "à Lyon, en T1, jusqu'à 500 € par mois charges comprises :"],
  ]],
  ['"69100" (Villeurbanne\'s postal code), "T3", "700"', [
    ...ASKED,
    ['69100', ASK.typology('Villeurbanne')],
    ['T3', ASK.budget],
    ['700', "offres à Villeurbanne, en T3, jusqu'à 700 € par mois charges comprises :"],
  ]],
  ['in English: "Lyon", "T2", "whatever"', [
    ["I'm looking for a flat", 'In which town, postcode or department are you looking?'],
    ['Lyon', 'Lyon: what type of home? (T1 = studio, T2 = 1 bedroom, T3 = 2 bedrooms…)', { buttons: ['T1', 'T2', 'T3', 'T4', 'T5', 'Any'] }],
    ['T2', 'What maximum monthly rent, charges included?'],
    ['whatever', 'offers in Lyon, of type T2: Offers 1 to'],
  ]],
];
