import { findUniqueNumberLikes } from '../sne/uniqueNumber';
import { findStreetAddresses } from './detectors/address';
import { findCardNumbers, findIbans, findSocialSecurityNumbers } from './detectors/bankAndIdentity';
import type { Found } from './detectors/detector';
import { findEmails } from './detectors/email';
import { findPhones } from './detectors/phone';
import { findSirets } from './detectors/siret';
import { findIncomes } from './detectors/income';

/**
 * One detector per kind of personal data, used everywhere that kind is looked for: the recognizer's
 * entities, the screening of each message, and the redaction of logs, transcripts and tickets — so a
 * spelling one of them accepts is never missed by another.
 */

export type PersonalDataKind = 'NUR' | 'SSN' | 'IBAN' | 'CARD' | 'EMAIL' | 'PHONE' | 'SIRET' | 'ADDRESS' | 'INCOME';

interface Detector {
  kind: PersonalDataKind;
  find(text: string): Found<unknown>[];
}

// Order matters: the longest, most specific shapes are taken first, so a NUR is not half-eaten by the
// phone pattern; a SIRET is taken before cards (it passes the Luhn check too, and names a company).
const DETECTORS: Detector[] = [
  { kind: 'EMAIL', find: findEmails },
  { kind: 'IBAN', find: findIbans },
  { kind: 'NUR', find: findUniqueNumberLikes },
  { kind: 'SSN', find: findSocialSecurityNumbers },
  { kind: 'SIRET', find: findSirets },
  { kind: 'CARD', find: findCardNumbers },
  { kind: 'PHONE', find: findPhones },
  { kind: 'ADDRESS', find: findStreetAddresses },
  // Last: an amount is the least specific shape (a number already taken as a phone or a NUR stays so).
  { kind: 'INCOME', find: findIncomes },
];

/** Kinds whose value says whether their check digits hold. */
const CHECKED_KINDS = new Set<PersonalDataKind>(['SSN', 'IBAN', 'CARD']);

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /**
   * The check digits hold (social security key, IBAN mod 97, card Luhn): almost surely the real thing.
   * False when they fail; absent for kinds without check digits.
   */
  checked?: boolean;
}

/** Where each personal datum sits in `text`, in order; a span taken by an earlier detector is not taken again. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const { kind, find } of DETECTORS) {
    for (const { start, end, value } of find(text)) {
      if (found.some((other) => start < other.end && other.start < end)) continue;
      found.push(CHECKED_KINDS.has(kind) ? { kind, start, end, checked: value === true } : { kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
