import { assessEligibility, type EligibilityAssessment, type EligibilityInput, type FinancingAssessment } from '../../services/eligibility/assessEligibility';
import type { Household } from '../../services/sne/schemas';

const COUPLE_AND_CHILD: Household = { persons: 3, dependants: 1, youngHousehold: false, disabledPersons: 0 };
const IN_2026 = new Date('2026-03-15T10:00:00Z');
const IN_2025 = new Date('2025-06-30T10:00:00Z');

function assessed(input: Partial<EligibilityInput> & Pick<EligibilityInput, 'income'>): Extract<EligibilityAssessment, { kind: 'assessed' }> {
  const assessment = assessEligibility({ household: COUPLE_AND_CHILD, zone: 'otherRegions', date: IN_2026, ...input });
  if (assessment.kind !== 'assessed') throw new Error(`not assessed: ${JSON.stringify(assessment)}`);
  return assessment;
}

function resultFor(assessment: Extract<EligibilityAssessment, { kind: 'assessed' }>, financing: FinancingAssessment['financing']): FinancingAssessment {
  const result = assessment.results.find((candidate) => candidate.financing === financing);
  if (!result) throw new Error(`no ${financing} result`);
  return result;
}

describe('each financing type at its boundary: an income equal to the ceiling is eligible, one euro more is not', () => {
  // Category 3 (a couple and a child). 2026 values from FACTS.md; 2025 PLUS from FACTS.md; 2025 PLAI and PLS are
  // the derived values of services/eligibility/ceilings/plai-2025.json and pls-2025.json (⚠).
  test.each`
    financing | year    | zone                | ceiling
    ${'PLAI'} | ${2026} | ${'parisBordering'} | ${31643}
    ${'PLAI'} | ${2026} | ${'restIdf'}        | ${29018}
    ${'PLAI'} | ${2026} | ${'otherRegions'}   | ${22551}
    ${'PLUS'} | ${2026} | ${'parisBordering'} | ${52740}
    ${'PLUS'} | ${2026} | ${'restIdf'}        | ${48362}
    ${'PLUS'} | ${2026} | ${'otherRegions'}   | ${37584}
    ${'PLS'}  | ${2026} | ${'parisBordering'} | ${68562}
    ${'PLS'}  | ${2026} | ${'restIdf'}        | ${62871}
    ${'PLS'}  | ${2026} | ${'otherRegions'}   | ${48859}
    ${'PLAI'} | ${2025} | ${'parisBordering'} | ${31370}
    ${'PLAI'} | ${2025} | ${'otherRegions'}   | ${22356}
    ${'PLUS'} | ${2025} | ${'parisBordering'} | ${52284}
    ${'PLUS'} | ${2025} | ${'restIdf'}        | ${47944}
    ${'PLUS'} | ${2025} | ${'otherRegions'}   | ${37259}
    ${'PLS'}  | ${2025} | ${'restIdf'}        | ${62327}
    ${'PLS'}  | ${2025} | ${'otherRegions'}   | ${48437}
  `('$financing $year $zone: $ceiling € is eligible, $ceiling + 1 € is not', ({ financing, year, zone, ceiling }) => {
    const date = year === 2026 ? IN_2026 : IN_2025;
    const atCeiling = resultFor(assessed({ income: ceiling, zone, date }), financing);
    expect(atCeiling).toMatchObject({ eligible: true, reasonCode: 'withinCeiling', ceiling, margin: 0 });
    const above = resultFor(assessed({ income: ceiling + 1, zone, date }), financing);
    expect(above).toMatchObject({ eligible: false, reasonCode: 'aboveCeiling', ceiling, margin: -1 });
  });

  // PLI follows the dwelling's ABC zone (⚠ figures labelled 2025 in FACTS.md, carried over to 2026); B2 and C share a column.
  test.each`
    abcZone   | year    | ceiling
    ${'Abis'} | ${2026} | ${85175}
    ${'A'}    | ${2026} | ${78104}
    ${'B1'}   | ${2026} | ${56905}
    ${'B2'}   | ${2026} | ${51215}
    ${'C'}    | ${2026} | ${51215}
    ${'A'}    | ${2025} | ${78104}
    ${'B1'}   | ${2025} | ${56905}
  `('PLI $year zone $abcZone: $ceiling € is eligible, $ceiling + 1 € is not', ({ abcZone, year, ceiling }) => {
    const date = year === 2026 ? IN_2026 : IN_2025;
    expect(resultFor(assessed({ income: ceiling, abcZone, date }), 'PLI')).toMatchObject({ eligible: true, ceiling, margin: 0 });
    expect(resultFor(assessed({ income: ceiling + 1, abcZone, date }), 'PLI')).toMatchObject({ eligible: false, ceiling, margin: -1 });
  });

  it('cannot tell PLI without the dwelling\'s ABC zone', () => {
    expect(resultFor(assessed({ income: 30000 }), 'PLI')).toEqual({ financing: 'PLI', eligible: null, reasonCode: 'needsAbcZone' });
  });
});

describe('the table year comes from the date', () => {
  test.each`
    date                          | tableYear | plusCeiling | carriedOver
    ${'2025-01-01T00:00:00Z'}     | ${2025}   | ${37259}    | ${false}
    ${'2025-12-31T23:59:59Z'}     | ${2025}   | ${37259}    | ${false}
    ${'2026-01-01T00:00:00Z'}     | ${2026}   | ${37584}    | ${false}
    ${'2026-11-23T12:00:00Z'}     | ${2026}   | ${37584}    | ${false}
    ${'2027-02-01T12:00:00Z'}     | ${2026}   | ${37584}    | ${true}
  `('on $date: the $tableYear table (PLUS category 3, other regions: $plusCeiling €)', ({ date, tableYear, plusCeiling, carriedOver }) => {
    const assessment = assessed({ income: 30000, date: new Date(date) });
    expect(assessment.tableYear).toBe(tableYear);
    const plus = resultFor(assessment, 'PLUS');
    expect(plus).toMatchObject({ ceiling: plusCeiling });
    expect(plus.eligible !== null && plus.estimateReasons.includes('tableCarriedOver')).toBe(carriedOver);
  });
});

describe('estimated values are flagged (⚠ in FACTS.md)', () => {
  it('marks the derived tables, not the published PLUS table', () => {
    const assessment = assessed({ income: 30000, abcZone: 'A' });
    const reasons = Object.fromEntries(assessment.results.map((result) => [result.financing, result.eligible === null ? null : result.estimateReasons]));
    expect(reasons).toEqual({ PLAI: ['derivedTable'], PLUS: [], PLS: ['derivedTable'], PLI: ['derivedTable'] });
    expect(assessment.estimated).toBe(true);
  });

  it('marks a household of six moved up past the last category', () => {
    const household: Household = { persons: 6, dependants: 4, youngHousehold: false, disabledPersons: 1 };
    const assessment = assessed({ income: 30000, household });
    expect(assessment.household).toMatchObject({ category: 7, extraPersons: 1, derived: true });
    // PLUS 2026, other regions: category 6 (60 156 €) + one person (6 710 €).
    expect(resultFor(assessment, 'PLUS')).toMatchObject({ ceiling: 66866, estimated: true, estimateReasons: ['categoryExtended'] });
  });
});

describe('a whole answer', () => {
  it('"we are 3 in Lyon with 40 000 € of reference income": above PLUS, within PLS', () => {
    const assessment = assessed({ income: 40000, zone: 'otherRegions', incomeYear: 2024 });
    expect(assessment.household.category).toBe(3);
    expect(assessment.incomeYearStatus).toBe('referenceYear');
    expect(assessment.results.map((result) => [result.financing, result.eligible, result.eligible === null ? null : result.margin])).toEqual([
      ['PLAI', false, 22551 - 40000],
      ['PLUS', false, 37584 - 40000],
      ['PLS', true, 48859 - 40000],
      ['PLI', null, null],
    ]);
  });

  it('counts the disability card: one person with a card in Paris is category 2', () => {
    const household: Household = { persons: 1, dependants: 0, youngHousehold: false, disabledPersons: 1 };
    const assessment = assessed({ income: 40233, household, zone: 'parisBordering' });
    expect(assessment.household).toMatchObject({ category: 2, movedUpBy: ['disability'] });
    expect(resultFor(assessment, 'PLUS')).toMatchObject({ eligible: true, ceiling: 40233, margin: 0 });
  });

  it('counts a young household: a couple in the rest of Île-de-France is category 3', () => {
    const household: Household = { persons: 2, dependants: 0, youngHousehold: true, disabledPersons: 0 };
    expect(resultFor(assessed({ income: 48362, household, zone: 'restIdf' }), 'PLUS')).toMatchObject({ eligible: true, ceiling: 48362 });
    const older: Household = { ...household, youngHousehold: false };
    expect(resultFor(assessed({ income: 48362, household: older, zone: 'restIdf' }), 'PLUS')).toMatchObject({ eligible: false, ceiling: 40233 });
  });
});

describe('the income year (N-2, or N-1 / last 12 months after a drop of 10 % or more)', () => {
  test.each`
    incomeYear         | status
    ${2024}            | ${'referenceYear'}
    ${2025}            | ${'dropException'}
    ${'last12Months'}  | ${'dropException'}
    ${2023}            | ${'notReferenceYear'}
    ${2026}            | ${'notReferenceYear'}
    ${undefined}       | ${'unknown'}
  `('income of $incomeYear for a 2026 request → $status', ({ incomeYear, status }) => {
    expect(assessed({ income: 30000, incomeYear }).incomeYearStatus).toBe(status);
  });

  it('explains the rule for the date', () => {
    expect(assessed({ income: 30000 }).incomeRule).toMatchObject({
      requestYear: 2026,
      referenceYear: 2024,
      taxNoticeYear: 2025,
      dropException: { minimumDropPercent: 10, previousYear: 2025, alternatives: ['previousYear', 'last12Months'], proofRequired: true },
      onlyApplicantIncomeWhen: ['separationInProgress', 'protectionOrder'],
    });
  });
});

describe('impossible values come back as issues, not errors', () => {
  test.each`
    household                                                                   | income       | date                          | issues
    ${{ persons: 0, dependants: 0, youngHousehold: false, disabledPersons: 0 }} | ${30000}     | ${IN_2026}                    | ${[{ field: 'household', code: 'noPerson' }]}
    ${{ persons: 40, dependants: 2, youngHousehold: false, disabledPersons: 0 }} | ${30000}    | ${IN_2026}                    | ${[{ field: 'household', code: 'tooManyPersons' }]}
    ${{ persons: 2, dependants: 2, youngHousehold: false, disabledPersons: 0 }} | ${30000}     | ${IN_2026}                    | ${[{ field: 'household', code: 'dependantsOutOfRange' }]}
    ${COUPLE_AND_CHILD}                                                         | ${-1}        | ${IN_2026}                    | ${[{ field: 'income', code: 'negative' }]}
    ${COUPLE_AND_CHILD}                                                         | ${Number.NaN} | ${IN_2026}                   | ${[{ field: 'income', code: 'notANumber' }]}
    ${COUPLE_AND_CHILD}                                                         | ${30000}     | ${new Date('2024-12-31T00:00:00Z')} | ${[{ field: 'date', code: 'noTableForDate' }]}
    ${{ persons: 0, dependants: 0, youngHousehold: false, disabledPersons: 0 }} | ${-5}        | ${IN_2026}                    | ${[{ field: 'household', code: 'noPerson' }, { field: 'income', code: 'negative' }]}
  `('$issues', ({ household, income, date, issues }) => {
    expect(assessEligibility({ household, income, zone: 'otherRegions', date })).toEqual({ kind: 'invalidInput', issues });
  });

  it('accepts 20 persons and no income', () => {
    const household: Household = { persons: 20, dependants: 18, youngHousehold: false, disabledPersons: 0 };
    expect(assessEligibility({ household, income: 0, zone: 'otherRegions', date: IN_2026 }).kind).toBe('assessed');
  });
});
