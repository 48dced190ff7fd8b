import { createHash } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import type { Activity, TurnContext } from 'botbuilder';
import { redactText } from '../../services/privacy/redact';
import { inSpan } from '../../services/shared/tracing';
import { sleep, type Coordinator } from '../coordination/coordinator';
import type { Logger } from '../logger';
import { isETagConflict } from '../storage/etagConflict';
import { HeldReplies } from './heldReplies';
import { PROCESSED_ACTIVITY_IDS, TRANSCRIPT_BYTES, TRANSCRIPT_LENGTH, type TranscriptLine } from '../../dialogs/turn/stateSchemas';
import { attachTurnState, detachTurnState } from '../../dialogs/turn/turnAccess';
import type { TurnState } from '../../dialogs/turn/turnState';
import type { TurnStateStore } from './turnStateStore';

export interface TurnRunnerOptions {
  /** Longest a turn may hold its conversation; turns are meant to end well within 10 s. */
  lockTtlMs: number;
  /** Longest a turn waits for the previous turn of its conversation. */
  lockWaitMs: number;
  /** Runs of one turn when its save meets an eTag conflict. */
  maxAttempts: number;
  /** A second press of the same card button within this time is a double click, not a new request. */
  doubleSubmitMs: number;
}

/** What the turn runner reports as it goes (metrics). */
export interface TurnRunnerEvents {
  etagConflict?(): void;
  duplicateActivity?(): void;
  repliesUndelivered?(): void;
}

export const DEFAULT_TURN_RUNNER_OPTIONS: TurnRunnerOptions = {
  lockTtlMs: 15_000,
  lockWaitMs: 10_000,
  maxAttempts: 5,
  doubleSubmitMs: 5_000,
};

/**
 * Runs one turn so that concurrent replicas neither lose updates nor answer twice:
 * 1. turns of one conversation run one after the other (a lock across replicas);
 * 2. state is read once (behind the lock request) and written once with the eTags it was read with;
 *    on a conflict (the lock expired, or the same user talks in two conversations) the turn runs again
 *    on fresh state;
 * 3. an activity delivered twice is processed once: its id is saved with the state it produced, so a
 *    redelivery finds it and is ignored — while a turn that never saved (the replica crashed, the turn
 *    failed) left no trace, and its redelivery is processed;
 * 4. replies are held until the state is saved, and dropped if the turn fails.
 */
export class TurnRunner {
  constructor(
    private readonly store: TurnStateStore,
    private readonly coordinator: Coordinator,
    private readonly logger: Logger,
    private readonly options: TurnRunnerOptions = DEFAULT_TURN_RUNNER_OPTIONS,
    private readonly events: TurnRunnerEvents = {},
  ) {}

  async run(context: TurnContext, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = context.activity;
    const conversationId = `${activity.channelId}:${activity.conversation?.id}`;
    const submitKey = cardSubmitKey(activity, conversationId);
    if (submitKey && !(await this.coordinator.claimOnce(submitKey, this.options.doubleSubmitMs))) {
      this.logger.info({ conversationId }, 'same card submitted twice; second ignored');
      return;
    }

    // The state is read behind the lock request: when the conversation is free, one round trip for both.
    // The lock's span covers the wait (its read is a child of it).
    const { release: unlock, readAtLock } = await inSpan('alin.lock', { kind: SpanKind.CLIENT }, async (span) => {
      const locked = await this.coordinator.lockThenRead(`conversation:${conversationId}`, this.options.lockTtlMs, this.options.lockWaitMs, () => this.store.load(activity));
      span.setAttributes({ 'alin.lock.acquired': locked.release !== undefined, 'alin.lock.read_with_lock': locked.readAtLock !== undefined });
      return locked;
    });
    if (!unlock) this.logger.warn({ conversationId }, 'conversation lock not acquired in time; relying on eTags');
    const replies = new HeldReplies(context);
    try {
      if ((await this.runUntilSaved(context, logic, replies, conversationId, readAtLock)) === 'alreadyProcessed') {
        this.logger.info({ conversationId, activityType: activity.type }, 'duplicate activity ignored');
        this.events.duplicateActivity?.();
        replies.discard();
        if (activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: { status: 200 } });
        return;
      }
      await this.deliver(replies, conversationId);
    } catch (error) {
      replies.discard();
      // A failed turn leaves no trace: pressing the same button again is a new try, not a double click.
      if (submitKey) await this.coordinator.releaseClaim(submitKey).catch(() => undefined);
      // The apology that follows must read the state as stored, not as the failed turn left it in memory.
      detachTurnState(context);
      try {
        attachTurnState(context, await this.store.resetDialog(activity));
      } catch (resetError) {
        this.logger.error({ conversationId, err: resetError }, 'could not reset the dialog after a failed turn');
      }
      throw error;
    } finally {
      await unlock?.().catch((unlockError: unknown) => this.logger.warn({ conversationId, err: unlockError }, 'lock release failed'));
    }
  }

  /**
   * The state is saved: replies the channel would not take (refused, or no answer within the delivery
   * deadline) are dropped and counted. The turn is not failed for it: what it decided stays, and the
   * next message finds the conversation where it was.
   */
  private async deliver(replies: HeldReplies, conversationId: string): Promise<void> {
    try {
      await replies.release();
    } catch (error) {
      this.logger.error({ conversationId, err: error }, 'replies not delivered; dropped');
      this.events.repliesUndelivered?.();
    }
  }

  private async runUntilSaved(
    context: TurnContext,
    logic: (context: TurnContext) => Promise<void>,
    replies: HeldReplies,
    conversationId: string,
    readAtLock: TurnState | undefined,
  ): Promise<'saved' | 'alreadyProcessed'> {
    const activityId = context.activity.id;
    for (let attempt = 1; ; attempt++) {
      const state = attempt === 1 && readAtLock ? readAtLock : await this.store.load(context.activity);
      if (activityId && state.conversation.processedActivityIds.includes(activityId)) return 'alreadyProcessed';
      attachTurnState(context, state);
      replies.hold();
      await logic(context);
      if (!state.isForgotten) {
        appendTranscript(state, context.activity, replies.pending);
        if (activityId) rememberProcessed(state, activityId);
      }
      try {
        await this.store.save(state);
        return 'saved';
      } catch (error) {
        if (!isETagConflict(error)) throw error;
        this.events.etagConflict?.();
        if (attempt >= this.options.maxAttempts) throw error;
        this.logger.info({ conversationId, attempt }, 'state changed during the turn; running it again');
        // Jitter spreads replicas that collided so they do not collide again on the next run.
        await sleep(Math.random() * 20 * attempt);
      }
    }
  }
}

/** The same values submitted from the same card (Teams and the Emulator set replyToId on a submit). */
function cardSubmitKey(activity: Partial<Activity>, conversationId: string): string | undefined {
  if (activity.type !== 'message' || !activity.value || !activity.replyToId) return undefined;
  const fingerprint = createHash('sha256').update(JSON.stringify(activity.value)).digest('base64url').slice(0, 16);
  return `submit:${conversationId}:${activity.replyToId}:${fingerprint}`;
}

function rememberProcessed(state: TurnState, activityId: string): void {
  state.conversation.processedActivityIds = [...state.conversation.processedActivityIds, activityId].slice(-PROCESSED_ACTIVITY_IDS);
}

function appendTranscript(state: TurnState, incoming: Partial<Activity>, replies: readonly Partial<Activity>[]): void {
  const at = new Date().toISOString();
  const lines: TranscriptLine[] = [];
  const userText = incoming.type === 'message' ? incoming.text?.trim() : undefined;
  if (userText) lines.push({ from: 'user', text: redactText(userText), at });
  for (const reply of replies) {
    if (reply.type === 'message' && reply.text) lines.push({ from: 'bot', text: redactText(reply.text), at });
  }
  if (lines.length === 0) return;
  const kept = [...state.conversation.transcript, ...lines].slice(-TRANSCRIPT_LENGTH);
  // Bounded in bytes too: the oldest lines go first; a last line longer than the bound on its own is cut
  // (to an eighth of it in characters: one takes at most 6 bytes in JSON, with the line's other fields).
  const bytesOf = (line: TranscriptLine) => Buffer.byteLength(JSON.stringify(line));
  let bytes = kept.reduce((sum, line) => sum + bytesOf(line), 0);
  while (kept.length > 1 && bytes > TRANSCRIPT_BYTES) bytes -= bytesOf(kept.shift()!);
  const [only] = kept;
  if (only && bytes > TRANSCRIPT_BYTES) kept[0] = { ...only, text: [...only.text].slice(0, TRANSCRIPT_BYTES / 8).join('') };
  state.conversation.transcript = kept;
}
