import type { TurnContext } from 'botbuilder';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import type { Handoff } from '../../services/helpdesk/handoffs';
import { redactText } from '../../services/privacy/redact';
import { listFor, supportedLanguage, translatorFor, type Language } from '../../dialogs/i18n';
import { asConversationReference, proactiveReferenceOf } from '../proactive/conversationReference';
import { languageOf, translatorOf, turnStateOf } from '../../dialogs/turn/turnAccess';
import type { OpenedTicket, TicketAnnouncer } from '../../dialogs/ports';
import type { RelayDependencies } from './relayDependencies';

/**
 * The applicant's side of a handoff without a contact-centre hub: the ticket is remembered with the
 * conversation; while an agent has it, what the applicant types goes to the agent (redacted) instead of
 * the assistant, until the applicant says "fin" or the agent closes the ticket.
 */
export class ApplicantRelay implements TicketAnnouncer {
  constructor(private readonly deps: RelayDependencies) {}

  /** After the helpdesk dialog opened a ticket: the relay record, and an urgent ticket posted to the helpdesk channel. */
  async ticketOpened(context: TurnContext, ticket: OpenedTicket): Promise<void> {
    try {
      await this.deps.handoffs.put({
        ticketId: ticket.ticketId,
        urgency: ticket.urgency,
        language: languageOf(context),
        openedAt: new Date().toISOString(),
        applicant: proactiveReferenceOf(context.activity),
        state: 'waiting',
      });
      if (ticket.urgency === 'urgent') await this.postToHelpdeskChannel(ticket);
    } catch (error) {
      // The ticket exists: the helpdesk sees it in its queue even if the relay or the post failed.
      this.deps.logger.warn({ ticketId: ticket.ticketId, err: error }, 'handoff not fully announced');
    }
  }

  /** True when the message was for the agent (relayed, or the end of the relay) rather than the assistant. */
  async relayed(context: TurnContext, text: string): Promise<boolean> {
    const conversation = turnStateOf(context).conversation;
    if (!conversation.handoff) return false;
    const handoff = await this.deps.handoffs.get(conversation.handoff.ticketId);
    if (!handoff || handoff.state === 'ended' || handoff.state === 'closed') {
      delete conversation.handoff;
      return false;
    }
    if (handoff.state !== 'taken' || !handoff.agent || !text) return false;
    const t = translatorOf(context);
    if (isEndOfRelay(text, languageOf(context))) {
      await this.deps.handoffs.put({ ...handoff, state: 'ended' });
      delete conversation.handoff;
      await this.tellAgent(handoff, 'helpdesk:agent.applicantEnded', {}).catch((error: unknown) => this.deps.logger.warn({ err: error }, 'agent not told of the end'));
      await context.sendActivity(t('helpdesk:relay.ended'));
      return true;
    }
    try {
      await this.tellAgent(handoff, 'helpdesk:agent.applicantSays', { text: redactText(text).slice(0, 2000) });
    } catch (error) {
      this.deps.logger.warn({ ticketId: handoff.ticketId, err: error }, 'message not relayed to the agent');
      await context.sendActivity(t('helpdesk:relay.agentUnreachable'));
    }
    return true;
  }

  /** The bot was installed in a Teams channel: the helpdesk's own (HELPDESK_TEAM_ID, or installed by an agent) is remembered. */
  async rememberHelpdeskChannel(context: TurnContext, installedByAgent: boolean): Promise<void> {
    if (context.activity.conversation?.conversationType !== 'channel') return;
    const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    const configured = this.deps.config.helpdesk.teamId;
    if (configured ? teamId !== configured : !installedByAgent) return;
    await this.deps.handoffs.saveHelpdeskChannel(proactiveReferenceOf(context.activity));
    this.deps.logger.info({ teamId }, 'helpdesk channel remembered');
  }

  private async postToHelpdeskChannel(ticket: OpenedTicket): Promise<void> {
    const channel = await this.deps.handoffs.helpdeskChannel();
    if (!channel) return;
    const t = translatorFor(supportedLanguage(String(channel.locale ?? '')) ?? 'fr');
    await this.deps.messenger.continueConversation(asConversationReference(channel), async (context) => {
      await context.sendActivity(t('helpdesk:agent.urgentPosted', { ticketId: ticket.ticketId, summary: ticket.summary }));
    });
  }

  private async tellAgent(handoff: Handoff, key: string, values: Record<string, string>): Promise<void> {
    const agentReference = asConversationReference(handoff.agent!.reference);
    const t = translatorFor(supportedLanguage(agentReference.locale) ?? 'fr');
    await this.deps.messenger.continueConversation(agentReference, async (context) => {
      await context.sendActivity(t(key, { ticketId: handoff.ticketId, ...values }));
    });
  }
}

function isEndOfRelay(text: string, language: Language): boolean {
  const said = normalizeForMatching(text);
  return [...listFor(language, 'relay.endWords', 'helpdesk'), ...listFor(language === 'fr' ? 'en' : 'fr', 'relay.endWords', 'helpdesk')].some(
    (words) => normalizeForMatching(words) === said,
  );
}
