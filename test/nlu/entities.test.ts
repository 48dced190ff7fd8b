import { findOfferReferences } from '../../dialogs/recognizer/entities/offerReference';
import { findAmounts } from '../../dialogs/recognizer/entities/amount';
import { findDates } from '../../dialogs/recognizer/entities/date';
import { findEmails } from '../../services/privacy/detectors/email';
import { extractEntities } from '../../dialogs/recognizer/entities/extractEntities';
import { findPersons } from '../../dialogs/recognizer/entities/persons';
import { findPhones } from '../../services/privacy/detectors/phone';
import { findPlaces } from '../../dialogs/recognizer/entities/place';
import { readEntities, type Place } from '../../dialogs/recognizer/entities/schemas';
import { findSirets } from '../../services/privacy/detectors/siret';
import { findSurfaces } from '../../dialogs/recognizer/entities/surface';
import { findTypologies } from '../../dialogs/recognizer/entities/typology';
import { findUniqueNumbers } from '../../services/sne/uniqueNumber';

/** Wednesday 4 March 2026, noon: relative dates below are read from this day. */
const TODAY = new Date(2026, 2, 4, 12, 0, 0);

describe('unique number (NUR/NUD): 13 digits then a 5-character desk code (FACTS.md)', () => {
  test.each`
    typed                                                   | found
    ${'0691124000101GDPUB'}                                 | ${['0691124000101GDPUB']}
    ${"mon numéro c'est 069 1124 000101 gdpub"}             | ${['0691124000101GDPUB']}
    ${'voici le 069-11-24-000101-GDPUB merci'}              | ${['0691124000101GDPUB']}
    ${'NUR: 1111023517879gdpub.'}                           | ${['1111023517879GDPUB']}
    ${'111.10.23.517879/GD PUB'}                            | ${['1111023517879GDPUB']}
    ${'069112400010GDPUB (12 digits only)'}                 | ${[]}
    ${'06911240001011GDPUB (14 digits)'}                    | ${[]}
    ${'0691124000101 GDPUBX'}                               | ${[]}
    ${'appelez le 06 12 34 56 78'}                          | ${[]}
    ${'secu 1 85 05 78 006 084 91 et je'}                   | ${[]}
    ${'carte 4111 1111 1111 1111 et voila'}                 | ${[]}
  `('"$typed" → $found', ({ typed, found }) => {
    expect(findUniqueNumbers(typed).map((match) => match.value)).toEqual(found);
  });

  it('reports where the number sits, so it can be masked in the text', () => {
    const text = "mon numéro c'est 069 1124 000101 gdpub, merci";
    const [match] = findUniqueNumbers(text);
    expect(text.slice(match!.start, match!.end)).toBe('069 1124 000101 gdpub');
  });
});

describe('SIRET: 14 digits, Luhn, La Poste exception (INSEE)', () => {
  test.each`
    typed                                      | siret               | valid
    ${'mon siret 84215930300010'}              | ${'84215930300010'} | ${true}
    ${'842 159 303 00010'}                     | ${'84215930300010'} | ${true}
    ${'842.159.303.00010'}                     | ${'84215930300010'} | ${true}
    ${'siret 84215930300011 je crois'}         | ${'84215930300011'} | ${false}
    ${'La Poste 35600000049837'}               | ${'35600000049837'} | ${true}
    ${'La Poste 35600000049838'}               | ${'35600000049838'} | ${false}
  `('"$typed" → $siret (valid: $valid)', ({ typed, siret, valid }) => {
    expect(findSirets(typed).map((match) => match.value)).toEqual([{ siret, valid }]);
  });

  it('does not read 13 or 15 digits as a SIRET', () => {
    expect(findSirets('8421593030001 et 842159303000100')).toEqual([]);
  });
});

describe('typology', () => {
  test.each`
    typed                                 | found
    ${'T3'}                               | ${['T3']}
    ${'F3'}                               | ${['T3']}
    ${'un t2 svp'}                        | ${['T2']}
    ${'je cherche un f 4'}                | ${['T4']}
    ${'3 pièces'}                         | ${['T3']}
    ${'trois pieces a lyon'}              | ${['T3']}
    ${'un 3p lumineux'}                   | ${['T3']}
    ${'studio'}                           | ${['T1']}
    ${'Studio ou T1 bis'}                 | ${['T1', 'T1']}
    ${'2 chambres'}                       | ${['T3']}
    ${'3 bedrooms'}                       | ${['T4']}
    ${'a 2 room flat'}                    | ${['T2']}
    ${'T2 ou T3'}                         | ${['T2', 'T3']}
    ${'t3/t4'}                            | ${['T3', 'T4']}
    ${'T7'}                               | ${['T6']}
    ${'une chambre chez l habitant'}      | ${[]}
    ${'il fait 3 degres'}                 | ${[]}
    ${'on est 3 personnes'}               | ${[]}
    ${'j ai le ticket T35'}               | ${[]}
  `('"$typed" → $found', ({ typed, found }) => {
    expect(findTypologies(typed).map((match) => match.value)).toEqual(found);
  });
});

describe('amounts in euros', () => {
  test.each`
    typed                                  | found
    ${'750€'}                              | ${[{ value: 750 }]}
    ${'750 €'}                             | ${[{ value: 750 }]}
    ${'750 euros cc'}                      | ${[{ value: 750, chargesIncluded: true }]}
    ${'700 € charges comprises'}           | ${[{ value: 700, chargesIncluded: true }]}
    ${'650€ hc'}                           | ${[{ value: 650, chargesIncluded: false }]}
    ${'800 euros par mois'}                | ${[{ value: 800, period: 'month' }]}
    ${'40k'}                               | ${[{ value: 40000, income: true }]}
    ${'40 k€ par an'}                      | ${[{ value: 40000, period: 'year' }]}
    ${'1,5k'}                              | ${[{ value: 1500 }]}
    ${'40 000 €'}                          | ${[{ value: 40000, income: true }]}
    ${'40.000 euros'}                      | ${[{ value: 40000, income: true }]}
    ${'1 200,50 €'}                        | ${[{ value: 1200.5 }]}
    ${'1,200.50 EUR'}                      | ${[{ value: 1200.5 }]}
    ${'€ 900'}                             | ${[{ value: 900 }]}
    ${'loyer max 700'}                     | ${[{ value: 700 }]}
    ${'je gagne 1800 net par mois'}        | ${[{ value: 1800, period: 'month', income: true }]}
    ${'35000 de RFR'}                      | ${[{ value: 35000, income: true }]}
    ${'rfr 35 000'}                        | ${[{ value: 35000, income: true }]}
    ${"le RFR c'est 19 000 je crois"}      | ${[{ value: 19000, income: true }]}
    ${'mon revenu fiscal c 24000'}         | ${[{ value: 24000, income: true }]}
    ${'34000 a nous deux'}                 | ${[{ value: 34000, income: true }]}
    ${'ok c 28000 sur l avis'}             | ${[{ value: 28000, income: true }]}
    ${'rfr 0'}                             | ${[{ value: 0, income: true }]}
    ${'my reference tax income was 22,000'} | ${[{ value: 22000, income: true }]}
    ${'loyer 0'}                           | ${[]}
    ${'400 max'}                           | ${[{ value: 400 }]}
    ${'moins cher, 650 maxi'}              | ${[{ value: 650 }]}
    ${'2 max'}                             | ${[]}
    ${'budget de 950e'}                    | ${[{ value: 950 }]}
    ${'T3 750€ max'}                       | ${[{ value: 750 }]}
    ${'Paris 15e'}                         | ${[]}
    ${'69003'}                             | ${[]}
    ${'max 3 pieces'}                      | ${[]}
    ${'25 000'}                            | ${[{ value: 25000, income: true }]}
    ${'revenus 2024 : 31 000'}             | ${[{ value: 31000, income: true }]}
    ${'mon rfr 2024'}                      | ${[]}
    ${'1 500 € cc'}                        | ${[{ value: 1500, chargesIncluded: true }]}
  `('"$typed" → $found', ({ typed, found }) => {
    expect(findAmounts(typed).map((match) => match.value)).toEqual(found);
  });
});

describe('surface', () => {
  test.each`
    typed                          | found
    ${'45 m2'}                     | ${[45]}
    ${'45m²'}                      | ${[45]}
    ${'au moins 60 m carrés'}      | ${[60]}
    ${'70 mètres carrés'}          | ${[70]}
    ${'52,5 m2'}                   | ${[52.5]}
    ${'at least 50 sqm'}           | ${[50]}
    ${'45 minutes de trajet'}      | ${[]}
  `('"$typed" → $found', ({ typed, found }) => {
    expect(findSurfaces(typed).map((match) => match.value)).toEqual(found);
  });
});

describe('number of persons', () => {
  test.each`
    typed                                          | persons
    ${'on est 3'}                                  | ${3}
    ${'nous sommes 4'}                             | ${4}
    ${'3 personnes'}                               | ${3}
    ${'famille de 5'}                              | ${5}
    ${'we are 2'}                                  | ${2}
    ${'seul'}                                      | ${undefined}
    ${'je suis seul'}                              | ${1}
    ${'je vis seule avec 2 enfants'}               | ${3}
    ${'en couple'}                                 | ${2}
    ${'en couple avec trois enfants'}              | ${5}
    ${'moi et mes 2 enfants'}                      | ${3}
    ${'ma femme et moi'}                           | ${2}
    ${'I live alone'}                              | ${1}
    ${'single mum with 1 kid'}                     | ${2}
    ${'le seul logement dispo'}                    | ${undefined}
    ${'un T2 pour une personne'}                   | ${1}
    ${'je veux parler a une personne'}             | ${undefined}
    ${'on est 3 pieces'}                           | ${undefined}
  `('"$typed" → $persons', ({ typed, persons }) => {
    expect(findPersons(typed)[0]?.value).toBe(persons);
  });

  it('takes "seul" typed alone as one person once the parsers run together', () => {
    // Alone it answers "how many are you?": the whole-message rule lives in the dialog's prompt, not here.
    expect(findPersons('tout seul')[0]?.value).toBe(1);
  });
});

describe('dates, read on Wednesday 4 March 2026', () => {
  test.each`
    typed                               | found
    ${'15/03/2026'}                     | ${['2026-03-15']}
    ${'le 15/03'}                       | ${['2026-03-15']}
    ${'15-03-26'}                       | ${['2026-03-15']}
    ${'2026-03-15'}                     | ${['2026-03-15']}
    ${'15 mars'}                        | ${['2026-03-15']}
    ${'1er avril 2026'}                 | ${['2026-04-01']}
    ${'le 3 sept.'}                     | ${['2025-09-03']}
    ${'20 décembre'}                    | ${['2025-12-20']}
    ${'March 15'}                       | ${['2026-03-15']}
    ${'15th of March 2027'}             | ${['2027-03-15']}
    ${'lundi'}                          | ${['2026-03-09']}
    ${'next friday'}                    | ${['2026-03-06']}
    ${'mercredi prochain'}              | ${['2026-03-11']}
    ${'demain'}                         | ${['2026-03-05']}
    ${'today'}                          | ${['2026-03-04']}
    ${'31/02/2026'}                     | ${[]}
    ${'3.5 pieces'}                     | ${[]}
    ${'12/2025'}                        | ${[]}
  `('"$typed" → $found', ({ typed, found }) => {
    expect(findDates(typed, TODAY).map((match) => match.value)).toEqual(found);
  });
});

describe('e-mail and phone', () => {
  test.each`
    typed                                       | found
    ${'mon mail: Jeanne.Martin+alin@Exemple.fr'} | ${['jeanne.martin+alin@exemple.fr']}
    ${'ecrivez a bob@mail.co.uk.'}              | ${['bob@mail.co.uk']}
    ${'pas un mail: jeanne@localhost'}          | ${[]}
  `('e-mail "$typed" → $found', ({ typed, found }) => {
    expect(findEmails(typed).map((match) => match.value)).toEqual(found);
  });

  test.each`
    typed                              | found
    ${'06 12 34 56 78'}                | ${['+33612345678']}
    ${'0612345678'}                    | ${['+33612345678']}
    ${'06.12.34.56.78'}                | ${['+33612345678']}
    ${'06-12-34-56-78'}                | ${['+33612345678']}
    ${'+33 6 12 34 56 78'}             | ${['+33612345678']}
    ${'+33612345678'}                  | ${['+33612345678']}
    ${'0033 1 23 45 67 89'}            | ${['+33123456789']}
    ${'+33 (0)1 23 45 67 89'}          | ${['+33123456789']}
    ${'00 12 34 56 78'}                | ${[]}
    ${'061234567'}                     | ${[]}
  `('phone "$typed" → $found', ({ typed, found }) => {
    expect(findPhones(typed).map((match) => match.value)).toEqual(found);
  });
});

/** The INSEE codes a place stands for (communes) or its department code. */
function codes(place: Place): string[] {
  return place.kind === 'commune' ? place.candidates.map((candidate) => candidate.code) : [`dep:${place.code}`];
}

describe('communes, postal codes and departments (@etalab/decoupage-administratif)', () => {
  test.each`
    typed                                       | found
    ${'Saint-Étienne'}                          | ${[['42218']]}
    ${'st etienne'}                             | ${[['42218']]}
    ${'je cherche a St-Etienne'}                | ${[['42218']]}
    ${'69003'}                                  | ${[['69383']]}
    ${'75015'}                                  | ${[['75115']]}
    ${'Paris 15e'}                              | ${[['75115']]}
    ${'paris 15eme'}                            | ${[['75115']]}
    ${'Paris 1er'}                              | ${[['75101']]}
    ${'Lyon 3e'}                                | ${[['69383']]}
    ${'cherche T3 lyon'}                        | ${[['69123']]}
    ${'Paris'}                                  | ${[['75056']]}
    ${'93'}                                     | ${[['dep:93']]}
    ${'dans le 93'}                             | ${[['dep:93']]}
    ${'Seine-Saint-Denis'}                      | ${[['dep:93']]}
    ${'en seine st denis'}                      | ${[['dep:93']]}
    ${'Vienne'}                                 | ${[['dep:86']]}
    ${'un logement a Tours'}                    | ${[['37261']]}
    ${'Lyon ou Villeurbanne'}                   | ${[['69123'], ['69266']]}
    ${'nice appart'}                            | ${[]}
    ${'il a eu un courrier'}                    | ${[]}
    ${'on est 3'}                               | ${[]}
    ${'rendez vous a la salle'}                 | ${[]}
    ${'ma situation a change'}                  | ${[]}
    ${'je sors de l hopital'}                   | ${[]}
    ${'garde ma recherche'}                     | ${[]}
    ${'have a nice evening'}                    | ${[]}
    ${'t1 ou t2 a nice'}                        | ${[['06088']]}
    ${'au Havre'}                               | ${[['76351']]}
    ${'ma demande'}                             | ${[]}
  `('"$typed" → $found', ({ typed, found }) => {
    expect(findPlaces(typed).map((match) => codes(match.value))).toEqual(found);
  });

  test.each`
    typed                              | first
    ${'un logement a Saint-Ouen'}      | ${'93070'}
    ${'cherche t3 la rochelle'}        | ${'17300'}
    ${'Issy'}                          | ${'92040'}
  `('reads "$typed" as $first first, among its homonyms (short and article-less names included)', ({ typed, first }) => {
    const [place] = findPlaces(typed);
    expect(codes(place!.value)[0]).toBe(first);
  });

  it('gives every homonym, most populated first', () => {
    const [saintDenis] = findPlaces('Saint-Denis');
    expect(codes(saintDenis!.value).slice(0, 2)).toEqual(['97411', '93066']);
    expect(codes(saintDenis!.value).length).toBeGreaterThan(2);
  });

  it('tells an arrondissement from its city', () => {
    const [paris15] = findPlaces('Paris 15e');
    expect(paris15!.value).toMatchObject({ kind: 'commune', candidates: [{ code: '75115', city: '75056', department: '75' }] });
  });
});

describe('all parsers together', () => {
  it('reads "cherche T3 lyon 750€ cc" as a typology, a commune and a rent', () => {
    const { entities } = extractEntities('cherche T3 lyon 750€ cc', TODAY);
    expect(entities.typologies).toEqual(['T3']);
    expect(entities.amounts).toEqual([{ value: 750, chargesIncluded: true }]);
    expect(entities.places?.map(codes)).toEqual([['69123']]);
  });

  it('does not read a NUR as a phone number, nor a rent as a postal code', () => {
    const { entities } = extractEntities('0691124000101GDPUB et 40000 € par an', TODAY);
    expect(entities.uniqueNumber).toBe('0691124000101GDPUB');
    expect(entities.phone).toBeUndefined();
    expect(entities.places).toBeUndefined();
    expect(entities.amounts).toEqual([{ value: 40000, period: 'year' }]);
  });

  it('reads a round number as money, not a postal code, when the message names another place', () => {
    const { entities } = extractEntities('seule avec ma fille, on cherche a versailles, 45000', TODAY);
    expect(entities.places?.map(codes)).toEqual([['78646']]);
    expect(entities.amounts).toEqual([{ value: 45000, income: true }]);
    // Said after a place cue, it stays the postal code.
    expect(extractEntities('Lyon ou a 38000', TODAY).entities.places?.map(codes)).toEqual([['69123'], ['38185']]);
  });

  it('keeps a postal code no commune has, for the dialog to say so', () => {
    for (const typed of ['je cherche vers 99999', 'les plafonds pour le 75099', 'a flat in 13999']) {
      const [place] = extractEntities(typed, TODAY).entities.places ?? [];
      expect(place).toMatchObject({ kind: 'commune', candidates: [] });
    }
    expect(extractEntities('mon code est 75099 merci', TODAY).entities.places).toBeUndefined();
  });

  it('does not read a date as a department', () => {
    const { entities } = extractEntities('rdv le 15 mars', TODAY);
    expect(entities.dates).toEqual(['2026-03-15']);
    expect(entities.places).toBeUndefined();
  });

  it('reads a long story: persons, income, place and typology', () => {
    const { entities } = extractEntities(
      "Bonjour, je suis seule avec 2 enfants, je gagne 1 650 € par mois et je cherche un 3 pièces vers Saint-Étienne, c'est urgent",
      TODAY,
    );
    expect(entities).toMatchObject({ persons: 3, typologies: ['T3'], amounts: [{ value: 1650, period: 'month' }] });
    expect(entities.places?.map(codes)).toEqual([['42218']]);
  });

  it('hands the dialogs typed entities and drops malformed ones (a forged card value)', () => {
    expect(readEntities({ typologies: ['T3'], persons: 'three', intent: 'x' })).toEqual({ typologies: ['T3'] });
  });
});

describe('offer references, as people type them', () => {
  it.each`
    typed                               | found
    ${'OFR-00213'}                      | ${['OFR-00213']}
    ${'détails ofr 213 svp'}            | ${['OFR-00213']}
    ${'ofr00227 c combien le loyer ?'}  | ${['OFR-00227']}
    ${'postuler OFR-00223'}             | ${['OFR-00223']}
    ${'offre 213'}                      | ${[]}
  `('"$typed" → $found', ({ typed, found }) => {
    expect(findOfferReferences(typed).map((match) => match.value)).toEqual(found);
  });
});
