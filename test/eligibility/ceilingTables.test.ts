import { CEILING_YEARS, ceilingFor, ceilingTableInfo, type IncomeZone } from '../../services/eligibility/ceilings';

const ZONES: IncomeZone[] = ['parisBordering', 'restIdf', 'otherRegions'];

// Every 2026 value of the domain notes “The domain: social housing through AL-in”, categories 1–6 then one extra person, columns Paris+bordering / rest of IdF / other regions.
const FACTS_2026 = {
  PLUS: [
    [26920, 26920, 23403], [40233, 40233, 31254], [52740, 48362, 37584], [62968, 57930, 45374],
    [74919, 68577, 53376], [84304, 77171, 60156], [9394, 8598, 6710],
  ],
  PLAI: [
    [14811, 14811, 12870], [24140, 24140, 18753], [31643, 29018, 22551], [34637, 31860, 25092],
    [41203, 37719, 29359], [46369, 42444, 33086], [5166, 4727, 3689],
  ],
  PLS: [
    [34996, 34996, 30424], [52303, 52303, 40630], [68562, 62871, 48859], [81858, 75309, 58986],
    [97395, 89150, 69389], [109595, 100322, 78203], [12212, 11177, 8723],
  ],
} as const;

// The published 2025 PLUS table, as quoted in FACTS.md.
const FACTS_2025_PLUS = [
  [26687, 26687, 23201], [39885, 39885, 30984], [52284, 47944, 37259], [62424, 57429, 44982],
  [74271, 67984, 52915], [83575, 76504, 59636], [9313, 8524, 6652],
] as const;

describe('the ceilings data files hold the values of FACTS.md', () => {
  for (const [financing, rows] of Object.entries(FACTS_2026) as [keyof typeof FACTS_2026, (typeof FACTS_2026)[keyof typeof FACTS_2026]][]) {
    test.each(ZONES.map((zone, column) => [zone, column] as const))(`${financing} 2026, %s`, (zone, column) => {
      for (let category = 1; category <= 6; category++) expect(ceilingFor(category, zone, financing, 2026)).toBe(rows[category - 1]![column]);
      expect(ceilingFor(7, zone, financing, 2026) - ceilingFor(6, zone, financing, 2026)).toBe(rows[6][column]);
    });
  }

  test.each(ZONES.map((zone, column) => [zone, column] as const))('PLUS 2025, %s', (zone, column) => {
    for (let category = 1; category <= 6; category++) expect(ceilingFor(category, zone, 'PLUS', 2025)).toBe(FACTS_2025_PLUS[category - 1]![column]);
    expect(ceilingFor(7, zone, 'PLUS', 2025) - ceilingFor(6, zone, 'PLUS', 2025)).toBe(FACTS_2025_PLUS[6][column]);
  });
});

describe('ceilingTableInfo: the ⚠ derived tables are flagged, with a note', () => {
  test.each`
    financing | derived
    ${'PLUS'} | ${false}
    ${'PLAI'} | ${true}
    ${'PLS'}  | ${true}
    ${'PLI'}  | ${true}
  `('$financing: derived $derived in every year', ({ financing, derived }) => {
    for (const year of CEILING_YEARS) {
      const info = ceilingTableInfo(financing, year);
      expect(info).toMatchObject({ financing, year, derived });
      expect(info.source.length).toBeGreaterThan(10);
      if (derived) expect(info.note).toMatch(/⚠/);
    }
  });
});
