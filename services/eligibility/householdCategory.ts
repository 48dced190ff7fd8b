/**
 * The household category of the income ceilings (arrêté of 29 July 1987, as applied by openfisca-france;
 * the domain notes “The domain: social housing through AL-in”):
 *   1. one person;
 *   2. two persons with no dependant, not a young household — or one person with a disability;
 *   3. three persons — or one person + one dependant — or a young household with no dependant — or two
 *      persons, one with a disability;
 *   4–6. four to six persons — or one person + two to four dependants — or one person fewer, one of
 *      them with a disability;
 *   then a fixed amount per extra person (see `ceilingFor`).
 * Read as: the number of persons, moved up by one when the household is a single adult with dependants,
 * a young household without dependant, or counts a holder of the "CMI invalidité" card. The cases do
 * not add up: each definition moves a household up one category only (a single parent whose child has a
 * disability is "one person + one dependant" and "two persons, one with a disability": category 3).
 */

export interface HouseholdComposition {
  /** Everyone to be housed. */
  persons: number;
  /** Persons "à charge" (children, dependent relatives). */
  dependants: number;
  /** A couple without dependant whose ages add up to 55 or less (see `isYoungHousehold`). */
  youngHousehold: boolean;
  /** Holders of the "CMI invalidité" card. */
  disabledPersons: number;
}

/** The rule that puts a household one category above its number of persons, or `persons` when none does. */
export type CategoryBasis = 'persons' | 'singleAdultWithDependants' | 'youngHousehold' | 'disability';

export interface HouseholdCategoryExplained {
  /** 1 to 6; above 6, category 6 plus `extraPersons` (the tables add a fixed amount per extra person). */
  category: number;
  extraPersons: number;
  /** Every rule that applies (they do not add up: one step at most), in the order of the arrêté's text. */
  movedUpBy: Exclude<CategoryBasis, 'persons'>[];
  /**
   * ⚠ True when a household of six persons or more is moved up: "one category up" is then read as one
   * extra person's amount, an extension of the six defined categories rather than a text.
   */
  derived: boolean;
}

const LAST_DEFINED_CATEGORY = 6;

/** The category number; see `explainHouseholdCategory`. Throws a RangeError on an impossible household. */
export function householdCategory(household: HouseholdComposition): number {
  return explainHouseholdCategory(household).category;
}

export function explainHouseholdCategory(household: HouseholdComposition): HouseholdCategoryExplained {
  const [issue] = householdIssues(household);
  if (issue) throw new RangeError(`impossible household: ${issue}`);
  const { persons, dependants, youngHousehold, disabledPersons } = household;
  const movedUpBy: Exclude<CategoryBasis, 'persons'>[] = [];
  if (persons - dependants === 1 && dependants > 0) movedUpBy.push('singleAdultWithDependants');
  if (youngHousehold && persons === 2 && dependants === 0) movedUpBy.push('youngHousehold');
  if (disabledPersons > 0) movedUpBy.push('disability');
  const category = persons + (movedUpBy.length > 0 ? 1 : 0);
  return {
    category,
    extraPersons: Math.max(0, category - LAST_DEFINED_CATEGORY),
    movedUpBy,
    derived: movedUpBy.length > 0 && persons >= LAST_DEFINED_CATEGORY,
  };
}

/** What makes a household impossible, as codes for the dialog to ask again (an empty list when none). */
export type HouseholdIssue = 'personsNotWhole' | 'noPerson' | 'dependantsOutOfRange' | 'disabledPersonsOutOfRange';

export function householdIssues(household: HouseholdComposition): HouseholdIssue[] {
  const { persons, dependants, disabledPersons } = household;
  const issues: HouseholdIssue[] = [];
  if (!Number.isInteger(persons)) issues.push('personsNotWhole');
  else if (persons < 1) issues.push('noPerson');
  // At least one adult is not a dependant.
  if (!Number.isInteger(dependants) || dependants < 0 || dependants > Math.max(0, persons - 1)) issues.push('dependantsOutOfRange');
  if (!Number.isInteger(disabledPersons) || disabledPersons < 0 || disabledPersons > Math.max(0, persons)) issues.push('disabledPersonsOutOfRange');
  return issues;
}

/** The largest sum of both ages, in whole years, of a "young household" (arrêté of 29 July 1987). */
export const YOUNG_HOUSEHOLD_MAX_AGE_SUM = 55;

/**
 * A "young household" (jeune ménage): a couple — two persons, no dependant — whose ages in whole years
 * add up to 55 or less. Only asked when it changes the category (two persons, no dependant).
 */
export function isYoungHousehold(household: { persons: number; dependants: number; ages: readonly number[] }): boolean {
  const { persons, dependants, ages } = household;
  if (persons !== 2 || dependants !== 0 || ages.length !== 2) return false;
  if (!ages.every((age) => Number.isInteger(age) && age >= 0)) return false;
  return ages.reduce((sum, age) => sum + age, 0) <= YOUNG_HOUSEHOLD_MAX_AGE_SUM;
}

/** Whether the young-household question changes anything for this household (two persons, no dependant). */
export function youngHouseholdMatters(household: { persons: number; dependants: number; disabledPersons?: number }): boolean {
  // With a disability card the couple is already in category 3: being young adds nothing.
  return household.persons === 2 && household.dependants === 0 && (household.disabledPersons ?? 0) === 0;
}

/** Whether the disability-card question changes anything: not when the household is already moved up. */
export function disabilityMatters(household: { persons: number; dependants: number; youngHousehold?: boolean }): boolean {
  const singleAdultWithDependants = household.persons - household.dependants === 1 && household.dependants > 0;
  const youngCouple = household.youngHousehold === true && household.persons === 2 && household.dependants === 0;
  return !singleAdultWithDependants && !youngCouple;
}
