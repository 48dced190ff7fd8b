import { z } from 'zod';
import { DepartmentCodeSchema, RequestStateSchema } from '../sne/schemas';

/** Shapes of the AL-in portal API (`/alin/v1`), as documented in docs/portal-api.yaml. */

/** INSEE commune code: 5 characters, Corsica uses 2A/2B. */
export const InseeCodeSchema = z.string().regex(/^(\d{2}|2[AB])\d{3}$/);

export const FinancingSchema = z.enum(['PLAI', 'PLUS', 'PLS', 'PLI']);
export type Financing = z.infer<typeof FinancingSchema>;

export const TypologySchema = z.enum(['T1', 'T2', 'T3', 'T4', 'T5']);
export type Typology = z.infer<typeof TypologySchema>;

/** ABC zoning of the dwelling's commune (arrêté of 1 August 2014, as revised); PLI ceilings depend on it. */
export const AbcZoneSchema = z.enum(['Abis', 'A', 'B1', 'B2', 'C']);
export type AbcZone = z.infer<typeof AbcZoneSchema>;

/** DPE energy class. */
export const EnergyClassSchema = z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G']);

export const CommuneSchema = z.object({
  inseeCode: InseeCodeSchema,
  name: z.string().min(1),
  postalCode: z.string().regex(/^\d{5}$/),
  department: DepartmentCodeSchema,
});
export type Commune = z.infer<typeof CommuneSchema>;

export const OfferSchema = z.object({
  id: z.string().min(1),
  typology: TypologySchema,
  /** Living area, m². */
  surface: z.number().positive(),
  /** 0 is the ground floor. */
  floor: z.number().int().min(0),
  lift: z.boolean(),
  /** Accessible to persons with reduced mobility (PMR). */
  accessible: z.boolean(),
  /** Monthly rent without charges, €. */
  rent: z.number().min(0),
  /** Monthly service charges, €. */
  charges: z.number().min(0),
  financing: FinancingSchema,
  abcZone: AbcZoneSchema,
  commune: CommuneSchema,
  landlord: z.string().min(1),
  availableDate: z.iso.date(),
  energyClass: EnergyClassSchema,
  publishedAt: z.iso.datetime(),
});
export type Offer = z.infer<typeof OfferSchema>;

export const OfferPageSchema = z.object({
  items: z.array(OfferSchema),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type OfferPage = z.infer<typeof OfferPageSchema>;

/** Filters of `GET /offers`; all optional, combined with AND; lists mean "any of". */
export const OfferSearchCriteriaSchema = z.object({
  commune: InseeCodeSchema.optional(),
  department: DepartmentCodeSchema.optional(),
  typology: z.array(TypologySchema).min(1).optional(),
  /** Upper bound of rent + charges, €/month: what the household actually pays. */
  maxRent: z.number().positive().optional(),
  minSurface: z.number().positive().optional(),
  accessible: z.boolean().optional(),
  financing: z.array(FinancingSchema).min(1).optional(),
  /** Only offers published at or after this instant (alerts). */
  publishedSince: z.iso.datetime().optional(),
  page: z.number().int().min(1).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});
export type OfferSearchCriteria = z.infer<typeof OfferSearchCriteriaSchema>;

export const LinkChallengeSchema = z.object({
  challengeId: z.string().min(1),
  /** Where the code went, masked (`j***@e***.fr`). */
  maskedDestination: z.string().min(1),
  expiresAt: z.iso.datetime(),
});
export type LinkChallenge = z.infer<typeof LinkChallengeSchema>;

export const LinkVerificationSchema = z.object({ applicantId: z.string().min(1) });
export type LinkVerification = z.infer<typeof LinkVerificationSchema>;

export const EmployerSchema = z.object({
  siret: z.string().regex(/^\d{14}$/),
  name: z.string().min(1),
  /** Whether the company contributes to Action Logement (PEEC), so its employees may use AL-in. */
  eligible: z.boolean(),
});
export type Employer = z.infer<typeof EmployerSchema>;

export const ApplicantSchema = z.object({
  id: z.string().min(1),
  firstName: z.string().min(1),
  maskedNur: z.string().min(1),
  maskedEmail: z.string().min(1),
  employer: EmployerSchema,
  household: z.object({
    persons: z.number().int().min(1),
    dependants: z.number().int().min(0),
  }),
  /** The request imported from the national file; `nur` lets the bot read it there without storing it. */
  linkedRequest: z.object({
    nur: z.string().min(1),
    department: DepartmentCodeSchema,
    state: RequestStateSchema,
  }),
});
export type Applicant = z.infer<typeof ApplicantSchema>;

/**
 * Application statuses (our contract: AL-in's own labels are not published). Active ones count against
 * the limit: submitted, under_review, in_commission, attributed.
 */
export const CandidatureStatusSchema = z.enum([
  'submitted',
  'under_review',
  /** AL-in selected it and passed it to the landlord (three candidates per dwelling). */
  'shortlisted',
  /** The landlord asks for documents to complete the file before the commission. */
  'documents_requested',
  'in_commission',
  'attributed',
  'accepted',
  'declined',
  'refused',
  'withdrawn',
  /** Accepted, then the lease signed: the request is closed. */
  'lease_signed',
]);
export type CandidatureStatus = z.infer<typeof CandidatureStatusSchema>;

export const ACTIVE_CANDIDATURE_STATUSES: readonly CandidatureStatus[] = ['submitted', 'under_review', 'shortlisted', 'documents_requested', 'in_commission', 'attributed'];

/** The landlord's commission decision (CALEOL, CCH R441-3). */
export const AttributionDecisionSchema = z.object({
  /** 1 = first choice; 2 and 3 get the dwelling if those before refuse. */
  rank: z.number().int().min(1).max(3),
  /** Attributed provided a missing document is brought. */
  underCondition: z.boolean(),
  /** At least 10 days after the decision; silence counts as refusal (CCH R441-10). */
  answerDueDate: z.iso.date(),
});
export type AttributionDecision = z.infer<typeof AttributionDecisionSchema>;

export const CandidatureEventSchema = z.object({
  status: CandidatureStatusSchema,
  at: z.iso.datetime(),
});

export const CandidatureSchema = z.object({
  id: z.string().min(1),
  applicantId: z.string().min(1),
  offer: OfferSchema,
  status: CandidatureStatusSchema,
  submittedAt: z.iso.datetime(),
  decision: AttributionDecisionSchema.nullable(),
  /** When the landlord's commission examines it, once known. */
  commissionDate: z.iso.date().nullable().optional(),
  /** What the landlord asked to complete the file (its own words), while `documents_requested`. */
  documentsRequested: z.array(z.string().min(1).max(200)).max(20).optional(),
  /** Oldest first. */
  history: z.array(CandidatureEventSchema).min(1),
});
export type Candidature = z.infer<typeof CandidatureSchema>;

/** Why a proposal is declined (kept by the portal; never free text: no personal data). */
export const DeclineReasonSchema = z.enum(['too_far', 'too_expensive', 'too_small', 'not_suitable', 'other']);
export type DeclineReason = z.infer<typeof DeclineReasonSchema>;

/** The applicant's answer to a proposal (an `attributed` application), at most once. */
export const ProposalAnswerSchema = z.discriminatedUnion('answer', [
  z.object({ answer: z.literal('accept') }),
  z.object({ answer: z.literal('decline'), reason: DeclineReasonSchema }),
]);
export type ProposalAnswer = z.infer<typeof ProposalAnswerSchema>;

export const CandidatureListSchema = z.object({ items: z.array(CandidatureSchema) });

/** Named reasons a 422 gives for refusing an application. */
export const ApplicationViolationCodeSchema = z.enum([
  'ACTIVE_LIMIT_REACHED',
  'REQUEST_INCOMPLETE',
  'REQUEST_NOT_ACTIVE',
  'INCOME_ABOVE_CEILING',
]);
export type ApplicationViolationCode = z.infer<typeof ApplicationViolationCodeSchema>;
