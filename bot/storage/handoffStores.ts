import { HandoffSchema, type Handoff, type HandoffStore } from '../../services/helpdesk/handoffs';
import type { RedisConnection } from './redisConnection';

/** Long enough for any ticket to be worked on; a forgotten handoff expires by itself. */
const HANDOFF_TTL_SECONDS = 30 * 24 * 3600;

export class MemoryHandoffStore implements HandoffStore {
  private readonly handoffs = new Map<string, Handoff>();
  private channel: Record<string, unknown> | undefined;

  async get(ticketId: string): Promise<Handoff | undefined> {
    return this.handoffs.get(ticketId);
  }
  async put(handoff: Handoff): Promise<void> {
    this.handoffs.set(handoff.ticketId, HandoffSchema.parse(handoff));
  }
  async helpdeskChannel(): Promise<Record<string, unknown> | undefined> {
    return this.channel;
  }
  async saveHelpdeskChannel(reference: Record<string, unknown>): Promise<void> {
    this.channel = reference;
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
  async helpdeskChannel(): Promise<Record<string, unknown> | undefined> {
    const value = await this.redis.get(`${this.prefix}helpdesk:channel`);
    return value ? (JSON.parse(value) as Record<string, unknown>) : undefined;
  }
  async saveHelpdeskChannel(reference: Record<string, unknown>): Promise<void> {
    await this.redis.set(`${this.prefix}helpdesk:channel`, JSON.stringify(reference));
  }

  private key(ticketId: string) {
    return `${this.prefix}handoff:${ticketId}`;
  }
}
