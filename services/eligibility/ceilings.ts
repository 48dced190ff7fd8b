import { z } from 'zod';
import plai2025 from './ceilings/plai-2025.json';
import plai2026 from './ceilings/plai-2026.json';
import pli2025 from './ceilings/pli-2025.json';
import pli2026 from './ceilings/pli-2026.json';
import pls2025 from './ceilings/pls-2025.json';
import pls2026 from './ceilings/pls-2026.json';
import plus2025 from './ceilings/plus-2025.json';
import plus2026 from './ceilings/plus-2026.json';

/**
 * Income ceilings of social housing (plafonds de ressources), pure functions over the tables in
 * ./ceilings/*.json (each file names its source; ⚠ files are derived, see their `note`).
 * An income is within the ceiling when it is lower than or equal to it.
 */

/** The three zones of the PLAI/PLUS/PLS tables (arrêté of 29 July 1987). */
export type IncomeZone = 'parisBordering' | 'restIdf' | 'otherRegions';
/** The columns of the PLI table: ABC zoning, B2 and C sharing one. */
export type PliZone = 'Abis' | 'A' | 'B1' | 'B2C';
export type SocialFinancing = 'PLAI' | 'PLUS' | 'PLS';
export type CeilingFinancing = SocialFinancing | 'PLI';

export const CEILING_YEARS = [2025, 2026] as const;
export type CeilingYear = (typeof CEILING_YEARS)[number];

const ZoneAmountsSchema = z.record(z.string(), z.number().int().positive());
const CeilingTableSchema = z.object({
  financing: z.enum(['PLAI', 'PLUS', 'PLS', 'PLI']),
  year: z.number().int(),
  source: z.string().min(1),
  derived: z.boolean(),
  zones: z.array(z.string()).min(1),
  categories: z.object({ 1: ZoneAmountsSchema, 2: ZoneAmountsSchema, 3: ZoneAmountsSchema, 4: ZoneAmountsSchema, 5: ZoneAmountsSchema, 6: ZoneAmountsSchema }),
  perExtraPerson: ZoneAmountsSchema,
});
type CeilingTable = z.infer<typeof CeilingTableSchema>;

// Validated once at load: a typo in a data file stops the process instead of giving a wrong answer.
const TABLES: readonly CeilingTable[] = [plai2025, plai2026, plus2025, plus2026, pls2025, pls2026, pli2025, pli2026].map((table) =>
  CeilingTableSchema.parse(table),
);

const LAST_CATEGORY = 6;

/**
 * The yearly ceiling for a household category in a zone. Categories above 6 stand for category 6 plus
 * one fixed amount per extra person, as the tables add ("par personne supplémentaire").
 * PLAI/PLUS/PLS take an `IncomeZone`; PLI takes the `PliZone` of the dwelling (see `pliZoneOf`).
 */
export function ceilingFor(category: number, zone: IncomeZone, financing: SocialFinancing, year: CeilingYear): number;
export function ceilingFor(category: number, zone: PliZone, financing: 'PLI', year: CeilingYear): number;
export function ceilingFor(category: number, zone: IncomeZone | PliZone, financing: CeilingFinancing, year: CeilingYear): number {
  if (!Number.isInteger(category) || category < 1) throw new RangeError(`household category must be a whole number from 1, got ${category}`);
  const table = TABLES.find((candidate) => candidate.financing === financing && candidate.year === year);
  if (!table) throw new RangeError(`no ${financing} ceilings for ${year}`);
  if (!table.zones.includes(zone)) throw new RangeError(`${financing} ceilings have no zone ${zone}`);
  const row = table.categories[Math.min(category, LAST_CATEGORY) as 1 | 2 | 3 | 4 | 5 | 6];
  const extraPersons = Math.max(0, category - LAST_CATEGORY);
  return amountIn(row, zone) + extraPersons * amountIn(table.perExtraPerson, zone);
}

export interface HouseholdComposition {
  /** Everyone to be housed. */
  persons: number;
  /** Persons "à charge" (children, dependent relatives). */
  dependants: number;
  /** A couple without dependant whose ages add up to 55 or less (arrêté of 29 July 1987). */
  youngHousehold: boolean;
  /** Holders of the "CMI invalidité" card. */
  disabledPersons: number;
}

/**
 * The category of the arrêté of 29 July 1987: the number of persons, moved up by one when the household
 * is a single adult with dependants, a young household without dependant, or counts a person with a
 * disability. These cases do not add up: each text definition moves a household up one category only
 * (e.g. category 4 = "three persons, one with a disability" = "one person with two dependants").
 * Above 6, the result counts extra persons (see `ceilingFor`).
 */
export function householdCategory(household: HouseholdComposition): number {
  const { persons, dependants, youngHousehold, disabledPersons } = household;
  if (!Number.isInteger(persons) || persons < 1) throw new RangeError('a household has at least one person');
  if (!Number.isInteger(dependants) || dependants < 0 || dependants > persons - 1) {
    throw new RangeError('dependants must leave at least one adult in the household');
  }
  if (!Number.isInteger(disabledPersons) || disabledPersons < 0 || disabledPersons > persons) {
    throw new RangeError('disabledPersons must be between 0 and the number of persons');
  }
  const singleAdultWithDependants = persons - dependants === 1 && dependants > 0;
  const youngCoupleWithoutDependant = youngHousehold && persons === 2 && dependants === 0;
  const movedUp = singleAdultWithDependants || youngCoupleWithoutDependant || disabledPersons > 0;
  return persons + (movedUp ? 1 : 0);
}

// Paris (75056 and its arrondissements 75101–75120) and the 29 communes bordering it (FACTS.md,
// checked against @etalab/decoupage-administratif).
const PARIS_AND_BORDERING = new Set([
  '75056',
  ...Array.from({ length: 20 }, (_, index) => String(75101 + index)),
  '92012', '92024', '92040', '92044', '92046', '92049', '92051', '92062', '92064', '92073', '92075',
  '93001', '93006', '93045', '93048', '93055', '93061', '93066', '93070',
  '94018', '94033', '94037', '94041', '94042', '94043', '94052', '94067', '94069', '94080',
]);

const ILE_DE_FRANCE_DEPARTMENTS = new Set(['75', '77', '78', '91', '92', '93', '94', '95']);

/** The ceiling zone of a commune, from its INSEE code. Overseas communes fall in `otherRegions` (their own tables are out of scope). */
export function zoneOfCommune(inseeCode: string): IncomeZone {
  if (PARIS_AND_BORDERING.has(inseeCode)) return 'parisBordering';
  if (ILE_DE_FRANCE_DEPARTMENTS.has(inseeCode.slice(0, 2))) return 'restIdf';
  return 'otherRegions';
}

/** The PLI column of an ABC zone: B2 and C share one. */
export function pliZoneOf(abcZone: 'Abis' | 'A' | 'B1' | 'B2' | 'C'): PliZone {
  return abcZone === 'B2' || abcZone === 'C' ? 'B2C' : abcZone;
}

/** The table in force on a date (tables change on 1 January); dates after the last table use it. */
export function ceilingYearFor(date: Date): CeilingYear {
  const year = date.getUTCFullYear();
  const known = CEILING_YEARS.filter((candidate) => candidate <= year);
  const latest = known[known.length - 1];
  if (latest === undefined) throw new RangeError(`no ceilings before ${CEILING_YEARS[0]}`);
  return latest;
}

function amountIn(amounts: Record<string, number>, zone: string): number {
  const amount = amounts[zone];
  if (amount === undefined) throw new RangeError(`ceiling table has no amount for zone ${zone}`);
  return amount;
}
