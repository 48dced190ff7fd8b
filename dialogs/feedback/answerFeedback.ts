import { Channels, MessageFactory, type Activity, type Attachment, type TurnContext } from 'botbuilder';
import type { Translate } from '../i18n';
import { adaptiveCard, intentButton } from '../cards/adaptiveCard';
import { FEEDBACK_REASONS, type AnswerFeedback } from '../ports';
import { readEntities } from '../recognizer/entities/schemas';
import type { Recognition } from '../recognizer/intents';
import { languageOf, optionalTurnStateOf, translatorOf, turnStateOf } from '../turn/turnAccess';
import { reportOutcome } from '../turn/turnReport';

/**
 * "Utile ? 👍 👎" under the answers that end a task (a knowledge answer, an eligibility verdict, a
 * status). The press is kept per answer key, language, channel and day, never with the user or the
 * text; after 👎, one question: what was wrong (a choice, so nothing personal is typed), and a person.
 * Teams has feedback buttons of its own on bot messages: there, the answer's message asks Teams for them
 * and the card carries none.
 */

/** Whether the channel draws its own 👍 👎 under bot messages (Teams' feedback loop). */
function hasNativeFeedback(channelId: string): boolean {
  return channelId === Channels.Msteams;
}

/** The card lines that ask, or none where the channel asks itself. */
export function feedbackLines(t: Translate, channelId: string): Record<string, unknown>[] {
  return hasNativeFeedback(channelId) ? [] : [{ type: 'TextBlock', text: t('feedback:useful'), wrap: true, size: 'Small' }];
}

/** The 👍 and 👎 buttons of an answer card, or none where the channel draws its own. */
export function feedbackActions(channelId: string, answer: string): Record<string, unknown>[] {
  if (hasNativeFeedback(channelId)) return [];
  return [intentButton('👍', 'faq', { feedback: 'useful', answer }), intentButton('👎', 'faq', { feedback: 'notUseful', answer })];
}

/**
 * Sends the answer that ends a task: where the channel has feedback buttons of its own, they are asked
 * for; the answer is remembered for them, and the turn reported as answered.
 */
export async function sendAnswer(context: TurnContext, card: Attachment, answer: string): Promise<void> {
  const message: Partial<Activity> = MessageFactory.attachment(card);
  if (hasNativeFeedback(context.activity.channelId)) message.channelData = { ...(message.channelData as object | undefined), feedbackLoopEnabled: true };
  // A status that came after "I'm on it" is sent outside the turn: there is no turn state to write then.
  const state = optionalTurnStateOf(context);
  if (state) state.conversation.lastAnswer = answer;
  reportOutcome(context, 'answered', answer);
  await context.sendActivity(message);
}

/** After 👎: what was wrong, as buttons, and a person. */
function reasonsCard(t: Translate, answer: string): Attachment {
  return adaptiveCard({
    body: [{ type: 'TextBlock', text: t('feedback:thanksNotUseful'), wrap: true }],
    actions: [
      ...FEEDBACK_REASONS.map((reason) => intentButton(t(`feedback:reasons.${reason}`), 'faq', { feedbackReason: reason, answer })),
      intentButton(t('feedback:person'), 'helpdesk'),
    ],
    fallbackText: [t('feedback:thanksNotUseful'), ...FEEDBACK_REASONS.map((reason) => `- ${t(`feedback:reasons.${reason}`)}`)].join('\n'),
  });
}

/**
 * A 👍, a 👎 or a reason pressed: kept and thanked (in any step: the caller asks the step's question
 * again). False when the message is not feedback. Cards shown before answer keys existed send `entry`.
 */
export async function receivedFeedback(context: TurnContext, recognition: Recognition, store: AnswerFeedback): Promise<boolean> {
  const { feedback, feedbackReason, answer: answerKey, entry } = readEntities(recognition.entities);
  const answer = answerKey ?? entry;
  if (!answer || (!feedback && !feedbackReason)) return false;
  const t = translatorOf(context);
  const where = { answer, language: languageOf(context), channel: context.activity.channelId };
  if (feedbackReason) {
    await store.record({ ...where, reason: feedbackReason });
    await context.sendActivity(t('feedback:reasonThanks'));
    return true;
  }
  await store.record({ ...where, useful: feedback === 'useful' });
  if (feedback === 'useful') await context.sendActivity(t('feedback:thanksUseful'));
  else await context.sendActivity(MessageFactory.attachment(reasonsCard(t, answer)));
  return true;
}

/**
 * Teams' own 👍 👎 (the `message/submitAction` invoke): counted for the last answer of the conversation.
 * The comment Teams lets people type is not kept: it may hold anything.
 */
export async function receivedTeamsFeedback(context: TurnContext, reaction: 'like' | 'dislike', store: AnswerFeedback): Promise<void> {
  const answer = turnStateOf(context).conversation.lastAnswer ?? 'unknown';
  await store.record({ answer, useful: reaction === 'like', language: languageOf(context), channel: context.activity.channelId });
}
