import type { PiiEntity } from './languageService';

/**
 * The PII categories the assistant asks Azure AI Language for (names from its documentation, "Supported
 * PII entity categories"): the French identifiers, banking data, contact details and names.
 */
export const AZURE_PII_CATEGORIES = [
  'FRSocialSecurityNumber',
  'FRDriversLicenseNumber',
  'FRPassportNumber',
  'FRNationalID',
  'FRTaxIdentificationNumber',
  'FRValueAddedTaxNumber',
  'InternationalBankingAccountNumber',
  'EUDebitCardNumber',
  'CreditCardNumber',
  'Email',
  'PhoneNumber',
  'Address',
  'Person',
] as const;

/** The unique request number of a social-housing file: ours, Azure does not know it. */
export const HOUSING_REQUEST_NUMBER = 'HousingRequestNumber';

/**
 * Data the assistant never needs: when a user pastes one, the bot says so and keeps none of it (data minimisation, GDPR art. 5(1)(c)).
 */
export const NEVER_NEEDED_CATEGORIES: ReadonlySet<string> = new Set([
  'FRSocialSecurityNumber',
  'InternationalBankingAccountNumber',
  'CreditCardNumber',
  'EUDebitCardNumber',
  'FRPassportNumber',
  'FRNationalID',
  'FRDriversLicenseNumber',
  'FRTaxIdentificationNumber',
]);

// The same short placeholders as the log redaction (services/privacy/redact.ts).
const PLACEHOLDERS: Record<string, string> = {
  FRSocialSecurityNumber: '[SSN]',
  InternationalBankingAccountNumber: '[IBAN]',
  CreditCardNumber: '[CARD]',
  EUDebitCardNumber: '[CARD]',
  Email: '[EMAIL]',
  PhoneNumber: '[PHONE]',
  Address: '[ADDRESS]',
  Person: '[PERSON]',
  [HOUSING_REQUEST_NUMBER]: '[NUR]',
};

/** `text` with each entity replaced by its placeholder; overlapping entities are masked once. */
export function maskEntities(text: string, entities: PiiEntity[]): string {
  let result = '';
  let cursor = 0;
  for (const entity of [...entities].sort((a, b) => a.offset - b.offset)) {
    const end = entity.offset + entity.length;
    if (end <= cursor) continue;
    result += text.slice(cursor, Math.max(cursor, entity.offset)) + (PLACEHOLDERS[entity.category] ?? '[PII]');
    cursor = end;
  }
  return result + text.slice(cursor);
}

/** Entities of `extra` that overlap none of `base`: what one detector adds to another. */
export function entitiesNotIn(base: PiiEntity[], extra: PiiEntity[]): PiiEntity[] {
  return extra.filter(
    (candidate) => !base.some((entity) => candidate.offset < entity.offset + entity.length && entity.offset < candidate.offset + candidate.length),
  );
}
