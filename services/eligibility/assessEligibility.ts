import type { AbcZone, Financing } from '../portal/schemas';
import type { Household } from '../sne/schemas';
import { CEILING_YEARS, ceilingFor, ceilingTableInfo, ceilingYearFor, pliZoneOf, type CeilingYear, type IncomeZone, type PliZone } from './ceilings';
import { explainHouseholdCategory, householdIssues, type HouseholdCategoryExplained, type HouseholdIssue } from './householdCategory';
import { incomeYearRule, incomeYearStatus, type IncomeYear, type IncomeYearRule, type IncomeYearStatus } from './incomeYear';

export interface EligibilityInput {
  household: Household;
  /** Sum of the revenus fiscaux de référence of the persons to be housed, € per year. */
  income: number;
  /** The year of that income, when the user said it (or the linked request carries it). */
  incomeYear?: IncomeYear;
  /** From `zoneForPlace` / `zoneForResolution`. */
  zone: IncomeZone;
  /** The dwelling's ABC zone: PLI ceilings follow it, not the three zones. */
  abcZone?: AbcZone;
  /** Today: chooses the table in force and the income year. */
  date: Date;
}

/**
 * Why a value is an estimate (⚠ in FACTS.md), so the dialog says "estimated":
 * - `derivedTable`: the table is computed (PLAI 2026 from 2025 × the rent index, PLS = PLUS × 1.3) or
 *   weakly sourced (PLI), see the table's `note`;
 * - `tableCarriedOver`: the date is after the last table we have, whose values are used;
 * - `categoryExtended`: a household of six or more moved up one category (see `explainHouseholdCategory`).
 */
export type EstimateReason = 'derivedTable' | 'tableCarriedOver' | 'categoryExtended';

interface Assessed {
  /** The ceiling of the household's category in its zone, € per year. */
  ceiling: number;
  /** ceiling − income: 0 or more when eligible (an income equal to the ceiling is within it). */
  margin: number;
  estimated: boolean;
  estimateReasons: EstimateReason[];
}

export type FinancingAssessment =
  | ({ financing: Financing; eligible: true; reasonCode: 'withinCeiling' } & Assessed)
  | ({ financing: Financing; eligible: false; reasonCode: 'aboveCeiling' } & Assessed)
  /** PLI ceilings depend on the dwelling's ABC zone: known from an offer, not from the household. */
  | { financing: 'PLI'; eligible: null; reasonCode: 'needsAbcZone' };

export type EligibilityInputIssue =
  | { field: 'household'; code: HouseholdIssue | 'tooManyPersons' }
  | { field: 'income'; code: 'notANumber' | 'negative' }
  | { field: 'date'; code: 'noTableForDate' };

export type EligibilityAssessment =
  | {
      kind: 'assessed';
      tableYear: CeilingYear;
      household: HouseholdCategoryExplained;
      zone: IncomeZone;
      pliZone: PliZone | null;
      income: number;
      incomeRule: IncomeYearRule;
      incomeYearStatus: IncomeYearStatus;
      /** PLAI, PLUS, PLS, PLI: from the most social to the intermediate. */
      results: FinancingAssessment[];
      /** True when any value shown is an estimate. */
      estimated: boolean;
    }
  /** Impossible values (negative income, no person): the dialog asks again, each issue in one sentence. */
  | { kind: 'invalidInput'; issues: EligibilityInputIssue[] };

/**
 * A plausibility limit, not a rule: beyond it the dialog asks "did you mean…?" rather than answering
 * (a typo such as "40 persons"). The ceilings themselves have no maximum.
 */
export const PLAUSIBLE_MAX_PERSONS = 20;

const SOCIAL_FINANCINGS = ['PLAI', 'PLUS', 'PLS'] as const;

/** Eligible when the income is lower than or equal to the ceiling (arrêté of 29 July 1987). */
export function assessEligibility(input: EligibilityInput): EligibilityAssessment {
  const issues = inputIssues(input);
  if (issues.length > 0) return { kind: 'invalidInput', issues };
  const { household, income, zone, abcZone, date } = input;
  const tableYear = ceilingYearFor(date);
  const incomeRule = incomeYearRule(date);
  const explained = explainHouseholdCategory(household);
  const commonReasons: EstimateReason[] = [
    ...(incomeRule.requestYear > tableYear ? (['tableCarriedOver'] as const) : []),
    ...(explained.derived ? (['categoryExtended'] as const) : []),
  ];
  const assess = (financing: Financing, ceiling: number): FinancingAssessment => {
    const estimateReasons: EstimateReason[] = [...(ceilingTableInfo(financing, tableYear).derived ? (['derivedTable'] as const) : []), ...commonReasons];
    const assessed = { ceiling, margin: ceiling - income, estimated: estimateReasons.length > 0, estimateReasons };
    return income <= ceiling
      ? { financing, eligible: true, reasonCode: 'withinCeiling', ...assessed }
      : { financing, eligible: false, reasonCode: 'aboveCeiling', ...assessed };
  };

  const results: FinancingAssessment[] = SOCIAL_FINANCINGS.map((financing) => assess(financing, ceilingFor(explained.category, zone, financing, tableYear)));
  const pliZone = abcZone ? pliZoneOf(abcZone) : null;
  results.push(pliZone ? assess('PLI', ceilingFor(explained.category, pliZone, 'PLI', tableYear)) : { financing: 'PLI', eligible: null, reasonCode: 'needsAbcZone' });

  return {
    kind: 'assessed',
    tableYear,
    household: explained,
    zone,
    pliZone,
    income,
    incomeRule,
    incomeYearStatus: incomeYearStatus(input.incomeYear, incomeRule),
    results,
    estimated: results.some((result) => result.eligible !== null && result.estimated),
  };
}

function inputIssues(input: EligibilityInput): EligibilityInputIssue[] {
  const issues: EligibilityInputIssue[] = householdIssues(input.household).map((code) => ({ field: 'household', code }));
  if (input.household.persons > PLAUSIBLE_MAX_PERSONS) issues.push({ field: 'household', code: 'tooManyPersons' });
  if (!Number.isFinite(input.income)) issues.push({ field: 'income', code: 'notANumber' });
  else if (input.income < 0) issues.push({ field: 'income', code: 'negative' });
  if (Number.isNaN(input.date.getTime()) || input.date.getUTCFullYear() < CEILING_YEARS[0]) issues.push({ field: 'date', code: 'noTableForDate' });
  return issues;
}
