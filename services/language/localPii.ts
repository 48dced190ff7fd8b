import { findPersonalData, type PersonalDataKind } from '../privacy/personalData';
import type { PiiEntity } from './languageService';
import { HOUSING_REQUEST_NUMBER } from './piiCategories';

// The log redaction's kinds under Azure's category names, so both services report alike. A SIRET names
// a company, not a person: it is masked in logs but not reported as personal data.
const CATEGORY_OF: Partial<Record<PersonalDataKind, string>> = {
  NUR: HOUSING_REQUEST_NUMBER,
  SSN: 'FRSocialSecurityNumber',
  IBAN: 'InternationalBankingAccountNumber',
  CARD: 'CreditCardNumber',
  EMAIL: 'Email',
  PHONE: 'PhoneNumber',
  ADDRESS: 'Address',
};

// Confidence when the check digits fail: the shape is right, so it is masked, but it may be any number.
const SHAPE_ONLY = 0.5;
const PATTERN = 0.9;

/** Personal data found by the detectors of services/privacy/personalData.ts, with their check digits. */
export function localPiiEntities(text: string): PiiEntity[] {
  return findPersonalData(text).flatMap((match) => {
    const category = CATEGORY_OF[match.kind];
    if (!category) return [];
    const confidence = match.checked === undefined ? PATTERN : match.checked ? 1 : SHAPE_ONLY;
    return [{ category, offset: match.start, length: match.end - match.start, confidence }];
  });
}
