import { zoneForDepartment, zoneForPlace, zoneForResolution } from '../../services/eligibility/zone';
import { communeByCode, narrowCandidates, resolvePlace } from '../../services/geo/resolvePlace';

describe('zoneForPlace: the three zones of the ceilings (FACTS.md)', () => {
  // The 29 communes bordering Paris, with their official names in @etalab/decoupage-administratif.
  test.each([
    ['92012', 'Boulogne-Billancourt'], ['92024', 'Clichy'], ['92040', 'Issy-les-Moulineaux'], ['92044', 'Levallois-Perret'],
    ['92046', 'Malakoff'], ['92049', 'Montrouge'], ['92051', 'Neuilly-sur-Seine'], ['92062', 'Puteaux'], ['92064', 'Saint-Cloud'],
    ['92073', 'Suresnes'], ['92075', 'Vanves'], ['93001', 'Aubervilliers'], ['93006', 'Bagnolet'], ['93045', 'Les Lilas'],
    ['93048', 'Montreuil'], ['93055', 'Pantin'], ['93061', 'Le Pré-Saint-Gervais'], ['93066', 'Saint-Denis'],
    ['93070', 'Saint-Ouen-sur-Seine'], ['94018', 'Charenton-le-Pont'], ['94033', 'Fontenay-sous-Bois'], ['94037', 'Gentilly'],
    ['94041', 'Ivry-sur-Seine'], ['94042', 'Joinville-le-Pont'], ['94043', 'Le Kremlin-Bicêtre'], ['94052', 'Nogent-sur-Marne'],
    ['94067', 'Saint-Mandé'], ['94069', 'Saint-Maurice'], ['94080', 'Vincennes'],
  ])('%s %s borders Paris', (code, name) => {
    expect(communeByCode(code)?.name).toBe(name);
    expect(zoneForPlace(code)).toEqual({ kind: 'zone', zone: 'parisBordering' });
  });

  test.each(Array.from({ length: 20 }, (_, index) => String(75101 + index)))('Paris arrondissement %s is in Paris', (code) => {
    expect(communeByCode(code)?.city).toBe('75056');
    expect(zoneForPlace(code)).toEqual({ kind: 'zone', zone: 'parisBordering' });
  });

  test.each`
    code       | expected                                              | commune
    ${'75056'} | ${{ kind: 'zone', zone: 'parisBordering' }}           | ${'Paris'}
    ${'92050'} | ${{ kind: 'zone', zone: 'restIdf' }}                  | ${'Nanterre (92, not bordering)'}
    ${'93008'} | ${{ kind: 'zone', zone: 'restIdf' }}                  | ${'Bobigny (93, not bordering)'}
    ${'94028'} | ${{ kind: 'zone', zone: 'restIdf' }}                  | ${'Créteil (94, not bordering)'}
    ${'77288'} | ${{ kind: 'zone', zone: 'restIdf' }}                  | ${'Melun (77)'}
    ${'78646'} | ${{ kind: 'zone', zone: 'restIdf' }}                  | ${'Versailles (78)'}
    ${'91228'} | ${{ kind: 'zone', zone: 'restIdf' }}                  | ${'Évry-Courcouronnes (91)'}
    ${'95127'} | ${{ kind: 'zone', zone: 'restIdf' }}                  | ${'Cergy (95)'}
    ${'69123'} | ${{ kind: 'zone', zone: 'otherRegions' }}             | ${'Lyon'}
    ${'69383'} | ${{ kind: 'zone', zone: 'otherRegions' }}             | ${'Lyon 3e arrondissement'}
    ${'13201'} | ${{ kind: 'zone', zone: 'otherRegions' }}             | ${'Marseille 1er arrondissement'}
    ${'2A004'} | ${{ kind: 'zone', zone: 'otherRegions' }}             | ${'Ajaccio (Corsica)'}
    ${'60057'} | ${{ kind: 'zone', zone: 'otherRegions' }}             | ${'Beauvais (60, next to Île-de-France)'}
    ${'97411'} | ${{ kind: 'outOfScope', reasonCode: 'overseas' }}     | ${'Saint-Denis, La Réunion'}
    ${'97105'} | ${{ kind: 'outOfScope', reasonCode: 'overseas' }}     | ${'Basse-Terre, Guadeloupe'}
    ${'97611'} | ${{ kind: 'outOfScope', reasonCode: 'overseas' }}     | ${'Mamoudzou, Mayotte'}
    ${'97501'} | ${{ kind: 'outOfScope', reasonCode: 'overseas' }}     | ${'Miquelon-Langlade (overseas collectivity)'}
    ${'98735'} | ${{ kind: 'outOfScope', reasonCode: 'overseas' }}     | ${'Papeete'}
    ${'75100'} | ${{ kind: 'unknown' }}                                | ${'no such code'}
    ${'99999'} | ${{ kind: 'unknown' }}                                | ${'no such code'}
    ${''}      | ${{ kind: 'unknown' }}                                | ${'nothing'}
  `('$code $commune → $expected.kind $expected.zone', ({ code, expected }) => {
    expect(zoneForPlace(code)).toEqual(expected);
  });
});

describe('zoneForDepartment', () => {
  test.each`
    department | expected
    ${'75'}    | ${{ kind: 'zone', zone: 'parisBordering' }}
    ${'92'}    | ${{ kind: 'needsCommune', departmentCode: '92' }}
    ${'93'}    | ${{ kind: 'needsCommune', departmentCode: '93' }}
    ${'94'}    | ${{ kind: 'needsCommune', departmentCode: '94' }}
    ${'77'}    | ${{ kind: 'zone', zone: 'restIdf' }}
    ${'78'}    | ${{ kind: 'zone', zone: 'restIdf' }}
    ${'91'}    | ${{ kind: 'zone', zone: 'restIdf' }}
    ${'95'}    | ${{ kind: 'zone', zone: 'restIdf' }}
    ${'69'}    | ${{ kind: 'zone', zone: 'otherRegions' }}
    ${'2b'}    | ${{ kind: 'zone', zone: 'otherRegions' }}
    ${'974'}   | ${{ kind: 'outOfScope', reasonCode: 'overseas' }}
    ${'20'}    | ${{ kind: 'unknown' }}
  `('$department → $expected.kind', ({ department, expected }) => {
    expect(zoneForDepartment(department)).toEqual(expected);
  });
});

describe('zoneForResolution: ask only when the zone depends on the answer', () => {
  const kindOf = (typed: string) => {
    const zone = zoneForResolution(resolvePlace(typed));
    return zone.kind === 'zone' ? zone.zone : zone.kind;
  };

  test.each`
    typed                  | expected            | why
    ${'Saint-Denis'}       | ${'needsChoice'}    | ${'homonyms in 93 (bordering Paris), 974 (overseas) and elsewhere'}
    ${'Montreuil'}         | ${'needsChoice'}    | ${'Montreuil 93 borders Paris, the others do not'}
    ${'Saint-Denis 93'}    | ${'parisBordering'} | ${'homonym with its department'}
    ${'Saint-Denis (974)'} | ${'outOfScope'}     | ${'overseas'}
    ${'Valence'}           | ${'otherRegions'}   | ${'three homonyms, all in other regions: no question'}
    ${'51300'}             | ${'otherRegions'}   | ${'a postal code of 46 villages, one zone: no question'}
    ${'Paris 15e'}         | ${'parisBordering'} | ${'arrondissement'}
    ${'75015'}             | ${'parisBordering'} | ${'arrondissement by postal code'}
    ${'Lyon 3e'}           | ${'otherRegions'}   | ${'Lyon arrondissement'}
    ${'Nanterre'}          | ${'restIdf'}        | ${'Hauts-de-Seine, not bordering'}
    ${'Seine-Saint-Denis'} | ${'needsCommune'}   | ${'a department split between two zones'}
    ${'Essonne'}           | ${'restIdf'}        | ${'a department in one zone'}
    ${'Rhône'}             | ${'otherRegions'}   | ${'a department in other regions'}
    ${'Atlantis'}          | ${'unknown'}        | ${'no such place'}
  `('"$typed" → $expected ($why)', ({ typed, expected }) => {
    expect(kindOf(typed)).toBe(expected);
  });

  it('settles "Saint-Denis" once the user says which one', () => {
    const resolution = resolvePlace('Saint-Denis');
    const zone = zoneForResolution(resolution);
    expect(zone.kind).toBe('needsChoice');
    if (zone.kind !== 'needsChoice') return;
    const [chosen] = narrowCandidates(zone.candidates, '93');
    expect(chosen?.code).toBe('93066');
    expect(zoneForPlace(chosen!.code)).toEqual({ kind: 'zone', zone: 'parisBordering' });
  });
});
