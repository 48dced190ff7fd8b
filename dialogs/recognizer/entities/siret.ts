import { isValidSiret, normaliseSiret } from '../../../services/portal/siret';
import type { EntityMatch } from './entityMatch';
import type { SiretValue } from './schemas';

// 14 digits, in one block or grouped as INSEE prints them (3 3 3 5) with spaces or dots.
const TYPED_SIRET = /(?<![\d.])(?:\d{14}|\d{3}[ .]\d{3}[ .]\d{3}[ .]\d{5})(?![\d])/g;

/** SIRET numbers in a sentence; an invalid one is still returned, flagged, so the user can be told. */
export function findSirets(text: string): EntityMatch<SiretValue>[] {
  return [...text.matchAll(TYPED_SIRET)].map((match) => {
    const siret = normaliseSiret(match[0]);
    return { value: { siret, valid: isValidSiret(siret) }, start: match.index, end: match.index + match[0].length };
  });
}
