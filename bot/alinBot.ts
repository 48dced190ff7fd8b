import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { MainDialog } from '../dialogs/mainDialog';
import { sendWelcome } from '../dialogs/welcome';
import { supportedLanguage } from './i18n';
import { translatorOf, turnStateOf } from './turn/turnAccess';

/**
 * Every route from an activity to the code that handles it:
 * - message (typed text or a card submit) → MainDialog
 * - conversationUpdate with members added, installationUpdate add → the welcome, once
 * - event `webchat/join` (Direct Line sends no conversationUpdate to Web Chat) → the welcome, once
 * - event `webchat/language` (the page's language toggle) → the user's language choice
 */
export class AlinBot extends ActivityHandler {
  constructor(private readonly mainDialog: MainDialog) {
    super();
    this.onMessage(async (context, next) => {
      await this.mainDialog.run(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const someoneArrived = (context.activity.membersAdded ?? []).length > 0;
      const botArrived = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
      if (isGroupConversation(context) ? botArrived : someoneArrived) await this.welcomeOnce(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcomeOnce(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'webchat/join') await this.welcomeOnce(context);
      if (context.activity.name === 'webchat/language') await chooseLanguage(context, context.activity.value);
      await next();
    });
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
