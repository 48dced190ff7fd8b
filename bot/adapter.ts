import { CloudAdapter, type TurnContext } from 'botbuilder';
import { TypingIndicator } from './middleware/typingIndicator';
import { createChannelAuthentication } from './channelAuthentication';
import type { Config } from './config';
import type { Logger } from './logger';
import { DEFAULT_DELIVERY_OPTIONS, OutgoingDelivery } from './middleware/outgoingDelivery';
import { translatorOf } from '../dialogs/turn/turnAccess';

/**
 * The CloudAdapter: Bot Framework authentication when an app id is configured, none locally (Emulator
 * style). A typing indicator shows while a turn works (after 500 ms, every 2 s).
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(createChannelAuthentication(config.botAuthentication, config.replyTimeoutMs));
  adapter.use(new OutgoingDelivery(logger, { ...DEFAULT_DELIVERY_OPTIONS, timeoutMs: config.replyTimeoutMs }));
  adapter.use(new TypingIndicator(logger, { delayMs: 500, periodMs: 2000, timeoutMs: config.replyTimeoutMs }));
  adapter.onTurnError = (context, error) => apologise(context, error, logger);
  return adapter;
}

/**
 * The turn runner has already dropped the turn's replies and unsaved state; what is left is to tell the
 * user, in their language, and to log the failure without personal data.
 */
async function apologise(context: TurnContext, error: Error, logger: Logger): Promise<void> {
  const activity = context.activity;
  logger.error(
    { conversationId: `${activity.channelId}:${activity.conversation?.id}`, activityType: activity.type, err: error },
    'turn failed',
  );
  if (activity.type === 'invoke') {
    await context.sendActivity({ type: 'invokeResponse', value: { status: 500 } }).catch(() => undefined);
    return;
  }
  try {
    await context.sendActivity(translatorOf(context)('errors.turnFailed'));
  } catch (sendError) {
    logger.error({ conversationId: activity.conversation?.id, err: sendError }, 'could not send the apology');
  }
}
