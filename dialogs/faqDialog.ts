import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { QuestionAnswerer } from './knowledge/questionAnswerer';
import { translatorOf } from './turn/turnAccess';
import { reportOutcome } from './turn/turnReport';
import { knowledgeChoicesCard } from './knowledge/knowledgeCards';
import { knowledgeReply, popularQuestions, sendKnowledgeReply } from './knowledge/knowledgeReply';
import { quotedUserText } from './quotedText';
import { readEntities } from './recognizer/entities/schemas';
import type { Recognition } from './recognizer/intents';

const STEPS = 'faq.steps';

/**
 * The questions people ask (what AL-in is, the unique number, renewal, the commission, documents…):
 * answered from the knowledge base with their source; when the base hesitates, the closest questions
 * as buttons; when it knows nothing, it says so rather than guess, and offers a person.
 */
export class FaqDialog extends ComponentDialog {
  constructor(private readonly knowledge: QuestionAnswerer) {
    super('faqDialog');
    this.addDialog(new WaterfallDialog(STEPS, [this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async answerStep(step: WaterfallStepContext<Recognition>) {
    const context = step.context;
    const t = translatorOf(context);
    const recognition = step.options;
    const { entry, topic } = readEntities(recognition.entities);
    // "Questions fréquentes" pressed: the questions themselves.
    const askedForTheList = recognition.score >= 1 && context.activity.value !== undefined && !entry && !topic;
    const reply = askedForTheList ? { kind: 'none' as const } : await knowledgeReply(this.knowledge, context, recognition);
    if (reply.kind !== 'none') {
      await sendKnowledgeReply(context, reply);
      return step.endDialog();
    }
    if (!askedForTheList) {
      reportOutcome(context, 'notUnderstood');
      await context.sendActivity(t('faqMenu:noAnswer', { text: quotedUserText(recognition.text, 80) }));
    }
    await context.sendActivity(MessageFactory.attachment(knowledgeChoicesCard(t, popularQuestions(this.knowledge, context), t('faqMenu:heading'))));
    return step.endDialog();
  }
}
