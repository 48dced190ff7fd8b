import { NewTicketSchema, TicketPatchSchema, TicketStatusSchema } from '../../services/helpdesk/schemas';
import { ok, parseBody, problem } from '../http/problems';
import { Route } from '../http/router';
import { SimulatorWorld, nextId } from '../world';

/** The helpdesk API (`/helpdesk/v1`): tickets are kept in memory and listed oldest first. */
export function helpdeskRoutes(world: SimulatorWorld, now: () => Date): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/helpdesk/v1/tickets',
      handler: ({ body }) => {
        const parsed = parseBody(NewTicketSchema, body);
        if (!parsed.ok) return parsed.response;
        const id = nextId(world, 'ticket', 'HD');
        const at = now().toISOString();
        world.tickets.set(id, { ...parsed.value, id, status: 'open', assignee: null, createdAt: at, updatedAt: at });
        return ok({ ticketId: id }, 201);
      },
    },
    {
      method: 'GET',
      pattern: '/helpdesk/v1/tickets',
      handler: ({ query }) => {
        const status = query.get('status');
        const wanted = status === null ? undefined : TicketStatusSchema.safeParse(status);
        if (wanted && !wanted.success) return problem(400, 'INVALID_QUERY', 'status must be open, in_progress or resolved');
        const items = [...world.tickets.values()].filter((ticket) => !wanted || ticket.status === wanted.data);
        return ok({ items });
      },
    },
    {
      method: 'GET',
      pattern: '/helpdesk/v1/tickets/:ticketId',
      handler: ({ params }) => {
        const ticket = world.tickets.get(params.ticketId ?? '');
        return ticket ? ok(ticket) : problem(404, 'TICKET_NOT_FOUND', 'no ticket with this id');
      },
    },
    {
      method: 'PATCH',
      pattern: '/helpdesk/v1/tickets/:ticketId',
      handler: ({ params, body }) => {
        const ticket = world.tickets.get(params.ticketId ?? '');
        if (!ticket) return problem(404, 'TICKET_NOT_FOUND', 'no ticket with this id');
        const parsed = parseBody(TicketPatchSchema, body);
        if (!parsed.ok) return parsed.response;
        if (parsed.value.status !== undefined) ticket.status = parsed.value.status;
        if (parsed.value.assignee !== undefined) ticket.assignee = parsed.value.assignee;
        ticket.updatedAt = now().toISOString();
        return ok(ticket);
      },
    },
  ];
}
