import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';

/**
 * Where a later, proactive message to this conversation goes. Without the activity id (a proactive
 * message is not a reply), so the reference only changes when the conversation's address does.
 */
export function proactiveReferenceOf(activity: Partial<Activity>): Record<string, unknown> {
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(activity);
  return reference as Record<string, unknown>;
}

export function asConversationReference(stored: Record<string, unknown>): Partial<ConversationReference> {
  return stored as Partial<ConversationReference>;
}
