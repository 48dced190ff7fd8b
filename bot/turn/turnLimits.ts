import type { TurnContext } from 'botbuilder';
import type { AttemptLimiter } from '../../dialogs/ports';
import { languageOfTurn, translatorFor } from '../../dialogs/i18n';
import type { Coordinator } from '../coordination/coordinator';
import type { Logger } from '../logger';

export interface TurnLimiters {
  perUser: AttemptLimiter;
  perConversation: AttemptLimiter;
}

/** What a limit refused (metrics). */
export type TurnRefusal = 'user' | 'conversation';

/** The activities a person sends; the channel's own (conversationUpdate, typing…) are never counted. */
const COUNTED = new Set(['message', 'invoke']);

/** One "un instant" per conversation in this time, however many messages are refused. */
const NOTICE_EVERY_MS = 60_000;

/**
 * Turns per user and per conversation, across replicas: a flood from one user (a script, a stuck
 * client) is refused before it takes the conversation's lock or reads its state. The person gets one
 * calm sentence, once a minute; an invoke gets 429.
 */
export function limitTurns(
  limiters: TurnLimiters,
  coordinator: Coordinator,
  logger: Logger,
  onRefused: (refusal: TurnRefusal) => void,
  turn: (context: TurnContext) => Promise<void>,
): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    if (!COUNTED.has(activity.type)) return turn(context);
    const conversationKey = `${activity.channelId}:${activity.conversation.id}`;
    const refusal = await refusalOf(limiters, `${activity.channelId}:${activity.from.id}`, conversationKey);
    if (!refusal) return turn(context);
    onRefused(refusal);
    if (activity.type === 'invoke') {
      await context.sendActivity({ type: 'invokeResponse', value: { status: 429 } });
      return;
    }
    // Told (and logged) once a minute: a flood neither floods the person nor the logs; the metric counts each.
    if (await coordinator.claimOnce(`slowdown:${conversationKey}`, NOTICE_EVERY_MS)) {
      logger.warn({ limit: refusal }, 'turns refused by the rate limit');
      // No state was read: the language is the channel's.
      await context.sendActivity(translatorFor(languageOfTurn(activity.locale, undefined))('slowDown'));
    }
  };
}

async function refusalOf(limiters: TurnLimiters, userKey: string, conversationKey: string): Promise<TurnRefusal | undefined> {
  const [user, conversation] = await Promise.all([limiters.perUser.consume(userKey), limiters.perConversation.consume(conversationKey)]);
  if (!user.allowed) return 'user';
  if (!conversation.allowed) return 'conversation';
  return undefined;
}
