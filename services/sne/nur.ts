/**
 * The unique registration number of a social-housing request (NUR in Île-de-France, NUD elsewhere;
 * CCH L441-2-1, R441-2-4). ⚠ No official format was found: a published attestation shows 13 digits
 * (territory 3, month 2, year 2, sequence 6) then a 5-character desk code, e.g. `1111023517879GDPUB`.
 * So the check is tolerant: separators and case are forgiven, no check key is assumed.
 */

export const NUR_PATTERN = /^\d{13}[A-Z0-9]{5}$/;

// What people type between groups: spaces (also non-breaking), dashes, dots, slashes, underscores.
const SEPARATORS = /[\s\-._/]/g;

/** The canonical form (`0691124000101GDPUB`), or undefined when the input cannot be one. */
export function normaliseNur(input: string): string | undefined {
  const compact = input.replace(SEPARATORS, '').toUpperCase();
  return NUR_PATTERN.test(compact) ? compact : undefined;
}

/**
 * A form that lets the owner recognise their number without exposing it: the territory and the end
 * are kept (`069********01GDPUB`), the filing month, year and most of the sequence are hidden.
 */
export function maskNur(nur: string): string {
  return `${nur.slice(0, 3)}${'*'.repeat(8)}${nur.slice(11)}`;
}
