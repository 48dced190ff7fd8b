import { extractEntities } from '../../dialogs/recognizer/entities/extractEntities';
import { readAges, readComposition, readDisabledPersons, readPersons } from '../../dialogs/recognizer/entities/household';

const entitiesOf = (text: string) => extractEntities(text, new Date(2026, 2, 4)).entities;

describe('persons: what the eligibility form reads as the number of persons to house', () => {
  test.each`
    typed                                         | answer   | persons
    ${'on est 3 à Lyon'}                          | ${false} | ${3}
    ${'we are 4'}                                 | ${false} | ${4}
    ${'on est 3 avec 40 000 € de revenu fiscal'}  | ${false} | ${3}
    ${'on est 40'}                                | ${false} | ${40}
    ${'0 personne'}                               | ${false} | ${0}
    ${'-2 personnes'}                             | ${false} | ${-2}
    ${'2,5 personnes'}                            | ${false} | ${2.5}
    ${'je suis seule avec 2 enfants'}             | ${false} | ${3}
    ${'en couple avec un enfant'}                 | ${false} | ${3}
    ${"je suis en instance de divorce, j'ai mes 2 enfants avec moi"} | ${false} | ${3}
    ${'divorcée avec 3 enfants'}                  | ${false} | ${4}
    ${'widowed with two kids'}                    | ${false} | ${3}
    ${'on est un jeune couple'}                   | ${false} | ${2}
    ${'veuf avec mes 3 enfants a charge'}         | ${false} | ${4}
    ${"divorcée, j'ai la garde de mes 2 filles"}  | ${false} | ${3}
    ${'on est en pleine separation, je garde ma fille'} | ${false} | ${2}
    ${"we're separating, I keep the 2 kids"}      | ${false} | ${3}
    ${'mon fils et moi'}                          | ${false} | ${2}
    ${"pas en couple, pas d'enfant"}              | ${false} | ${1}
    ${'on est 3 euh non 4'}                       | ${false} | ${4}
    ${'we are 3, sorry 4'}                        | ${false} | ${4}
    ${'seule a toulouse, rfr 25000'}              | ${false} | ${1}
    ${'on est 25 ans'}                            | ${false} | ${undefined}
    ${'3'}                                        | ${false} | ${undefined}
    ${'3'}                                        | ${true}  | ${3}
    ${' 4 '}                                      | ${true}  | ${4}
    ${'2,5'}                                      | ${true}  | ${2.5}
    ${'-1'}                                       | ${true}  | ${-1}
    ${'trois'}                                    | ${false} | ${undefined}
    ${'trois'}                                    | ${true}  | ${3}
    ${'je ne sais pas'}                           | ${true}  | ${undefined}
  `('"$typed" (an answer: $answer) → $persons', ({ typed, answer, persons }) => {
    expect(readPersons(typed, entitiesOf(typed), answer)).toBe(persons);
  });
});

describe('composition: who the household is, from the words of locales/*/eligibility.json', () => {
  test.each`
    typed                                | persons      | composition
    ${'je suis seule avec 2 enfants'}    | ${3}         | ${{ composition: 'single' }}
    ${"divorcée, j'ai la garde de mes 2 filles"} | ${3} | ${{ composition: 'single' }}
    ${'widowed with two kids'}           | ${3}         | ${{ composition: 'single' }}
    ${'single mum with 2 kids'}          | ${3}         | ${{ composition: 'single' }}
    ${'on est en couple'}                | ${2}         | ${{ composition: 'couple' }}
    ${'on est un jeune couple'}          | ${2}         | ${{ composition: 'couple' }}
    ${'mon mari et moi'}                 | ${undefined} | ${{ composition: 'couple' }}
    ${'my wife and I'}                   | ${2}         | ${{ composition: 'couple' }}
    ${'on est 4 avec 2 enfants'}         | ${4}         | ${{ composition: 'adults', dependants: 2 }}
    ${'we are 4 with 2 children'}        | ${4}         | ${{ composition: 'adults', dependants: 2 }}
    ${'on est 3 avec un enfant'}         | ${3}         | ${{ composition: 'adults', dependants: 1 }}
    ${'on est 3 avec des enfants'}       | ${3}         | ${{ composition: 'adults', dependants: 1 }}
    ${'on est 2 avec 1 enfant'}          | ${2}         | ${{ composition: 'single' }}
    ${'on est 3 avec 3 enfants'}         | ${3}         | ${{}}
    ${'avec 2 enfants'}                  | ${undefined} | ${{}}
    ${'on est 3 à Lyon'}                 | ${3}         | ${{}}
  `('"$typed" ($persons persons) → $composition', ({ typed, persons, composition }) => {
    expect(readComposition(typed, persons)).toEqual(composition);
  });
});

describe('ages: the answer to "how old are you both?"', () => {
  test.each`
    typed                    | ages
    ${'27 et 29'}            | ${[27, 29]}
    ${'27 ans et 29 ans'}    | ${[27, 29]}
    ${'27/29'}               | ${[27, 29]}
    ${'moi 24 ans lui 27'}   | ${[24, 27]}
    ${'we are 31 and 120'}   | ${[31, 120]}
    ${'27'}                  | ${undefined}
    ${'27, 29 et 31'}        | ${undefined}
    ${'27 et 130'}           | ${undefined}
    ${'nés en 1990 et 1992'} | ${undefined}
    ${'vingt-sept'}          | ${undefined}
  `('"$typed" → $ages', ({ typed, ages }) => {
    expect(readAges(typed)).toEqual(ages);
  });
});

describe('a disability card said, denied, or not said', () => {
  it.each`
    typed                                               | read
    ${"j'ai la carte CMI invalidité"}                   | ${1}
    ${'mon fils a la CMI'}                              | ${1}
    ${"je vis seul à Lyon, pas de carte d'invalidité"}  | ${0}
    ${"personne n'a la CMI"}                            | ${0}
    ${'no disability card'}                             | ${0}
    ${'pas de handicap'}                                | ${0}
    ${'on est 3 à Lyon'}                                | ${undefined}
  `('"$typed" → $read', ({ typed, read }) => {
    expect(readDisabledPersons(typed)).toBe(read);
  });
});
