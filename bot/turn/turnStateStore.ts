import { SpanKind } from '@opentelemetry/api';
import type { Activity, Storage } from 'botbuilder';
import { inSpan } from '../../services/shared/tracing';
import type { Logger } from '../logger';
import { ConversationDataSchema, UserDataSchema } from '../../dialogs/turn/stateSchemas';
import { TurnState } from '../../dialogs/turn/turnState';

export function stateKeysOf(activity: Partial<Activity>): { conversationKey: string; userKey: string } {
  const channel = activity.channelId ?? 'unknown';
  const userId = activity.from?.aadObjectId ?? activity.from?.id ?? 'anonymous';
  return {
    conversationKey: `conversation:${channel}:${activity.conversation?.id ?? 'none'}`,
    // ARCHITECTURE.md "Identity": the user key is channelId + ':' + (aadObjectId ?? id).
    userKey: `user:${channel}:${userId}`,
  };
}

// A document read as absent is written back with an eTag no stored document has: the store accepts
// any eTag for a new key, and raises a conflict when a concurrent turn created the key first.
const NOT_YET_STORED = 'not-yet-stored';

export class TurnStateStore {
  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {}

  /** One storage read for both documents. */
  async load(activity: Partial<Activity>): Promise<TurnState> {
    const { conversationKey, userKey } = stateKeysOf(activity);
    // The span says how long the read took, never which keys (they name the user).
    const items = await inSpan('alin.state.load', { kind: SpanKind.CLIENT }, () => this.storage.read([conversationKey, userKey]));
    const conversationItem = items[conversationKey] as Record<string, unknown> | undefined;
    const userItem = items[userKey] as Record<string, unknown> | undefined;
    const conversation = this.parseOrReset(ConversationDataSchema, conversationItem, 'conversation');
    const user = this.parseOrReset(UserDataSchema, userItem, 'user');
    return new TurnState(
      conversationKey,
      userKey,
      conversation,
      user,
      { conversation: eTagOf(conversationItem), user: eTagOf(userItem) },
      { conversation: JSON.stringify(conversation), user: JSON.stringify(user) },
    );
  }

  /** One storage write of the documents that changed, conditional on the eTags read. */
  async save(state: TurnState): Promise<void> {
    if (state.isForgotten) {
      await inSpan('alin.state.save', { kind: SpanKind.CLIENT, attributes: { 'alin.state.deleted': true } }, () => this.storage.delete([state.conversationKey, state.userKey]));
      return;
    }
    const changes: Record<string, Record<string, unknown>> = {};
    const conversationJson = JSON.stringify(state.conversation);
    const userJson = JSON.stringify(state.user);
    if (conversationJson !== state.snapshots.conversation) {
      changes[state.conversationKey] = { ...state.conversation, eTag: state.eTags.conversation ?? NOT_YET_STORED };
    }
    if (userJson !== state.snapshots.user) {
      changes[state.userKey] = { ...state.user, eTag: state.eTags.user ?? NOT_YET_STORED };
    }
    const documents = Object.keys(changes).length;
    if (documents === 0) return;
    await inSpan('alin.state.save', { kind: SpanKind.CLIENT, attributes: { 'alin.state.documents': documents } }, () => this.storage.write(changes));
  }

  /**
   * After a failed turn: removes the dialog stack so the next message starts afresh, and returns the
   * state as stored (what the failed turn changed in memory is gone).
   */
  async resetDialog(activity: Partial<Activity>): Promise<TurnState> {
    const state = await this.load(activity);
    if (state.conversation.dialogState === undefined) return state;
    delete state.conversation.dialogState;
    await this.save(state);
    return this.load(activity);
  }

  private parseOrReset<T>(
    schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
    item: Record<string, unknown> | undefined,
    scope: string,
  ): T {
    const { eTag: _eTag, ...document } = item ?? {};
    const parsed = schema.safeParse(document);
    if (parsed.success) return parsed.data;
    // A document this version cannot read starts afresh rather than failing every turn.
    this.logger.warn({ scope }, 'stored state did not match its schema; starting afresh');
    const empty = schema.safeParse({});
    if (!empty.success) throw new Error(`empty ${scope} state does not parse`);
    return empty.data;
  }
}

function eTagOf(item: Record<string, unknown> | undefined): string | undefined {
  return typeof item?.eTag === 'string' ? item.eTag : undefined;
}
