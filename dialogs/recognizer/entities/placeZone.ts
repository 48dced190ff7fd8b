import { z } from 'zod';
import { ILE_DE_FRANCE_DEPARTMENTS, type IncomeZone } from '../../../services/eligibility/ceilings';
import { zoneForDepartment, zoneForResolution, type PlaceZoneResult } from '../../../services/eligibility/zone';
import { departmentByCode, dominantHomonym, narrowCandidates, resolvePlace, type PlaceResolution } from '../../../services/geo/resolvePlace';
import { readChoice, readYesNo } from '../answers/answerReader';
import { CommuneCandidateSchema, type CommuneCandidate, type Place } from './schemas';
import { misspeltPlaceAlone, placesLivedIn } from './place';
import { placesNamed } from './extractEntities';
import { isCorrection } from '../correction';
import { normalizeForMatching } from '../../../services/shared/normalizeForMatching';

/** A place whose ceiling zone is known, or overseas (separate tables, out of scope). */
export type ZonedPlace = { kind: 'zone'; zone: IncomeZone; name: string } | { kind: 'outOfScope' };

/** A place that needs one more question before its zone is known. */
export const PendingPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('needsChoice'), name: z.string(), candidates: z.array(CommuneCandidateSchema) }),
  z.object({ kind: z.literal('needsCommune'), departmentCode: z.string(), departmentName: z.string() }),
  /** No commune has the postal code typed ("75099"): the question says so. */
  z.object({ kind: z.literal('unknown'), postalCode: z.string().optional() }),
]);
export type PendingPlace = z.infer<typeof PendingPlaceSchema>;

/** A place read for the income ceilings: its zone, or the question that settles it. */
export type PlaceZoneReading = ZonedPlace | PendingPlace;

export function isZoned(reading: PlaceZoneReading): reading is ZonedPlace {
  return reading.kind === 'zone' || reading.kind === 'outOfScope';
}

/** A place typed as the answer to "where?". */
export function readPlaceZone(text: string): PlaceZoneReading {
  const reading = placeZoneOfResolution(resolvePlace(text));
  if (reading.kind !== 'unknown') return reading;
  // "ds le 69 a lyon", "à lyon svp merci": the place inside the sentence, the commune rather than its department.
  const place = meantPlace(text) ?? misspeltPlaceAlone(text);
  return place ? placeZoneOfEntity(place) : reading;
}

// "non, Saint-Ouen-l'Aumône", "no, in Lyon": a no that opens the message answers the question, it denies nothing said.
const ANSWERING_NO = /^(?:(?:ah|oh|euh|bah|ben) )?(?:non|no|nope|nan)(?: (?:a|au|en|sur|dans|in|at))?$/;
// "counted as Paris", "compté comme Paris", "pareil que Paris": a place named only to compare another with.
const COMPARED_WITH = /(?<![a-z])(?:as|like|than|comme|que)(?: (?:a|au|in|at|the|de))?$/;
// "pas Nantes", "not in Lyon": a place denied.
const DENIED_BEFORE = /(?<![a-z])(?:pas|non|not|no)(?: (?:a|au|en|sur|dans|in|at))?$/;

/**
 * Of the places a message names, the one meant: never one it denies ("Nanterre, pas Nantes"); the one
 * said last when it corrects itself ("à Bordeaux… ah non plutôt Vincennes"); else the first commune.
 */
export function meantPlace(text: string): Place | undefined {
  const found = placesNamed(text);
  const livedIn = placesLivedIn(text, found);
  // "non saint ouen l'aumone, dans le 95" opening the message answers no to a question: the place is the one meant.
  const denied = (match: { start: number }) => {
    const before = normalizeForMatching(text.slice(0, match.start));
    return DENIED_BEFORE.test(before.slice(-12)) && !ANSWERING_NO.test(before);
  };
  // "Is Gentilly counted as Paris?": the place compared with is no place looked for, when another is named.
  const comparedWith = (match: { start: number }) => COMPARED_WITH.test(normalizeForMatching(text.slice(Math.max(0, match.start - 20), match.start)));
  // "c'est Courbevoie qu'on vise, Puteaux c'est juste mon bureau": a workplace named beside the place looked for.
  const workplace = (match: { start: number; end: number }) =>
    WORKPLACE_AFTER.test(normalizeForMatching(text.slice(match.end, match.end + 40))) || WORKPLACE_BEFORE.test(normalizeForMatching(text.slice(Math.max(0, match.start - 30), match.start)));
  const notAtWork = found.some((match) => !workplace(match)) ? found.filter((match) => !workplace(match)) : found;
  const notDenied = notAtWork.filter((match) => !denied(match));
  const said = notDenied.some((match) => !comparedWith(match)) ? notDenied.filter((match) => !comparedWith(match)) : notDenied;
  // The ones looked for first, the one lived in now last.
  const lookedFor = said.filter((match) => !livedIn.has(match));
  const matches = [...lookedFor, ...said.filter((match) => livedIn.has(match))];
  // "à Bordeaux… ah non plutôt Vincennes": the last said — of those looked for, not the home ("I live in Paris mais plutôt Lyon").
  // "non saint ouen l'aumone, dans le 95": a department said after a commune of it only says where that commune is.
  const corrections = lookedFor.filter((match) => !lookedFor.some((other) => other.start < match.start && isWithin(other.value, match.value)));
  if (corrections.length > 1 && isCorrection(text)) return corrections.reduce((last, match) => (match.start > last.start ? match : last)).value;
  if (corrections.length === 1 && lookedFor.length > 1 && isCorrection(text)) return corrections[0]!.value;
  const places = matches.map((match) => match.value);
  return places.find((candidate) => candidate.kind === 'commune' && candidate.candidates.length > 0) ?? places[0];
}

/** Said right after a place: it is where the person works ("Puteaux c'est juste mon bureau", "Lyon, my office is there"). */
const WORKPLACE_AFTER = /^ ?(?:c est|c|ce n est que|ca n est que|is|s|that s|it s)? ?(?:juste|seulement|only|just)? ?(?:mon|ma|le|la|my|the|where i) ?(?:bureau|boulot|travail|taf|job|office|work|lieu de travail|entreprise|boite)(?![a-z])/;
/** Said right before a place: where the person works ("je bosse à Puteaux mais on vise Courbevoie", "une boîte de logistique à Lesquin"). */
const WORKPLACE_BEFORE = /(?:je bosse|je travaille|mon bureau est|mon boulot est|mon travail est|i work|my office is|my job is|(?:boite|entreprise|societe|usine|entrepot|agence|magasin|clinique|company|firm|factory|warehouse)(?: (?:de|d|of) [a-z]+)?) (?:a|au|sur|in|at|dans) ?$/;

/** A commune said, then its own department ("Saint-Ouen-l'Aumône, dans le 95"). */
function isWithin(commune: Place, department: Place): boolean {
  return commune.kind === 'commune' && department.kind === 'department' && commune.candidates.length > 0 && commune.candidates.every((candidate) => candidate.department === department.code);
}

/** The recognizer's place entity, read as `readPlaceZone` would read the same words. */
export function placeZoneOfEntity(place: Place): PlaceZoneReading {
  // A misspelt name ("villeurbane") is confirmed before use: a question with the one commune meant.
  if (place.kind === 'commune' && place.misspelt && place.candidates[0]) return { kind: 'needsChoice', name: place.candidates[0].name, candidates: [place.candidates[0]] };
  if (place.kind === 'commune' && place.candidates.length === 0 && place.postalCode) return { kind: 'unknown', postalCode: place.postalCode };
  return placeZoneOfResolution(resolutionOfEntity(place));
}

/**
 * "and Bagneux, right next to it?" after an answer for Malakoff: of the homonyms, the one in Île-de-France
 * when the place before was there (and only one is); else still the question.
 */
export function homonymNearby(pending: PendingPlace, before: ZonedPlace | undefined): PlaceZoneReading {
  if (pending.kind !== 'needsChoice' || before?.kind !== 'zone' || before.zone === 'otherRegions') return pending;
  const [only, another] = pending.candidates.filter((candidate) => ILE_DE_FRANCE_DEPARTMENTS.has(candidate.department));
  return only && !another ? placeZoneOfResolution({ kind: 'commune', commune: only }) : pending;
}

/** A verdict takes a homonym only fifty times larger than every other (the search, ten times). */
const DOMINANT_FOR_A_VERDICT = 50;

/**
 * "Évry": Évry-Courcouronnes rather than Évry in the Yonne — the homonym the search also takes
 * (`dominantHomonym` of services/geo), to be said with the answer; else still the question.
 */
export function dominantOfHomonyms(pending: PendingPlace): PlaceZoneReading {
  const largest = pending.kind === 'needsChoice' && pending.candidates.length > 1 ? dominantHomonym(pending.candidates, DOMINANT_FOR_A_VERDICT) : undefined;
  return largest ? placeZoneOfResolution({ kind: 'commune', commune: largest }) : pending;
}

/**
 * A misspelt town proposed for confirmation ("Villeneuve-d'Ascq pour « vileneuve dasq » ?"), its offers
 * shown, and not denied before the user went on: the town proposed, its zone known.
 */
export function proposedPlaceKept(pending: PendingPlace): PlaceZoneReading {
  const [only, another] = pending.kind === 'needsChoice' ? pending.candidates : [];
  return only && !another ? placeZoneOfResolution({ kind: 'commune', commune: only }) : pending;
}

/** A department known by its code (the linked request's), named when the code is known. */
export function placeZoneOfDepartment(code: string): PlaceZoneReading {
  return placeZoneOfZone(zoneForDepartment(code), departmentByCode(code)?.name ?? code);
}

/** The answer to "which Saint-Denis?" or "which commune of Hauts-de-Seine?", when it settles the zone. */
export function chosenPlace(pending: PendingPlace, answer: string): ZonedPlace | undefined {
  let candidates: CommuneCandidate[];
  if (pending.kind === 'needsChoice') {
    candidates = narrowCandidates(pending.candidates, answer);
  } else if (pending.kind === 'needsCommune') {
    const resolution = resolvePlace(answer);
    const communes = resolution.kind === 'commune' ? [resolution.commune] : resolution.kind === 'ambiguous' ? resolution.candidates : [];
    candidates = communes.filter((commune) => commune.department === pending.departmentCode);
  } else {
    return undefined;
  }
  // "le premier", "celle du 93": the shared answer reader, on the communes offered; "oui" to the one proposed.
  if (candidates.length !== 1 && pending.kind === 'needsChoice') candidates = offeredChoice(pending.candidates, answer) ?? candidates;
  if (pending.kind === 'needsChoice' && pending.candidates.length === 1 && readYesNo(answer) === 'yes') candidates = pending.candidates;
  // "celui du 95, st ouen l'aumone": none of those offered, but one commune named without doubt.
  if (candidates.length === 0 && pending.kind === 'needsChoice') candidates = oneCommuneNamed(answer);
  const [first, second] = candidates;
  if (!first) return undefined;
  const reading = placeZoneOfResolution(second ? { kind: 'ambiguous', reason: 'homonyms', candidates } : { kind: 'commune', commune: first });
  return isZoned(reading) ? reading : undefined;
}

/** The one commune a message names, whatever was offered; none when it names several or homonyms. */
function oneCommuneNamed(answer: string): CommuneCandidate[] {
  const place = meantPlace(answer);
  return place?.kind === 'commune' && place.candidates.length === 1 && !place.misspelt ? place.candidates : [];
}

/** The commune an answer picks among those offered, by position or by what only it says (its department). */
function offeredChoice(candidates: CommuneCandidate[], answer: string): CommuneCandidate[] | undefined {
  const options = candidates.map((candidate) => {
    const department = departmentByCode(candidate.department)?.name ?? '';
    return { value: candidate.code, says: [`${candidate.name} (${department})`, candidate.department, department] };
  });
  const reading = readChoice(answer, options);
  const chosen = reading?.kind === 'choice' ? candidates.find((candidate) => candidate.code === reading.value) : undefined;
  return chosen ? [chosen] : undefined;
}

function resolutionOfEntity(place: Place): PlaceResolution {
  if (place.kind === 'department') return { kind: 'department', department: { code: place.code, name: place.name }, sameNameCommunes: [] };
  const [first, second] = place.candidates;
  if (!first) return { kind: 'unknown' };
  return second ? { kind: 'ambiguous', reason: place.postalCode ? 'postalCode' : 'homonyms', candidates: place.candidates } : { kind: 'commune', commune: first };
}

function placeZoneOfResolution(resolution: PlaceResolution): PlaceZoneReading {
  const zone = zoneForResolution(resolution);
  // Homonyms in one zone need no question: the answer names the likely one, with its department.
  if (resolution.kind === 'ambiguous' && zone.kind === 'zone') return placeZoneOfZone(zone, likelyName(resolution.candidates));
  const name =
    resolution.kind === 'commune'
      ? resolution.commune.name
      : resolution.kind === 'department'
        ? resolution.department.name
        : resolution.kind === 'ambiguous'
          ? sharedName(resolution.candidates)
          : '';
  return placeZoneOfZone(zone, name);
}

/** What homonyms are all called: "Saint-Ouen" for Saint-Ouen-sur-Seine and the Saint-Ouen of the Somme. */
function sharedName(candidates: CommuneCandidate[]): string {
  const names = candidates.map((candidate) => candidate.name.split(/(?=[- ])/));
  const [first = []] = names;
  let words = 0;
  while (words < first.length && names.every((name) => name[words] === first[words])) words += 1;
  return words > 0 ? first.slice(0, words).join('') : (candidates[0]?.name ?? '');
}

/** The most populous of homonyms, with its department ("Valence (Drôme)"). */
function likelyName(candidates: CommuneCandidate[]): string {
  const [first] = candidates;
  if (!first) return '';
  const department = departmentByCode(first.department)?.name;
  return department ? `${first.name} (${department})` : first.name;
}

function placeZoneOfZone(result: PlaceZoneResult, name: string): PlaceZoneReading {
  switch (result.kind) {
    case 'zone':
      return { kind: 'zone', zone: result.zone, name };
    case 'outOfScope':
      return { kind: 'outOfScope' };
    case 'needsChoice':
      return { kind: 'needsChoice', name, candidates: result.candidates };
    case 'needsCommune':
      return { kind: 'needsCommune', departmentCode: result.departmentCode, departmentName: departmentByCode(result.departmentCode)?.name ?? result.departmentCode };
    case 'unknown':
      return { kind: 'unknown' };
  }
}
