import { z } from 'zod';
import { CandidatureStatusSchema } from '../portal/schemas';
import { DocumentTypeSchema } from '../sne/schemas';

/**
 * What the portal posts to `POST /api/notify` (docs/portal-api.yaml, `PortalEvent`). `eventId` is the
 * idempotency key: the same event delivered twice (a retry, or to two replicas) is told once.
 */
const EventBase = {
  eventId: z.string().min(1).max(200).regex(/^[A-Za-z0-9._:-]+$/),
  applicantId: z.string().min(1).max(100),
  occurredAt: z.iso.datetime(),
};

export const ApplicationStageChangedSchema = z.object({
  ...EventBase,
  type: z.literal('application.stage_changed'),
  data: z.object({
    applicationId: z.string().min(1),
    /** "T3 à Villeurbanne", as the portal labels the offer. */
    offerLabel: z.string().min(1).max(200),
    stage: CandidatureStatusSchema,
  }),
});

export const OfferReceivedSchema = z.object({
  ...EventBase,
  type: z.literal('offer.received'),
  data: z.object({
    applicationId: z.string().min(1),
    offerLabel: z.string().min(1).max(200),
    rank: z.number().int().min(1).max(3),
    /** At least 10 days after the decision; silence counts as refusal (CCH R441-10). */
    answerDueDate: z.iso.date(),
  }),
});

export const DocumentRejectedSchema = z.object({
  ...EventBase,
  type: z.literal('document.rejected'),
  data: z.object({
    documentType: DocumentTypeSchema,
    /** Short and free of personal data (the portal's wording, e.g. "illisible", "périmé"). */
    reason: z.string().max(200).optional(),
  }),
});

export const PortalEventSchema = z.discriminatedUnion('type', [ApplicationStageChangedSchema, OfferReceivedSchema, DocumentRejectedSchema]);
export type PortalEvent = z.infer<typeof PortalEventSchema>;

/** A reminder the daily check finds on a request: due for renewal within a month, or expired. */
export interface DossierReminder {
  /** One per request and renewal date: the same reminder is never told twice. */
  eventId: string;
  applicantId: string;
  type: 'request.renewal_due' | 'request.expired';
  /** The renewal date (the day it expired, for an expired request). */
  date: string;
}

/** A proposal still unanswered three days, then one day, before its date (silence counts as refusal). */
export interface ProposalReminder {
  /** One per application and step (3 or 1 day): told once across replicas. */
  eventId: string;
  applicantId: string;
  type: 'proposal.deadline_soon';
  applicationId: string;
  offerLabel: string;
  /** The answer date. */
  date: string;
  daysLeft: number;
}

/** Everything the assistant may tell an applicant on its own initiative. */
export type DossierNotification = PortalEvent | DossierReminder | ProposalReminder;
