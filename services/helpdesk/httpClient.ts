import { CircuitStatus } from '../http/circuitBreaker';
import { HttpClientSettings, createJsonClient } from '../http/jsonClient';
import { HelpdeskApi } from './helpdeskApi';
import { TicketCreatedSchema, TicketListSchema, TicketSchema } from './schemas';

export interface HelpdeskHttpClient extends HelpdeskApi {
  circuitStatus(): CircuitStatus;
}

/** The helpdesk client over HTTP (`{baseUrl}/helpdesk/v1`). */
export function createHelpdeskHttpClient(settings: HttpClientSettings): HelpdeskHttpClient {
  const client = createJsonClient({ name: 'helpdesk', prefix: '/helpdesk/v1' }, settings);
  return {
    createTicket: (ticket, options) =>
      client.send({ operation: 'createTicket', method: 'POST', path: '/tickets', body: ticket, responseSchema: TicketCreatedSchema }, options),

    listTickets: async (status, options) => {
      const list = await client.send(
        { operation: 'listTickets', method: 'GET', path: '/tickets', query: { status }, responseSchema: TicketListSchema },
        options,
      );
      return list.items;
    },

    getTicket: (ticketId, options) =>
      client.send({ operation: 'getTicket', method: 'GET', path: `/tickets/${encodeURIComponent(ticketId)}`, responseSchema: TicketSchema }, options),

    // PATCH is not idempotent in general (RFC 5789), so it is not retried even though this one sets values.
    updateTicket: (ticketId, patch, options) =>
      client.send(
        { operation: 'updateTicket', method: 'PATCH', path: `/tickets/${encodeURIComponent(ticketId)}`, body: patch, responseSchema: TicketSchema },
        options,
      ),

    circuitStatus: () => client.circuitStatus(),
  };
}
