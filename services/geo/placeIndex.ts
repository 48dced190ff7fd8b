import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CommuneCandidate, DepartmentCandidate } from './schemas';

/**
 * The communes, municipal arrondissements and departments of France, indexed by what people type.
 * Shared by the recognizer's place entity (dialogs/recognizer/entities/place.ts) and `resolvePlace`.
 */
export interface PlaceIndex {
  /** Folded names ("saint etienne", "paris 15e") → communes of that name, most populated first. */
  communesByName: Map<string, CommuneCandidate[]>;
  /**
   * Names that begin with an article, or are shortened ("la madeleine", "havre", "saint ouen" for
   * Saint-Ouen-sur-Seine): they read like ordinary words, so they need a cue unless the town is large.
   */
  wordLikeNames: Set<string>;
  /** A postal code → its communes, most populated first; a city shared out in arrondissements gives way to the arrondissement. */
  communesByPostalCode: Map<string, CommuneCandidate[]>;
  /** INSEE code → current commune or municipal arrondissement. */
  communesByCode: Map<string, CommuneCandidate>;
  departmentsByName: Map<string, DepartmentCandidate>;
  /** Lower-case code ("93", "2a", "974") → department. */
  departmentsByCode: Map<string, DepartmentCandidate>;
  /** The longest name in words, so a scan knows how far to look ahead. */
  longestNameWords: number;
}

// Official lists packaged by Etalab (@etalab/decoupage-administratif, from INSEE's Code officiel géographique).
const EtalabCommuneSchema = z.object({
  code: z.string(),
  nom: z.string(),
  type: z.string(),
  departement: z.string().optional(),
  commune: z.string().optional(),
  codesPostaux: z.array(z.string()).optional(),
  population: z.number().optional(),
});
const EtalabDepartmentSchema = z.object({ code: z.string(), nom: z.string() });

let index: PlaceIndex | undefined;

/**
 * Built on first use, once per process: most turns never mention a place (the recognizer builds it at
 * start-up). Measured with @etalab/decoupage-administratif 6.0.0 on Node 20: about 0.5 s and 19 MB of
 * heap kept (the 8 MB file of ~37 600 entries is parsed and released; ~35 000 communes and municipal
 * arrondissements stay, under ~33 400 names and ~6 300 postal codes).
 */
export function placeIndex(): PlaceIndex {
  index ??= buildIndex();
  return index;
}

/** Shortenings people type in place names: "st etienne", "ste foy", "aix en pce". */
export const SHORTENED_IN_PLACE_NAMES: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte', pce: 'provence' };

/** Lower case, no accents, hyphens and apostrophes as spaces, shortenings spelled out ("st" as "saint"). */
export function placeKey(name: string): string {
  return placeWords(name).join(' ');
}

export function placeWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => SHORTENED_IN_PLACE_NAMES[word] ?? word);
}

function buildIndex(): PlaceIndex {
  const communes = z.array(EtalabCommuneSchema).parse(readPackagedJson('communes.json'));
  const departments = z.array(EtalabDepartmentSchema).parse(readPackagedJson('departements.json'));
  const communesByName = new Map<string, CommuneCandidate[]>();
  const wordLikeNames = new Set<string>();
  const communesByPostalCode = new Map<string, CommuneCandidate[]>();
  const communesByCode = new Map<string, CommuneCandidate>();
  let longestNameWords = 1;
  const addName = (key: string, candidate: CommuneCandidate) => {
    const list = communesByName.get(key) ?? [];
    if (!list.some((other) => other.code === candidate.code)) list.push(candidate);
    communesByName.set(key, list);
    longestNameWords = Math.max(longestNameWords, key.split(' ').length);
  };

  for (const commune of communes) {
    const isArrondissement = commune.type === 'arrondissement-municipal';
    // Delegated and associated communes were merged into another: offers carry the current code.
    if ((commune.type !== 'commune-actuelle' && !isArrondissement) || !commune.departement) continue;
    const candidate: CommuneCandidate = {
      code: commune.code,
      name: commune.nom,
      department: commune.departement,
      postalCodes: commune.codesPostaux ?? [],
      population: commune.population ?? 0,
      ...(isArrondissement && commune.commune ? { city: commune.commune } : {}),
    };
    communesByCode.set(candidate.code, candidate);
    const officialKey = placeKey(commune.nom);
    const shortened = isArrondissement ? [] : [...withoutArticle(commune.nom, candidate.population), ...withoutRiver(commune.nom, candidate.population), ...firstWordOnly(commune.nom, candidate.population)];
    const names = isArrondissement ? arrondissementAliases(commune.nom) : [officialKey, ...shortened];
    for (const name of names) addName(name, candidate);
    if (/^(?:le|la|les|l) /.test(officialKey)) wordLikeNames.add(officialKey);
    for (const name of shortened) wordLikeNames.add(name);
    for (const postalCode of candidate.postalCodes) {
      communesByPostalCode.set(postalCode, [...(communesByPostalCode.get(postalCode) ?? []), candidate]);
    }
  }
  // 69003 is both Lyon and its 3rd arrondissement: the arrondissement is what was meant.
  for (const [postalCode, list] of communesByPostalCode) {
    const cities = new Set(list.flatMap((candidate) => (candidate.city ? [candidate.city] : [])));
    communesByPostalCode.set(postalCode, list.filter((candidate) => !cities.has(candidate.code)));
  }
  for (const list of [...communesByName.values(), ...communesByPostalCode.values()]) {
    list.sort((a, b) => b.population - a.population);
  }

  const departmentsByName = new Map<string, DepartmentCandidate>();
  const departmentsByCode = new Map<string, DepartmentCandidate>();
  for (const department of departments) {
    const candidate = { code: department.code, name: department.nom };
    departmentsByName.set(placeKey(department.nom), candidate);
    departmentsByCode.set(department.code.toLowerCase(), candidate);
    longestNameWords = Math.max(longestNameWords, placeKey(department.nom).split(' ').length);
  }
  // A shortened name that is also a full official one ("saint ouen" in 41 and 80) keeps its plain status.
  for (const commune of communes) if (commune.type === 'commune-actuelle') wordLikeNames.delete(placeKey(commune.nom));
  return { communesByName, wordLikeNames, communesByPostalCode, communesByCode, departmentsByName, departmentsByCode, longestNameWords };
}

/** Read rather than `require`d, so the 8 MB of raw entries are not kept in the module cache once indexed. */
function readPackagedJson(file: 'communes.json' | 'departements.json'): unknown {
  return JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8'));
}

/** "au Havre", "à Rochelle": people drop the article of Le Havre, La Rochelle (towns large enough to be meant). */
function withoutArticle(officialName: string, population: number): string[] {
  const words = placeWords(officialName);
  if (population < 5000 || words.length < 2 || !['le', 'la', 'les', 'l'].includes(words[0] ?? '')) return [];
  return [words.slice(1).join(' ')];
}

/**
 * "Saint-Ouen" for Saint-Ouen-sur-Seine (renamed in 2018), "Issy" for Issy-les-Moulineaux, "Aix" for
 * Aix-en-Provence, "Saint-Maur" for Saint-Maur-des-Fossés: people drop the river or the region of towns
 * large enough to be meant.
 */
function withoutRiver(officialName: string, population: number): string[] {
  if (population < 20_000) return [];
  const words = placeWords(officialName);
  const cut = words.findIndex((word, position) => position > 0 && ['sur', 'sous', 'en', 'les', 'lez', 'des'].includes(word));
  return cut > 0 ? [words.slice(0, cut).join(' ')] : [];
}

/** First words that do not stand for a town on their own ("Saint", "Le", "Val"). */
const NOT_A_TOWN_ALONE = new Set(['saint', 'sainte', 'le', 'la', 'les', 'l', 'notre', 'val', 'port', 'mont', 'bourg', 'pont', 'fort']);

/**
 * "Boulogne" for Boulogne-Billancourt as well as Boulogne-sur-Mer, "Clermont" for Clermont-Ferrand, "Rueil"
 * for Rueil-Malmaison: the first word of a city's compound name (a city large enough to be meant); the
 * homonyms it makes are asked about when their zones differ.
 */
function firstWordOnly(officialName: string, population: number): string[] {
  if (population < 50_000) return [];
  const words = placeWords(officialName);
  const [first] = words;
  return words.length === 2 && first && first.length >= 4 && !NOT_A_TOWN_ALONE.has(first) ? [first] : [];
}

/** "Paris 15e Arrondissement" → "paris 15", "paris 15e", "paris 15eme", "paris 15e arrondissement"… */
function arrondissementAliases(officialName: string): string[] {
  const match = /^(.+) (\d+)(?:er|e) arrondissement$/i.exec(officialName);
  if (!match) return [placeKey(officialName)];
  const city = placeKey(match[1] ?? '');
  const number = match[2] ?? '';
  const ordinals = number === '1' ? ['1', '1er', '1ere', '1e', '1eme'] : [number, `${number}e`, `${number}eme`, `${number}em`];
  return ordinals.flatMap((ordinal) => [`${city} ${ordinal}`, `${city} ${ordinal} arrondissement`, `${city} ${ordinal} arr`]);
}
