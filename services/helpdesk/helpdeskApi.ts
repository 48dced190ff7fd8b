import { CallOptions } from '../http/jsonClient';
import { NewTicket, Ticket, TicketCreated, TicketPatch, TicketStatus } from './schemas';

/** The helpdesk queue. Failures are `ServiceError`s (services/http/errors). */
export interface HelpdeskApi {
  /** The summary and transcript must already be redacted. Never retried (it would open a second ticket). */
  createTicket(ticket: NewTicket, options?: CallOptions): Promise<TicketCreated>;
  /** Oldest first, all statuses when `status` is omitted. */
  listTickets(status?: TicketStatus, options?: CallOptions): Promise<Ticket[]>;
  /** NotFound. */
  getTicket(ticketId: string, options?: CallOptions): Promise<Ticket>;
  /** NotFound · BadRequest: nothing to change. */
  updateTicket(ticketId: string, patch: TicketPatch, options?: CallOptions): Promise<Ticket>;
}
