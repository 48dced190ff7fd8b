import { findAmounts, markFormerAmounts, markYearlySum } from './amount';
import { foldText } from './foldText';
import type { Amount, Place } from './schemas';
import { findDates } from './date';
import { findEmails } from '../../../services/privacy/detectors/email';
import type { EntityMatch } from './entityMatch';
import { findOfferReferences } from './offerReference';
import { findPersons } from './persons';
import { findPhones } from '../../../services/privacy/detectors/phone';
import { broaderNamesDropped, communesBeforeTheirDepartment, findPlaces, lookedForFirst } from './place';
import type { RecognizedEntities } from './schemas';
import { findSirets } from '../../../services/privacy/detectors/siret';
import { findSurfaces } from './surface';
import { findTypologies } from './typology';
import { findUniqueNumbers } from '../../../services/sne/uniqueNumber';

export type EntityKind = 'email' | 'offerId' | 'uniqueNumber' | 'siret' | 'phone' | 'amount' | 'surface' | 'date' | 'typology' | 'persons' | 'place';

export interface EntitySpan {
  kind: EntityKind;
  start: number;
  end: number;
}

export interface ExtractedEntities {
  entities: RecognizedEntities;
  /** Where each kept entity sits in the text, for the classifier's placeholders and the evaluation. */
  spans: EntitySpan[];
}

/**
 * Runs every parser and keeps, where two overlap, the one higher in this list: the longest, most
 * specific shapes first, so a NUR is not read as a phone, nor "750 €" as a postal code or "15 mars" as
 * a department.
 */
export function extractEntities(text: string, today: Date): ExtractedEntities {
  const entities: RecognizedEntities = {};
  const spans: EntitySpan[] = [];
  const keep = <T>(kind: EntityKind, matches: EntityMatch<T>[]): T[] => {
    const kept: T[] = [];
    for (const match of matches) {
      if (spans.some((span) => match.start < span.end && span.start < match.end)) continue;
      spans.push({ kind, start: match.start, end: match.end });
      kept.push(match.value);
    }
    return kept;
  };

  const [email] = keep('email', findEmails(text));
  const [offerId] = keep('offerId', findOfferReferences(text));
  const [uniqueNumber] = keep('uniqueNumber', findUniqueNumbers(text));
  const [siret] = keep('siret', findSirets(text));
  const [phone] = keep('phone', findPhones(text));
  const { places: placeMatches, amounts: roundSums, postalCodesOfCommunes } = readPlaces(text);
  // "saint denis 93200 rfr 30000": 93200 is Saint-Denis's postal code, not "93200 de RFR".
  const amountMatches = [...findAmounts(text).filter((amount) => !postalCodesOfCommunes.some((code) => amount.start < code.end && code.start < amount.end)), ...roundSums].sort(
    (a, b) => a.start - b.start,
  );
  markFormerAmounts(text, amountMatches);
  const amounts = keep('amount', amountMatches);
  const surfaces = keep('surface', findSurfaces(text));
  const dates = keep('date', findDates(text, today));
  const typologies = keep('typology', findTypologies(text));
  const [persons] = keep('persons', findPersons(text));
  const places = keep('place', placeMatches);

  if (email !== undefined) entities.email = email;
  if (offerId !== undefined) entities.offerId = offerId;
  if (uniqueNumber !== undefined) entities.uniqueNumber = uniqueNumber;
  if (siret !== undefined) entities.siret = siret;
  if (phone !== undefined) entities.phone = phone;
  if (amounts.length > 0) entities.amounts = amounts;
  if (surfaces.length > 0) entities.surfaces = surfaces;
  if (dates.length > 0) entities.dates = dates;
  if (typologies.length > 0) entities.typologies = [...new Set(typologies)];
  if (persons !== undefined) entities.persons = persons;
  if (places.length > 0) entities.places = places;
  return { entities, spans: spans.sort((a, b) => a.start - b.start) };
}

/**
 * The places a message names, as one reads them: a postal code or a department said with a commune
 * narrows its homonyms, a name said in full replaces its short form, the places looked for come before
 * the one lived in; and the round sums that only looked like postal codes.
 */
function readPlaces(text: string): ReturnType<typeof roundSumsAmongPlaces> {
  const found = findPlaces(text);
  const read = roundSumsAmongPlaces(text, found.length > 0 ? found : parisArrondissementAlone(text));
  return { ...read, places: lookedForFirst(text, broaderNamesDropped(communesBeforeTheirDepartment(read.places))) };
}

/** "un T3 dans le 11e", "dans le 15ème arrondissement": with no town named, an arrondissement of Paris (1 to 20). */
// Not "le 2e enfant", "au 3e étage": after "dans le" with nothing but the end of the clause next, or said "arrondissement".
const ARRONDISSEMENT =
  /(?<![a-z0-9])(?:(?:dans le|sur le|in the) ([1-9]|1[0-9]|20) ?(?:e|eme|ieme|er|th|st|nd|rd)(?: arrondissement| arr)?(?= *(?:$|[,.;:!?)]|(?:svp|stp|please|pour|avec|ou|et|a|or|and)(?![a-z])))|(?:le|du|au|dans le|sur le) ([1-9]|1[0-9]|20) ?(?:e|eme|ieme|er) arrondissement(?![a-z]))/;

function parisArrondissementAlone(text: string): EntityMatch<Place>[] {
  const said = ARRONDISSEMENT.exec(foldText(text));
  if (!said) return [];
  const [paris] = findPlaces(`paris ${said[1] ?? said[2]}`);
  return paris ? [{ ...paris, start: said.index, end: said.index + said[0].length }] : [];
}

/** The places a message names (`readPlaces`), for a reader that picks the one meant. */
export function placesNamed(text: string): EntityMatch<Place>[] {
  return readPlaces(text).places;
}

/** Place cues right before a postal code: "à 45000", "dans le 38000", "cp 24000". */
const POSTAL_CODE_CUE = /(?:^|[^a-z])(?:a|au|vers|dans|sur|le|cp|code postal|in|near|at)\s*$/;

/**
 * "à Versailles, 45000": when a message names another place, a round number with no place cue before it
 * is a sum of money (a yearly income), not the postal code it also is (45000 is Orléans's).
 */
function roundSumsAmongPlaces(
  text: string,
  found: EntityMatch<Place>[],
): { places: EntityMatch<Place>[]; amounts: EntityMatch<Amount>[]; postalCodesOfCommunes: EntityMatch<Place>[] } {
  const postalCodesOfCommunes: EntityMatch<Place>[] = [];
  if (found.length < 2) return { places: found, amounts: [], postalCodesOfCommunes };
  const folded = foldText(text);
  const places: EntityMatch<Place>[] = [];
  const amounts: EntityMatch<Amount>[] = [];
  found.forEach((match, index) => {
    const typed = folded.slice(match.start, match.end);
    // "Lille 59000": the commune, said twice — kept once, its homonyms narrowed to that postal code.
    const commune = ofItsCommune(folded, places.at(-1) === found[index - 1] ? found[index - 1] : undefined, match);
    if (commune) {
      places[places.length - 1] = commune;
      postalCodesOfCommunes.push(match);
      return;
    }
    if (/^\d{2}000$/.test(typed) && !POSTAL_CODE_CUE.test(folded.slice(0, match.start))) {
      const amount: Amount = { value: Number(typed) };
      markYearlySum(amount);
      amounts.push({ value: amount, start: match.start, end: match.end });
    } else {
      places.push(match);
    }
  });
  return places.length > 0 ? { places, amounts, postalCodesOfCommunes } : { places: found, amounts: [], postalCodesOfCommunes };
}

/** "Lille 59000", "Saint-Denis (93200)": a postal code right after a commune it belongs to — that commune, its homonyms narrowed. */
function ofItsCommune(folded: string, before: EntityMatch<Place> | undefined, postalCode: EntityMatch<Place>): EntityMatch<Place> | undefined {
  if (before?.value.kind !== 'commune' || postalCode.value.kind !== 'commune' || !/^[\s,(]*$/.test(folded.slice(before.end, postalCode.start))) return undefined;
  const codes = new Set(postalCode.value.candidates.flatMap((candidate) => [candidate.code, ...(candidate.city ? [candidate.city] : [])]));
  const candidates = before.value.candidates.filter((candidate) => codes.has(candidate.code) || (candidate.city !== undefined && codes.has(candidate.city)));
  return candidates.length > 0 ? { ...before, value: { ...before.value, candidates } } : undefined;
}
