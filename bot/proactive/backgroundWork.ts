import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { BackgroundWork } from '../../dialogs/ports';
import { InFlight } from '../inFlight';
import type { Logger } from '../logger';
import { translatorOf } from '../../dialogs/turn/turnAccess';

/** Sends into an existing conversation outside of a turn (the SDK's proactive messaging). */
export interface ProactiveMessenger {
  continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export function adapterMessenger(adapter: CloudAdapter, appId: string | undefined): ProactiveMessenger {
  return {
    continueConversation: (reference, logic) => adapter.continueConversationAsync(appId ?? '', reference, logic),
  };
}

/**
 * The dialogs' `BackgroundWork`, on the adapter's proactive messages. Teams re-sends an activity after
 * ~15 s and Direct Line answers 502 sooner, so a turn must not wait.
 * A shutdown waits for the answers promised this way (`finished`): the user was told one would come.
 */
export class ProactiveBackgroundWork implements BackgroundWork {
  private readonly unfinished = new InFlight();

  constructor(
    private readonly messenger: ProactiveMessenger,
    private readonly budgetMs: number,
    private readonly logger: Logger,
  ) {}

  async answerWithinBudget<T>(
    context: TurnContext,
    work: () => Promise<T>,
    answer: (context: TurnContext, result: T) => Promise<void>,
    answerFailure: (context: TurnContext, error: unknown) => Promise<void>,
  ): Promise<void> {
    const running = work().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([running, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), this.budgetMs)))]);
    clearTimeout(timer);
    if (outcome) {
      if (outcome.ok) await answer(context, outcome.value);
      else await answerFailure(context, outcome.error);
      return;
    }

    await context.sendActivity(translatorOf(context)('slowWork.stillWorking'));
    const reference = TurnContext.getConversationReference(context.activity);
    const conversationId = reference.conversation?.id;
    void this.unfinished.track(() =>
      running.then((late) =>
        this.messenger
          .continueConversation(reference, (proactive) => (late.ok ? answer(proactive, late.value) : answerFailure(proactive, late.error)))
          .catch((error: unknown) => this.logger.error({ conversationId, err: error }, 'could not deliver the result of background work')),
      ),
    );
  }

  /** Resolves true once every promised answer was sent, false if some are still pending after `timeoutMs`. */
  finished(timeoutMs: number): Promise<boolean> {
    return this.unfinished.drained(timeoutMs);
  }
}
