import { MessageFactory, type AdaptiveCardInvokeResponse, type Attachment, type TurnContext } from 'botbuilder';
import { parseAgentCommand, type AgentCommand } from '../../services/helpdesk/agentCommands';
import type { Handoff } from '../../services/helpdesk/handoffs';
import type { Ticket } from '../../services/helpdesk/schemas';
import { isServiceError } from '../../services/http/errors';
import { audienceContextOfChannel } from '../../dialogs/helpdeskAvailability';
import { translatorFor, type Translate } from '../../dialogs/i18n';
import { agentNoticeCard, ticketQueueCard, TicketActionDataSchema, TICKET_VERBS, type TicketActionData, type TicketVerb } from '../../dialogs/cards/agentTicketCard';
import { asConversationReference, proactiveReferenceOf } from '../proactive/conversationReference';
import { languageOf, translatorOf } from '../../dialogs/turn/turnAccess';
import { agentNameOf } from './helpdeskAgents';
import type { RelayDependencies } from './relayDependencies';
import { TicketPosts } from './ticketPosts';

/** Taking a ticket: it was someone else's, or it is now this agent's (relayed or not). */
type Taking =
  | { kind: 'alreadyTaken'; ticket: Ticket; agent: string }
  | { kind: 'taken'; ticket: Ticket; handoff: Handoff }
  | { kind: 'takenNoRelay'; ticket: Ticket; relayOver: boolean };
type Replying = Extract<Taking, { kind: 'alreadyTaken' }> | { kind: 'notRelayable'; ticket: Ticket; relayOver: boolean } | { kind: 'replySent' | 'replyFailed'; ticket: Ticket };
type Closing = { kind: 'closed' | 'closedNoRelay'; ticket: Ticket };

/**
 * The helpdesk agents' side, in Teams: the ticket cards' buttons (Prendre, Répondre, Clore, and the
 * refresh Teams asks for) and the typed commands `queue`, `take`, `reply`, `close` — the same three
 * operations behind both. A taken ticket opened from a conversation is relayed: the applicant's messages
 * reach the agent where the ticket was taken, the agent's replies reach the applicant, both through the
 * bot. Anything else an agent types goes to the assistant as usual.
 */
export class AgentDesk {
  private readonly posts: TicketPosts;

  constructor(private readonly deps: RelayDependencies) {
    this.posts = new TicketPosts(deps);
  }

  /** True when the message was an agent command from an agent (answered here). */
  async handled(context: TurnContext, text: string): Promise<boolean> {
    // Parsed first: only a command costs a look at the agent group's roster.
    const command = parseAgentCommand(text);
    if (!command || !(await this.deps.agents.isAgent(context))) return false;
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

  /**
   * A button of an agent card (`adaptiveCard/action` with a `ticket.*` verb): the action is run and the
   * invoke answers with the card as it now is, for the agent who pressed it; the channel's card is
   * updated for everyone. Someone who is not an agent gets a card saying so, and nothing is done.
   */
  async cardAction(context: TurnContext, verb: TicketVerb, data: unknown): Promise<AdaptiveCardInvokeResponse> {
    const t = translatorOf(context);
    if (!(await this.deps.agents.isAgent(context))) return cardResponse(agentNoticeCard(t('helpdesk:agentCard.notAgent')));
    const parsed = TicketActionDataSchema.safeParse(data);
    if (!parsed.success) return cardResponse(agentNoticeCard(t('helpdesk:agentCard.invalid')));
    const { ticketId, view } = parsed.data;
    try {
      const { ticket, notice } = await this.perform(context, t, verb, parsed.data);
      return cardResponse(view === 'queue' ? await this.queueCard(context, notice) : await this.posts.cardFor(context, ticket, notice));
    } catch (error) {
      if (!isServiceError(error)) throw error;
      if (error.kind === 'NotFound') return cardResponse(agentNoticeCard(t('helpdesk:agent.notFound', { ticketId })));
      return cardResponse(agentNoticeCard(t('helpdesk:agent.unavailable'), { title: t('helpdesk:agentCard.buttons.retry'), ticketId }));
    }
  }

  private async perform(context: TurnContext, t: Translate, verb: TicketVerb, data: TicketActionData): Promise<{ ticket: Ticket; notice?: string }> {
    switch (verb) {
      case TICKET_VERBS.refresh:
        return { ticket: await this.deps.helpdesk.getTicket(data.ticketId) };
      case TICKET_VERBS.take: {
        const taking = await this.take(context, data.ticketId);
        return { ticket: taking.ticket, notice: takingNotice(t, taking) };
      }
      case TICKET_VERBS.reply: {
        const text = data.reply?.trim();
        if (!text) return { ticket: await this.deps.helpdesk.getTicket(data.ticketId), notice: t('helpdesk:agentCard.replyEmpty') };
        const replying = await this.reply(context, data.ticketId, text.slice(0, 2000));
        return { ticket: replying.ticket, notice: replyingTexts(t, replying).join(' ') };
      }
      case TICKET_VERBS.close: {
        const closing = await this.close(data.ticketId);
        return { ticket: closing.ticket, notice: t(`helpdesk:agent.${closing.kind}`, { ticketId: closing.ticket.id }) };
      }
    }
  }

  private async run(context: TurnContext, command: AgentCommand): Promise<void> {
    const t = translatorOf(context);
    switch (command.kind) {
      case 'usage':
        return void (await context.sendActivity(t('helpdesk:agent.usage')));
      case 'queue':
        return void (await context.sendActivity(MessageFactory.attachment(await this.queueCard(context))));
      case 'take': {
        const taking = await this.take(context, command.ticketId);
        const { ticket } = taking;
        if (taking.kind === 'alreadyTaken') return void (await context.sendActivity(t('helpdesk:agent.alreadyTaken', { ticketId: ticket.id, agent: taking.agent })));
        if (taking.kind === 'takenNoRelay' && taking.relayOver) await context.sendActivity(t('helpdesk:agent.relayOver', { ticketId: ticket.id }));
        const key = taking.kind === 'taken' ? 'helpdesk:agent.taken' : 'helpdesk:agent.takenNoRelay';
        return void (await context.sendActivity(t(key, { ticketId: ticket.id, summary: ticket.summary })));
      }
      case 'reply': {
        for (const text of replyingTexts(t, await this.reply(context, command.ticketId, command.text))) await context.sendActivity(text);
        return;
      }
      case 'close': {
        const closing = await this.close(command.ticketId);
        return void (await context.sendActivity(t(`helpdesk:agent.${closing.kind}`, { ticketId: closing.ticket.id })));
      }
    }
  }

  /**
   * Assigns the ticket to this agent and, when it was opened from a live conversation, starts the relay
   * (the applicant is told who took it; the relay goes to where the agent took it: their chat with the
   * bot, or the ticket's thread in the helpdesk channel). A ticket another agent has is left to them.
   */
  private async take(context: TurnContext, ticketId: string): Promise<Taking> {
    let ticket = await this.deps.helpdesk.getTicket(ticketId);
    const me = { id: context.activity.from?.aadObjectId ?? context.activity.from?.id ?? '', name: agentNameOf(context) };
    const handoff = await this.deps.handoffs.get(ticket.id);
    if (handoff?.agent && handoff.agent.id !== me.id && handoff.state === 'taken') return { kind: 'alreadyTaken', ticket, agent: handoff.agent.name };
    const changed = ticket.status !== 'in_progress' || ticket.assignee !== me.name;
    if (changed) ticket = await this.deps.helpdesk.updateTicket(ticket.id, { status: 'in_progress', assignee: me.name });
    if (!handoff || handoff.state === 'ended' || handoff.state === 'closed') {
      if (changed) await this.posts.update(ticket, handoff);
      return { kind: 'takenNoRelay', ticket, relayOver: Boolean(handoff) };
    }
    if (handoff.state === 'taken' && handoff.agent?.id === me.id) return { kind: 'taken', ticket, handoff };
    const taken: Handoff = { ...handoff, state: 'taken', agent: { ...me, reference: proactiveReferenceOf(context.activity) } };
    await this.deps.handoffs.put(taken);
    await this.tellApplicant(taken, 'helpdesk:relay.taken', { agent: me.name });
    await this.posts.update(ticket, taken);
    return { kind: 'taken', ticket, handoff: taken };
  }

  /** Takes the ticket if needed (as `take`), then sends the text to the applicant through the relay. */
  private async reply(context: TurnContext, ticketId: string, text: string): Promise<Replying> {
    const taking = await this.take(context, ticketId);
    if (taking.kind === 'alreadyTaken') return taking;
    if (taking.kind === 'takenNoRelay') return { kind: 'notRelayable', ticket: taking.ticket, relayOver: taking.relayOver };
    const sent = await this.tellApplicant(taking.handoff, 'helpdesk:relay.agentSays', { agent: agentNameOf(context), text });
    return { kind: sent ? 'replySent' : 'replyFailed', ticket: taking.ticket };
  }

  /** Resolves the ticket; a live relay ends and the applicant is told. */
  private async close(ticketId: string): Promise<Closing> {
    const ticket = await this.deps.helpdesk.updateTicket(ticketId, { status: 'resolved' });
    const handoff = await this.deps.handoffs.get(ticket.id);
    const live = handoff && (handoff.state === 'waiting' || handoff.state === 'taken');
    if (live) {
      await this.deps.handoffs.put({ ...handoff, state: 'closed' });
      await this.tellApplicant(handoff, 'helpdesk:relay.closed', {});
    }
    await this.posts.update(ticket, handoff);
    return { kind: live ? 'closed' : 'closedNoRelay', ticket };
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

  /** Open and in-progress tickets in one card, urgent first, then oldest first. */
  private async queueCard(context: TurnContext, notice?: string): Promise<Attachment> {
    const tickets = [...(await this.deps.helpdesk.listTickets('open')), ...(await this.deps.helpdesk.listTickets('in_progress'))];
    return ticketQueueCard(translatorOf(context), languageOf(context), tickets, notice);
  }
}

function takingNotice(t: Translate, taking: Taking): string {
  const ticketId = taking.ticket.id;
  switch (taking.kind) {
    case 'alreadyTaken':
      return t('helpdesk:agent.alreadyTaken', { ticketId, agent: taking.agent });
    case 'taken':
      return t('helpdesk:agentCard.taken', { ticketId });
    case 'takenNoRelay':
      return [...(taking.relayOver ? [t('helpdesk:agent.relayOver', { ticketId })] : []), t('helpdesk:agentCard.takenNoRelay', { ticketId })].join(' ');
  }
}

function replyingTexts(t: Translate, replying: Replying): string[] {
  const ticketId = replying.ticket.id;
  switch (replying.kind) {
    case 'alreadyTaken':
      return [t('helpdesk:agent.alreadyTaken', { ticketId, agent: replying.agent })];
    case 'notRelayable':
      return [...(replying.relayOver ? [t('helpdesk:agent.relayOver', { ticketId })] : []), t('helpdesk:agent.notRelayable', { ticketId })];
    default:
      return [t(`helpdesk:agent.${replying.kind}`, { ticketId })];
  }
}

function cardResponse(card: Attachment): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as Record<string, unknown> };
}
