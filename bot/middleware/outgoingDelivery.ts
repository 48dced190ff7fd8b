import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import { sleep } from '../coordination/coordinator';
import type { Logger } from '../logger';
import { withDeadline } from '../../services/shared/deadline';

/** Teams refuses messages over ~28 KB (Bot Framework limit on Teams); the other channels allow more. */
export const MAX_MESSAGE_BYTES = 28 * 1024;

export interface DeliveryOptions {
  /** Longest one send to the channel may take: a channel that never answers does not hold the turn. */
  timeoutMs: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = { timeoutMs: 10_000, maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4000 };

/**
 * Every outgoing activity, in a turn or proactive, goes through here:
 * - a message too large for Teams is sent as its text fallback (or split), never refused;
 * - 429 (throttled, honouring Retry-After), 412 and 503 are retried with exponential backoff and
 *   jitter; 502/504 only for typing indicators, since a message may have been delivered already;
 * - each send has a deadline: past it the send fails (DeadlineExceeded), and is not retried (the
 *   channel may have it), so a turn never waits on a channel that does not answer.
 */
export class OutgoingDelivery implements Middleware {
  constructor(
    private readonly logger: Logger,
    private readonly options: DeliveryOptions = DEFAULT_DELIVERY_OPTIONS,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_context, activities, send) => {
      const sized = activities.flatMap((activity) => withinSizeLimit(activity, this.logger));
      activities.splice(0, activities.length, ...sized);
      return this.withRetries(send, activities);
    });
    await next();
  }

  private async withRetries(send: () => Promise<ResourceResponse[]>, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const onlyTyping = activities.every((activity) => activity.type === 'typing');
    for (let attempt = 1; ; attempt++) {
      try {
        return await withDeadline(send(), this.options.timeoutMs, 'sending to the channel');
      } catch (error) {
        const status = statusOf(error);
        const retryable = status === 429 || status === 412 || status === 503 || (onlyTyping && (status === 502 || status === 504));
        if (!retryable || attempt >= this.options.maxAttempts) throw error;
        const backoff = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempt - 1));
        const delay = Math.max(retryAfterMs(error) ?? 0, backoff / 2 + Math.random() * (backoff / 2));
        this.logger.warn({ status, attempt, delayMs: Math.round(delay) }, 'channel refused a send; retrying');
        await sleep(delay);
      }
    }
  }
}

function withinSizeLimit(activity: Partial<Activity>, logger: Logger): Partial<Activity>[] {
  if (activity.type !== 'message' || !overSizeLimit(activity)) return [activity];
  const fallbacks = (activity.attachments ?? [])
    .map((attachment) => (attachment.content as { fallbackText?: string } | undefined)?.fallbackText)
    .filter((text): text is string => Boolean(text));
  const text = [activity.text, ...fallbacks].filter(Boolean).join('\n\n');
  logger.warn({ bytes: byteLength(activity) }, 'message over the channel size limit sent as text');
  const chunks = splitText(text, Math.floor(MAX_MESSAGE_BYTES / 4));
  return chunks.map((chunk, index) => ({ ...activity, attachments: undefined, text: chunk, ...(index > 0 ? { id: undefined } : {}) }));
}

function splitText(text: string, maxChars: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const cut = Math.max(rest.lastIndexOf('\n', maxChars), rest.lastIndexOf(' ', maxChars));
    const at = cut > maxChars / 2 ? cut : maxChars;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  return [...chunks, rest];
}

function overSizeLimit(activity: Partial<Activity>): boolean {
  const json = JSON.stringify(activity);
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: most messages are known to fit without counting.
  return json.length * 3 > MAX_MESSAGE_BYTES && Buffer.byteLength(json, 'utf8') > MAX_MESSAGE_BYTES;
}

function byteLength(activity: Partial<Activity>): number {
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
}

function statusOf(error: unknown): number | undefined {
  const candidate = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | undefined;
  const status = candidate?.statusCode ?? candidate?.status ?? candidate?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } } | undefined)?.response?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}
