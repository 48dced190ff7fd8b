import { ActivityTypes, TurnContext, type Middleware } from 'botbuilder';
import { withDeadline } from '../../services/shared/deadline';
import type { Logger } from '../logger';

/**
 * "…is typing" while a turn works on a message: after `delayMs`, then every `periodMs`, until the turn
 * ends. Replaces the SDK's ShowTypingMiddleware, which handed a failed typing send to onTurnError —
 * after the turn had ended, on a revoked context: an unhandled rejection. Typing is cosmetic: a send
 * that fails or passes its deadline is logged and forgotten, never the turn's failure.
 */
export class TypingIndicator implements Middleware {
  constructor(
    private readonly logger: Logger,
    private readonly options: { delayMs: number; periodMs: number; timeoutMs: number },
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const schedule = (delayMs: number) => {
      timer = setTimeout(() => {
        if (finished) return;
        void this.sendTyping(context).then(() => {
          if (!finished) schedule(this.options.periodMs);
        });
      }, delayMs);
    };
    schedule(this.options.delayMs);
    try {
      await next();
    } finally {
      finished = true;
      clearTimeout(timer);
    }
  }

  private async sendTyping(context: TurnContext): Promise<void> {
    try {
      // Straight to the adapter, as the SDK does: a typing indicator is not a reply of the turn.
      const typing = TurnContext.applyConversationReference({ type: ActivityTypes.Typing }, TurnContext.getConversationReference(context.activity));
      await withDeadline(context.adapter.sendActivities(context, [typing]), this.options.timeoutMs, 'typing indicator');
    } catch (error) {
      this.logger.debug({ err: error }, 'typing indicator not sent');
    }
  }
}
