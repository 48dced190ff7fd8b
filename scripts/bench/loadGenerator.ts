import type { Activity } from 'botbuilder';
import { channelActivity, postActivity, type LocalChannel } from '../../bot/channels/localChannel';
import type { ConversationScript, UserActivity } from './conversationScripts';

/**
 * Plays many Web Chat users at once against one bot, over HTTP, in a closed loop: each of `concurrency`
 * workers runs conversations one turn after the other, with no pause. A turn's latency runs from the
 * POST to /api/messages to the arrival at the channel of the turn's last message (matched by
 * replyToId). The bot holds a turn's replies until its state is saved and answers the POST only once
 * every reply was delivered, so at that point every reply of the turn has arrived.
 */
export interface TurnResult {
  status: number;
  replies: Partial<Activity>[];
  latencyMs: number;
}

export interface TurnFailure {
  script: string;
  step: number;
  status: number;
  seen: string;
}

export interface DriveResult {
  turns: number;
  conversations: number;
  elapsedMs: number;
  latenciesMs: number[];
  failures: number;
  failureExamples: TurnFailure[];
}

export interface DrivePlan {
  concurrency: number;
  scriptFor: (conversationNumber: number) => ConversationScript;
  /** Starts no new conversation once this many were started since the generator was created. */
  untilConversations?: number;
  /** Starts no new turn after this instant (performance.now()). */
  untilTime?: number;
}

/** The user a worker plays in linked-user scripts: linked once before the measures. */
export const linkedUserId = (worker: number) => `bench-linked-${worker}`;

export class LoadGenerator {
  private started = 0;
  private readonly turnsInFlight = new Map<string, { replies: Partial<Activity>[]; lastReplyAt: number }>();

  constructor(
    private readonly botUrl: string,
    private readonly channel: LocalChannel,
    private readonly runId: string,
    /** Whether the replies must show what each step expects (the assistant), or just exist (the echo bot). */
    private readonly checkReplies: boolean,
  ) {
    channel.onActivity((_conversationId, activity) => {
      const turn = activity.type === 'message' && activity.replyToId ? this.turnsInFlight.get(activity.replyToId) : undefined;
      if (!turn) return;
      turn.replies.push(activity);
      turn.lastReplyAt = performance.now();
    });
  }

  /** Conversations started so far. */
  get conversations(): number {
    return this.started;
  }

  /** One turn: posts the user's activity and returns the replies it produced. */
  async turn(conversationId: string, userId: string, fields: UserActivity): Promise<TurnResult> {
    const activity = channelActivity(this.channel.serviceUrl, conversationId, { ...fields, locale: 'fr-FR', from: { id: userId, name: 'User', role: 'user' } }, 'directline');
    const id = activity.id!;
    const turn = { replies: [] as Partial<Activity>[], lastReplyAt: 0 };
    this.turnsInFlight.set(id, turn);
    const sentAt = performance.now();
    try {
      const status = await postActivity(this.botUrl, activity);
      const answeredAt = performance.now();
      return { status, replies: turn.replies, latencyMs: (turn.replies.length > 0 ? turn.lastReplyAt : answeredAt) - sentAt };
    } finally {
      this.turnsInFlight.delete(id);
    }
  }

  async drive(plan: DrivePlan): Promise<DriveResult> {
    const result: DriveResult = { turns: 0, conversations: 0, elapsedMs: 0, latenciesMs: [], failures: 0, failureExamples: [] };
    const startedAt = performance.now();
    const timeLeft = () => plan.untilTime === undefined || performance.now() < plan.untilTime;
    const conversationsLeft = () => plan.untilConversations === undefined || this.started < plan.untilConversations;

    const worker = async (index: number) => {
      while (timeLeft() && conversationsLeft()) {
        const number = this.started++;
        result.conversations++;
        const script = plan.scriptFor(number);
        const conversationId = `${this.runId}-${number}`;
        const userId = script.linkedUser ? linkedUserId(index) : `user-${conversationId}`;
        let previous: Partial<Activity>[] = [];
        for (const [step, { sends, shows }] of script.steps.entries()) {
          if (!timeLeft()) break;
          const { status, replies, latencyMs } = await this.turn(conversationId, userId, sends(previous));
          result.turns++;
          result.latenciesMs.push(latencyMs);
          const answered = status === 200 && replies.length > 0;
          if (!answered || (this.checkReplies && shows && !shows.test(JSON.stringify(replies)))) {
            result.failures++;
            if (result.failureExamples.length < 5) result.failureExamples.push({ script: script.name, step, status, seen: excerpt(replies) });
          }
          previous = replies;
        }
        this.channel.forget(conversationId);
      }
    };
    await Promise.all(Array.from({ length: plan.concurrency }, (_, index) => worker(index)));
    result.elapsedMs = performance.now() - startedAt;
    return result;
  }
}

function excerpt(replies: Partial<Activity>[]): string {
  if (replies.length === 0) return '(no reply)';
  return replies
    .map((reply) => reply.text || JSON.stringify(reply.attachments ?? []))
    .join(' | ')
    .slice(0, 240);
}
