import { extractEntities } from '../../dialogs/recognizer/entities/extractEntities';
import { readIncome } from '../../dialogs/recognizer/entities/income';

const entitiesOf = (text: string) => extractEntities(text, new Date(2026, 2, 4)).entities;

describe('income: the yearly income the eligibility form needs, or why the amount said is not one', () => {
  test.each`
    typed                                              | answer   | income
    ${'40 000 € de revenu fiscal'}                     | ${false} | ${{ kind: 'yearly', value: 40000 }}
    ${'on gagne 40k'}                                  | ${false} | ${{ kind: 'yearly', value: 40000 }}
    ${'rfr a nous deux 36000'}                         | ${false} | ${{ kind: 'yearly', value: 36000 }}
    ${'my income of reference is 30500'}               | ${false} | ${{ kind: 'yearly', value: 30500 }}
    ${'2000 € par mois'}                               | ${false} | ${{ kind: 'monthly', value: 2000 }}
    ${'je gagne 1800 € par mois, 21 600 € par an'}     | ${false} | ${{ kind: 'yearly', value: 21600 }}
    ${'1 500 € et 30 000 €'}                           | ${false} | ${{ kind: 'yearly', value: 30000 }}
    ${'-5000 €'}                                       | ${false} | ${{ kind: 'negative' }}
    ${'revenu : -5000'}                                | ${true}  | ${{ kind: 'negative' }}
    ${'revenu −5000'}                                  | ${true}  | ${{ kind: 'negative' }}
    ${'32000'}                                         | ${false} | ${undefined}
    ${'32000'}                                         | ${true}  | ${{ kind: 'yearly', value: 32000 }}
    ${'32 000'}                                        | ${true}  | ${{ kind: 'yearly', value: 32000 }}
    ${'32.000'}                                        | ${true}  | ${{ kind: 'yearly', value: 32000 }}
    ${'32\u00a0000'}                                   | ${true}  | ${{ kind: 'yearly', value: 32000 }}
    ${'22000 je crois'}                                | ${true}  | ${{ kind: 'yearly', value: 22000 }}
    ${'environ 30000 €'}                               | ${true}  | ${{ kind: 'yearly', value: 30000 }}
    ${'22000 je crois'}                                | ${false} | ${undefined}
    ${'trente mille'}                                  | ${true}  | ${undefined}
    ${'on est 3'}                                      | ${true}  | ${undefined}
    ${"mon RFR a moi c'est 26000 mais avec mon ex c'était 52000 €"} | ${false} | ${{ kind: 'yearly', value: 26000 }}
    ${'on gagnait 40000 avant, maintenant 30000 de rfr'} | ${false} | ${{ kind: 'yearly', value: 30000 }}
    ${'we earned 40000 before, now 30000 income'}      | ${false} | ${{ kind: 'yearly', value: 30000 }}
    ${'mon rfr était de 26000'}                        | ${false} | ${{ kind: 'yearly', value: 26000 }}
    ${'je touche 1600 net/mois'}                       | ${false} | ${{ kind: 'monthly', value: 1600 }}
    ${"sur l'avis c marqué 20500"}                     | ${true}  | ${{ kind: 'yearly', value: 20500 }}
    ${"ok sur l'avis 2025 c 27500"}                    | ${true}  | ${{ kind: 'yearly', value: 27500 }}
    ${'a 75011'}                                       | ${true}  | ${undefined}
    ${"sur l'avis c marqué 20500"}                     | ${false} | ${undefined}
  `('"$typed" (an answer: $answer) → $income', ({ typed, answer, income }) => {
    expect(readIncome(typed, entitiesOf(typed), answer)).toEqual(income);
  });
});
