import { normaliseForMatching, unmetExpectations } from '../../scripts/conversations/matching';

/** How the corpus reads what the user saw: facts, not typography. */
describe('normalising what the user saw', () => {
  it.each([
    ['35\u202f000\u00a0€', '35000 €'],
    ['31 254 €', '31254 €'],
    ['€31,254', '€31254'],
    ['35 000 000', '35000000'],
    ['Île-de-France', 'ile-de-france'],
    ['L’avis d’impôt', "l'avis d'impot"],
    ['27 et 29 ans', '27 et 29 ans'],
    ['59,5 m²', '59,5 m²'],
    ['  deux\n\nlignes  ', 'deux lignes'],
  ])('%j reads as %j', (seen, expected) => {
    expect(normaliseForMatching(seen)).toBe(expected);
  });
});

describe('checking a step', () => {
  const seen = 'PLUS (social) : non : plafond 31 254 €, dépassé de 3 746 €\nPLS : oui : plafond 40 630 €';
  it('holds when every phrase is there, one of each group, and no forbidden one', () => {
    expect(unmetExpectations(seen, { contains: ['31254', '40 630'], anyOf: [['depasse', 'au-dessus']], notContains: ['37584'] })).toEqual([]);
  });
  it('names each broken part', () => {
    expect(unmetExpectations(seen, { contains: ['37584'], anyOf: [['eligible', 'marge']], notContains: ['31254'] })).toEqual([
      'missing "37584"',
      'none of "eligible" / "marge"',
      'shows "31254", which it must not',
    ]);
  });
});
