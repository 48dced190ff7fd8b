import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** Direct Line tokens last 30 minutes (Direct Line 3.0: `expires_in: 1800`). */
export const TOKEN_LIFETIME_SECONDS = 1800;

export interface TokenGrant {
  userId: string;
  conversationId: string;
  expiresAt: number;
}

export interface BridgeConversation {
  id: string;
  userId: string;
  activities: Partial<Activity>[];
  listeners: Set<(activity: Partial<Activity>, watermark: number) => void>;
}

const unguessable = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * The local Direct Line service's memory: conversations with their activity log (the watermark is an
 * index in it) and the tokens bound to a user and a conversation. Development only: one process.
 */
export class DirectLineStore {
  private readonly conversations = new Map<string, BridgeConversation>();
  private readonly tokens = new Map<string, TokenGrant>();

  /** A token for a user, bound to a new conversation or to one the same user already has. */
  issueToken(userId: string, conversationId?: string): { token: string; grant: TokenGrant } {
    const conversation = conversationId ? this.conversations.get(conversationId) : undefined;
    if (conversationId && (!conversation || conversation.userId !== userId)) throw new Error('conversation not found for this user');
    const id = conversation?.id ?? unguessable(18);
    if (!conversation) this.conversations.set(id, { id, userId, activities: [], listeners: new Set() });
    const token = unguessable(32);
    const grant = { userId, conversationId: id, expiresAt: Date.now() + TOKEN_LIFETIME_SECONDS * 1000 };
    this.tokens.set(token, grant);
    this.forgetExpiredTokens();
    return { token, grant };
  }

  grantOf(token: string | undefined): TokenGrant | undefined {
    const grant = token ? this.tokens.get(token) : undefined;
    return grant && grant.expiresAt > Date.now() ? grant : undefined;
  }

  conversation(id: string): BridgeConversation | undefined {
    return this.conversations.get(id);
  }

  /** Appends an activity to the conversation log, gives it an id and tells the streams. */
  append(conversation: BridgeConversation, activity: Partial<Activity>): Partial<Activity> {
    const watermark = conversation.activities.length;
    const stored = { ...activity, id: `${conversation.id}|${String(watermark).padStart(7, '0')}`, timestamp: new Date() };
    conversation.activities.push(stored);
    for (const listener of conversation.listeners) listener(stored, watermark + 1);
    return stored;
  }

  replace(conversation: BridgeConversation, activityId: string, activity: Partial<Activity>): boolean {
    const index = conversation.activities.findIndex((existing) => existing.id === activityId);
    if (index < 0) return false;
    conversation.activities[index] = { ...conversation.activities[index], ...activity, id: activityId };
    return true;
  }

  private forgetExpiredTokens(): void {
    const now = Date.now();
    for (const [token, grant] of this.tokens) if (grant.expiresAt <= now) this.tokens.delete(token);
  }
}
