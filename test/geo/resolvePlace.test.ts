import { communeByCode, departmentByCode, narrowCandidates, resolvePlace, type PlaceResolution } from '../../services/geo/resolvePlace';
import { placeIndex } from '../../services/geo/placeIndex';

/** A resolution as codes: "75115", "?homonyms:93066,97411", "dep:93", "unknown". */
function summary(resolution: PlaceResolution): string {
  switch (resolution.kind) {
    case 'commune':
      return resolution.commune.code;
    case 'ambiguous':
      return `?${resolution.reason}:${resolution.candidates.map((candidate) => candidate.code).join(',')}`;
    case 'department':
      return `dep:${resolution.department.code}`;
    case 'unknown':
      return 'unknown';
  }
}

describe('resolvePlace: what a person types, read against @etalab/decoupage-administratif', () => {
  test.each`
    typed                              | expected           | why
    ${'Saint-Étienne'}                 | ${'42218'}         | ${'official spelling'}
    ${'saint etienne'}                 | ${'42218'}         | ${'no accent, no hyphen'}
    ${'st etienne'}                    | ${'42218'}         | ${'"st" for "saint"'}
    ${'ST-ETIENNE'}                    | ${'42218'}         | ${'upper case'}
    ${'Ste Foy les Lyon'}              | ${'69202'}         | ${'"ste" for "sainte", "lès" typed "les"'}
    ${'Villeurbanne'}                  | ${'69266'}         | ${'a plain name'}
    ${'  à Villeurbanne svp '}         | ${'69266'}         | ${'fillers around the name'}
    ${'Le Havre'}                      | ${'76351'}         | ${'the article is part of the name'}
    ${'au havre'}                      | ${'76351'}         | ${'article dropped after "au"'}
    ${'Les Lilas'}                     | ${'93045'}         | ${'a bordering commune with its article'}
    ${'kremlin bicetre'}               | ${'94043'}         | ${'Le Kremlin-Bicêtre without article nor accent'}
    ${'Saint-Ouen'}                    | ${'?homonyms:93070,41226,80711'} | ${'short name of Saint-Ouen-sur-Seine, with the two real Saint-Ouen'}
    ${'Issy'}                          | ${'92040'}         | ${'short name of Issy-les-Moulineaux'}
    ${'Paris'}                         | ${'75056'}         | ${'the city, not the department of the same name'}
    ${'Paris 15e'}                     | ${'75115'}         | ${'arrondissement'}
    ${'paris 15eme'}                   | ${'75115'}         | ${'arrondissement, "ème"'}
    ${'Paris 1er'}                     | ${'75101'}         | ${'first arrondissement'}
    ${'75015'}                         | ${'75115'}         | ${'postal code of an arrondissement, not Paris as a whole'}
    ${'75116'}                         | ${'75116'}         | ${'second postal code of the 16th'}
    ${'75015 Paris'}                   | ${'75115'}         | ${'postal code and city'}
    ${'Lyon 3e'}                       | ${'69383'}         | ${'Lyon arrondissement'}
    ${'69003'}                         | ${'69383'}         | ${'Lyon postal code'}
    ${'Marseille 1er'}                 | ${'13201'}         | ${'Marseille arrondissement'}
    ${'13008'}                         | ${'13208'}         | ${'Marseille postal code'}
    ${'Marseille 13001'}               | ${'13201'}         | ${'city and postal code'}
    ${'42000'}                         | ${'42218'}         | ${'a postal code of one commune'}
    ${'Saint-Denis 93'}                | ${'93066'}         | ${'homonym with its department number'}
    ${'Saint-Denis (974)'}             | ${'97411'}         | ${'homonym with its department in parentheses'}
    ${'saint denis la réunion'}        | ${'97411'}         | ${'homonym with its department name'}
    ${'Saint-Denis, Réunion'}          | ${'97411'}         | ${'department name without its article'}
    ${'93200 Saint-Denis'}             | ${'93066'}         | ${'postal code first'}
    ${'Lyon 69'}                       | ${'69123'}         | ${'city and its department'}
    ${'93'}                            | ${'dep:93'}        | ${'department number'}
    ${'dans le 93'}                    | ${'dep:93'}        | ${'department number after "dans le"'}
    ${'2A'}                            | ${'dep:2A'}        | ${'Corsica'}
    ${'974'}                           | ${'dep:974'}       | ${'overseas department number'}
    ${'Seine-Saint-Denis'}             | ${'dep:93'}        | ${'department name'}
    ${'seine st denis'}                | ${'dep:93'}        | ${'department name, "st"'}
    ${'département du Nord'}           | ${'dep:59'}        | ${'department after "département du"'}
    ${'Réunion'}                       | ${'dep:974'}       | ${'La Réunion without its article'}
    ${'Vienne'}                        | ${'dep:86'}        | ${'department named like a smaller commune'}
    ${'Atlantis'}                      | ${'unknown'}       | ${'no such place'}
    ${'20'}                            | ${'unknown'}       | ${'no department 20 (2A/2B since 1976)'}
    ${'99999'}                         | ${'unknown'}       | ${'no such postal code'}
    ${''}                              | ${'unknown'}       | ${'nothing typed'}
    ${'Saint-Denis 75'}                | ${'unknown'}       | ${'no Saint-Denis in that department'}
  `('"$typed" → $expected ($why)', ({ typed, expected }) => {
    expect(summary(resolvePlace(typed))).toBe(expected);
  });

  it('gives every homonym of "Saint-Denis", most populated first, each with its department', () => {
    const resolution = resolvePlace('Saint-Denis');
    expect(resolution.kind).toBe('ambiguous');
    if (resolution.kind !== 'ambiguous') return;
    expect(resolution.reason).toBe('homonyms');
    expect(resolution.candidates.slice(0, 2)).toMatchObject([
      { code: '97411', name: 'Saint-Denis', department: '974' },
      { code: '93066', name: 'Saint-Denis', department: '93' },
    ]);
    expect(resolution.candidates.length).toBeGreaterThan(2);
    expect(new Set(resolution.candidates.map((candidate) => candidate.code)).size).toBe(resolution.candidates.length);
  });

  test.each`
    typed              | count
    ${'Sainte-Colombe'} | ${12}
    ${'Valence'}        | ${3}
    ${'Montreuil'}      | ${3}
  `('"$typed" has $count homonyms, all returned', ({ typed, count }) => {
    const resolution = resolvePlace(typed);
    expect(resolution.kind === 'ambiguous' ? resolution.candidates.length : 0).toBe(count);
  });

  it('returns every commune of a shared postal code', () => {
    const resolution = resolvePlace('51300');
    expect(resolution.kind).toBe('ambiguous');
    if (resolution.kind !== 'ambiguous') return;
    expect(resolution.reason).toBe('postalCode');
    expect(resolution.candidates.length).toBeGreaterThan(40);
    expect(resolution.candidates.every((candidate) => candidate.postalCodes.includes('51300'))).toBe(true);
  });

  it('tells an arrondissement from its city', () => {
    for (const [typed, code, city] of [['Paris 15e', '75115', '75056'], ['Lyon 3e', '69383', '69123'], ['Marseille 1er', '13201', '13055']] as const) {
      expect(resolvePlace(typed)).toMatchObject({ kind: 'commune', commune: { code, city } });
    }
  });

  it('offers the commune named like a department', () => {
    expect(resolvePlace('Vienne')).toMatchObject({ kind: 'department', department: { code: '86', name: 'Vienne' }, sameNameCommunes: [{ code: '38544' }] });
  });
});

describe('narrowCandidates: the answer to "which one?"', () => {
  const saintDenis = (() => {
    const resolution = resolvePlace('Saint-Denis');
    return resolution.kind === 'ambiguous' ? resolution.candidates : [];
  })();

  test.each`
    answer                   | codes
    ${'93'}                  | ${['93066']}
    ${'le 974'}              | ${['97411']}
    ${'La Réunion'}          | ${['97411']}
    ${'Seine-Saint-Denis'}   | ${['93066']}
    ${'93200'}               | ${['93066']}
    ${'Saint-Denis 93'}      | ${['93066']}
    ${'Lyon'}                | ${[]}
    ${'75'}                  | ${[]}
  `('"$answer" keeps $codes', ({ answer, codes }) => {
    expect(narrowCandidates(saintDenis, answer).map((candidate) => candidate.code)).toEqual(codes);
  });
});

describe('the index', () => {
  test.each`
    code       | name                          | department
    ${'75056'} | ${'Paris'}                    | ${'75'}
    ${'75120'} | ${'Paris 20e Arrondissement'} | ${'75'}
    ${'2A004'} | ${'Ajaccio'}                  | ${'2A'}
    ${'97411'} | ${'Saint-Denis'}              | ${'974'}
  `('knows $code $name', ({ code, name, department }) => {
    expect(communeByCode(code)).toMatchObject({ code, name, department });
  });

  it('knows departments by code', () => {
    expect(departmentByCode('2a')).toEqual({ code: '2A', name: 'Corse-du-Sud' });
    expect(departmentByCode('93')).toEqual({ code: '93', name: 'Seine-Saint-Denis' });
    expect(departmentByCode('20')).toBeUndefined();
  });

  it('keeps only current communes and municipal arrondissements (no merged commune codes)', () => {
    const { communesByCode } = placeIndex();
    expect(communesByCode.size).toBeGreaterThan(34_000);
    expect(communesByCode.size).toBeLessThan(36_000);
  });
});
