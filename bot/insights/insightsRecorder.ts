import type { Activity, TurnContext } from 'botbuilder';
import { isIntent } from '../../dialogs/recognizer/intents';
import { optionalTurnStateOf } from '../../dialogs/turn/turnAccess';
import { TURN_OUTCOMES, turnReportOf, type TurnOutcome } from '../../dialogs/turn/turnReport';
import type { CallEvent } from '../../services/http/jsonClient';
import type { Logger } from '../logger';
import { channelLabel } from '../metrics/botMetrics';
import { bucketOf, fields, type TurnKind } from './insightsFields';
import { dayOf, emptyBatch, isEmptyBatch, mergeBatch, type InsightsBatch, type InsightsStore } from './insightsStore';

type Turn = (context: TurnContext) => Promise<void>;

const OUTCOMES: ReadonlySet<TurnOutcome> = new Set(TURN_OUTCOMES);

/** Portal calls made outside any turn (background answers, alert checks) wait at most this long. */
const FLUSH_EVERY_MS = 30_000;
/** During a Redis outage every turn would fail to record: one warning a minute is enough. */
const WARN_EVERY_MS = 60_000;

/**
 * Which activities are turns for the insights: a message (typed, or a suggested action sent as text)
 * and a button pressed (a message carrying a card's `value`, Teams' `adaptiveCard/action` invoke, or its
 * own 👍 👎 under a message, `message/submitAction`). Typing,
 * conversationUpdate, events (`webchat/join`), other invokes and message reactions are the channel's
 * noise, not a person asking something. Activities the turn runner ignores (a redelivery, the same
 * card pressed twice) and turns refused by the rate limit are not counted either.
 */
export function turnKindOf(activity: Partial<Activity>): TurnKind | undefined {
  if (activity.type === 'message') return activity.value !== undefined && activity.value !== null ? 'cardSubmit' : 'message';
  if (activity.type === 'invoke' && (activity.name === 'adaptiveCard/action' || activity.name === 'message/submitAction')) return 'cardSubmit';
  return undefined;
}

/**
 * Feeds the insights aggregates: each counted turn (channel, kind, and from its report the intent and
 * outcome) together with the portal calls observed since the last write, in one round trip at the end
 * of the turn. Portal calls made outside turns are written by a timer. Recording never fails a turn:
 * a failed write is logged and its counts dropped.
 */
export class InsightsRecorder {
  private pending = emptyBatch();
  private readonly timer: NodeJS.Timeout;
  private lastWarningAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: InsightsStore,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
    flushEveryMs = FLUSH_EVERY_MS,
  ) {
    this.timer = setInterval(() => void this.flush(), flushEveryMs);
    this.timer.unref();
  }

  /** The turn function, recorded when it ends (failed turns too: the person still asked). */
  recordTurns(turn: Turn): Turn {
    return async (context) => {
      try {
        await turn(context);
      } finally {
        await this.recordTurn(context).catch((error: unknown) => this.warn(error));
      }
    };
  }

  /** For the portal clients' `observe` hook: one call per attempt. */
  observePortalCall(event: CallEvent): void {
    const increments = this.pending.increments;
    const add = (field: string) => increments.set(field, (increments.get(field) ?? 0) + 1);
    add(fields.portal(event.api, event.operation, 'count'));
    if (event.outcome !== 'ok') add(fields.portal(event.api, event.operation, 'failed'));
    const totalMs = fields.portal(event.api, event.operation, 'totalMs');
    const durationMs = Math.max(0, Math.round(event.durationMs));
    increments.set(totalMs, (increments.get(totalMs) ?? 0) + durationMs);
    add(fields.portal(event.api, event.operation, 'le', bucketOf(durationMs)));
    const maximum = fields.portal(event.api, event.operation);
    this.pending.maxima.set(maximum, Math.max(this.pending.maxima.get(maximum) ?? 0, durationMs));
  }

  /** Writes the portal calls observed since the last write. */
  async flush(): Promise<void> {
    await this.write(emptyBatch());
  }

  /** Stops the timer and writes what is pending. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async recordTurn(context: TurnContext): Promise<void> {
    const kind = turnKindOf(context.activity);
    // No state attached: the runner ignored the activity (delivered again, or the same card pressed twice).
    if (!kind || !optionalTurnStateOf(context)) return;
    const batch = emptyBatch();
    batch.increments.set(fields.turn(channelLabel(context.activity.channelId), kind), 1);
    const report = turnReportOf(context);
    if (isIntent(report.intent)) batch.increments.set(fields.intent(report.intent), 1);
    if (report.outcome && OUTCOMES.has(report.outcome)) batch.increments.set(fields.outcome(report.outcome), 1);
    await this.write(batch);
  }

  /** One round trip: `batch` with every pending portal call (stamped with today: a call a second before midnight may count for the next day). */
  private async write(batch: InsightsBatch): Promise<void> {
    const pending = this.pending;
    this.pending = emptyBatch();
    const all = mergeBatch(batch, pending);
    if (isEmptyBatch(all)) return;
    try {
      await this.store.add(dayOf(this.now()), all);
    } catch (error) {
      this.warn(error);
    }
  }

  private warn(error: unknown): void {
    if (performance.now() - this.lastWarningAt < WARN_EVERY_MS) return;
    this.lastWarningAt = performance.now();
    this.logger.warn({ err: error }, 'insights not recorded (the turn went on; these counts are lost)');
  }
}
