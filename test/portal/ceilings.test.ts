import {
  CEILING_YEARS,
  IncomeZone,
  PliZone,
  ceilingFor,
  ceilingYearFor,
  householdCategory,
  pliZoneOf,
  zoneOfCommune,
} from '../../services/eligibility/ceilings';
import { applicationViolations } from '../../services/offers/applicationRules';
import { communeByInseeCode } from '../../simulator/communeDirectory';
import { Offer } from '../../services/portal/schemas';
import { HousingRequest } from '../../services/sne/schemas';

const INCOME_ZONES: IncomeZone[] = ['parisBordering', 'restIdf', 'otherRegions'];

describe('ceilingFor', () => {
  // Values copied from the domain notes “The domain: social housing through AL-in”.
  test.each`
    category | zone                | financing | year    | ceiling
    ${1}     | ${'parisBordering'} | ${'PLUS'} | ${2026} | ${26920}
    ${3}     | ${'restIdf'}        | ${'PLUS'} | ${2026} | ${48362}
    ${6}     | ${'otherRegions'}   | ${'PLUS'} | ${2026} | ${60156}
    ${5}     | ${'otherRegions'}   | ${'PLUS'} | ${2025} | ${52915}
    ${2}     | ${'parisBordering'} | ${'PLUS'} | ${2025} | ${39885}
    ${4}     | ${'restIdf'}        | ${'PLAI'} | ${2026} | ${31860}
    ${6}     | ${'otherRegions'}   | ${'PLAI'} | ${2026} | ${33086}
    ${3}     | ${'parisBordering'} | ${'PLS'}  | ${2026} | ${68562}
    ${2}     | ${'otherRegions'}   | ${'PLS'}  | ${2026} | ${40630}
  `('$financing $year, category $category, $zone: $ceiling €', ({ category, zone, financing, year, ceiling }) => {
    expect(ceilingFor(category, zone, financing, year)).toBe(ceiling);
  });

  test.each`
    category | zone      | year    | ceiling
    ${1}     | ${'Abis'} | ${2025} | ${43475}
    ${2}     | ${'Abis'} | ${2025} | ${64976}
    ${3}     | ${'A'}    | ${2025} | ${78104}
    ${4}     | ${'B2C'}  | ${2025} | ${61830}
    ${6}     | ${'B1'}   | ${2025} | ${91078}
  `('PLI $year, category $category, zone $zone: $ceiling €', ({ category, zone, year, ceiling }) => {
    expect(ceilingFor(category, zone, 'PLI', year)).toBe(ceiling);
  });

  test('adds the fixed amount per person above category 6', () => {
    expect(ceilingFor(7, 'otherRegions', 'PLUS', 2026)).toBe(60156 + 6710);
    expect(ceilingFor(9, 'parisBordering', 'PLUS', 2026)).toBe(84304 + 3 * 9394);
    expect(ceilingFor(8, 'A', 'PLI', 2025)).toBe(124630 + 2 * 13886);
  });

  test('PLS is PLUS × 1.3 rounded to the euro, in both years (arrêté of 29 July 1987, art. 1)', () => {
    for (const year of CEILING_YEARS) {
      for (const zone of INCOME_ZONES) {
        for (let category = 1; category <= 7; category++) {
          const plus = ceilingFor(category, zone, 'PLUS', year);
          // Category 7 is category 6 + one person: the rounded parts may differ from the rounded sum by 1 €.
          expect(Math.abs(ceilingFor(category, zone, 'PLS', year) - Math.round(plus * 1.3))).toBeLessThanOrEqual(category > 6 ? 1 : 0);
        }
      }
    }
  });

  test('the derived 2025 PLAI table is the 2026 one divided by 1.0087, rounded', () => {
    for (const zone of INCOME_ZONES) {
      for (let category = 1; category <= 6; category++) {
        expect(ceilingFor(category, zone, 'PLAI', 2025)).toBe(Math.round(ceilingFor(category, zone, 'PLAI', 2026) / 1.0087));
      }
    }
  });

  test('ceilings grow with the category and are highest in Paris', () => {
    for (const financing of ['PLAI', 'PLUS', 'PLS'] as const) {
      for (let category = 1; category < 8; category++) {
        expect(ceilingFor(category + 1, 'otherRegions', financing, 2026)).toBeGreaterThan(ceilingFor(category, 'otherRegions', financing, 2026));
        expect(ceilingFor(category, 'parisBordering', financing, 2026)).toBeGreaterThanOrEqual(ceilingFor(category, 'restIdf', financing, 2026));
        expect(ceilingFor(category, 'restIdf', financing, 2026)).toBeGreaterThan(ceilingFor(category, 'otherRegions', financing, 2026));
      }
    }
  });

  test('refuses a zone of the wrong kind, a missing year and a category below 1', () => {
    expect(() => ceilingFor(1, 'Abis' as unknown as IncomeZone, 'PLUS', 2026)).toThrow(RangeError);
    expect(() => ceilingFor(1, 'restIdf' as unknown as PliZone, 'PLI', 2026)).toThrow(RangeError);
    expect(() => ceilingFor(0, 'restIdf', 'PLUS', 2026)).toThrow(RangeError);
    expect(() => ceilingFor(1, 'restIdf', 'PLUS', 2024 as never)).toThrow(RangeError);
  });
});

describe('householdCategory (arrêté of 29 July 1987, FACTS.md)', () => {
  test.each`
    persons | dependants | youngHousehold | disabledPersons | category | why
    ${1}    | ${0}       | ${false}       | ${0}            | ${1}     | ${'one person'}
    ${1}    | ${0}       | ${false}       | ${1}            | ${2}     | ${'one person with a disability'}
    ${2}    | ${0}       | ${false}       | ${0}            | ${2}     | ${'two persons, no dependant, not young'}
    ${2}    | ${0}       | ${true}        | ${0}            | ${3}     | ${'young household without dependant'}
    ${2}    | ${1}       | ${false}       | ${0}            | ${3}     | ${'one person + one dependant'}
    ${2}    | ${0}       | ${false}       | ${1}            | ${3}     | ${'two persons, one with a disability'}
    ${2}    | ${0}       | ${true}        | ${1}            | ${3}     | ${'young and disabled: one step only'}
    ${3}    | ${1}       | ${false}       | ${0}            | ${3}     | ${'three persons (couple + child)'}
    ${3}    | ${2}       | ${false}       | ${0}            | ${4}     | ${'one person + two dependants'}
    ${3}    | ${1}       | ${false}       | ${1}            | ${4}     | ${'three persons, one with a disability'}
    ${4}    | ${2}       | ${false}       | ${0}            | ${4}     | ${'four persons'}
    ${4}    | ${3}       | ${false}       | ${0}            | ${5}     | ${'one person + three dependants'}
    ${5}    | ${4}       | ${false}       | ${0}            | ${6}     | ${'one person + four dependants'}
    ${5}    | ${3}       | ${false}       | ${1}            | ${6}     | ${'five persons, one with a disability'}
    ${6}    | ${4}       | ${false}       | ${0}            | ${6}     | ${'six persons'}
    ${7}    | ${5}       | ${false}       | ${0}            | ${7}     | ${'seven persons: category 6 + one'}
    ${3}    | ${1}       | ${true}        | ${0}            | ${3}     | ${'"young" ignored with a dependant'}
  `('$why → category $category', ({ persons, dependants, youngHousehold, disabledPersons, category }) => {
    expect(householdCategory({ persons, dependants, youngHousehold, disabledPersons })).toBe(category);
  });

  test('refuses impossible households', () => {
    expect(() => householdCategory({ persons: 0, dependants: 0, youngHousehold: false, disabledPersons: 0 })).toThrow(RangeError);
    expect(() => householdCategory({ persons: 2, dependants: 2, youngHousehold: false, disabledPersons: 0 })).toThrow(RangeError);
    expect(() => householdCategory({ persons: 1, dependants: 0, youngHousehold: false, disabledPersons: 2 })).toThrow(RangeError);
  });
});

describe('zoneOfCommune', () => {
  // The 29 communes bordering Paris, as listed in FACTS.md with their names.
  const BORDERING: [string, string][] = [
    ['92012', 'Boulogne-Billancourt'], ['92024', 'Clichy'], ['92040', 'Issy-les-Moulineaux'], ['92044', 'Levallois-Perret'],
    ['92046', 'Malakoff'], ['92049', 'Montrouge'], ['92051', 'Neuilly-sur-Seine'], ['92062', 'Puteaux'], ['92064', 'Saint-Cloud'],
    ['92073', 'Suresnes'], ['92075', 'Vanves'], ['93001', 'Aubervilliers'], ['93006', 'Bagnolet'], ['93045', 'Les Lilas'],
    ['93048', 'Montreuil'], ['93055', 'Pantin'], ['93061', 'Le Pré-Saint-Gervais'], ['93066', 'Saint-Denis'],
    ['93070', 'Saint-Ouen-sur-Seine'], ['94018', 'Charenton-le-Pont'], ['94033', 'Fontenay-sous-Bois'], ['94037', 'Gentilly'],
    ['94041', 'Ivry-sur-Seine'], ['94042', 'Joinville-le-Pont'], ['94043', 'Le Kremlin-Bicêtre'], ['94052', 'Nogent-sur-Marne'],
    ['94067', 'Saint-Mandé'], ['94069', 'Saint-Maurice'], ['94080', 'Vincennes'],
  ];

  test.each(BORDERING)('%s %s borders Paris', (inseeCode, name) => {
    expect(zoneOfCommune(inseeCode)).toBe('parisBordering');
    expect(communeByInseeCode(inseeCode)?.name).toBe(name);
  });

  test.each`
    inseeCode  | zone                | commune
    ${'75056'} | ${'parisBordering'} | ${'Paris'}
    ${'75101'} | ${'parisBordering'} | ${'Paris 1st arrondissement'}
    ${'75120'} | ${'parisBordering'} | ${'Paris 20th arrondissement'}
    ${'92050'} | ${'restIdf'}        | ${'Nanterre (92, not bordering)'}
    ${'77288'} | ${'restIdf'}        | ${'Melun (77)'}
    ${'95127'} | ${'restIdf'}        | ${'Cergy (95)'}
    ${'69266'} | ${'otherRegions'}   | ${'Villeurbanne'}
    ${'2A004'} | ${'otherRegions'}   | ${'Ajaccio'}
    ${'60057'} | ${'otherRegions'}   | ${'Beauvais (60, next to IdF)'}
  `('$commune → $zone', ({ inseeCode, zone }) => {
    expect(zoneOfCommune(inseeCode)).toBe(zone);
  });
});

describe('years and PLI zones', () => {
  test.each`
    date                          | year
    ${'2025-06-30T12:00:00Z'}     | ${2025}
    ${'2025-12-31T23:59:59Z'}     | ${2025}
    ${'2026-01-01T00:00:00Z'}     | ${2026}
    ${'2031-03-01T00:00:00Z'}     | ${2026}
  `('a request judged on $date uses the $year table', ({ date, year }) => {
    expect(ceilingYearFor(new Date(date))).toBe(year);
  });

  test('B2 and C share the PLI column', () => {
    expect(pliZoneOf('B2')).toBe('B2C');
    expect(pliZoneOf('C')).toBe('B2C');
    expect(pliZoneOf('Abis')).toBe('Abis');
  });
});

describe('the income ceiling rule at its boundary', () => {
  const offer = (financing: Offer['financing'], inseeCode: string): Offer => ({
    id: 'OFR-TEST',
    typology: 'T3',
    surface: 65,
    floor: 2,
    lift: true,
    accessible: false,
    rent: 450,
    charges: 120,
    financing,
    abcZone: 'A',
    commune: { inseeCode, name: 'Test', postalCode: '69100', department: inseeCode.slice(0, 2) },
    landlord: 'Test',
    availableDate: '2026-12-01',
    energyClass: 'C',
    publishedAt: '2026-11-01T09:00:00.000Z',
  });
  const request = (amount: number): HousingRequest => ({
    nur: '0691124000101GDPUB',
    department: '69',
    registeredAt: '2024-11-14',
    lastRenewedAt: null,
    renewalDueDate: '2027-05-01',
    state: 'active',
    household: { persons: 3, dependants: 1, youngHousehold: false, disabledPersons: 0 },
    referenceIncome: { amount, year: 2024 },
    documents: [],
    complete: true,
  });
  const codes = (amount: number, financing: Offer['financing'], inseeCode = '69266') =>
    applicationViolations({ request: request(amount), offer: offer(financing, inseeCode), activeCandidatures: 0, maxActiveApplications: 5, ceilingYear: 2026 }).map(
      (violation) => violation.code,
    );

  test('an income equal to the ceiling is within it; one euro more is above', () => {
    // Category 3 in Villeurbanne (other regions), PLUS 2026: 37 584 €.
    expect(codes(37584, 'PLUS')).toEqual([]);
    expect(codes(37585, 'PLUS')).toEqual(['INCOME_ABOVE_CEILING']);
    // Same household in Paris: 52 740 €.
    expect(codes(52740, 'PLUS', '75056')).toEqual([]);
    expect(codes(52741, 'PLUS', '75056')).toEqual(['INCOME_ABOVE_CEILING']);
    // PLI uses the offer's ABC zone (A, category 3): 78 104 €.
    expect(codes(78104, 'PLI')).toEqual([]);
    expect(codes(78105, 'PLI')).toEqual(['INCOME_ABOVE_CEILING']);
  });
});
