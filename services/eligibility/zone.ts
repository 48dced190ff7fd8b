import { communeByCode, departmentByCode, type PlaceResolution } from '../geo/resolvePlace';
import { isOverseasDepartment, type CommuneCandidate } from '../geo/schemas';
import { BORDERING_PARIS, ILE_DE_FRANCE_DEPARTMENTS, zoneOfCommune, type IncomeZone } from './ceilings';

/**
 * The zone of the PLAI/PLUS/PLS ceilings for a place. Overseas communes have their own tables, out of
 * scope for now (FACTS.md): they come back as `outOfScope` rather than a metropolitan zone.
 */
export type ZoneResult =
  | { kind: 'zone'; zone: IncomeZone }
  | { kind: 'outOfScope'; reasonCode: 'overseas' }
  | { kind: 'unknown' };

/** For a department or several candidate communes: the zone when they all share it, else what to ask. */
export type PlaceZoneResult =
  | ZoneResult
  /** Hauts-de-Seine, Seine-Saint-Denis, Val-de-Marne: some communes border Paris, the others do not. */
  | { kind: 'needsCommune'; departmentCode: string }
  /** Homonyms or a shared postal code in different zones: the dialog asks which commune. */
  | { kind: 'needsChoice'; candidates: CommuneCandidate[] };

/** From an INSEE code of a current commune or municipal arrondissement (75115 → Paris and bordering communes). */
export function zoneForPlace(inseeCode: string): ZoneResult {
  const commune = communeByCode(inseeCode);
  if (!commune) return { kind: 'unknown' };
  if (isOverseasDepartment(commune.department)) return { kind: 'outOfScope', reasonCode: 'overseas' };
  return { kind: 'zone', zone: zoneOfCommune(commune.code) };
}

/** From a department: 75 is all Paris, 77/78/91/95 all the rest of Île-de-France, 92/93/94 depend on the commune. */
export function zoneForDepartment(departmentCode: string): PlaceZoneResult {
  const department = departmentByCode(departmentCode);
  if (!department) return { kind: 'unknown' };
  if (isOverseasDepartment(department.code)) return { kind: 'outOfScope', reasonCode: 'overseas' };
  if (BORDERING_PARIS.some((code) => code.startsWith(department.code))) return { kind: 'needsCommune', departmentCode: department.code };
  if (department.code === '75') return { kind: 'zone', zone: 'parisBordering' };
  return { kind: 'zone', zone: ILE_DE_FRANCE_DEPARTMENTS.has(department.code) ? 'restIdf' : 'otherRegions' };
}

/**
 * From what `resolvePlace` read: a question is needed only when the zone depends on it ("Saint-Denis"
 * 93 or 974 — asked; a postal code shared by villages of one department — not asked).
 */
export function zoneForResolution(resolution: PlaceResolution): PlaceZoneResult {
  switch (resolution.kind) {
    case 'commune':
      return zoneForPlace(resolution.commune.code);
    case 'department':
      return zoneForDepartment(resolution.department.code);
    case 'unknown':
      return { kind: 'unknown' };
    case 'ambiguous': {
      const zones = resolution.candidates.map((candidate) => zoneForPlace(candidate.code));
      const [first] = zones;
      const same = first !== undefined && zones.every((zone) => sameZone(zone, first));
      return same ? first : { kind: 'needsChoice', candidates: resolution.candidates };
    }
  }
}

function sameZone(a: ZoneResult, b: ZoneResult): boolean {
  if (a.kind === 'zone' && b.kind === 'zone') return a.zone === b.zone;
  return a.kind === b.kind;
}
