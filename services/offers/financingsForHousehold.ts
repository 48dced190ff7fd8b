import { assessEligibility } from '../eligibility/assessEligibility';
import type { IncomeZone } from '../eligibility/ceilings';
import type { Financing } from '../portal/schemas';
import type { Household } from '../sne/schemas';

/**
 * Which financing types a household may apply to in a zone. PLAI, PLUS and PLS follow the household's
 * ceilings in the commune's zone; PLI follows each dwelling's ABC zone, so PLI offers are kept and the
 * application step checks them against the offer itself.
 */
export function financingsForHousehold(household: Household, income: number, zone: IncomeZone, date: Date): HouseholdFinancings | undefined {
  const assessment = assessEligibility({ household, income, zone, date });
  if (assessment.kind !== 'assessed') return undefined;
  const allowed = assessment.results.filter((result) => result.eligible !== false).map((result) => result.financing);
  const excludedResults = assessment.results.filter((result) => result.eligible === false);
  return {
    allowed,
    excluded: excludedResults.map((result) => result.financing),
    ceilingsExceeded: excludedResults.map((result) => ({ financing: result.financing, ceiling: 'ceiling' in result ? result.ceiling : 0 })),
  };
}

export interface HouseholdFinancings {
  allowed: Financing[];
  excluded: Financing[];
  /** The household's ceiling of each financing left out, € per year: "pourquoi vous enlevez le PLAI ?". */
  ceilingsExceeded: { financing: Financing; ceiling: number }[];
}
