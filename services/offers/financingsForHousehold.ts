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
  const excluded = assessment.results.flatMap((result) => (result.eligible === false ? [{ financing: result.financing, ceiling: result.ceiling }] : []));
  return { allowed, excluded };
}

export interface HouseholdFinancings {
  allowed: Financing[];
  /** Each financing left out, with the household's ceiling it exceeds (€ per year): "pourquoi vous enlevez le PLAI ?". */
  excluded: { financing: Financing; ceiling: number }[];
}
