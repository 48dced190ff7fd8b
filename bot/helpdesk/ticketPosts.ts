import { MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import type { Handoff } from '../../services/helpdesk/handoffs';
import type { Ticket } from '../../services/helpdesk/schemas';
import { agentTicketCard } from '../../dialogs/cards/agentTicketCard';
import { supportedLanguage, translatorFor, type Translate } from '../../dialogs/i18n';
import { translatorOf } from '../../dialogs/turn/turnAccess';
import { asConversationReference } from '../proactive/conversationReference';
import type { RelayDependencies } from './relayDependencies';

/**
 * The urgent tickets' cards in the helpdesk's Teams channel: posted when the ticket is opened (the
 * post's activity id kept with the handoff), and updated for everyone whenever an agent takes, answers
 * or closes the ticket — from the card or by a typed command. Teams also refreshes the card by itself
 * for the agents listed in its `refresh` block.
 */
export class TicketPosts {
  constructor(private readonly deps: RelayDependencies) {}

  /** The ticket's card for the user of this turn, with what just happened when there is something to say. */
  async cardFor(context: TurnContext, ticket: Ticket, notice?: string): Promise<Attachment> {
    return this.card(context, translatorOf(context), ticket, notice);
  }

  /** Posts the ticket's card in the helpdesk channel, if one is known; true when posted. */
  async post(ticket: Ticket): Promise<boolean> {
    const channel = await this.deps.handoffs.helpdeskChannel();
    if (!channel) return false;
    let activityId: string | undefined;
    await this.deps.messenger.continueConversation(asConversationReference(channel.reference), async (context) => {
      const card = await this.card(context, channelTranslator(channel.reference), ticket);
      activityId = (await context.sendActivity(MessageFactory.attachment(card)))?.id;
    });
    // Read again: an agent may have taken the ticket (from the queue) while it was being posted.
    const handoff = await this.deps.handoffs.get(ticket.id);
    if (activityId && handoff) await this.deps.handoffs.put({ ...handoff, channelPost: { activityId, reference: channel.reference } });
    return true;
  }

  /** After a change, the posted card shows the ticket as it now is, to everyone; a failure is logged, never the agent's problem. */
  async update(ticket: Ticket, handoff?: Handoff): Promise<void> {
    const post = (handoff ?? (await this.deps.handoffs.get(ticket.id)))?.channelPost;
    if (!post) return;
    try {
      await this.deps.messenger.continueConversation(asConversationReference(post.reference), async (context) => {
        const updated = MessageFactory.attachment(await this.card(context, channelTranslator(post.reference), ticket));
        updated.id = post.activityId;
        await context.updateActivity(updated);
      });
    } catch (error) {
      this.deps.logger.warn({ ticketId: ticket.id, err: error }, 'ticket card in the helpdesk channel not updated');
    }
  }

  private async card(context: TurnContext, t: Translate, ticket: Ticket, notice?: string): Promise<Attachment> {
    return agentTicketCard(t, ticket, { now: this.deps.now(), refreshUserIds: await this.deps.agents.refreshUserIds(context), notice });
  }
}

/** The helpdesk channel's cards are in its locale, French by default. */
function channelTranslator(reference: Record<string, unknown>): Translate {
  return translatorFor(supportedLanguage(String(reference['locale'] ?? '')) ?? 'fr');
}
