import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { languageOf, translatorOf, turnStateOf } from './turn/turnAccess';
import { privacyNoticeCard } from './cards/privacyNoticeCard';
import { answeredYes, yesNoOptions, yesNoPrompt } from './prompts/yesNoPrompt';
import type { Recognition } from './recognizer/intents';
import type { NotificationSubscriptions } from '../services/notifications/subscriptions';
import type { SavedSearchStore } from '../services/offers/savedSearches';

const STEPS = 'privacy.steps';
const CONFIRM = 'privacy.confirm';

/**
 * The user's control over their data: what the assistant keeps ("mes données"), unlink the number,
 * delete everything. Both changes are confirmed first.
 */
export class PrivacyDialog extends ComponentDialog {
  constructor(
    private readonly savedSearches: SavedSearchStore,
    private readonly notifications: NotificationSubscriptions,
  ) {
    super('privacyDialog');
    this.addDialog(yesNoPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(STEPS, [this.explainOrConfirmStep.bind(this), this.applyStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async explainOrConfirmStep(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    const link = turnStateOf(step.context).user.link;
    switch (step.options.intent) {
      case 'unlink':
        if (!link) {
          await step.context.sendActivity(t('privacy:unlink.notLinked'));
          return step.endDialog();
        }
        return step.prompt(CONFIRM, yesNoOptions(t, t('privacy:unlink.confirm', { maskedNur: link.maskedNur })));
      case 'deleteMyData':
        return step.prompt(CONFIRM, yesNoOptions(t, t('privacy:delete.confirm')));
      default:
        await step.context.sendActivity(MessageFactory.attachment(privacyNoticeCard(t, languageOf(step.context), Boolean(link))));
        return step.endDialog();
    }
  }

  private async applyStep(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    if (!answeredYes(step.result)) {
      await step.context.sendActivity(t('privacy:nothingChanged'));
      return step.endDialog();
    }
    const state = turnStateOf(step.context);
    // Notifications and the employer known are about the linked request: they stop with the link.
    if (state.user.link) await this.notifications.unsubscribe(state.user.link.applicantId, state.userKey);
    delete state.user.notifications;
    delete state.user.employerContributes;
    if (step.options.intent === 'unlink') {
      const maskedNur = state.user.link?.maskedNur ?? '';
      delete state.user.link;
      await step.context.sendActivity(t('privacy:unlink.done', { maskedNur }));
    } else {
      await this.savedSearches.deleteAllForUser(state.userKey);
      // Said before forgetting: the language choice goes with the rest.
      await step.context.sendActivity(t('privacy:delete.done'));
      state.forgetEverything();
    }
    return step.endDialog();
  }
}
