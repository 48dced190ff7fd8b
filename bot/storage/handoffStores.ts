import { HandoffSchema, HelpdeskChannelSchema, type Handoff, type HandoffStore, type HelpdeskChannel } from '../../services/helpdesk/handoffs';
import type { RedisConnection } from './redisConnection';

/** Long enough for any ticket to be worked on; a forgotten handoff expires by itself. */
const HANDOFF_TTL_SECONDS = 30 * 24 * 3600;

export class MemoryHandoffStore implements HandoffStore {
  private readonly handoffs = new Map<string, Handoff>();
  private channel: HelpdeskChannel | undefined;

  async get(ticketId: string): Promise<Handoff | undefined> {
    return this.handoffs.get(ticketId);
  }
  async put(handoff: Handoff): Promise<void> {
    this.handoffs.set(handoff.ticketId, HandoffSchema.parse(handoff));
  }
  async helpdeskChannel(): Promise<HelpdeskChannel | undefined> {
    return this.channel;
  }
  async saveHelpdeskChannel(channel: HelpdeskChannel): Promise<void> {
    this.channel = HelpdeskChannelSchema.parse(channel);
  }
}

export class RedisHandoffStore implements HandoffStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  async get(ticketId: string): Promise<Handoff | undefined> {
    const value = await this.redis.get(this.key(ticketId));
    const parsed = value ? HandoffSchema.safeParse(JSON.parse(value)) : undefined;
    return parsed?.success ? parsed.data : undefined;
  }
  async put(handoff: Handoff): Promise<void> {
    await this.redis.set(this.key(handoff.ticketId), JSON.stringify(HandoffSchema.parse(handoff)), 'EX', HANDOFF_TTL_SECONDS);
  }
  async helpdeskChannel(): Promise<HelpdeskChannel | undefined> {
    const value = await this.redis.get(`${this.prefix}helpdesk:channel`);
    if (!value) return undefined;
    const stored: unknown = JSON.parse(value);
    const parsed = HelpdeskChannelSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    // Kept before the team was: the bare conversation reference.
    return typeof stored === 'object' && stored !== null ? { reference: stored as Record<string, unknown> } : undefined;
  }
  async saveHelpdeskChannel(channel: HelpdeskChannel): Promise<void> {
    await this.redis.set(`${this.prefix}helpdesk:channel`, JSON.stringify(HelpdeskChannelSchema.parse(channel)));
  }

  private key(ticketId: string) {
    return `${this.prefix}handoff:${ticketId}`;
  }
}
