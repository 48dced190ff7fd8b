import { findPlaces } from '../../dialogs/recognizer/entities/place';
import { chosenPlace, PendingPlaceSchema, placeZoneOfDepartment, placeZoneOfEntity, readPlaceZone, type PendingPlace } from '../../dialogs/recognizer/entities/placeZone';

// Zones of the PLAI/PLUS/PLS ceilings as listed in /work/shared/domain/FACTS.md ("Zones").
describe('readPlaceZone: a place typed as the answer to "where?"', () => {
  test.each`
    typed                     | reading
    ${'Lyon'}                 | ${{ kind: 'zone', zone: 'otherRegions', name: 'Lyon' }}
    ${'à Paris'}              | ${{ kind: 'zone', zone: 'parisBordering', name: 'Paris' }}
    ${'Nanterre'}             | ${{ kind: 'zone', zone: 'restIdf', name: 'Nanterre' }}
    ${'a bordeaux... ah non attends plutot vincennes'} | ${{ kind: 'zone', zone: 'parisBordering', name: 'Vincennes' }}
    ${'ah non pardon, Nanterre, pas Nantes'} | ${{ kind: 'zone', zone: 'restIdf', name: 'Nanterre' }}
    ${'Boulogne-Billancourt'} | ${{ kind: 'zone', zone: 'parisBordering', name: 'Boulogne-Billancourt' }}
    ${'77'}                   | ${{ kind: 'zone', zone: 'restIdf', name: 'Seine-et-Marne' }}
    ${'92'}                   | ${{ kind: 'needsCommune', departmentCode: '92', departmentName: 'Hauts-de-Seine' }}
    ${'974'}                  | ${{ kind: 'outOfScope' }}
    ${'xyzzy'}                | ${{ kind: 'unknown' }}
  `('"$typed" → $reading.kind', ({ typed, reading }) => {
    expect(readPlaceZone(typed)).toEqual(reading);
  });

  it('asks which commune when homonyms are in different zones, named after the most populated', () => {
    const reading = readPlaceZone('Saint-Denis');
    expect(reading.kind).toBe('needsChoice');
    if (reading.kind !== 'needsChoice') return;
    expect(reading.name).toBe('Saint-Denis');
    expect(reading.candidates.map((candidate) => candidate.department)).toEqual(expect.arrayContaining(['93', '974']));
  });
});

describe('placeZoneOfEntity: the place the recognizer found, read as the same words typed alone', () => {
  test.each`
    sentence                        | typed
    ${'suis-je éligible à Lyon ?'}  | ${'Lyon'}
    ${'on habite à Nanterre'}       | ${'Nanterre'}
    ${'dans le 92 avec 30 000 €'}   | ${'92'}
    ${'je vis à Saint-Denis'}       | ${'Saint-Denis'}
    ${'on est 3 dans le 77'}        | ${'77'}
  `('"$sentence" reads as "$typed"', ({ sentence, typed }) => {
    const [place] = findPlaces(sentence);
    expect(place).toBeDefined();
    expect(placeZoneOfEntity(place!.value)).toEqual(readPlaceZone(typed));
  });
});

describe('placeZoneOfDepartment: the department of a linked request', () => {
  test.each`
    code     | reading
    ${'69'}  | ${{ kind: 'zone', zone: 'otherRegions', name: 'Rhône' }}
    ${'75'}  | ${{ kind: 'zone', zone: 'parisBordering', name: 'Paris' }}
    ${'93'}  | ${{ kind: 'needsCommune', departmentCode: '93', departmentName: 'Seine-Saint-Denis' }}
    ${'974'} | ${{ kind: 'outOfScope' }}
    ${'20'}  | ${{ kind: 'unknown' }}
  `('$code → $reading.kind', ({ code, reading }) => {
    expect(placeZoneOfDepartment(code)).toEqual(reading);
  });
});

describe('chosenPlace: the answer to "which one?", when it settles the zone', () => {
  const saintDenis = readPlaceZone('Saint-Denis') as PendingPlace;
  const hautsDeSeine = readPlaceZone('92') as PendingPlace;

  test.each`
    pending                | answer                    | chosen
    ${saintDenis}          | ${'93'}                   | ${{ kind: 'zone', zone: 'parisBordering', name: 'Saint-Denis' }}
    ${saintDenis}          | ${'Saint-Denis 93'}       | ${{ kind: 'zone', zone: 'parisBordering', name: 'Saint-Denis' }}
    ${saintDenis}          | ${'La Réunion'}           | ${{ kind: 'outOfScope' }}
    ${saintDenis}          | ${'ah non plutôt Lyon'}     | ${{ kind: 'zone', zone: 'otherRegions', name: 'Lyon' }}
    ${saintDenis}          | ${"celui du 95, st ouen l'aumone"} | ${{ kind: 'zone', zone: 'restIdf', name: "Saint-Ouen-l'Aumône" }}
    ${saintDenis}          | ${'Saint-Ouen'}           | ${undefined}
    ${hautsDeSeine}        | ${'Nanterre'}             | ${{ kind: 'zone', zone: 'restIdf', name: 'Nanterre' }}
    ${hautsDeSeine}        | ${'Boulogne-Billancourt'} | ${{ kind: 'zone', zone: 'parisBordering', name: 'Boulogne-Billancourt' }}
    ${hautsDeSeine}        | ${'Bobigny'}              | ${undefined}
    ${{ kind: 'unknown' }} | ${'Lyon'}                 | ${undefined}
  `('$pending.kind, answered "$answer" → $chosen', ({ pending, answer, chosen }) => {
    expect(chosenPlace(pending, answer)).toEqual(chosen);
  });

  it('reads a pending place back from the dialog state it was saved in', () => {
    for (const pending of [saintDenis, hautsDeSeine, { kind: 'unknown' }]) {
      expect(PendingPlaceSchema.parse(JSON.parse(JSON.stringify(pending)))).toEqual(pending);
    }
  });
});
