import { MessageFactory, type TurnContext } from 'botbuilder';
import { translatorOf } from './turn/turnAccess';
import { menuFor } from './cards/menuCard';

/** What the assistant says first: who it is, what it can do (as buttons), and the privacy notice. */
export async function sendWelcome(context: TurnContext): Promise<void> {
  const t = translatorOf(context);
  await context.sendActivity(MessageFactory.text(`${t('welcome.title')}\n\n${t('welcome.body')}\n\n${t('welcome.privacy')}`));
  await context.sendActivity(MessageFactory.attachment(menuFor(context, t('welcome.prompt'))));
}
