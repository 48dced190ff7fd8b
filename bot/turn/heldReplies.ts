import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';

/**
 * Holds a turn's replies until its state is saved: if the save fails (eTag conflict, storage down),
 * the user has not been told something the bot then forgot. Typing indicators go out at once.
 */
export class HeldReplies {
  private held: Partial<Activity>[] = [];
  private holding = false;

  constructor(private readonly context: TurnContext) {
    context.onSendActivities(async (_context, activities, next) => {
      if (!this.holding || activities.every((activity) => activity.type === 'typing')) return next();
      this.held.push(...activities);
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
  }

  hold(): void {
    this.held = [];
    this.holding = true;
  }

  /** What the turn tried to send so far. */
  get pending(): readonly Partial<Activity>[] {
    return this.held;
  }

  discard(): void {
    this.held = [];
    this.holding = false;
  }

  async release(): Promise<void> {
    const replies = this.held;
    this.discard();
    if (replies.length > 0) await this.context.sendActivities(replies);
  }
}
