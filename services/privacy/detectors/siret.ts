import { isValidSiret, normaliseSiret } from '../../portal/siret';
import { matchesOf, type Found } from './detector';

// 14 digits, in one block or grouped as INSEE prints them (3 3 3 5) with spaces, dots or dashes.
const TYPED_SIRET = /(?<![\d.])(?:\d{14}|\d{3}[\s.\-]\d{3}[\s.\-]\d{3}[\s.\-]\d{5})(?!\d)/g;

export interface SiretFound {
  siret: string;
  /** Luhn, with La Poste's exception: an invalid one is still returned, so the user can be told. */
  valid: boolean;
}

/** SIRET numbers (a company's, not a person's: masked in logs all the same). */
export function findSirets(text: string): Found<SiretFound>[] {
  return matchesOf(TYPED_SIRET, text, (match) => {
    const siret = normaliseSiret(match[0]);
    return { siret, valid: isValidSiret(siret) };
  });
}
