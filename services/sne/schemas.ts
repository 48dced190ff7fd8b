import { z } from 'zod';
import { NUR_PATTERN } from './uniqueNumber';

/** Shapes of the national request file API (`/sne/v1`), as documented in docs/portal-api.yaml. */

export const NurSchema = z.string().regex(NUR_PATTERN);

/** Metropolitan (2 digits, 2A/2B) or overseas (3 digits) department code. */
export const DepartmentCodeSchema = z.string().regex(/^(\d{2}|2[AB]|97\d)$/);

/**
 * `to_renew`: less than a month before the renewal date, when the applicant must be warned
 * (CCH R441-2-7); `expired`: not renewed in time, struck off (CCH R441-2-8); `attributed`: closed after
 * a lease was signed; `cancelled`: renounced or declared inadmissible.
 */
export const RequestStateSchema = z.enum(['active', 'to_renew', 'expired', 'cancelled', 'attributed']);
export type RequestState = z.infer<typeof RequestStateSchema>;

/** Expired, cancelled or attributed: the request's seniority counts for nothing, no offer can be applied to with it. */
export const CLOSED_REQUEST_STATES: readonly RequestState[] = ['expired', 'cancelled', 'attributed'];

export function isClosedRequest(state: string): boolean {
  return (CLOSED_REQUEST_STATES as readonly string[]).includes(state);
}

/** Supporting documents, from the limitative list of the arrêté of 22 December 2020. */
export const DocumentTypeSchema = z.enum([
  'identity',
  'residence_permit',
  'tax_notice',
  'income_proof',
  'family_record_book',
  'pacs_certificate',
  'separation_proof',
  'birth_certificates',
  'pregnancy_certificate',
  'disability_card',
  'domiciliation_certificate',
  'unfit_housing_proof',
  'notice_to_leave',
  'eviction_proof',
  'protection_order',
]);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

export const DocumentStateSchema = z.enum(['provided', 'missing', 'expired', 'rejected']);
export type DocumentState = z.infer<typeof DocumentStateSchema>;

export const RequestDocumentSchema = z.object({
  type: DocumentTypeSchema,
  state: DocumentStateSchema,
  /** Whose document it is. */
  concerns: z.enum(['applicant', 'co_applicant', 'household']),
  updatedAt: z.iso.date().nullable(),
});
export type RequestDocument = z.infer<typeof RequestDocumentSchema>;

/** The household as the income-ceiling category rules need it (arrêté of 29 July 1987). */
export const HouseholdSchema = z.object({
  persons: z.number().int().min(1),
  dependants: z.number().int().min(0),
  /** A couple without dependant whose ages add up to 55 or less. */
  youngHousehold: z.boolean(),
  /** Holders of the "CMI invalidité" card. */
  disabledPersons: z.number().int().min(0),
});
export type Household = z.infer<typeof HouseholdSchema>;

export const ReferenceIncomeSchema = z.object({
  /** Sum of the revenus fiscaux de référence of the persons to be housed, €/year. */
  amount: z.number().int().min(0),
  /** Year N-2 for a request judged in year N. */
  year: z.number().int().min(2000),
});

export const HousingRequestSchema = z.object({
  nur: NurSchema,
  department: DepartmentCodeSchema,
  registeredAt: z.iso.date(),
  lastRenewedAt: z.iso.date().nullable(),
  renewalDueDate: z.iso.date(),
  state: RequestStateSchema,
  household: HouseholdSchema,
  referenceIncome: ReferenceIncomeSchema,
  documents: z.array(RequestDocumentSchema),
  /** True when no document is missing, expired or rejected: only then can an application go to a landlord. */
  complete: z.boolean(),
});
export type HousingRequest = z.infer<typeof HousingRequestSchema>;
