import { readEligibilityMessage } from '../../dialogs/recognizer/eligibilityMessage';
import { extractEntities } from '../../dialogs/recognizer/entities/extractEntities';

const messageOf = (text: string) => readEligibilityMessage({ text, entities: extractEntities(text, new Date(2026, 2, 4)).entities });
const lyon = { kind: 'zone', zone: 'otherRegions', name: 'Lyon' };

describe('readEligibilityMessage: what a first message says, and only that', () => {
  test.each`
    typed                                                | said
    ${'on est 3 à Lyon avec 40 000 € de revenu fiscal'}  | ${{ place: lyon, persons: 3, income: { kind: 'yearly', value: 40000 } }}
    ${'je suis seule avec 2 enfants à Nanterre'}         | ${{ place: { kind: 'zone', zone: 'restIdf', name: 'Nanterre' }, persons: 3, composition: 'single' }}
    ${'on est 4 avec 2 enfants dans le 92'}              | ${{ place: { kind: 'needsCommune', departmentCode: '92', departmentName: 'Hauts-de-Seine' }, persons: 4, composition: 'adults', dependants: 2 }}
    ${'en couple, on gagne 2000 € par mois'}             | ${{ persons: 2, composition: 'couple', income: { kind: 'monthly', value: 2000 } }}
    ${'on est 40 à Lyon'}                                | ${{ place: lyon, persons: 40 }}
    ${'suis-je éligible au logement social ?'}           | ${{}}
  `('"$typed"', ({ typed, said }) => {
    // Strict: an unsaid fact must be absent, or it would hide the one the linked request gives.
    expect(messageOf(typed).said).toStrictEqual(said);
  });

  test.each`
    typed                                             | mentionsPriority
    ${"je suis menacée d'expulsion, suis-je éligible"} | ${true}
    ${'victime de violences conjugales'}              | ${true}
    ${'we are being evicted'}                         | ${true}
    ${'on est 3 à Lyon'}                              | ${false}
  `('"$typed" names a priority situation: $mentionsPriority', ({ typed, mentionsPriority }) => {
    expect(messageOf(typed).mentionsPriority).toBe(mentionsPriority);
  });
});
