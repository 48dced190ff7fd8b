import { placeIndex } from '../../services/geo/placeIndex';
import { dominantHomonym } from '../../services/geo/resolvePlace';
import { zoneOfCommune } from '../../services/eligibility/ceilings';
import { affirmsPhrase } from '../../services/shared/affirmedPhrase';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../services/shared/projectRoot';
import type { SearchCriteria, SearchPlace } from '../../services/offers/searchCriteria';
import { financingsNamed } from '../recognizer/entities/financing';
import type { CommuneCandidate, Place, RecognizedEntities } from '../recognizer/entities/schemas';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';

/** Paris, Lyon and Marseille offers are listed under the city, whatever the arrondissement. */
const CITY_NAMES: Record<string, string> = { '75056': 'Paris', '69123': 'Lyon', '13055': 'Marseille' };

/** What asks for an accessible home (a wheelchair, reduced mobility, a disability). */
const ACCESSIBLE_WORDS = ['pmr', 'accessible', 'fauteuil', 'handicap\\w*', 'mobilite reduite', 'wheelchair'];

export type PlaceReading =
  | { kind: 'place'; place: SearchPlace }
  | { kind: 'ambiguous'; candidates: CommuneCandidate[] }
  | { kind: 'misspelt'; candidate: CommuneCandidate; nearby: boolean; typed: string }
  | { kind: 'unknownPostalCode'; postalCode: string }
  | { kind: 'none' };

// "sans limite de budget", "peu importe le loyer", "without a budget" — or "peu importe" alone, after a
// search: the maximum rent is dropped.
const ANY_BUDGET = /^ ?(?:peu importe|n importe|pas de preference|whatever|doesn t matter|no matter|any) ?$|\b(sans (?:limite de |plafond de |maximum de |max de )?(?:budget|loyer|prix)|sans limite|pas de (?:limite de )?(?:budget|loyer max)|peu importe le (?:prix|loyer|budget)|n importe quel (?:prix|loyer|budget)|without (?:a |any )?(?:budget|limit|maximum)|no (?:budget|limit|maximum|max)|any (?:price|budget|rent)|whatever the (?:price|rent))\b/;
// "le moins cher c'est lequel ?", "the cheapest one": the cheapest offer shown.
const CHEAPEST = /\b(le moins cher|la moins chere|le plus abordable|the cheapest|cheapest one)\b/;

/** What a sentence says about the search; undefined fields are left to the previous search. */
export function criteriaFromRecognition(
  entities: RecognizedEntities,
  text: string,
): { criteria: SearchCriteria; place: PlaceReading; cheaper: boolean; anyBudget: boolean; cheapest: boolean } {
  const words = ` ${normalizeForMatching(text)} `;
  const amount = entities.amounts?.find((candidate) => candidate.period !== 'year' && candidate.value < 10_000);
  const typologies = entities.typologies?.map((typology) => (typology === 'T6' ? 'T5' : typology));
  return {
    criteria: {
      typologies: typologies?.length ? [...new Set(typologies)] : undefined,
      maxRent: amount?.value,
      rentWithoutCharges: amount ? amount.chargesIncluded === false || undefined : undefined,
      minSurface: entities.surfaces?.[0],
      // "pas de handicap" is not a request for an accessible home.
      financings: financingsNamed(text),
      accessible: ACCESSIBLE_WORDS.some((word) => [...words.matchAll(new RegExp(`(?<![a-z])${word}(?![a-z])`, 'g'))].some((match) => affirmsPhrase(` ${words} `, match[0]))) ? true : undefined,
    },
    place: placeReading(...placeAndReference(entities.places ?? [], NEARBY.test(words))),
    cheaper: !CHEAPEST.test(words) && /\b(moins cher|moins chere|moins chers|plus abordable|cheaper|less expensive)\b/.test(words),
    anyBudget: ANY_BUDGET.test(words),
    cheapest: CHEAPEST.test(words),
  };
}

/** Words that look around a place rather than in it. */
const NEARBY = /\b(pres de|autour de|aux alentours de|pas loin de|near|around)\b/;

/**
 * The place looked for, whether around it, and the place it is said to be near: "près de Lyon" looks in
 * the whole department; "saint ouen near paris" names a Saint-Ouen by the place after "near".
 */
function placeAndReference(places: readonly Place[], nearWords: boolean): [Place | undefined, boolean, Place | undefined] {
  const [first, second] = places;
  return nearWords && second ? [first, false, second] : [first, nearWords, undefined];
}

/** The homonyms in the reference's department, or by Paris when the reference is Paris; all when none is. */
function nearReference(candidates: CommuneCandidate[], reference: Place | undefined): CommuneCandidate[] {
  if (!reference) return candidates;
  const department = reference.kind === 'department' ? reference.code : reference.candidates[0]?.department;
  const near = candidates.filter((candidate) => candidate.department === department || (department === '75' && zoneOfCommune(candidate.code) === 'parisBordering'));
  return near.length > 0 ? near : candidates;
}

function placeReading(place: Place | undefined, nearby: boolean, reference?: Place): PlaceReading {
  if (!place) return { kind: 'none' };
  if (place.kind === 'department') return { kind: 'place', place: { kind: 'department', code: place.code, name: place.name } };
  const candidates = nearReference(place.candidates, reference);
  // "t2 sur toulouze": the town it is one typo from, said back with the results.
  if (place.misspelt && candidates.length === 1) return { kind: 'misspelt', candidate: candidates[0]!, nearby, typed: place.misspelt };
  if (candidates.length === 0) return place.postalCode ? { kind: 'unknownPostalCode', postalCode: place.postalCode } : { kind: 'none' };
  const departments = new Set(candidates.map((candidate) => candidate.department));
  // Homonyms in different departments (Saint-Denis 93 / 974): the user says which — unless one is a town
  // and the others villages ("Mérignac" is the one near Bordeaux, not those of Charente).
  if (departments.size > 1 && !place.postalCode && !dominantHomonym(candidates)) return { kind: 'ambiguous', candidates: candidates.slice(0, 5) };
  const [largest] = [...candidates].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  return { kind: 'place', place: searchPlaceOf(largest!, nearby) };
}

/** "Près de Lyon" looks in the whole department. */
export function searchPlaceOf(candidate: CommuneCandidate, nearby = false): SearchPlace {
  if (nearby) return { kind: 'department', code: candidate.department, name: departmentName(candidate.department) };
  const code = candidate.city ?? candidate.code;
  return { kind: 'commune', code, name: CITY_NAMES[code] ?? candidate.name };
}

/** The department a search place is in: its own code, or its commune's. */
export function departmentOfSearchPlace(place: SearchPlace): string | undefined {
  return place.kind === 'department' ? place.code : placeIndex().communesByCode.get(place.code)?.department;
}

let departments: Map<string, string> | undefined;

export function departmentName(code: string): string {
  departments ??= new Map(
    (JSON.parse(readFileSync(join(projectRoot(), 'node_modules', '@etalab', 'decoupage-administratif', 'data', 'departements.json'), 'utf8')) as { code: string; nom: string }[]).map(
      (department) => [department.code, department.nom],
    ),
  );
  return departments.get(code) ?? code;
}
