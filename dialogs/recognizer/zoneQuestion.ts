import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { ILE_DE_FRANCE_DEPARTMENTS, type IncomeZone } from '../../services/eligibility/ceilings';
import { placesNamed } from './entities/extractEntities';
import { placeZoneOfEntity } from './entities/placeZone';
import type { CommuneCandidate } from './entities/schemas';

/** "c'est limitrophe de Paris ?", "same zone for the income limits?", "ça touche Paris ?". */
const ZONE_ASKED = /(?<![a-z])(?:limitrophes?|bordering|borders? (?:on )?paris|same zone|meme zone|quelle zone|which zone|what zone|petite couronne)(?![a-z])/;
/** "next to Paris" only says which homonym ("a T3 in Saint-Ouen, the one next to Paris") unless the ceilings are named. */
const NEXT_TO_PARIS = /(?<![a-z])(?:next (?:door|to paris)|a cote de paris|touche paris|colle a paris)(?![a-z])/;
const CEILING_WORDS = /(?<![a-z])(?:zones?|plafonds?|limits?|ceilings?)(?![a-z])/;
const PARIS = '75056';

/**
 * The commune whose ceilings zone is asked ("bobigny c limitrophe de paris ?", "Is Saint-Ouen next door in
 * the same zone?") and its zone — or, `askedBefore`, of the commune a follow-up names ("et st ouen
 * l'aumone ?"); Paris, the reference, is not the one asked about.
 */
export function zoneAsked(text: string, askedBefore = false): { name: string; zone: IncomeZone } | undefined {
  const said = normalizeForMatching(text);
  const zoneNamed = ZONE_ASKED.test(said) || (NEXT_TO_PARIS.test(said) && CEILING_WORDS.test(said));
  if (!askedBefore && !zoneNamed) return undefined;
  for (const { value: place } of placesNamed(text)) {
    if (place.kind !== 'commune') continue;
    const candidates = place.candidates.filter((candidate) => candidate.code !== PARIS && candidate.city !== PARIS);
    const commune = likeliest(candidates);
    if (!commune) continue;
    const reading = placeZoneOfEntity({ kind: 'commune', candidates: [commune] });
    if (reading.kind === 'zone') return { name: commune.name, zone: reading.zone };
  }
  return undefined;
}

/** Of homonyms, the only one in Île-de-France (the question is about Paris), else the most populated. */
function likeliest(candidates: CommuneCandidate[]): CommuneCandidate | undefined {
  const inIdf = candidates.filter((candidate) => ILE_DE_FRANCE_DEPARTMENTS.has(candidate.department));
  return inIdf.length === 1 ? inIdf[0] : candidates[0];
}
