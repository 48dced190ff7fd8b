import { ConversationDataSchema, UserDataSchema, type ConversationData, type UserData } from './stateSchemas';

/**
 * The conversation and user documents of one turn, with the eTags they were read with. Saving writes
 * them back with those eTags, so a concurrent turn that saved first makes this save fail with an eTag
 * conflict instead of being silently overwritten (the SDK's BotState always writes with `*`).
 */
export class TurnState {
  constructor(
    readonly conversationKey: string,
    readonly userKey: string,
    public conversation: ConversationData,
    public user: UserData,
    readonly eTags: { conversation?: string; user?: string },
    readonly snapshots: { conversation: string; user: string },
  ) {}

  private forgotten = false;

  /**
   * "Delete my data": at the end of the turn the user's document and this conversation's document are
   * deleted instead of saved (the dialog stack and transcript go with them).
   */
  forgetEverything(): void {
    this.forgotten = true;
    this.user = UserDataSchema.parse({});
    this.conversation = ConversationDataSchema.parse({});
  }

  get isForgotten(): boolean {
    return this.forgotten;
  }
}
