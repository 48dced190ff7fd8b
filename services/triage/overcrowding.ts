/**
 * The home a person says they live in now, as the conversation read it: how many live there, its
 * surface, whether it is a single room (a studio, a "chambre de bonne").
 */
export interface CurrentHome {
  persons: number;
  surface?: number;
  oneRoom?: boolean;
}

/** The surface below which a home is overcrowded: 9 m² for one person, 16 m² for two, 9 m² more for each other person. */
export function overcrowdingSurface(persons: number): number {
  return persons <= 1 ? 9 : 16 + 9 * (persons - 2);
}

/**
 * Severe overcrowding, a priority situation (FACTS.md "Priority situations", CCH L441-1; the surfaces of
 * the décret of 30 January 2002 as test/triage/LABELLING.md § 2.4 applies them): under the surface for
 * its number of persons, or a family of three or more in a single room. "On est 4 dans un T3" is not.
 */
export function isOvercrowded(home: CurrentHome): boolean {
  if (home.surface !== undefined && home.surface < overcrowdingSurface(home.persons)) return true;
  return home.oneRoom === true && home.persons >= 3;
}
