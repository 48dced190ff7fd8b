import { misspeltCommune } from '../../services/geo/misspeltCommune';

describe('a misspelt town, corrected against the communes referential', () => {
  it.each`
    typed            | meant
    ${'villeurbane'} | ${'Villeurbanne'}
    ${'marseile'}    | ${'Marseille'}
    ${'bordeau'}     | ${'Bordeaux'}
    ${'toulose'}     | ${'Toulouse'}
    ${'grenobel'}    | ${'Grenoble'}
  `('"$typed" → $meant', ({ typed, meant }) => {
    expect(misspeltCommune(typed)?.name).toBe(meant);
  });

  it.each(['louer', 'bout', 'maison', 'lyon', 'appartement', 'xyzzyq', '75099'])('leaves "%s" alone: an ordinary word, a town spelt right, or nothing close', (typed) => {
    expect(misspeltCommune(typed)).toBeUndefined();
  });
});
