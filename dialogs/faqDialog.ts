import { MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { QuestionAnswerer } from './knowledge/questionAnswerer';
import { languageOf, translatorOf } from './turn/turnAccess';
import { offerPersonCard } from './cards/offerPersonCard';
import { knowledgeChoicesCard } from './knowledge/knowledgeCards';
import { knowledgeReply, popularQuestions, sendKnowledgeReply } from './knowledge/knowledgeReply';
import { quotedUserText } from './quotedText';
import { readEntities } from './recognizer/entities/schemas';
import type { Recognition } from './recognizer/intents';
import type { AnswerFeedback } from './ports';

const STEPS = 'faq.steps';

/**
 * The questions people ask (what AL-in is, the unique number, renewal, the commission, documents…):
 * answered from the knowledge base with their source; when the base hesitates, the closest questions
 * as buttons; when it knows nothing, it says so rather than guess, and offers a person. "Utile ? 👍 👎"
 * under an answer comes back here and is kept.
 */
export class FaqDialog extends ComponentDialog {
  constructor(
    private readonly knowledge: QuestionAnswerer,
    private readonly feedback: AnswerFeedback,
  ) {
    super('faqDialog');
    this.addDialog(new WaterfallDialog(STEPS, [this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /**
   * "Utile ? 👍 👎" pressed: kept, thanked, and after 👎 a person offered. Also called by the main
   * dialog when the answer was given aside, in the middle of a task that must go on.
   */
  async receivedFeedback(context: TurnContext, recognition: Recognition): Promise<boolean> {
    const { feedback, entry } = readEntities(recognition.entities);
    if (!feedback || !entry) return false;
    const t = translatorOf(context);
    await this.feedback.record({ answer: entry, useful: feedback === 'useful', language: languageOf(context), channel: context.activity.channelId });
    await context.sendActivity(t(feedback === 'useful' ? 'faqMenu:thanksUseful' : 'faqMenu:thanksNotUseful'));
    if (feedback === 'notUseful') await context.sendActivity(MessageFactory.attachment(offerPersonCard(t)));
    return true;
  }

  private async answerStep(step: WaterfallStepContext<Recognition>) {
    const context = step.context;
    const t = translatorOf(context);
    const recognition = step.options;
    if (await this.receivedFeedback(context, recognition)) return step.endDialog();
    const { entry, topic } = readEntities(recognition.entities);
    // "Questions fréquentes" pressed: the questions themselves.
    const askedForTheList = recognition.score >= 1 && context.activity.value !== undefined && !entry && !topic;
    const reply = askedForTheList ? { kind: 'none' as const } : await knowledgeReply(this.knowledge, context, recognition);
    if (reply.kind !== 'none') {
      await sendKnowledgeReply(context, reply);
      return step.endDialog();
    }
    if (!askedForTheList) await context.sendActivity(t('faqMenu:noAnswer', { text: quotedUserText(recognition.text, 80) }));
    await context.sendActivity(MessageFactory.attachment(knowledgeChoicesCard(t, popularQuestions(this.knowledge, context), t('faqMenu:heading'))));
    return step.endDialog();
  }
}
