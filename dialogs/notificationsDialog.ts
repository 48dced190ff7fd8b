import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { translatorOf, turnStateOf } from './turn/turnAccess';
import type { NotificationSubscriptions } from '../services/notifications/subscriptions';
import { answeredYes, yesNoOptions, yesNoPrompt } from './prompts/yesNoPrompt';
import type { Recognition } from './recognizer/intents';

const STEPS = 'notifications.steps';
const CONFIRM = 'notifications.confirm';

type Choice = 'on' | 'off' | 'declined';

// "désactiver" holds "activer": the words that turn them off are looked for first.
const OFF_WORDS = /\b(arr[eê]t|d[ée]sactiv|stop|ne plus|plus de|turn off|disable|unsubscribe|no more|any more)/i;
const ON_WORDS = /\b(activ|r[ée]activ|pr[ée]ven|avert|turn on|enable|subscribe|notify me|tell me)/i;

/**
 * Messages about the linked dossier, on or off: a button ("Oui, prévenez-moi", "Ne plus être prévenu"),
 * a clear sentence ("arrêter les notifications") or, for a bare "notifications", the current state and a
 * question. The user's document holds the choice; the subscription index follows it.
 */
export class NotificationsDialog extends ComponentDialog {
  constructor(private readonly subscriptions: NotificationSubscriptions) {
    super('notificationsDialog');
    this.addDialog(yesNoPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(STEPS, [this.decideStep.bind(this), this.confirmedStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async decideStep(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    const user = turnStateOf(step.context).user;
    if (!user.link) {
      await step.context.sendActivity(t('notifications:needLink'));
      return step.endDialog();
    }
    const choice = choiceOf(step.options);
    if (choice) {
      await this.apply(step.context, choice);
      return step.endDialog();
    }
    const enabled = user.notifications?.enabled === true;
    return step.prompt(CONFIRM, yesNoOptions(t, t(enabled ? 'notifications:askDisable' : 'notifications:askEnable')));
  }

  private async confirmedStep(step: WaterfallStepContext<Recognition>) {
    if (!answeredYes(step.result)) {
      await step.context.sendActivity(translatorOf(step.context)('notifications:unchanged'));
      return step.endDialog();
    }
    await this.apply(step.context, turnStateOf(step.context).user.notifications?.enabled ? 'off' : 'on');
    return step.endDialog();
  }

  private async apply(context: TurnContext, choice: Choice): Promise<void> {
    const state = turnStateOf(context);
    const applicantId = state.user.link!.applicantId;
    const enabled = choice === 'on';
    state.user.notifications = { enabled, changedAt: new Date().toISOString() };
    if (enabled) await this.subscriptions.subscribe(applicantId, state.userKey);
    else await this.subscriptions.unsubscribe(applicantId, state.userKey);
    const t = translatorOf(context);
    await context.sendActivity(t({ on: 'notifications:subscribed', off: 'notifications:unsubscribed', declined: 'notifications:declined' }[choice]));
  }
}

function choiceOf(recognition: Recognition): Choice | undefined {
  const fromButton = recognition.entities.choice;
  if (fromButton === 'on' || fromButton === 'off' || fromButton === 'declined') return fromButton;
  if (OFF_WORDS.test(recognition.text)) return 'off';
  if (ON_WORDS.test(recognition.text)) return 'on';
  return undefined;
}
