import { z } from 'zod';

/** Shapes of the helpdesk API (`/helpdesk/v1`), as documented in docs/portal-api.yaml. */

export const TicketCategorySchema = z.enum([
  'linking',
  'request',
  'documents',
  'eligibility',
  'offers',
  'applications',
  'privacy',
  'urgent_situation',
  'other',
]);
export type TicketCategory = z.infer<typeof TicketCategorySchema>;

/** `urgent`: eviction, violence, homelessness, disability, unfit housing, DALO (CCH L441-1 priorities). */
export const TicketUrgencySchema = z.enum(['normal', 'urgent']);
export const TicketLanguageSchema = z.enum(['fr', 'en']);
export const TicketStatusSchema = z.enum(['open', 'in_progress', 'resolved']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export const TranscriptEntrySchema = z.object({
  from: z.enum(['user', 'bot']),
  /** Already redacted by the bot: no NUR, e-mail, phone or income in clear. */
  text: z.string().max(2000),
  at: z.iso.datetime(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;

export const NewTicketSchema = z.object({
  category: TicketCategorySchema,
  urgency: TicketUrgencySchema,
  /** Already redacted by the bot. */
  summary: z.string().min(1).max(1000),
  language: TicketLanguageSchema,
  transcript: z.array(TranscriptEntrySchema).max(200),
  /** The AL-in applicant id when the user linked a request, else null. */
  applicantRef: z.string().min(1).nullable(),
});
export type NewTicket = z.infer<typeof NewTicketSchema>;

export const TicketCreatedSchema = z.object({ ticketId: z.string().min(1) });
export type TicketCreated = z.infer<typeof TicketCreatedSchema>;

export const TicketSchema = NewTicketSchema.extend({
  id: z.string().min(1),
  status: TicketStatusSchema,
  assignee: z.string().min(1).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const TicketListSchema = z.object({ items: z.array(TicketSchema) });

export const TicketPatchSchema = z
  .object({
    status: TicketStatusSchema.optional(),
    assignee: z.string().min(1).nullable().optional(),
  })
  .refine((patch) => patch.status !== undefined || patch.assignee !== undefined, { error: 'nothing to change' });
export type TicketPatch = z.infer<typeof TicketPatchSchema>;
