import type { TurnContext } from 'botbuilder';
import { formatDateTime } from '../../dialogs/format';
import { parseAgentCommand, type AgentCommand } from '../../services/helpdesk/agentCommands';
import type { Handoff } from '../../services/helpdesk/handoffs';
import type { Ticket } from '../../services/helpdesk/schemas';
import { isServiceError } from '../../services/http/errors';
import { audienceContextOfChannel } from '../../dialogs/helpdeskAvailability';
import { translatorFor } from '../../dialogs/i18n';
import { asConversationReference, proactiveReferenceOf } from '../proactive/conversationReference';
import { languageOf, translatorOf } from '../../dialogs/turn/turnAccess';
import { agentNameOf, isHelpdeskAgent } from './helpdeskAgents';
import type { RelayDependencies } from './relayDependencies';

const QUEUE_LENGTH = 15;
const URGENCY_ICON = { urgent: '🔴', normal: '⚪' } as const;

/**
 * The helpdesk agents' side, in Teams: `queue`, `take`, `reply`, `close`. A taken ticket opened from a
 * conversation is relayed: the applicant's messages reach the agent, the agent's replies reach the
 * applicant, both through the bot. Anything else an agent types goes to the assistant as usual.
 */
export class AgentDesk {
  constructor(private readonly deps: RelayDependencies) {}

  isAgent(context: TurnContext): boolean {
    return isHelpdeskAgent(context, this.deps.config);
  }

  /** True when the message was an agent command (answered here). */
  async handled(context: TurnContext, text: string): Promise<boolean> {
    if (!this.isAgent(context)) return false;
    const command = parseAgentCommand(text);
    if (!command) return false;
    const t = translatorOf(context);
    try {
      await this.run(context, command);
    } catch (error) {
      if (!isServiceError(error)) throw error;
      if (error.kind === 'NotFound' && 'ticketId' in command) await context.sendActivity(t('helpdesk:agent.notFound', { ticketId: command.ticketId }));
      else await context.sendActivity(t('helpdesk:agent.unavailable'));
    }
    return true;
  }

  private async run(context: TurnContext, command: AgentCommand): Promise<void> {
    const t = translatorOf(context);
    switch (command.kind) {
      case 'usage':
        return void (await context.sendActivity(t('helpdesk:agent.usage')));
      case 'queue':
        return void (await context.sendActivity(await this.queueText(context)));
      case 'take': {
        const ticket = await this.deps.helpdesk.getTicket(command.ticketId);
        const handoff = await this.take(context, ticket);
        if (handoff === 'taken by another') return;
        const key = handoff ? 'helpdesk:agent.taken' : 'helpdesk:agent.takenNoRelay';
        return void (await context.sendActivity(t(key, { ticketId: ticket.id, summary: ticket.summary })));
      }
      case 'reply': {
        const ticket = await this.deps.helpdesk.getTicket(command.ticketId);
        const handoff = await this.take(context, ticket);
        if (handoff === 'taken by another') return;
        if (!handoff) return void (await context.sendActivity(t('helpdesk:agent.notRelayable', { ticketId: ticket.id })));
        const sent = await this.tellApplicant(handoff, 'helpdesk:relay.agentSays', { agent: agentNameOf(context), text: command.text });
        return void (await context.sendActivity(t(sent ? 'helpdesk:agent.replySent' : 'helpdesk:agent.replyFailed', { ticketId: ticket.id })));
      }
      case 'close': {
        const ticket = await this.deps.helpdesk.updateTicket(command.ticketId, { status: 'resolved' });
        const handoff = await this.deps.handoffs.get(ticket.id);
        const live = handoff && (handoff.state === 'waiting' || handoff.state === 'taken');
        if (live) {
          await this.deps.handoffs.put({ ...handoff, state: 'closed' });
          await this.tellApplicant(handoff, 'helpdesk:relay.closed', {});
        }
        return void (await context.sendActivity(t(live ? 'helpdesk:agent.closed' : 'helpdesk:agent.closedNoRelay', { ticketId: ticket.id })));
      }
    }
  }

  /**
   * Assigns the ticket to this agent and, when it was opened from a live conversation, starts the relay
   * (the applicant is told who took it). Returns the live handoff, undefined when there is none, or
   * 'taken by another' (the agent has been told).
   */
  private async take(context: TurnContext, ticket: Ticket): Promise<Handoff | undefined | 'taken by another'> {
    const t = translatorOf(context);
    const me = { id: context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '', name: agentNameOf(context) };
    const handoff = await this.deps.handoffs.get(ticket.id);
    if (handoff?.agent && handoff.agent.id !== me.id && handoff.state === 'taken') {
      await context.sendActivity(t('helpdesk:agent.alreadyTaken', { ticketId: ticket.id, agent: handoff.agent.name }));
      return 'taken by another';
    }
    if (ticket.status !== 'in_progress' || ticket.assignee !== me.name) {
      await this.deps.helpdesk.updateTicket(ticket.id, { status: 'in_progress', assignee: me.name });
    }
    if (!handoff || handoff.state === 'ended' || handoff.state === 'closed') {
      if (handoff) await context.sendActivity(t('helpdesk:agent.relayOver', { ticketId: ticket.id }));
      return undefined;
    }
    if (handoff.state === 'taken' && handoff.agent?.id === me.id) return handoff;
    const taken: Handoff = { ...handoff, state: 'taken', agent: { ...me, reference: proactiveReferenceOf(context.activity) } };
    await this.deps.handoffs.put(taken);
    await this.tellApplicant(taken, 'helpdesk:relay.taken', { agent: me.name });
    return taken;
  }

  private async tellApplicant(handoff: Handoff, key: string, values: Record<string, string>): Promise<boolean> {
    const t = translatorFor(handoff.language);
    try {
      await this.deps.messenger.continueConversation(asConversationReference(handoff.applicant), async (context) => {
        // "Claire, du service RH" for an employee on Teams; "Claire, conseillère Action Logement" on the website.
        await context.sendActivity(t(key, { ticketId: handoff.ticketId, ...values, ...audienceContextOfChannel(handoff.applicant['channelId']) }));
      });
      return true;
    } catch (error) {
      this.deps.logger.warn({ ticketId: handoff.ticketId, err: error }, 'applicant not reached');
      return false;
    }
  }

  /** Open and in-progress tickets, urgent first, then oldest first. */
  private async queueText(context: TurnContext): Promise<string> {
    const t = translatorOf(context);
    const language = languageOf(context);
    const tickets = [...(await this.deps.helpdesk.listTickets('open')), ...(await this.deps.helpdesk.listTickets('in_progress'))].sort(
      (a, b) => Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') || a.createdAt.localeCompare(b.createdAt),
    );
    if (tickets.length === 0) return t('helpdesk:agent.queueEmpty');
    const lines = tickets.slice(0, QUEUE_LENGTH).map((ticket) =>
      t('helpdesk:agent.queueLine', {
        icon: URGENCY_ICON[ticket.urgency],
        ticketId: ticket.id,
        category: ticket.category,
        status: t(`helpdesk:agent.status.${ticket.status}`, { assignee: ticket.assignee ?? '' }),
        since: formatDateTime(ticket.createdAt, language),
      }),
    );
    return [t('helpdesk:agent.queueHeading', { count: tickets.length }), ...lines.map((line) => `- ${line}`), t('helpdesk:agent.queueHint')].join('\n');
  }
}
