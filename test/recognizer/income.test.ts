import { extractEntities } from '../../dialogs/recognizer/entities/extractEntities';
import { readIncome } from '../../dialogs/recognizer/entities/income';

const entitiesOf = (text: string) => extractEntities(text, new Date(2026, 2, 4)).entities;

describe('income: the yearly income the eligibility form needs, or why the amount said is not one', () => {
  test.each`
    typed                                              | answer   | income
    ${'40 000 € de revenu fiscal'}                     | ${false} | ${{ kind: 'yearly', value: 40000 }}
    ${'on gagne 40k'}                                  | ${false} | ${{ kind: 'yearly', value: 40000 }}
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
  `('"$typed" (an answer: $answer) → $income', ({ typed, answer, income }) => {
    expect(readIncome(typed, entitiesOf(typed), answer)).toEqual(income);
  });
});
