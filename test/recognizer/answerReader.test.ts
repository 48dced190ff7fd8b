import fc from 'fast-check';
import { readChoice, readYesNo, type ChoiceOption } from '../../dialogs/recognizer/answers/answerReader';
import answerWords from '../../dialogs/recognizer/answers/answerWords.json';

describe('yes or no, as people answer', () => {
  it.each`
    typed                                        | read
    ${'oui'}                                     | ${'yes'}
    ${'Ouais'}                                   | ${'yes'}
    ${'ouiii'}                                   | ${'yes'}
    ${"ok vas-y"}                                | ${'yes'}
    ${"d'accord"}                                | ${'yes'}
    ${'Oui, merci !'}                            | ${'yes'}
    ${'yes please'}                              | ${'yes'}
    ${'yep'}                                     | ${'yes'}
    ${'sure'}                                    | ${'yes'}
    ${'non'}                                     | ${'no'}
    ${'nan'}                                     | ${'no'}
    ${'Non merci'}                               | ${'no'}
    ${'pas maintenant'}                          | ${'no'}
    ${'nope'}                                    | ${'no'}
    ${'no thanks'}                               | ${'no'}
    ${'non, en fait on est 4 avec les enfants et ma mere qui vient vivre avec nous'} | ${'no'}
    ${"je sais pas"}                             | ${undefined}
    ${"j'ai un doute"}                           | ${undefined}
    ${'oui et non'}                              | ${undefined}
    ${'peut-être'}                               | ${undefined}
    ${'not sure'}                                | ${undefined}
    ${'on est trois a Lyon avec un revenu de 30000, mais je ne sais pas si oui'} | ${undefined}
    ${'un T3 à Lyon'}                            | ${undefined}
    ${'ok donc mon dossier il en est ou'}        | ${undefined}
    ${'ok et pour le loyer ?'}                   | ${undefined}
    ${'ok, so where is my file?'}                | ${undefined}
    ${'ok merci'}                                | ${'yes'}
    ${''}                                        | ${undefined}
  `('"$typed" → $read', ({ typed, read }) => {
    expect(readYesNo(typed)).toBe(read);
  });

  it('reads a long message without stalling: only its beginning is read', () => {
    const started = performance.now();
    expect(readYesNo(`oui ${'trois mille deux cent '.repeat(4000)}`)).toBe('yes');
    expect(readYesNo('un '.repeat(40_000))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

type Family = 'single' | 'married' | 'pacs' | 'divorced';
const FAMILY: ChoiceOption<Family>[] = [
  { value: 'single', says: ['Célibataire', 'seul', 'seule', 'single'] },
  { value: 'married', says: ['Marié(e)', 'married', 'mariage'] },
  { value: 'pacs', says: ['Pacsé(e)', 'pacs', 'civil partnership'] },
  { value: 'divorced', says: ['Divorcé(e) ou séparé(e)', 'divorce', 'séparé', 'divorced', 'separated'] },
];

describe('one of the offered choices, as people answer', () => {
  it.each`
    typed                                  | read
    ${'Célibataire'}                       | ${{ kind: 'choice', value: 'single' }}
    ${'mariés'}                            | ${{ kind: 'choice', value: 'married' }}
    ${'on est mariee depuis 2019'}         | ${{ kind: 'choice', value: 'married' }}
    ${'pacsés'}                            | ${{ kind: 'choice', value: 'pacs' }}
    ${'pacsee'}                            | ${{ kind: 'choice', value: 'pacs' }}
    ${'separee'}                           | ${{ kind: 'choice', value: 'divorced' }}
    ${'we are married'}                    | ${{ kind: 'choice', value: 'married' }}
    ${'le deuxième'}                       | ${{ kind: 'choice', value: 'married' }}
    ${'la 3'}                              | ${{ kind: 'choice', value: 'pacs' }}
    ${'1er'}                               | ${{ kind: 'choice', value: 'single' }}
    ${'the second one'}                    | ${{ kind: 'choice', value: 'married' }}
    ${'le dernier'}                        | ${{ kind: 'choice', value: 'divorced' }}
    ${'aucun'}                             | ${{ kind: 'none' }}
    ${'aucune de ces raisons'}             | ${{ kind: 'none' }}
    ${'none of these'}                     | ${{ kind: 'none' }}
    ${'pas mariés'}                        | ${undefined}
    ${'le 7'}                              | ${undefined}
    ${"j'ai 2 enfants"}                    | ${undefined}
    ${'je sais pas'}                       | ${undefined}
  `('"$typed" → $read', ({ typed, read }) => {
    expect(readChoice(typed, FAMILY)).toEqual(read);
  });
});

type Words = Record<'yes' | 'no' | 'unsure' | 'none' | 'last', Record<'fr' | 'en', string[]>> & { ordinals: Record<'fr' | 'en', string[][]> };
const WORDS = answerWords as unknown as Words;

describe('a choice among homonyms, by what only it says', () => {
  const SAINT_DENIS: ChoiceOption[] = [
    { value: 'Saint-Denis (93)', says: ['Saint-Denis (93)'] },
    { value: 'Saint-Denis (974)', says: ['Saint-Denis (974)'] },
  ];
  it.each`
    typed                          | read
    ${'celle du 93'}               | ${{ kind: 'choice', value: 'Saint-Denis (93)' }}
    ${'la 974 a la reunion'}       | ${{ kind: 'choice', value: 'Saint-Denis (974)' }}
    ${'Saint-Denis'}               | ${undefined}
  `('"$typed" → $read', ({ typed, read }) => {
    expect(readChoice(typed, SAINT_DENIS)).toEqual(read);
  });
});

describe('the answer words, in both languages', () => {
  it('has each kind of answer in English as well as in French, with as many positions', () => {
    for (const kind of ['yes', 'no', 'unsure', 'none', 'last'] as const) {
      expect(WORDS[kind].fr.length).toBeGreaterThan(0);
      expect(WORDS[kind].en.length).toBeGreaterThan(0);
    }
    expect(WORDS.ordinals.en.length).toBe(WORDS.ordinals.fr.length);
  });

  it('reads every yes or no word of either language the same way, alone or in a short answer (property)', () => {
    const said = (kind: 'yes' | 'no') => fc.constantFrom(...WORDS[kind].fr, ...WORDS[kind].en).map((word) => ({ word, kind }));
    fc.assert(
      fc.property(fc.oneof(said('yes'), said('no')), fc.constantFrom('', '!', ' merci', ' thanks', '.'), ({ word, kind }, tail) => {
        expect(readYesNo(`${word}${tail}`)).toBe(kind);
      }),
    );
  });

  it('reads each position word of either language as the same choice (property)', () => {
    const positions = fc.constantFrom(...(['fr', 'en'] as const)).chain((language) =>
      fc.integer({ min: 0, max: WORDS.ordinals[language].length - 1 }).chain((index) => fc.constantFrom(...WORDS.ordinals[language][index]!).map((word) => ({ word, index }))),
    );
    const options = Array.from({ length: 6 }, (_, index) => ({ value: `option-${index}`, says: [`Choix ${'ABCDEF'[index]}`] }));
    fc.assert(
      fc.property(positions, fc.constantFrom('', 'le ', 'la ', 'the ', 'option '), ({ word, index }, before) => {
        expect(readChoice(`${before}${word}`, options)).toEqual({ kind: 'choice', value: `option-${index}` });
      }),
    );
  });
});
