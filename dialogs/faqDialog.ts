import { MessageFactory, type Attachment } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Translate } from './i18n';
import { translatorOf } from './turn/turnAccess';
import { adaptiveCard, intentButton } from './cards/adaptiveCard';
import { FaqTopicSchema, readEntities, type FaqTopic } from './recognizer/entities/schemas';
import type { Recognition } from './recognizer/intents';

const STEPS = 'faq.steps';

/**
 * The questions people ask before anything else (what AL-in is, the unique number, the commission, the
 * 10 days to answer, renewal): a short answer with its source, from `locales/<language>/faq.json`. A
 * question the recognizer could not put a topic on gets the list of topics, as buttons.
 */
export class FaqDialog extends ComponentDialog {
  constructor() {
    super('faqDialog');
    this.addDialog(new WaterfallDialog(STEPS, [this.answerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async answerStep(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    const { topic } = readEntities(step.options.entities);
    await step.context.sendActivity(MessageFactory.attachment(topic ? faqAnswerCard(t, topic) : topicsCard(t)));
    return step.endDialog();
  }
}

/** The answer to one question, with its source: also given aside, in the middle of another task. */
export function faqAnswerCard(t: Translate, topic: FaqTopic): Attachment {
  const question = t(`faq:${topic}.question`);
  const answer = t(`faq:${topic}.answer`);
  const source = t('faqMenu:source', { source: t(`faq:${topic}.source`) });
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: question, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: answer, wrap: true },
      { type: 'TextBlock', text: source, wrap: true, isSubtle: true, size: 'Small' },
    ],
    actions: [intentButton(t('faqMenu:others'), 'faq')],
    fallbackText: [question, answer, source].join('\n'),
  });
}

function topicsCard(t: Translate): Attachment {
  const heading = t('faqMenu:heading');
  const questions = FaqTopicSchema.options.map((topic) => ({ topic, question: t(`faq:${topic}.question`) }));
  return adaptiveCard({
    body: [{ type: 'TextBlock', text: heading, weight: 'Bolder', wrap: true }],
    actions: questions.map(({ topic, question }) => intentButton(question, 'faq', { topic })),
    fallbackText: [heading, ...questions.map(({ question }) => `- ${question}`)].join('\n'),
  });
}
