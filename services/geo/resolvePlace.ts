import { z } from 'zod';
import { placeIndex, placeWords, type PlaceIndex } from './placeIndex';
import { CommuneCandidateSchema, DepartmentCandidateSchema, type CommuneCandidate, type DepartmentCandidate } from './schemas';

/**
 * What a person typed when asked for a place, read as communes or a department. Several communes are
 * never guessed between: homonyms ("Saint-Denis" in 93 and in La Réunion) and postal codes shared by
 * several communes come back as `ambiguous`, with each candidate's department, for the dialog to ask.
 */
export const PlaceResolutionSchema = z.discriminatedUnion('kind', [
  /** One commune or municipal arrondissement (then `commune.city` is 75056, 69123 or 13055). */
  z.object({ kind: z.literal('commune'), commune: CommuneCandidateSchema }),
  /** Most populated first. */
  z.object({ kind: z.literal('ambiguous'), reason: z.enum(['homonyms', 'postalCode']), candidates: z.array(CommuneCandidateSchema).min(2) }),
  /** A department; `sameNameCommunes` when a commune has its name too ("Vienne"), for the dialog to offer. */
  z.object({ kind: z.literal('department'), department: DepartmentCandidateSchema, sameNameCommunes: z.array(CommuneCandidateSchema) }),
  z.object({ kind: z.literal('unknown') }),
]);
export type PlaceResolution = z.infer<typeof PlaceResolutionSchema>;

// Words around a place typed as an answer: "à Lyon svp", "dans le 93", "département du Nord", "in Paris".
const LEADING_FILLERS = new Set([
  'a', 'au', 'aux', 'sur', 'vers', 'dans', 'de', 'du', 'des', 'en', 'pres', 'proche', 'cote', 'secteur', 'ville', 'commune',
  'departement', 'dept', 'dpt', 'numero', 'le', 'la', 'les', 'l', 'd', 'in', 'near', 'at', 'to', 'the', 'city', 'town', 'of', 'department',
  'je', 'j', 'habite', 'vis', 'suis', 'travaille', 'cherche', 'i', 'live', 'work', 'am',
  // "plutôt vers Créteil", "euh disons Nanterre", "rather in Lyon": a hesitation or a correction before the name.
  'plutot', 'disons', 'euh', 'heu', 'ben', 'bah', 'enfin', 'alors', 'non', 'ah', 'oui', 'ouais', 'rather', 'say', 'well', 'maybe', 'fait',
]);
const TRAILING_FILLERS = new Set(['svp', 'stp', 'merci', 'please', 'plz', 'thanks', 'thank', 'you', 'france']);
const ARTICLES = ['le', 'la', 'les', 'l'];

// A city of this size wins over a department of the same name ("Paris"); below, the department does ("Vienne").
const CITY_OVER_DEPARTMENT = 100_000;

/** "st etienne", "Saint-Étienne", "75015", "Paris 15e", "Lyon 3e", "93", "Seine-Saint-Denis", "Saint-Denis (974)"… */
export function resolvePlace(text: string): PlaceResolution {
  const index = placeIndex();
  let words = placeWords(text);
  while (words.length > 0 && TRAILING_FILLERS.has(words[words.length - 1] ?? '')) words = words.slice(0, -1);
  // Strip leading fillers one at a time, trying the name at each step: "Le Havre", "Les Lilas" keep their article.
  for (let start = 0; start < words.length; start++) {
    const resolution = resolveWords(words.slice(start), index);
    if (resolution) return resolution;
    if (!LEADING_FILLERS.has(words[start] ?? '')) break;
  }
  return { kind: 'unknown' };
}

/** The current commune or municipal arrondissement with this INSEE code. */
/** How large a town must be, and how many times larger than each homonym, to be the one a name means. */
const DOMINANT_POPULATION = 20_000;
const DOMINANT_RATIO = 10;

/**
 * The homonym a name means without asking: a town of 20 000 people or more, ten times as large as any
 * other ("Mérignac" is the one near Bordeaux, "Évry" Évry-Courcouronnes); none when they compare. A
 * verdict on the ceilings asks more (`ratio`): "st ouen" is asked, not taken for Saint-Ouen-sur-Seine.
 */
export function dominantHomonym<T extends { population?: number }>(candidates: readonly T[], ratio = DOMINANT_RATIO): T | undefined {
  const [largest, ...others] = [...candidates].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  const population = largest?.population ?? 0;
  return population >= DOMINANT_POPULATION && others.every((other) => (other.population ?? 0) * ratio <= population) ? largest : undefined;
}

export function communeByCode(inseeCode: string): CommuneCandidate | undefined {
  return placeIndex().communesByCode.get(inseeCode.toUpperCase());
}

/** A department by its code ("93", "2A", "974"). */
export function departmentByCode(code: string): DepartmentCandidate | undefined {
  return placeIndex().departmentsByCode.get(code.toLowerCase());
}

/**
 * Keeps the candidates a follow-up answer points to — "93", "La Réunion", "93200", "Saint-Denis 93" —
 * for the dialog that asked "which Saint-Denis?". An empty list when the answer matches none of them.
 */
export function narrowCandidates(candidates: readonly CommuneCandidate[], answer: string): CommuneCandidate[] {
  const words = placeWords(answer).filter((word) => !LEADING_FILLERS.has(word) && !TRAILING_FILLERS.has(word));
  const asQualifier = qualifierFilter(words, placeIndex());
  if (asQualifier) return asQualifier(candidates);
  const resolution = resolvePlace(answer);
  const meant = new Set(
    resolution.kind === 'commune' ? [resolution.commune.code] : resolution.kind === 'ambiguous' ? resolution.candidates.map((commune) => commune.code) : [],
  );
  return candidates.filter((candidate) => meant.has(candidate.code) || (candidate.city !== undefined && meant.has(candidate.city)));
}

function resolveWords(words: string[], index: PlaceIndex): PlaceResolution | undefined {
  if (words.length === 0) return undefined;
  const [only] = words;
  if (words.length === 1 && only !== undefined && /^\d{5}$/.test(only)) return communesResolution(index.communesByPostalCode.get(only) ?? [], 'postalCode');
  if (words.length === 1 && only !== undefined && /^\d{1,3}[ab]?$/.test(only)) {
    const department = departmentOfCode(only, index);
    return department ? { kind: 'department', department, sameNameCommunes: [] } : undefined;
  }
  const byName = byNameResolution(words.join(' '), index);
  if (byName) return byName;
  // A name with a qualifier on either side: "Saint-Denis 93", "Saint-Denis (La Réunion)", "93200 Saint-Denis".
  for (let split = 1; split < words.length; split++) {
    for (const [nameWords, qualifierWords] of [[words.slice(0, split), words.slice(split)], [words.slice(split), words.slice(0, split)]] as const) {
      const communes = index.communesByName.get(nameWords.join(' '));
      const filter = communes ? qualifierFilter(qualifierWords, index) : undefined;
      if (!communes || !filter) continue;
      const kept = filter(communes);
      if (kept.length > 0) return communesResolution(kept, 'homonyms');
    }
  }
  return undefined;
}

function byNameResolution(key: string, index: PlaceIndex): PlaceResolution | undefined {
  const communes = index.communesByName.get(key) ?? [];
  const department = departmentOfName(key, index);
  if (department && !communes.some((commune) => commune.population >= CITY_OVER_DEPARTMENT)) {
    return { kind: 'department', department, sameNameCommunes: communes };
  }
  return communes.length > 0 ? communesResolution(communes, 'homonyms') : undefined;
}

/** What a qualifier ("93", "974", "La Réunion", "93200") keeps of a list of communes; undefined when it is no qualifier. */
function qualifierFilter(words: string[], index: PlaceIndex): ((candidates: readonly CommuneCandidate[]) => CommuneCandidate[]) | undefined {
  const key = words.join(' ');
  if (/^\d{5}$/.test(key)) {
    const byPostalCode = index.communesByPostalCode.get(key) ?? [];
    // "75015 Paris" means the 15th arrondissement: a candidate's arrondissements carry its postal codes.
    return (candidates) => {
      const codes = new Set(candidates.map((candidate) => candidate.code));
      return byPostalCode.filter((commune) => codes.has(commune.code) || (commune.city !== undefined && codes.has(commune.city)));
    };
  }
  const department = /^\d{1,3}[ab]?$/.test(key) ? departmentOfCode(key, index) : departmentOfName(key, index);
  if (!department) return undefined;
  return (candidates) => candidates.filter((candidate) => candidate.department === department.code);
}

function departmentOfCode(code: string, index: PlaceIndex): DepartmentCandidate | undefined {
  return index.departmentsByCode.get(code.length === 1 ? `0${code}` : code);
}

/** "la reunion" or "reunion", "seine saint denis". */
function departmentOfName(key: string, index: PlaceIndex): DepartmentCandidate | undefined {
  return index.departmentsByName.get(key) ?? ARTICLES.map((article) => index.departmentsByName.get(`${article} ${key}`)).find((found) => found !== undefined);
}

function communesResolution(communes: readonly CommuneCandidate[], reason: 'homonyms' | 'postalCode'): PlaceResolution | undefined {
  const [first, second] = communes;
  if (!first) return undefined;
  // The likely one first: homonyms are offered from the most populous (a préfecture before a hamlet).
  return second ? { kind: 'ambiguous', reason, candidates: [...communes].sort((a, b) => b.population - a.population) } : { kind: 'commune', commune: first };
}
