import {
  ActivityHandler,
  MessageFactory,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from 'botbuilder';
import { submittedCard } from '../dialogs/cards/submittedCard';
import { isTicketVerb } from '../dialogs/cards/agentTicketCard';
import type { MainDialog } from '../dialogs/mainDialog';
import type { AgentDesk } from './helpdesk/agentDesk';
import type { ApplicantRelay } from './helpdesk/applicantRelay';
import { sendWelcome } from '../dialogs/welcome';
import { supportedLanguage } from '../dialogs/i18n';
import { proactiveReferenceOf } from './proactive/conversationReference';
import { translatorOf, turnStateOf } from '../dialogs/turn/turnAccess';

/**
 * Every route from an activity to the code that handles it:
 * - any activity → the conversation reference is refreshed (a changed serviceUrl breaks old ones)
 * - message from a helpdesk agent that is a command (queue/take/reply/close) → the agent desk
 * - typed message while an agent has this conversation's ticket → relayed to the agent ("fin" ends it)
 * - message (typed text, mentions removed, or a card's Action.Submit) → MainDialog; a submitted card
 *   is replaced by the choice made, so it cannot be submitted again
 * - invoke `adaptiveCard/action` with a `ticket.*` verb (an agent card's Prendre / Répondre / Clore, or
 *   Teams refreshing it) → the agent desk, which answers with the card as it now is
 * - invoke `adaptiveCard/action` (Teams Universal Actions) → MainDialog, and the card is refreshed
 * - conversationUpdate with members added, installationUpdate add → the welcome, once; in the
 *   helpdesk's Teams channel, its reference is kept for urgent tickets
 * - event `webchat/join` (Direct Line sends no conversationUpdate to Web Chat) → the welcome, once
 * - event `webchat/language` (the page's language toggle) → the user's language choice
 * - event `handoff.status` completed/failed (a contact-centre hub) → the bot resumes
 */
export class AlinBot extends ActivityHandler {
  constructor(
    private readonly mainDialog: MainDialog,
    private readonly helpdesk: { agentDesk: AgentDesk; applicantRelay: ApplicantRelay },
  ) {
    super();
    this.onTurn(async (context, next) => {
      rememberConversationReference(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      // In a group chat the bot is addressed as "<at>AL-in</at> aide": the mention is not the question.
      const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim();
      const forThePeople =
        (await this.helpdesk.agentDesk.handled(context, text)) || (!context.activity.value && (await this.helpdesk.applicantRelay.relayed(context, text)));
      if (!forThePeople) await this.mainDialog.run(context, { text, value: context.activity.value });
      await disableSubmittedCard(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const someoneArrived = (context.activity.membersAdded ?? []).length > 0;
      const botArrived = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
      if (isGroupConversation(context) ? botArrived : someoneArrived) await this.welcomeOnce(context);
      if (botArrived) await this.rememberHelpdeskChannel(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeOnce(context);
      await this.rememberHelpdeskChannel(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'webchat/join') await this.welcomeOnce(context);
      if (context.activity.name === 'webchat/language') await chooseLanguage(context, context.activity.value);
      if (context.activity.name === 'handoff.status') await endHandoff(context, context.activity.value);
      await next();
    });
  }

  /** Teams' own 👍 👎 under an answer (`message/submitAction`, its shape checked in bot/http/invokeShapes.ts). */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'message/submitAction') return super.onInvokeActivity(context);
    const reaction = (context.activity.value as { actionValue: { reaction: 'like' | 'dislike' } }).actionValue.reaction;
    await this.mainDialog.receivedTeamsFeedback(context, reaction);
    return { status: 200 };
  }

  /** Universal Actions: the action's data is handled like a submit, and the card comes back spent. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb;
    if (isTicketVerb(verb)) return this.helpdesk.agentDesk.cardAction(context, verb, invokeValue.action?.data);
    const data = invokeValue.action?.data ?? {};
    await this.mainDialog.run(context, { text: '', value: data });
    const card = submittedCard(translatorOf(context), labelOf(data));
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as Record<string, unknown> };
  }

  private async rememberHelpdeskChannel(context: TurnContext): Promise<void> {
    await this.helpdesk.applicantRelay.rememberHelpdeskChannel(context);
  }

  /**
   * In a personal chat the user is welcomed once, whichever of conversationUpdate and
   * installationUpdate comes first; a group or channel is welcomed once, not once per member.
   */
  private async welcomeOnce(context: TurnContext): Promise<void> {
    const state = turnStateOf(context);
    const record = isGroupConversation(context) ? state.conversation : state.user;
    if (record.welcomedAt) return;
    record.welcomedAt = new Date().toISOString();
    await sendWelcome(context);
  }
}

function rememberConversationReference(context: TurnContext): void {
  // Without the activity id the reference only changes when it must, so it costs no write per turn.
  const reference = proactiveReferenceOf(context.activity);
  const state = turnStateOf(context);
  // Only a personal conversation reaches the user alone; a group's reference belongs to the group.
  if (isGroupConversation(context)) state.conversation.reference = reference;
  else state.user.reference = reference;
}

/** Teams and the local bridge can replace the card; Direct Line in Azure cannot, which is harmless. */
async function disableSubmittedCard(context: TurnContext): Promise<void> {
  const { value, replyToId } = context.activity;
  if (!value || !replyToId) return;
  const updated = MessageFactory.attachment(submittedCard(translatorOf(context), labelOf(value)));
  updated.id = replyToId;
  await context.updateActivity(updated).catch(() => undefined);
}

function labelOf(value: unknown): string | undefined {
  const label = typeof value === 'object' && value !== null ? (value as { label?: unknown }).label : undefined;
  return typeof label === 'string' ? label.slice(0, 80) : undefined;
}

/** A contact-centre hub reports the handoff's end: the bot takes the conversation back. */
async function endHandoff(context: TurnContext, value: unknown): Promise<void> {
  const state = typeof value === 'object' && value !== null ? (value as { state?: unknown }).state : undefined;
  const conversation = turnStateOf(context).conversation;
  if ((state !== 'completed' && state !== 'failed') || !conversation.handoff) return;
  delete conversation.handoff;
  await context.sendActivity(translatorOf(context)('helpdesk:resumed'));
}

async function chooseLanguage(context: TurnContext, value: unknown): Promise<void> {
  const language = supportedLanguage(typeof value === 'object' && value !== null ? String((value as { language?: unknown }).language) : undefined);
  if (!language || turnStateOf(context).user.language === language) return;
  turnStateOf(context).user.language = language;
  await context.sendActivity(translatorOf(context)('language.switched'));
}

function isGroupConversation(context: TurnContext): boolean {
  const conversation = context.activity.conversation;
  return Boolean(conversation?.isGroup) || ['groupChat', 'channel'].includes(conversation?.conversationType ?? '');
}
