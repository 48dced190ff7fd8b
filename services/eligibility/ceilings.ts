import { z } from 'zod';
import plai2025 from './ceilings/plai-2025.json';
import plai2026 from './ceilings/plai-2026.json';
import pli2025 from './ceilings/pli-2025.json';
import pli2026 from './ceilings/pli-2026.json';
import pls2025 from './ceilings/pls-2025.json';
import pls2026 from './ceilings/pls-2026.json';
import plus2025 from './ceilings/plus-2025.json';
import plus2026 from './ceilings/plus-2026.json';
import zonesData from './zones.json';

// The household category has its own file; exported here too, where the simulator's rules import it from.
export { householdCategory, type HouseholdComposition } from './householdCategory';

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
  note: z.string().optional(),
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
  const table = tableFor(financing, year);
  if (!table.zones.includes(zone)) throw new RangeError(`${financing} ceilings have no zone ${zone}`);
  const row = table.categories[Math.min(category, LAST_CATEGORY) as 1 | 2 | 3 | 4 | 5 | 6];
  const extraPersons = Math.max(0, category - LAST_CATEGORY);
  return amountIn(row, zone) + extraPersons * amountIn(table.perExtraPerson, zone);
}

/** Where a table comes from, and whether its values are derived (⚠: the dialog says "estimated"). */
export interface CeilingTableInfo {
  financing: CeilingFinancing;
  year: CeilingYear;
  source: string;
  derived: boolean;
  note?: string;
}

export function ceilingTableInfo(financing: CeilingFinancing, year: CeilingYear): CeilingTableInfo {
  const table = tableFor(financing, year);
  return { financing, year, source: table.source, derived: table.derived, ...(table.note ? { note: table.note } : {}) };
}

const ZonesSchema = z.object({
  source: z.string().min(1),
  paris: z.string(),
  parisArrondissements: z.object({ first: z.string().regex(/^\d{5}$/), last: z.string().regex(/^\d{5}$/) }),
  borderingParis: z.array(z.string().regex(/^\d{5}$/)).length(29),
  ileDeFranceDepartments: z.array(z.string()).min(1),
});
const ZONES = ZonesSchema.parse(zonesData);

/** Paris (75056), its arrondissements and the 29 communes bordering it (./zones.json). */
const PARIS_AND_BORDERING: ReadonlySet<string> = new Set([
  ZONES.paris,
  ...codesBetween(ZONES.parisArrondissements.first, ZONES.parisArrondissements.last),
  ...ZONES.borderingParis,
]);
export const BORDERING_PARIS: readonly string[] = ZONES.borderingParis;
export const ILE_DE_FRANCE_DEPARTMENTS: ReadonlySet<string> = new Set(ZONES.ileDeFranceDepartments);

/**
 * The ceiling zone of a commune, from its INSEE code, without checking the code. Overseas communes fall in
 * `otherRegions` here (the simulator's offers are metropolitan); `zoneForPlace` tells them apart.
 */
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

function tableFor(financing: CeilingFinancing, year: CeilingYear): CeilingTable {
  const table = TABLES.find((candidate) => candidate.financing === financing && candidate.year === year);
  if (!table) throw new RangeError(`no ${financing} ceilings for ${year}`);
  return table;
}

function amountIn(amounts: Record<string, number>, zone: string): number {
  const amount = amounts[zone];
  if (amount === undefined) throw new RangeError(`ceiling table has no amount for zone ${zone}`);
  return amount;
}

function codesBetween(first: string, last: string): string[] {
  return Array.from({ length: Number(last) - Number(first) + 1 }, (_, offset) => String(Number(first) + offset));
}
