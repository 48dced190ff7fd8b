import fc from 'fast-check';
import { corrected, correctionAt, factsFromMessage, type Facts, type Slot } from '../../dialogs/eligibilityFacts';
import { readChoice, readYesNo } from '../../dialogs/recognizer/answers/answerReader';
import { readEligibilityMessage } from '../../dialogs/recognizer/eligibilityMessage';
import { extractEntities } from '../../dialogs/recognizer/entities/extractEntities';
import { CompositionSchema, readAges, readPersons } from '../../dialogs/recognizer/entities/household';
import { readIncome } from '../../dialogs/recognizer/entities/income';
import { isZoned, readPlaceZone } from '../../dialogs/recognizer/entities/placeZone';
import { PLAUSIBLE_MAX_PERSONS } from '../../services/eligibility/assessEligibility';
import type { IncomeZone } from '../../services/eligibility/ceilings';
import {
  disabilityMatters,
  householdCategory,
  householdIssues,
  isYoungHousehold,
  youngHouseholdMatters,
  type HouseholdComposition,
} from '../../services/eligibility/householdCategory';
import enEligibility from '../../locales/en/eligibility.json';
import frEligibility from '../../locales/fr/eligibility.json';

/**
 * Property (issue: "the household category and place read from one sentence equal those obtained by
 * answering step by step"): a household, a place and an income, as people say them in French (with SMS
 * spellings, without accents) or in English, are told once in ONE sentence, and once as the answers a
 * user types at each question of the eligibility form. Both readings give the category, the zone and
 * the income of the household told.
 *
 * The sentence is read as the dialog reads a first message (`readEligibilityMessage` on the recognizer's
 * entities, then `factsFromMessage`); the answers as the form reads them (`EligibilityDialog`): at each
 * question the dialog first checks whether the answer corrects another slot ("en fait on est 4" at the
 * income question) and starts again from the corrected facts, else the prompt reads it (`readPlaceZone`,
 * `readPersons(…, true)`, `readIncome(…, true)`, the composition choice by the shared answer reader,
 * `readAges`, yes or no). The questions asked, and when, are the dialog's.
 */

// Fixed: the runs, and the day the recognizer reads dates against.
const RUNS = { seed: 20_260_304, numRuns: 300 };
const TODAY = new Date(2026, 2, 4);

/**
 * Cases the product reads wrongly today (see the report of the property-tests branch): `true` leaves the
 * case out of the generators. Set one to `false` once fixed, and the property covers it again.
 */
const LEFT_OUT = {
  /** "… à Saint-Denis (93) …" in a sentence: the place entity is "Saint-Denis" alone, a question 93 or 974 (the place question reads "(93)"). */
  saintDenis93InASentence: false,
  /** "mariés, 2 enfants, à Lyon": bare "mariés"/"pacsés" make a couple for the composition, not for the count of persons (none read). */
  bareMarriedInASentence: false,
  /** "my wife and I, we are 26 and 27": "we are 26" read as 26 persons. */
  agesAfterWeAre: false,
  /** "my wife and I are 25 and 26": ages after "are" not read (the couple counted as not young). */
  agesAfterAre: false,
  /** "alone with my 2 kids": a single parent, but no count of persons read. */
  aloneWithInEnglish: false,
  /** "mon mari et moi avec notre fils", "my wife and I and our son": one child after "notre"/"our" not counted (3 persons read as 2). */
  ourChild: false,
  /**
   * Five digits typed alone at the income question ("33000", "72100"): read as a postal code first, so a
   * correction of the place — to that commune (Bordeaux, Le Mans: the zone may change) or, when no commune
   * has the code ("41537"), back to the place question — and the income asked again.
   */
  bareFiveDigitIncomeAnswer: false,
  /** "40,000" typed at the income question: not read (English thousands separator). */
  commaThousandsIncomeAnswer: false,
  /**
   * At the composition question, the adults' own words read as a new count of persons: "Un couple, avec ou
   * sans personnes à charge" (the button), "en couple", "a couple" for a family of 3 or more → 2 persons;
   * "single parent", "parent seul" → 1 person.
   */
  householdWordsAtCompositionQuestion: false,
  /** "four" typed at the persons question: read as the commune Four (Isère), the place changed. */
  fourAtPersonsQuestion: false,
  /**
   * A place and the income with no punctuation between them: "à Paris 15 000 € de revenu" (the place read
   * as "Paris 15", inside the amount, and lost), "dans le 78 revenu 72 000" (78 read as an amount).
   */
  placeRunsIntoTheIncome: true,
  /** "juste moi" at the persons question: not read ("just me" is). */
  justeMoiAtPersonsQuestion: false,
};

type Language = 'fr' | 'en';

type Who =
  | { kind: 'alone' }
  | { kind: 'couple'; children: number; ages: [number, number]; agesSaid: boolean }
  | { kind: 'singleParent'; children: number }
  | { kind: 'flatmates'; adults: number };

type Card = 'card' | 'denied' | 'unsaid';

interface PlaceCase {
  zone: IncomeZone;
  /** How a sentence says it (with its cue). */
  said: Record<Language, string[]>;
  /** What a user types at "where?". */
  typed: string[];
  leftOutOfSentences?: boolean;
}

interface Situation {
  language: Language;
  who: Who;
  card: Card;
  place: PlaceCase;
  income: number;
}

interface Reading {
  zone: IncomeZone | undefined;
  category: number | undefined;
  income: number | undefined;
}

// Real communes and departments whose zone is known (services/eligibility/zones.json, FACTS.md).
const PLACES: PlaceCase[] = [
  { zone: 'otherRegions', said: { fr: ['à Lyon', 'sur Lyon', 'vers Lyon', 'a lyon'], en: ['in Lyon', 'near Lyon'] }, typed: ['Lyon', 'lyon', 'à Lyon', 'Lyon stp', '69003'] },
  { zone: 'otherRegions', said: { fr: ['à Villeurbanne', 'sur Villeurbanne'], en: ['in Villeurbanne'] }, typed: ['Villeurbanne', 'villeurbanne', '69100'] },
  { zone: 'otherRegions', said: { fr: ['à Nantes', 'sur nantes'], en: ['in Nantes'] }, typed: ['Nantes', 'NANTES', 'à nantes svp'] },
  { zone: 'otherRegions', said: { fr: ['à Bordeaux', 'vers Bordeaux'], en: ['in Bordeaux', 'around Bordeaux'] }, typed: ['Bordeaux', 'bordeaux'] },
  { zone: 'parisBordering', said: { fr: ['à Vincennes', 'sur Vincennes'], en: ['in Vincennes'] }, typed: ['Vincennes', 'vincennes', '94300'] },
  {
    zone: 'parisBordering',
    said: { fr: ['à Saint-Denis (93)', 'à St-Denis (93)', 'a saint denis (93)'], en: ['in Saint-Denis (93)'] },
    typed: ['Saint-Denis (93)', 'st denis (93)', 'Saint-Denis 93', '93200'],
    leftOutOfSentences: LEFT_OUT.saintDenis93InASentence,
  },
  { zone: 'parisBordering', said: { fr: ['à Paris 15e', 'dans Paris 15ème', 'à paris 15'], en: ['in Paris 15e'] }, typed: ['Paris 15e', 'paris 15', '75015'] },
  { zone: 'otherRegions', said: { fr: ['dans le 69', 'ds le 69', 'dans le Rhône'], en: ['in the Rhône'] }, typed: ['69', 'le 69', 'Rhône'] },
  { zone: 'restIdf', said: { fr: ['dans le 78', 'dans les Yvelines'], en: ['in the Yvelines'] }, typed: ['78', 'Yvelines', 'dans le 78'] },
  { zone: 'otherRegions', said: { fr: ['en Gironde', 'dans la Gironde'], en: ['in Gironde'] }, typed: ['Gironde', 'gironde'] },
];

const FRENCH_COUNTS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six'];
const ENGLISH_COUNTS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

const TITLES: Record<Language, Record<'single' | 'couple' | 'adults', string>> = {
  fr: frEligibility.ask.compositionChoices,
  en: enEligibility.ask.compositionChoices,
};

// The household told ------------------------------------------------------------------------------

const ageArb = fc.integer({ min: 18, max: 45 });
const whoArb: fc.Arbitrary<Who> = fc.oneof(
  fc.constant<Who>({ kind: 'alone' }),
  fc
    .record({ children: fc.integer({ min: 0, max: 4 }), a: ageArb, b: ageArb, same: fc.boolean(), agesSaid: fc.boolean() })
    .map(({ children, a, b, same, agesSaid }): Who => {
      const ages: [number, number] = [a, same ? a : b];
      // Ages not said in the sentence: the answer assumes no young couple, so the couple told is not one.
      if (!agesSaid && ages[0] + ages[1] <= 55) ages[1] = 56 - ages[0] + (ages[1] % 10);
      return { kind: 'couple', children, ages, agesSaid };
    }),
  fc.integer({ min: 1, max: 4 }).map((children): Who => ({ kind: 'singleParent', children })),
  fc.integer({ min: 2, max: 4 }).map((adults): Who => ({ kind: 'flatmates', adults })),
);

const situationArb: fc.Arbitrary<Situation> = fc.record({
  language: fc.constantFrom<Language>('fr', 'en'),
  who: whoArb,
  card: fc.constantFrom<Card>('card', 'denied', 'unsaid'),
  place: fc.constantFrom(...PLACES.filter((place) => !place.leftOutOfSentences)),
  // Round thousands, hundreds, or any euro: "40 000", "33 700", "28 431".
  income: fc.oneof(fc.integer({ min: 9, max: 95 }).map((k) => k * 1000), fc.integer({ min: 90, max: 950 }).map((h) => h * 100), fc.integer({ min: 9000, max: 95_000 })),
});

function personsOf(who: Who): number {
  switch (who.kind) {
    case 'alone':
      return 1;
    case 'couple':
      return 2 + who.children;
    case 'singleParent':
      return 1 + who.children;
    case 'flatmates':
      return who.adults;
  }
}

/** What the household told is, by the arrêté: the oracle both readings are held to. */
function expectedReading(situation: Situation): Reading {
  const { who } = situation;
  const dependants = who.kind === 'couple' || who.kind === 'singleParent' ? who.children : 0;
  const persons = personsOf(who);
  const household: HouseholdComposition = {
    persons,
    dependants,
    youngHousehold: who.kind === 'couple' && isYoungHousehold({ persons, dependants, ages: who.ages }),
    disabledPersons: situation.card === 'card' ? 1 : 0,
  };
  return { zone: situation.place.zone, category: householdCategory(household), income: situation.income };
}

// Saying it in one sentence ------------------------------------------------------------------------

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** "2 enfants", "deux enfants", "mon fils": the children, after "avec" or a comma. */
function childrenPhrases(language: Language, count: number, whose: 'mine' | 'ours'): string[] {
  if (language === 'fr') {
    if (count === 0) return ["pas d'enfant", 'sans enfant', "pas d'enfants", 'aucun enfant', '0 enfant'];
    const counted = [`${count} enfants`, `${FRENCH_COUNTS[count]} enfants`, whose === 'mine' ? `mes ${count} enfants` : `nos ${count} enfants`];
    if (count > 1) return counted;
    const ownChild = whose === 'mine' ? ['mon fils', 'ma fille'] : LEFT_OUT.ourChild ? [] : ['notre fils', 'notre fille'];
    return ['un enfant', '1 enfant', 'un bébé', ...ownChild];
  }
  if (count === 0) return ['no kids', 'no children', 'without children'];
  const counted = [`${count} kids`, `${ENGLISH_COUNTS[count]} children`, whose === 'mine' ? `my ${count} kids` : `our ${count} children`];
  if (count > 1) return counted;
  const ownChild = whose === 'mine' ? ['my son', 'my daughter'] : LEFT_OUT.ourChild ? [] : ['our son', 'our daughter'];
  return ['one child', 'a baby', '1 kid', ...ownChild];
}

function whoPhraseArb(language: Language, who: Who): fc.Arbitrary<string> {
  const fr = language === 'fr';
  switch (who.kind) {
    case 'alone': {
      const alone = fr ? ['je suis seul', 'je suis seule', 'je vis seule', 'jsuis seul', 'chui seule', 'célibataire', 'tout seul', 'pour moi seule'] : ['I live alone', 'just me', 'on my own', "I'm alone", 'by myself'];
      return fc.tuple(pick(alone), fc.option(pick(childrenPhrases(language, 0, 'mine')), { nil: undefined })).map(([adults, none]) => (none ? `${adults}, ${none}` : adults));
    }
    case 'couple': {
      const couple = fr
        ? ['mon mari et moi', 'ma femme et moi', 'moi et ma copine', 'moi et mon copain', 'en couple', 'avec ma copine', 'avec mon conjoint', 'avec ma compagne', 'nous sommes mariés', 'on est pacsés', 'un couple', ...(LEFT_OUT.bareMarriedInASentence ? [] : ['mariés', 'pacsés'])]
        : ['my wife and I', 'my husband and I', 'me and my girlfriend', 'with my partner', 'a couple', 'we are a couple', 'married'];
      const joiners = who.children === 0 ? [', ', ' '] : fr ? [' avec ', ', ', ' et '] : [' with ', ', ', ' and '];
      return fc
        .tuple(pick(couple), fc.option(pick(joiners), { nil: undefined }), pick(childrenPhrases(language, who.children, 'ours')))
        .map(([adults, joiner, children]) => (joiner === undefined && who.children === 0 ? adults : `${adults}${joiner ?? joiners[0]}${children}`));
    }
    case 'singleParent': {
      const parent = fr
        ? ['je suis seule avec', 'je suis seul avec', 'maman solo de', 'papa solo avec', 'mère célibataire avec', 'parent isolé avec', 'famille monoparentale,', 'je vis seule avec', 'jsuis seule avc']
        : ['single mum with', 'single dad of', 'single parent with', 'on my own with', ...(LEFT_OUT.aloneWithInEnglish ? [] : ['alone with'])];
      return fc.tuple(pick(parent), pick(childrenPhrases(language, who.children, 'mine'))).map(([adult, children]) => `${adult} ${children}`);
    }
    case 'flatmates': {
      const n = who.adults;
      const flatmates = fr
        ? [`on est ${n} colocataires`, `nous sommes ${n} en colocation`, `${n} personnes en colocation`, `on est ${FRENCH_COUNTS[n]} colocs`, `nous sommes ${n} amis`]
        : [`we are ${n} flatmates`, `we're ${n} roommates`, `${n} people sharing a flat`, `there are ${ENGLISH_COUNTS[n]} of us, flatmates`];
      return pick(flatmates);
    }
  }
}

/** "on est 4 :" before a family described: said or not. */
function totalPhraseArb(language: Language, who: Who): fc.Arbitrary<string | undefined> {
  if (who.kind !== 'couple' && who.kind !== 'singleParent') return fc.constant(undefined);
  const p = personsOf(who);
  const totals = language === 'fr' ? [`on est ${p}`, `nous sommes ${p}`, `${p} personnes`] : [`we are ${p}`, `there are ${p} of us`, `${p} people`];
  return fc.option(pick(totals), { nil: undefined });
}

function agesPhraseArb(language: Language, who: Who): fc.Arbitrary<string | undefined> {
  if (who.kind !== 'couple' || !who.agesSaid) return fc.constant(undefined);
  const [a, b] = who.ages;
  const fr = language === 'fr';
  const different = fr
    ? [`on a ${a} et ${b} ans`, `${a} et ${b} ans`, `${a} ans et ${b} ans`, `âgés de ${a} et ${b} ans`, `nous avons ${a} et ${b} ans`]
    : [`aged ${a} and ${b}`, `${a} and ${b} years old`, ...(LEFT_OUT.agesAfterWeAre ? [] : [`we are ${a} and ${b}`]), ...(LEFT_OUT.agesAfterAre ? [] : [`are ${a} and ${b}`])];
  const same = fr ? [`${a} ans tous les deux`, `${a} ans chacun`] : [`both ${a}`, `${a} each`];
  return pick(a === b ? [...different, ...same] : different);
}

function cardPhraseArb(language: Language, card: Card): fc.Arbitrary<string | undefined> {
  if (card === 'unsaid') return fc.constant(undefined);
  const phrases: Record<Language, Record<'card' | 'denied', string[]>> = {
    fr: {
      card: ["j'ai la carte CMI invalidité", "l'un de nous a une carte d'invalidité", 'avec une CMI invalidité', 'jai la cmi invalidite', 'carte mobilité inclusion invalidité'],
      denied: ['pas de handicap', 'aucun handicap', 'sans handicap'],
    },
    en: {
      card: ['I have a disability card', 'with a CMI invalidity card', 'one of us holds a disability card'],
      denied: ['no disability', 'no handicap'],
    },
  };
  return pick(phrases[language][card]);
}

/** "40 000", "40k", "40,000": an amount as typed, without its currency. */
function amountForms(language: Language, income: number): { plain: string; grouped: string[]; thousands: string[] } {
  const grouped =
    language === 'fr' ? [income.toLocaleString('fr-FR').replace(/\u202f/g, ' '), income.toLocaleString('fr-FR').replace(/\u202f/g, '\u00a0')] : [income.toLocaleString('en-GB')];
  return { plain: String(income), grouped, thousands: income % 1000 === 0 ? [`${income / 1000}k`] : [] };
}

/** The income typed alone at "what income?": with or without its currency. */
function incomeAnswers(language: Language, income: number): string[] {
  const { plain, grouped, thousands } = amountForms(language, income);
  const bare = LEFT_OUT.bareFiveDigitIncomeAnswer ? [] : [plain];
  if (language === 'fr') return [...bare, ...grouped, ...thousands, `${plain} €`, `${plain}€`, ...grouped.map((amount) => `${amount} €`), `${grouped[0]} euros par an`];
  return [...bare, ...(LEFT_OUT.commaThousandsIncomeAnswer ? [] : grouped), ...thousands, `€${plain}`, ...grouped.map((amount) => `€${amount}`), `${grouped[0]} euros`];
}

function incomePhraseArb(language: Language, income: number): fc.Arbitrary<string> {
  const templates =
    language === 'fr'
      ? [(x: string) => `${x} € de revenu fiscal`, (x: string) => `revenu fiscal de référence : ${x} €`, (x: string) => `RFR ${x}`, (x: string) => `on gagne ${x} € par an`, (x: string) => `${x} euros par an`, (x: string) => `avec ${x}€ de revenus`, (x: string) => `revenu fiscal ${x}`]
      : [(x: string) => `income of €${x}`, (x: string) => `${x} euros a year`, (x: string) => `our tax income is ${x} €`, (x: string) => `we earn €${x} a year`, (x: string) => `reference tax income ${x}`];
  const { plain, grouped, thousands } = amountForms(language, income);
  return fc.tuple(pick(templates), pick([plain, ...grouped, ...thousands])).map(([template, amount]) => template(amount));
}

const FILLERS: Record<Language, { before: string[]; after: string[]; between: string[] }> = {
  fr: {
    before: ['', 'Bonjour, ', 'bjr ', 'Salut ! ', 'slt, ', 'Bonjour. '],
    after: ['', ' suis-je éligible ?', ", est-ce que j'ai droit au logement social ?", ' merci', ' svp', ' stp', ' ?', ' !'],
    between: [', ', ' ; ', '. ', ' - ', ' et ', ' '],
  },
  en: {
    before: ['', 'Hello, ', 'Hi! ', 'hi '],
    after: ['', ' am I eligible?', ' can I get social housing?', ' thanks', ' please', '?'],
    between: [', ', '; ', '. ', ' - ', ' and '],
  },
};

/** How the whole sentence is typed: as is, in lower case, without accents. */
const TYPINGS: Record<Language, ((text: string) => string)[]> = {
  fr: [(text) => text, (text) => text.toLowerCase(), (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()],
  en: [(text) => text, (text) => text.toLowerCase()],
};

function sentenceArb(situation: Situation): fc.Arbitrary<string> {
  const { language, who } = situation;
  const fillers = FILLERS[language];
  return fc
    .record({
      total: totalPhraseArb(language, who),
      who: whoPhraseArb(language, who),
      ages: agesPhraseArb(language, who),
      card: cardPhraseArb(language, situation.card),
      place: pick(situation.place.said[language]),
      income: incomePhraseArb(language, situation.income),
      order: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
      separators: fc.array(pick(fillers.between), { minLength: 4, maxLength: 4 }),
      before: pick(fillers.before),
      after: pick(fillers.after),
      typing: fc.nat({ max: TYPINGS[language].length - 1 }),
    })
    .map((parts) => {
      // The household first said, "on est 4" before its description; the rest in any order.
      const household = parts.total ? `${parts.total}${language === 'fr' ? ' : ' : ', '}${parts.who}` : parts.who;
      const chunks = [household, parts.ages, parts.card, parts.place, parts.income];
      const order = chunks.map((chunk, index) => ({ chunk, key: parts.order[index] ?? 0 })).sort((a, b) => a.key - b.key);
      const said = order.flatMap(({ chunk }) => (chunk === undefined ? [] : [chunk]));
      const separator = (index: number) => {
        const chosen = parts.separators[index - 1] ?? ', ';
        return LEFT_OUT.placeRunsIntoTheIncome && said[index - 1] === parts.place && !/[,;.]/.test(chosen) ? ', ' : chosen;
      };
      const body = said.reduce((text, chunk, index) => (index === 0 ? chunk : `${text}${separator(index)}${chunk}`), '');
      return TYPINGS[language][parts.typing]!(`${parts.before}${body}${parts.after}`);
    });
}

// Answering step by step ---------------------------------------------------------------------------

type Question = 'place' | 'persons' | 'income' | 'composition' | 'ages' | 'disability';
type StepAnswers = Record<Question, string>;

function stepAnswersArb(situation: Situation): fc.Arbitrary<StepAnswers> {
  const { language, who } = situation;
  const fr = language === 'fr';
  const persons = personsOf(who);
  const personsForms =
    persons === 1
      ? fr
        ? ['1', 'une', 'je suis seul', 'moi seule', '1 personne', ...(LEFT_OUT.justeMoiAtPersonsQuestion ? [] : ['juste moi'])]
        : ['1', 'one', 'just me', 'only me']
      : fr
        ? [`${persons}`, `on est ${persons}`, `nous sommes ${persons}`, `${persons} personnes`, FRENCH_COUNTS[persons]!, `${persons} pers`]
        : [`${persons}`, `we are ${persons}`, `${persons} people`, ...(persons === 4 && LEFT_OUT.fourAtPersonsQuestion ? [] : [ENGLISH_COUNTS[persons]!])];
  const compositionOf = who.kind === 'couple' ? 'couple' : who.kind === 'singleParent' ? 'single' : 'adults';
  const title = TITLES[language][compositionOf];
  // The adults' own words ("en couple", "parent seul") say a count: only the title and the positions left in.
  const ownWords = !LEFT_OUT.householdWordsAtCompositionQuestion;
  const onlyPositions = who.kind === 'couple' && who.children > 0 && !ownWords;
  const compositionForms: Record<Language, Record<'single' | 'couple' | 'adults', string[]>> = {
    fr: {
      single: [title, title.toLowerCase(), 'le premier', '1', 'seule avec mes enfants', ...(ownWords ? ['parent seul'] : [])],
      couple: onlyPositions ? ['la deuxième', '2', 'la 2e', 'le 2e choix'] : [title, 'la deuxième', '2', 'en couple', 'couple', 'un couple'],
      adults: [title, 'le dernier', '3', 'la troisième', 'plusieurs adultes'],
    },
    en: {
      single: [title, 'the first one', '1', ...(ownWords ? ['single parent'] : [])],
      couple: onlyPositions ? ['the second one', '2', 'second'] : [title, 'the second one', '2', 'a couple', 'couple'],
      adults: [title, 'the last one', '3', 'several adults'],
    },
  };
  const [a, b] = who.kind === 'couple' ? who.ages : [30, 30];
  const agesForms = fr ? [`${a} et ${b}`, `${a} ans et ${b} ans`, `${a}/${b}`, `${a} et ${b} ans`, `moi ${a}, lui ${b}`] : [`${a} and ${b}`, `${a} and ${b} years old`, `${a}/${b}`, `I am ${a} and she is ${b}`];
  const yes = fr ? ['oui', 'Oui', 'ouais', "oui, j'ai la carte", 'oui !'] : ['yes', 'Yes', 'yep', 'yes we do'];
  const no = fr ? ['non', 'Non', 'nan', 'non merci', 'non, aucune', 'pas du tout'] : ['no', 'No', 'nope', 'no, nobody'];
  return fc.record({
    place: pick(situation.place.typed),
    persons: pick(personsForms),
    income: pick(incomeAnswers(language, situation.income)),
    composition: pick(compositionForms[language][compositionOf]),
    ages: pick(agesForms),
    disability: pick(situation.card === 'card' ? yes : no),
  });
}

const entitiesOf = (text: string) => extractEntities(text, TODAY).entities;
const saidIn = (text: string): Facts => factsFromMessage(readEligibilityMessage({ text, entities: entitiesOf(text) }).said);

/** The dialog's `dependantsOf` and `householdOf` (private to the dialog): what is unknown taken as absent. */
function householdOf(facts: Facts): HouseholdComposition {
  const persons = facts.persons ?? 1;
  const dependants =
    facts.dependants ?? (facts.composition === 'single' ? persons - 1 : facts.composition === 'couple' ? Math.max(0, persons - 2) : 0);
  return { persons, dependants, youngHousehold: facts.youngHousehold ?? false, disabledPersons: facts.disabledPersons ?? 0 };
}

function readingOf(facts: Facts): Reading {
  const household = householdOf(facts);
  const possible = facts.persons !== undefined && householdIssues(household).length === 0;
  return {
    zone: facts.place?.kind === 'zone' ? facts.place.zone : undefined,
    category: possible ? householdCategory(household) : undefined,
    income: facts.income?.kind === 'yearly' ? facts.income.value : undefined,
  };
}

/** The sentence, read as the dialog reads a first message. */
function readSentence(text: string): Reading {
  return readingOf(saidIn(text));
}

/** Why a step-by-step run stopped before the answer: the transcript says where. */
class StepsStalled extends Error {}

/**
 * The form of `EligibilityDialog`, step by step from "suis-je éligible ?": each question asked when the
 * dialog asks it, each answer read as the dialog reads it. A question whose answer is not read is asked
 * again: the same answer then stalls the run (reported with the transcript).
 */
function readSteps(language: Language, answers: StepAnswers, transcript: string[]): Reading {
  const ask = (question: Question, facts: Facts): { text: string; restart?: Facts } => {
    const text = answers[question];
    transcript.push(`${question}? ${JSON.stringify(text)}`);
    // onContinueDialog: an answer that changes another slot is a correction; the form starts again from it.
    const slot: Slot = question;
    const restart = correctionAt(slot, facts, { text, entities: entitiesOf(text) });
    if (restart) {
      transcript.push(`  read as a correction: ${JSON.stringify(restart)}`);
      return { text, restart };
    }
    return { text };
  };
  let carried: Facts = {};
  for (let round = 0; round < 6; round++) {
    // readStep: the message that starts the form ("suis-je éligible ?" says nothing), then what is carried.
    const facts: Facts = corrected({}, carried);
    const stepByStep = !(facts.persons !== undefined && facts.income !== undefined && (facts.place ?? facts.pendingPlace));
    let restart: Facts | undefined;
    const answer = (question: Question): string | undefined => {
      const { text, restart: again } = ask(question, facts);
      restart = again;
      return again ? undefined : text;
    };
    run: {
      // The place, until its zone is known.
      if (!facts.place) {
        if (facts.pendingPlace && facts.pendingPlace.kind !== 'unknown') throw new StepsStalled(`a place question: ${JSON.stringify(facts.pendingPlace)}`);
        const text = answer('place');
        if (text === undefined) break run;
        const reading = readPlaceZone(text);
        if (reading.kind === 'unknown') stalled('place');
        if (!isZoned(reading)) throw new StepsStalled(`a place question: ${JSON.stringify(reading)}`);
        facts.place = reading;
      }
      // How many persons.
      if (facts.persons === undefined || personsIssue(facts.persons)) {
        const text = answer('persons');
        if (text === undefined) break run;
        const persons = readPersons(text, entitiesOf(text), true);
        if (persons === undefined || personsIssue(persons)) stalled('persons');
        facts.persons = persons;
      }
      // The income, yearly.
      if (facts.income?.kind !== 'yearly') {
        const text = answer('income');
        if (text === undefined) break run;
        const income = readIncome(text, entitiesOf(text), true);
        if (income?.kind !== 'yearly') stalled('income');
        facts.income = income;
        delete facts.incomeYear;
      }
      // Who the household is.
      if (facts.persons === 1) facts.composition ??= 'adults';
      if (stepByStep && !facts.composition && facts.dependants === undefined) {
        const text = answer('composition');
        if (text === undefined) break run;
        const choices = CompositionSchema.options.map((value) => ({ value, says: [value, TITLES[language][value], TITLES[language][value]] }));
        const reading = readChoice(text, choices);
        if (reading?.kind !== 'choice') stalled('composition');
        facts.composition = reading.value;
      }
      // The ages of a couple without dependant.
      const dependants = householdOf(facts).dependants;
      const couple = facts.composition === 'couple' && facts.persons === 2;
      if (stepByStep && couple && youngHouseholdMatters({ persons: facts.persons!, dependants, disabledPersons: facts.disabledPersons }) && facts.youngHousehold === undefined) {
        const text = answer('ages');
        if (text === undefined) break run;
        const ages = readAges(text);
        if (!ages) stalled('ages');
        facts.youngHousehold = isYoungHousehold({ persons: facts.persons!, dependants, ages });
      }
      // The disability card, when it would change the category.
      if (stepByStep && disabilityMatters({ persons: facts.persons!, dependants, youngHousehold: facts.youngHousehold }) && facts.disabledPersons === undefined) {
        const text = answer('disability');
        if (text === undefined) break run;
        const yesNo = readYesNo(text);
        if (!yesNo) stalled('disability');
        facts.disabledPersons = yesNo === 'yes' ? 1 : 0;
      }
      return readingOf(facts);
    }
    carried = restart ?? facts;
  }
  throw new StepsStalled('the form starts again and again');
}

function stalled(question: Question): never {
  throw new StepsStalled(`the answer to "${question}" is not read`);
}

function personsIssue(persons: number): boolean {
  return persons > PLAUSIBLE_MAX_PERSONS || householdIssues({ persons, dependants: 0, youngHousehold: false, disabledPersons: 0 }).length > 0;
}

const caseArb = situationArb.chain((situation) => fc.record({ situation: fc.constant(situation), sentence: sentenceArb(situation), steps: stepAnswersArb(situation) }));

describe('one sentence or step by step: the same household category, zone and income (property)', () => {
  it(`reads the same facts either way, as the household told (${RUNS.numRuns} runs, seed ${RUNS.seed})`, () => {
    fc.assert(
      fc.property(caseArb, ({ situation, sentence, steps }) => {
        const expected = expectedReading(situation);
        const transcript: string[] = [];
        let stepByStep: Reading | string;
        try {
          stepByStep = readSteps(situation.language, steps, transcript);
        } catch (error) {
          if (!(error instanceof StepsStalled)) throw error;
          stepByStep = `${error.message}\n${transcript.join('\n')}`;
        }
        expect({ sentence: readSentence(sentence), stepByStep }).toEqual({ sentence: expected, stepByStep: expected });
      }),
      RUNS,
    );
  });

  it('fails on a misread sentence: the property is not vacuous', () => {
    // A sentence whose household is not the one told ("trois" children said "deux") must be caught.
    const situation: Situation = { language: 'fr', who: { kind: 'singleParent', children: 3 }, card: 'unsaid', place: PLACES[0]!, income: 30_000 };
    expect(readSentence('je suis seule avec 2 enfants à Lyon, 30 000 € de revenu fiscal')).not.toEqual(expectedReading(situation));
    expect(readSentence('je suis seule avec 3 enfants à Lyon, 30 000 € de revenu fiscal')).toEqual(expectedReading(situation));
    const answers: StepAnswers = { place: 'Lyon', persons: '4', income: '30 000 €', composition: 'le premier', ages: '', disability: 'non' };
    expect(readSteps('fr', answers, [])).toEqual(expectedReading(situation));
    expect(readSteps('fr', { ...answers, composition: 'le dernier' }, [])).not.toEqual(expectedReading(situation));
  });
});
