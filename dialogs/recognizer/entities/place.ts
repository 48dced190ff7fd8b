import { placeIndex, placeKey, SHORTENED_IN_PLACE_NAMES, type PlaceIndex } from '../../../services/geo/placeIndex';
import { markerLanguage } from '../../../services/language/markerWords';
import { misspeltCommune, misspeltCompoundCommune } from '../../../services/geo/misspeltCommune';
import placeWordsData from './data/placeWords.json';
import type { EntityMatch } from './entityMatch';
import { foldText } from './foldText';
import type { CommuneCandidate, Place } from './schemas';

interface Word {
  /** Folded, with shortenings spelled out ("st" read as "saint"). */
  text: string;
  start: number;
  end: number;
  /** The characters between the previous word and this one ("(" in "(93)"). */
  before: string;
}

const NEED_CUE = new Set(placeWordsData.needCue);
const NEVER_AFTER_CUE = new Set(placeWordsData.neverAfterCue);
const NOT_A_PLACE = new Set(placeWordsData.notAPlace);
const NOT_A_PLACE_FIRST = new Set(placeWordsData.notAPlaceFirst);
const NOT_MISSPELT = new Set(placeWordsData.notMisspelt);
// What people put before a place: "à Lyon", "sur Nantes", "près de Lille", "in Paris", "dans le 93".
const CUES = new Set(['a', 'au', 'aux', 'sur', 'vers', 'secteur', 'quartier', 'cote', 'in', 'near', 'around', 'at', 'to', 'dans', 'departement', 'dept', 'dpt', 'region', 'ville', 'commune', 'habite', 'vis', 'travaille']);
const ENGLISH_CUES = new Set([...CUES].filter((cue) => cue !== 'a'));
// "ah non plutôt nante": a correction's word before a town misspelt (never before an exact small commune: "plutôt grand").
const MISSPELT_CUES = new Set([...CUES, 'plutot', 'rather']);
/** The prepositions after which a four-letter word may be a misspelt city. */
const SHORT_TYPO_CUES = new Set(['a', 'au', 'sur', 'vers', 'dans', 'in', 'near', 'at', 'to']);
const TWO_WORD_CUES = new Set(['pres de', 'proche de', 'autour de', 'loin de', 'ville de', 'commune de', 'region de', 'dans le', 'dans la', 'dans les', 'dans l', 'secteur de', 'close to', 'near to', 'based in', 'live in']);
// Department numbers follow these: "le 93", "dans le 69", "du 92", "en 2A" — not "à" ("une boîte à 60 salariés").
const DEPARTMENT_NUMBER_CUES = new Set(['le', 'du', 'en', 'dans', 'departement', 'dept', 'dpt', 'secteur', 'region', 'numero']);
// A department name that is also a word ("le Lot", "en somme", "la Manche") needs one of these.
const DEPARTMENT_NAME_CUES = new Set(['dans', 'departement', 'dept', 'dpt']);
// Words that may surround a place typed alone as an answer ("à Lyon svp", "sur st etienne").
const FILLERS = new Set(['a', 'au', 'sur', 'vers', 'dans', 'le', 'la', 'les', 'l', 'de', 'en', 'svp', 'stp', 'merci', 'plz', 'please', 'in', 'ville', 'commune', 'departement', 'secteur', 'ou', 'or', 'et', 'and', 'plutot', 'sinon']);

// After a number, these say it counts something: "Paris 2 pièces" is not "Paris 2e".
const COUNTED_NOUNS = /^(?:pieces?|p|pces?|chambres?|ch|rooms?|bedrooms?|beds?|personnes?|pers|people|enfants?|kids?|ans|m2|m²)$/;

// Population thresholds: below them a name is more likely a word than the place meant.
const WITHOUT_CUE_SINGLE_WORD = 20_000;
const WITHOUT_CUE_SEVERAL_WORDS = 5_000;
const WITHOUT_CUE_WORD_LIKE = 50_000;
const AFTER_CUE = 1_000;

/**
 * Communes, municipal arrondissements, postal codes and departments: "Saint-Étienne", "st etienne",
 * "69003", "Paris 15e", "Lyon 3e", "93", "Seine-Saint-Denis". A name counts when it follows a place cue,
 * when it is typed alone, or when it names a town large enough to be meant.
 */
export function findPlaces(text: string): EntityMatch<Place>[] {
  const index = placeIndex();
  const words = wordsOf(text);
  // In English "a" is an article ("have a nice evening"), not "à".
  const cues = markerLanguage(text) === 'en' ? ENGLISH_CUES : CUES;
  const found: EntityMatch<Place>[] = [];
  for (let i = 0; i < words.length; ) {
    // A typo of a large town after « a » is the town in English too ("a T3 a bordaux"): no English word is that close to one.
    const exact = placeAt(words, i, index, cues);
    const match = (exact && homonymSpelledOn(words, i, exact)) ?? exact ?? misspeltAt(words, i, MISSPELT_CUES);
    if (!match) {
      i += 1;
      continue;
    }
    // "dans le val de marne": the Val-de-Marne after the article, not the commune Le Val — the longer name wins.
    const afterArticle = ARTICLES.has(words[i]!.text) ? placeAt(words, i + 1, index, cues) : undefined;
    if (afterArticle && afterArticle.length > match.length - 1) {
      i += 1;
      continue;
    }
    // "Saint-Denis de la Réunion", "Saint-Denis (93)", "Valence dans la Drôme": the department said after
    // the name picks among its homonyms.
    const narrowed = match.place.kind === 'commune' && match.place.candidates.length > 1 ? narrowedByDepartmentAfter(words, i + match.length, match.place.candidates, index) : undefined;
    const place = narrowed ? { ...match.place, candidates: narrowed.candidates } : match.place;
    const length = match.length + (narrowed?.length ?? 0);
    found.push({ value: place, start: words[i]!.start, end: words[i + length - 1]!.end });
    i += length;
  }
  return found;
}

/**
 * "a villeurbane", "sur bordeau": a word after a place cue that is one typo away from a large town; or
 * one word set apart at the start of a message, as a list starts ("versaille, couple sans enfant…").
 */
function misspeltAt(words: Word[], i: number, cues: ReadonlySet<string>): { place: Place; length: number } | undefined {
  const cue = cueBefore(words, i);
  const word = words[i]!.text;
  if (NEVER_AFTER_CUE.has(word)) return undefined;
  // A name of several words misspelt is hardly said by chance: after a cue or opening the message.
  const compound = i === 0 || (cue !== undefined && cues.has(cue)) ? misspeltCompoundAt(words, i) : undefined;
  if (compound) return compound;
  const leadsAList = i === 0 && /,/.test(words[1]?.before ?? '');
  if (!leadsAList && (cue === undefined || !cues.has(cue))) return undefined;
  // A four-letter typo ("in Lile") only right after a preposition of place: "on travaille tous les deux" is no Tours.
  if (word.length <= 4 && !SHORT_TYPO_CUES.has(cue ?? '')) return undefined;
  const commune = misspeltCommune(word, { mostEdits: leadsAList ? 1 : 2 });
  return commune ? { place: { kind: 'commune', candidates: [commune], misspelt: word }, length: 1 } : undefined;
}

/** "vileneuve dasq", "clermon ferrand": a town of several words misspelt, to be confirmed. */
function misspeltCompoundAt(words: Word[], i: number): { place: Place; length: number } | undefined {
  const compound = misspeltCompoundCommune(words.slice(i, i + wordsInPhrase(words, i)).map((w) => w.text));
  if (!compound) return undefined;
  const typed = words.slice(i, i + compound.length).map((w) => w.text).join(' ');
  return NOT_MISSPELT.has(typed) ? undefined : { place: { kind: 'commune', candidates: [compound.commune], misspelt: typed }, length: compound.length };
}

/**
 * "aix en provance", "boulogne bilancourt": the first word names homonyms, and the words after it spell
 * one of them misspelt — that one is meant, as if written right.
 */
function homonymSpelledOn(words: Word[], i: number, match: { place: Place; length: number }): { place: Place; length: number } | undefined {
  if (match.place.kind !== 'commune' || match.place.candidates.length < 2) return undefined;
  const compound = misspeltCompoundAt(words, i);
  if (!compound || compound.length <= match.length || compound.place.kind !== 'commune') return undefined;
  const meant = compound.place.candidates[0]!;
  return match.place.candidates.some((candidate) => candidate.code === meant.code) ? { place: { kind: 'commune', candidates: [meant] }, length: compound.length } : undefined;
}

/**
 * A misspelt town typed alone as the answer to "where?" ("villeurbane", "marseile svp"). Only at that
 * question: in free text a lone word is more often a word ("accueil", "violence"). One edit only.
 */
export function misspeltPlaceAlone(text: string): Place | undefined {
  const words = wordsOf(text).filter((word) => !FILLERS.has(word.text));
  const [only] = words;
  if (words.length !== 1 || !only || NEVER_AFTER_CUE.has(only.text)) return undefined;
  const commune = misspeltCommune(only.text, { mostEdits: 1 });
  return commune ? { kind: 'commune', candidates: [commune], misspelt: only.text } : undefined;
}

function placeAt(words: Word[], i: number, index: PlaceIndex, cues: ReadonlySet<string>): { place: Place; length: number } | undefined {
  const word = words[i]!.text;
  const cue = cueBefore(words, i);
  const alone = (length: number) => words.every((other, position) => (position >= i && position < i + length) || FILLERS.has(other.text));

  if (/^\d{5}$/.test(word)) {
    const communes = index.communesByPostalCode.get(word);
    if (/^(?:€|k|eur|euros?)$/.test(words[i + 1]?.text ?? '')) return undefined;
    // "sur l'avis c'est 30000", "rfr 19800": an income, though 30000 is Nîmes's postcode.
    if (INCOME_WORDS.test(words.slice(Math.max(0, i - 4), i).map((before) => before.text).join(' '))) return undefined;
    // "vers 99999", "pour le 75099": a postal code no commune has — the dialog says so rather than guess.
    const meantAsPlace = alone(1) || (cue !== undefined && (cues.has(cue) || DEPARTMENT_NUMBER_CUES.has(cue) || cue === 'cp' || cue === 'postal'));
    if (!communes) return meantAsPlace ? { place: { kind: 'commune', candidates: [], postalCode: word }, length: 1 } : undefined;
    // 69003 is both Lyon and its 3rd arrondissement: the arrondissement is what was meant.
    const cities = new Set(communes.flatMap((commune) => (commune.city ? [commune.city] : [])));
    return { place: { kind: 'commune', candidates: communes.filter((commune) => !cities.has(commune.code)), postalCode: word }, length: 1 };
  }
  if (/^(?:\d{2}|2a|2b|97\d)$/.test(word)) {
    const department = index.departmentsByCode.get(word.padStart(2, '0'));
    const cued = cue !== undefined && DEPARTMENT_NUMBER_CUES.has(cue);
    const inParentheses = /\(\s*$/.test(words[i]!.before);
    const counts = COUNTED_NOUNS.test(words[i + 1]?.text ?? '') || /^(?:salaries|employes|euros?|€|k|jours?|mois|minutes?|ans|%)$/.test(words[i + 1]?.text ?? '') || agesFrom(words, i);
    if (department && !counts && (cued || inParentheses || alone(1))) return { place: { kind: 'department', ...department }, length: 1 };
    return undefined;
  }
  // "mon mari bosse chez Rhône Logistique": after « chez » comes a person or a company, not a place.
  if (words[i - 1]?.text === 'chez') return undefined;
  for (let length = Math.min(index.longestNameWords, wordsInPhrase(words, i)); length >= 1; length--) {
    const key = words.slice(i, i + length).map((w) => w.text).join(' ');
    // "Paris 2 pièces" is Paris and a T2, not the 2nd arrondissement.
    if (/^\d/.test(words[i + length - 1]!.text) && COUNTED_NOUNS.test(words[i + length]?.text ?? '')) continue;
    const communes = index.communesByName.get(key);
    const department = index.departmentsByName.get(key);
    if (!communes && !department) continue;
    const isAlone = alone(length);
    const largest = communes?.[0]?.population ?? 0;
    // "nice t2 dispo ?": a dwelling named right after a town's name is as good a cue as "à" before it, and so is its zone asked.
    const zoneAsked = ZONE_ASKED_AFTER.test(words.slice(i + length, i + length + 4).map((after) => after.text).join(' '));
    const dwellingAfter = (DWELLING_AFTER.test(words[i + length]?.text ?? '') || zoneAsked) && !(department !== undefined && NEED_CUE.has(key));
    const cueFits = dwellingAfter || (cue !== undefined && (department !== undefined && NEED_CUE.has(key) ? DEPARTMENT_NAME_CUES.has(cue) : cues.has(cue)));
    // "montreuil sur mer": a name of three words or more is hardly said by chance, whatever the town's size.
    const withoutCue = index.wordLikeNames.has(key) ? WITHOUT_CUE_WORD_LIKE : length === 1 ? WITHOUT_CUE_SINGLE_WORD : length >= 3 ? 0 : WITHOUT_CUE_SEVERAL_WORDS;
    // "dans la rue", "à l'hôpital" typed alone are where one is, not the communes Rue or L'Hôpital.
    const accepted = (isAlone && !(cue !== undefined && NEVER_AFTER_CUE.has(key))) || (cueFits && !NEVER_AFTER_CUE.has(key) && (department !== undefined || largest >= AFTER_CUE)) ||
      (!NEED_CUE.has(key) && !NEVER_AFTER_CUE.has(key) && (department !== undefined || largest >= withoutCue));
    if (!accepted) continue;
    // A department and a big city of the same name (Paris) mean the city; otherwise the department (Vienne).
    if (department && !(communes && largest >= 100_000)) return { place: { kind: 'department', ...department }, length };
    if (communes) return { place: { kind: 'commune', candidates: officialNameFirst(communes, key) }, length };
  }
  return undefined;
}

/** "(45 et 50 ans)", "45/50 ans", "45, 50 and 52 years old": ages listed, not a department. */
function agesFrom(words: Word[], i: number): boolean {
  const next = words.slice(i + 1, i + 6).map((word) => word.text);
  const end = next.findIndex((word) => !/^(?:\d{1,3}|et|and|ou|or)$/.test(word));
  return end > 0 && /^(?:ans|an|years?|yo|ans?)$/.test(next[end] ?? '') && next.slice(0, end).some((word) => /^\d/.test(word));
}

/**
 * "T2 à aix (aix en provence, pas aix les bains)": a name said again in full stands for the short one —
 * a commune whose homonyms include those of another name said is dropped for that narrower name.
 */
export function broaderNamesDropped(matches: EntityMatch<Place>[]): EntityMatch<Place>[] {
  const codesOf = (place: Place) => (place.kind === 'commune' ? place.candidates.map((candidate) => candidate.code) : []);
  return matches.filter((match) => {
    const codes = codesOf(match.value);
    if (codes.length < 2) return true;
    return !matches.some((other) => {
      const narrower = codesOf(other.value);
      return other !== match && narrower.length > 0 && narrower.length < codes.length && narrower.every((code) => codes.includes(code));
    });
  });
}

/** A type of dwelling: "t2", "f3" (not "appart": "nice appart" is a nice flat). */
const DWELLING_AFTER = /^(?:t[1-7]|f[1-7])$/;
/** "et Gentilly c limitrophe ?", "Villejuif is it bordering Paris?": the words after a town that ask of its zone. */
const ZONE_ASKED_AFTER = /^(?:c |c est |cest |est |est ce |is |is it |it s )?(?:limitrophe|en zone|dans quelle zone|quelle zone|bordering|next to paris|in zone)(?: |$)/;

/** Articles a place name may begin with ("Le Val", "La Rochelle") or that only lead to one ("le Val-de-Marne"). */
const ARTICLES = new Set(['le', 'la', 'les', 'l']);

/**
 * "Clichy" is Clichy, not Clichy-sous-Bois (whose short name it also is): a commune officially named as
 * typed, and the largest of those the name stands for, is the one meant. Where the commune so named is
 * smaller ("Saint-Ouen" in Loir-et-Cher, beside Saint-Ouen-sur-Seine), the name stays shared.
 */
function officialNameFirst(communes: CommuneCandidate[], key: string): CommuneCandidate[] {
  const [largest] = communes;
  return largest && placeKey(largest.name) === key ? communes.filter((commune) => placeKey(commune.name) === key) : communes;
}

/** Words that say the number after them is an amount of income, not a postcode. */
const INCOME_WORDS = /(?<![a-z])(?:rfr|revenus?|avis|fiscal|impots?|gagne|gagnons|gagnent|salaires?|income|earn|earns|tax)(?![a-z])/;

/** Words that may introduce the department after a commune's name. */
const DEPARTMENT_AFTER = new Set(['de', 'du', 'des', 'en', 'dans', 'le', 'la', 'l', 'a', 'au', 'aux', 'in']);

/** The homonyms of the department named right after the commune, and how many words that took. */
function narrowedByDepartmentAfter(words: Word[], from: number, candidates: CommuneCandidate[], index: PlaceIndex): { candidates: CommuneCandidate[]; length: number } | undefined {
  let last = from;
  while (last < words.length && last - from < 3 && DEPARTMENT_AFTER.has(words[last]!.text)) last += 1;
  // "de la Réunion": "la" may be part of the name ("La Réunion") or only lead to it.
  for (let at = from; at <= last; at++) {
    for (let length = Math.min(4, words.length - at); length >= 1; length--) {
      const key = words.slice(at, at + length).map((word) => word.text).join(' ');
      const department = /^(?:\d{2}|2a|2b|97\d)$/.test(key) ? index.departmentsByCode.get(key) : index.departmentsByName.get(key);
      if (!department) continue;
      const inIt = candidates.filter((candidate) => candidate.department === department.code);
      if (inIt.length > 0) return { candidates: inIt, length: at + length - from };
    }
  }
  return undefined;
}

/** How many words from i belong to the same phrase: a name never runs over a comma ("Paris, 2 chambres"). */
function wordsInPhrase(words: Word[], i: number): number {
  let length = 1;
  while (i + length < words.length && !/[,;:.!?()/]/.test(words[i + length]!.before)) length += 1;
  return length;
}

/** The cue word right before position i, two-word cues ("près de", "live in") reported as "vers" ("dans le" as "dans"). */
function cueBefore(words: Word[], i: number): string | undefined {
  const previous = words[i - 1]?.text;
  const beforePrevious = words[i - 2]?.text;
  if (previous === undefined) return undefined;
  // "près de Lyon", "live in Gentilly": a cue of two words counts as one of place ("vers").
  if (beforePrevious !== undefined && TWO_WORD_CUES.has(`${beforePrevious} ${previous}`)) return beforePrevious === 'dans' ? 'dans' : 'vers';
  return previous;
}

// Abbreviations read as the word: the place names' own ("st etienne", "aix en pce"), and "ds le 69" (SMS for "dans").
const SPELLED_OUT = new Map([...Object.entries(SHORTENED_IN_PLACE_NAMES), ['ds', 'dans']]);

function wordsOf(text: string): Word[] {
  const folded = foldText(text);
  const words: Word[] = [];
  let previousEnd = 0;
  for (const match of folded.matchAll(/[a-z0-9€œæ]+/g)) {
    const raw = match[0];
    const spelled = raw.replace(/œ/g, 'oe').replace(/æ/g, 'ae');
    const word = SPELLED_OUT.get(spelled) ?? spelled;
    words.push({ text: word, start: match.index, end: match.index + raw.length, before: folded.slice(previousEnd, match.index) });
    previousEnd = match.index + raw.length;
  }
  return words;
}

/** "... à trifouilly les oies": words after « à », « sur », « vers », "in", ending the message. */
const PLACE_NAMED_AT_END = /(?:^| )(?:a|au|sur|vers|in|near|at) ([a-z][a-z'-]{3,}(?: [a-z][a-z'-]*){0,3}) *[?.!]*$/;

/**
 * The name of a place said at the end of a message that no commune, department or typo of a town has
 * ("jcherche un logement a trifouilly les oies"): the place question then says it does not know it,
 * rather than ask again as if nothing was said. Undefined when a place was read, or the words are
 * ordinary ones ("à moins", "near work").
 */
export function unknownPlaceNamed(text: string): string | undefined {
  if (findPlaces(text).length > 0) return undefined;
  const match = PLACE_NAMED_AT_END.exec(foldText(text).replace(/\s+/g, ' ').trim());
  const name = match?.[1];
  const words = name?.split(' ') ?? [];
  if (!name || NOT_A_PLACE_FIRST.has(words[0]!) || words.some((word) => NOT_A_PLACE.has(word) || /\d/.test(word))) return undefined;
  return text.trim().replace(/[?.!\s]+$/, '').split(/\s+/).slice(-words.length).join(' ');
}

/** "j'habite à Lille mais…", "I currently live in Lille 59000 but…": the place said as the home one has now. */
const CURRENT_HOME_BEFORE = /(?:j'?habite|j habite|je vis|je loge|on habite|on vit|nous habitons|nous vivons|actuellement|i live|i currently live|i'm living|i am living|we live|we currently live|currently living|currently)(?: (?:a|au|en|in|at|dans|sur)(?: (?:le|la|les|l'?))?)?\s*$/;

/**
 * "celui du 95, st ouen l'aumone", "dans le 69 à Lyon": a department named with one of its communes
 * tells which commune; the commune comes first, narrowed to that department, the department after it.
 */
export function communesBeforeTheirDepartment(matches: EntityMatch<Place>[]): EntityMatch<Place>[] {
  const named = new Set(matches.flatMap(({ value }) => (value.kind === 'department' ? [value.code] : [])));
  const qualifying = new Set(matches.flatMap(({ value }) => (value.kind === 'commune' ? value.candidates.map((candidate) => candidate.department).filter((code) => named.has(code)) : [])));
  if (qualifying.size === 0) return matches;
  const qualifies = ({ value }: EntityMatch<Place>) => value.kind === 'department' && qualifying.has(value.code);
  const communes = matches
    .filter((match) => !qualifies(match))
    .map((match) => {
      const { value } = match;
      const inside = value.kind === 'commune' ? value.candidates.filter((candidate) => qualifying.has(candidate.department)) : [];
      return value.kind === 'commune' && inside.length > 0 ? { ...match, value: { ...value, candidates: inside } } : match;
    });
  return [...communes, ...matches.filter(qualifies)];
}

/** Several places: the ones looked for first, the one lived in now last ("I live in Lille but I'd like to move to Villeneuve-d'Ascq"). */
export function lookedForFirst(text: string, matches: EntityMatch<Place>[]): EntityMatch<Place>[] {
  if (matches.length < 2) return matches;
  const livedIn = placesLivedIn(text, matches);
  return [...matches.filter((match) => !livedIn.has(match)), ...matches.filter((match) => livedIn.has(match))];
}

/** The places said as the home one has now ("j'habite à Lille", "I live in Lille 59000"). */
export function placesLivedIn(text: string, matches: EntityMatch<Place>[]): Set<EntityMatch<Place>> {
  const saidAsHome = (match: EntityMatch<Place>) => CURRENT_HOME_BEFORE.test(foldText(text.slice(Math.max(0, match.start - 40), match.start)).trimEnd());
  // "I live in Lille 59000": the postal code right after the home commune is the home too.
  const livedIn = new Set<EntityMatch<Place>>();
  matches.forEach((match, index) => {
    const previous = matches[index - 1];
    const followsHome = previous !== undefined && livedIn.has(previous) && /^[\s,()-]*$/.test(text.slice(previous.end, match.start));
    if (saidAsHome(match) || followsHome) livedIn.add(match);
  });
  return livedIn;
}
