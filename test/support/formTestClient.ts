import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { MemoryCoordinator } from '../../bot/coordination/memoryCoordinator';
import type { Logger } from '../../bot/logger';
import { connectPortal, type PortalServices } from '../../bot/portalServices';
import { AtomicMemoryStorage } from '../../bot/storage/atomicMemoryStorage';
import { TurnRunner } from '../../bot/turn/turnRunner';
import { TurnStateStore } from '../../bot/turn/turnStateStore';
import type { DialogServices } from '../../dialogs/dialogServices';
import { featureDialogs } from '../../dialogs/featureDialogs';
import { MainDialog } from '../../dialogs/mainDialog';
import { NlpRecognizer } from '../../dialogs/recognizer/nlpRecognizer';
import { createLanguageService } from '../../services/language/createLanguageService';
import { allText } from './botHarness';
import { capturingLogger } from './silentLogger';

/**
 * The conversation's forms run in process with botbuilder-testing's DialogTestClient: the real main
 * dialog (real NLU model, real feature dialogs, real screening) over the portal simulator, without
 * HTTP, the channel or the bot around it. The HTTP conversation tests stay the end-to-end layer.
 *
 * How a turn goes:
 * - DialogTestClient's TestAdapter receives the message and runs its middleware;
 * - the bot's own TurnRunner (middleware here) loads the turn state from a memory store, attaches it to
 *   the context, holds the replies until the state is saved, saves it — as bot/ does for every turn;
 * - the client's root dialog is a thin wrapper that hands each message to MainDialog.run, which
 *   recognises it and continues or starts the feature dialogs (their stack lives in the turn state).
 *
 * The services the feature dialogs get are the very ones the app builds (createApp, whose feature-dialog
 * factory hook hands them over); the app itself is never put on a port.
 */
export class FormBot {
  private constructor(
    private readonly mainDialog: MainDialog,
    private readonly logger: Logger,
    private readonly app: App,
    private readonly portal: PortalServices,
  ) {}

  static async start(): Promise<FormBot> {
    const { logger } = capturingLogger('warn');
    // No PORTAL_BASE_URL: connectPortal starts the embedded simulator (PORT 0: on a free port).
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0' });
    const portal = await connectPortal(config, logger);
    const recognizer = await NlpRecognizer.create();
    let services: DialogServices | undefined;
    const app = await createApp(config, logger, portal, {
      recognizer,
      featureDialogs: (built) => {
        services = built;
        return featureDialogs(built);
      },
    });
    if (!services) throw new Error('createApp did not build the feature dialogs');
    const mainDialog = new MainDialog(recognizer, featureDialogs(services), createLanguageService(config.language), services.knowledge, {
      feedback: services.answerFeedback,
      misses: services.misses,
    });
    return new FormBot(mainDialog, logger, app, portal);
  }

  /** A new conversation with a user the bot has never met (its own state store). */
  conversation(): FormConversation {
    const runner = new TurnRunner(new TurnStateStore(new AtomicMemoryStorage(), this.logger), new MemoryCoordinator(), this.logger);
    const turnState: Middleware = { onTurn: (context: TurnContext, next: () => Promise<void>) => runner.run(context, () => next()) };
    return new FormConversation(new DialogTestClient('test', new MainDialogTurns(this.mainDialog), undefined, [turnState]));
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.portal.stop();
  }
}

/** What the user sees of one turn. */
export interface Reply {
  /** The messages the turn sent. */
  activities: Partial<Activity>[];
  /** Their visible text: texts, cards' text blocks, facts and buttons as `[title]`, suggested actions. */
  text: string;
  /** The titles of the suggested actions under the last message that has some. */
  suggestedActions: string[];
}

export class FormConversation {
  /** Every line of the conversation, for a failing test to show. */
  readonly transcript: string[] = [];

  constructor(private readonly client: DialogTestClient) {}

  /** Sends a typed message and returns what the turn showed. */
  async say(text: string, fields: Partial<Activity> = {}): Promise<Reply> {
    const activities: Partial<Activity>[] = [];
    // receiveActivity fills in the conversation, the user and the channel ("test"); no locale, as a web chat.
    let next: Partial<Activity> | undefined = await this.client.sendActivity({ type: 'message', text, ...fields });
    while (next) {
      if (next.type === 'message') activities.push(next);
      next = this.client.getNextReply();
    }
    const reply: Reply = {
      activities,
      text: allText(activities),
      suggestedActions: [...activities].reverse().find((activity) => activity.suggestedActions?.actions?.length)?.suggestedActions?.actions.map((action) => action.title) ?? [],
    };
    this.transcript.push(`user: ${text}`, ...reply.text.split('\n').map((line) => `  bot: ${line}`));
    return reply;
  }
}

/** One turn of a row: what the user types, what the user must then see (each text, in this turn's replies), and
 * optionally the suggested actions under the question (exactly) and texts that must not be shown. */
export type Step = readonly [said: string, sees: string | readonly string[], more?: { buttons?: readonly string[]; not?: readonly string[] }];

/**
 * Plays a row in a new conversation, turn by turn; at the first turn that does not show what it must, fails
 * with what was missing and the whole conversation so far. No-break spaces (French typography, Intl's
 * thousands) read as spaces: the locale tests check typography, these check what was understood.
 */
export async function play(conversation: FormConversation, steps: readonly Step[]): Promise<void> {
  for (const [said, sees, more] of steps) {
    const reply = await conversation.say(said);
    const seen = plainSpaces(reply.text);
    const faults = [
      ...[sees].flat().filter((text) => !seen.includes(plainSpaces(text))).map((text) => `missing: ${text}`),
      ...(more?.not ?? []).filter((text) => seen.includes(plainSpaces(text))).map((text) => `shown although it must not be: ${text}`),
    ];
    if (more?.buttons && JSON.stringify(reply.suggestedActions) !== JSON.stringify(more.buttons)) {
      faults.push(`suggested actions: ${JSON.stringify(reply.suggestedActions)} instead of ${JSON.stringify(more.buttons)}`);
    }
    if (faults.length > 0) throw new Error(`After "${said}":\n  ${faults.join('\n  ')}\n\nThe conversation:\n${conversation.transcript.join('\n')}`);
  }
}

function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/**
 * The client's root dialog: every message goes to MainDialog.run, as AlinBot sends it (trimmed), and
 * the wrapper stays open so the next message comes back here.
 */
class MainDialogTurns extends Dialog {
  constructor(private readonly mainDialog: MainDialog) {
    super('formTestClient.turns');
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.continueDialog(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { text, value } = dc.context.activity;
    await this.mainDialog.run(dc.context, { text: (text ?? '').trim(), value });
    return Dialog.EndOfTurn;
  }
}
