import type { TurnContext } from 'botbuilder';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import type { Handoff } from '../../services/helpdesk/handoffs';
import { redactText } from '../../services/privacy/redact';
import { listFor, supportedLanguage, translatorFor, type Language } from '../../dialogs/i18n';
import { asConversationReference, proactiveReferenceOf } from '../proactive/conversationReference';
import { languageOf, translatorOf, turnStateOf } from '../../dialogs/turn/turnAccess';
import type { OpenedTicket, TicketAnnouncer } from '../../dialogs/ports';
import type { RelayDependencies } from './relayDependencies';
import { TicketPosts } from './ticketPosts';

/**
 * The applicant's side of a handoff without a contact-centre hub: the ticket is remembered with the
 * conversation; while an agent has it, what the applicant types goes to the agent (redacted) instead of
 * the assistant, until the applicant says "fin" or the agent closes the ticket.
 */
export class ApplicantRelay implements TicketAnnouncer {
  private readonly posts: TicketPosts;

  constructor(private readonly deps: RelayDependencies) {
    this.posts = new TicketPosts(deps);
  }

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

  /**
   * The bot was installed in a Teams team (or added to one of its channels): that channel is the
   * helpdesk's when its team is HELPDESK_TEAM_ID; without it, when the team is the agent group's
   * (HELPDESK_AGENT_GROUP) or an agent named in HELPDESK_AGENTS installed the bot. The channel is the one
   * chosen in Teams' installation dialog when there is one (Teams also reports the team's General
   * channel, which does not replace it). The team is kept too, for the agent group's roster.
   */
  async rememberHelpdeskChannel(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.conversation?.conversationType !== 'channel') return;
    const channelData = activity.channelData as TeamsInstallationData | undefined;
    const teamId = channelData?.team?.id;
    const configured = this.deps.config.helpdesk.teamId;
    const aadGroupId = teamId ? await this.deps.agents.groupIdOfTeam(context, { id: teamId, aadGroupId: channelData?.team?.aadGroupId }) : undefined;
    const isHelpdesk = configured ? teamId === configured : this.deps.agents.isAgentGroup(aadGroupId) || this.deps.agents.isNamedAgent(context);
    if (!isHelpdesk) return;
    const chosen = channelData?.settings?.selectedChannel?.id ?? channelData?.channel?.id;
    if (!chosen && teamId && (await this.deps.handoffs.helpdeskChannel())?.team?.id === teamId) return;
    // Tickets go to the channel itself, a thread each, not into the thread the activity came from.
    const channelId = chosen ?? activity.conversation.id.split(';')[0]!;
    const reference = proactiveReferenceOf({ ...activity, conversation: { ...activity.conversation, id: channelId } });
    await this.deps.handoffs.saveHelpdeskChannel({ reference, ...(teamId ? { team: { id: teamId, ...(aadGroupId ? { aadGroupId } : {}) } } : {}) });
    this.deps.logger.info({ teamId }, 'helpdesk channel remembered');
  }

  /** The ticket's card in the helpdesk channel; as text if the ticket cannot be read back. */
  private async postToHelpdeskChannel(opened: OpenedTicket): Promise<void> {
    const channel = await this.deps.handoffs.helpdeskChannel();
    if (!channel) return;
    const ticket = await this.deps.helpdesk.getTicket(opened.ticketId).catch((error: unknown) => {
      this.deps.logger.warn({ ticketId: opened.ticketId, err: error }, 'ticket not read back; posted as text');
      return undefined;
    });
    if (ticket) return void (await this.posts.post(ticket));
    const t = translatorFor(supportedLanguage(String(channel.reference['locale'] ?? '')) ?? 'fr');
    await this.deps.messenger.continueConversation(asConversationReference(channel.reference), async (context) => {
      await context.sendActivity(t('helpdesk:agent.urgentPosted', { ticketId: opened.ticketId, summary: opened.summary }));
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

/** What Teams puts in channelData when the bot is installed in a team (TeamsChannelData). */
interface TeamsInstallationData {
  team?: { id?: string; aadGroupId?: string };
  channel?: { id?: string };
  settings?: { selectedChannel?: { id?: string } };
}
