import { z } from 'zod';

/**
 * A ticket opened from a conversation, as the relay needs it: where the applicant is, in which
 * language, and which agent (and agent conversation) has taken it.
 * `waiting` → `taken` (an agent took it: messages are relayed) → `ended` (the applicant said "fin") or
 * `closed` (the agent closed the ticket).
 */
export const HandoffStateSchema = z.enum(['waiting', 'taken', 'ended', 'closed']);

export const HandoffSchema = z.object({
  ticketId: z.string().min(1),
  urgency: z.enum(['normal', 'urgent']),
  language: z.enum(['fr', 'en']),
  openedAt: z.string(),
  /** The applicant's conversation reference, for the agent's replies. */
  applicant: z.looseObject({}),
  state: HandoffStateSchema,
  agent: z.object({ id: z.string(), name: z.string(), reference: z.looseObject({}) }).optional(),
  /** The urgent ticket's card in the helpdesk channel, updated for everyone when the ticket changes. */
  channelPost: z.object({ activityId: z.string().min(1), reference: z.looseObject({}) }).optional(),
});
export type Handoff = z.infer<typeof HandoffSchema>;

/**
 * The helpdesk's Teams channel: where urgent tickets are posted (`reference`), and its team, whose
 * roster names the agents when its Entra group is HELPDESK_AGENT_GROUP.
 */
export const HelpdeskChannelSchema = z.object({
  reference: z.looseObject({}),
  team: z.object({ id: z.string().min(1), aadGroupId: z.string().min(1).optional() }).optional(),
});
export type HelpdeskChannel = z.infer<typeof HelpdeskChannelSchema>;

export interface HandoffStore {
  get(ticketId: string): Promise<Handoff | undefined>;
  put(handoff: Handoff): Promise<void>;
  /** The helpdesk's Teams channel, where urgent tickets are posted. */
  helpdeskChannel(): Promise<HelpdeskChannel | undefined>;
  saveHelpdeskChannel(channel: HelpdeskChannel): Promise<void>;
}
