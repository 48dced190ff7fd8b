import { ActivityHandler, type TurnContext } from 'botbuilder';
import type { MainDialog } from '../dialogs/mainDialog';
import { sendWelcome } from '../dialogs/welcome';
import { turnStateOf } from './turn/turnAccess';

/**
 * Every route from an activity to the code that handles it:
 * - message (typed text or a card submit) → MainDialog
 * - conversationUpdate with members added, installationUpdate add → the welcome, once
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

function isGroupConversation(context: TurnContext): boolean {
  const conversation = context.activity.conversation;
  return Boolean(conversation?.isGroup) || ['groupChat', 'channel'].includes(conversation?.conversationType ?? '');
}
