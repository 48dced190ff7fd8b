import { findAmounts } from './amount';
import { findDates } from './date';
import { findEmails } from '../../../services/privacy/detectors/email';
import type { EntityMatch } from './entityMatch';
import { findOfferReferences } from './offerReference';
import { findPersons } from './persons';
import { findPhones } from '../../../services/privacy/detectors/phone';
import { findPlaces } from './place';
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
  const amounts = keep('amount', findAmounts(text));
  const surfaces = keep('surface', findSurfaces(text));
  const dates = keep('date', findDates(text, today));
  const typologies = keep('typology', findTypologies(text));
  const [persons] = keep('persons', findPersons(text));
  const places = keep('place', findPlaces(text));

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
