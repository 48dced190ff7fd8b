import type { TurnContext } from 'botbuilder';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CircuitStatus } from '../../services/http/circuitBreaker';
import type { CallEvent } from '../../services/http/jsonClient';
import type { TurnRunnerEvents } from '../turn/turnRunner';

/** Turns take from a few milliseconds (a menu) to seconds (a slow portal): 5 ms to 10 s. */
const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The channel ids a label may take. Anyone can post any channelId: an open label would let a stranger
 * create series without end, so the others count as `other`.
 */
const KNOWN_CHANNELS = new Set(['msteams', 'directline', 'webchat', 'emulator', 'test']);

const CIRCUIT_STATE_VALUES: Record<CircuitStatus, number> = { closed: 0, halfOpen: 1, open: 2, isolated: 2 };

type Turn = (context: TurnContext) => Promise<void>;

/**
 * The Prometheus series of one bot (served on GET /metrics), in a registry of its own so that several
 * bots in one process (the tests) never share or collide: process metrics, turns, portal calls,
 * circuit breakers, state conflicts.
 */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'channel' | 'outcome'>;
  private readonly turnDuration: Histogram<'channel'>;
  private readonly turnErrors: Counter;
  private readonly portalCalls: Counter<'api' | 'operation' | 'outcome'>;
  private readonly portalCallDuration: Histogram<'api' | 'operation'>;
  private readonly circuitReaders: (() => Record<string, CircuitStatus>)[] = [];
  /** Hooks for the turn runner: state conflicts that made a turn run again, redelivered activities. */
  readonly turnRunnerEvents: TurnRunnerEvents;
  private readonly portalEvents: Counter<'outcome'>;
  private readonly notificationsTold: Counter;
  private readonly rateLimited: Counter<'limit'>;
  private readonly eventLoopStalls: Counter;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.turns = new Counter({ name: 'alin_turns_total', help: 'Turns run, by channel and outcome (ok, error).', labelNames: ['channel', 'outcome'], registers });
    this.turnDuration = new Histogram({
      name: 'alin_turn_duration_seconds',
      help: 'Duration of a turn, from the dedupe check to the last reply released (conversation lock wait included).',
      labelNames: ['channel'],
      buckets: DURATION_BUCKETS_SECONDS,
      registers,
    });
    this.turnErrors = new Counter({ name: 'alin_turn_errors_total', help: 'Turns that failed (the user got an apology).', registers });
    this.portalCalls = new Counter({
      name: 'alin_portal_calls_total',
      help: 'Attempts at portal API calls (retries count once each), by API, operation and outcome (ok or the error kind).',
      labelNames: ['api', 'operation', 'outcome'],
      registers,
    });
    this.portalCallDuration = new Histogram({
      name: 'alin_portal_call_duration_seconds',
      help: 'Duration of one attempt at a portal API call.',
      labelNames: ['api', 'operation'],
      buckets: DURATION_BUCKETS_SECONDS,
      registers,
    });
    const readers = this.circuitReaders;
    new Gauge({
      name: 'alin_circuit_state',
      help: 'Circuit breaker of each portal API: 0 closed, 1 half-open, 2 open.',
      labelNames: ['api'],
      registers,
      collect() {
        for (const read of readers) for (const [api, status] of Object.entries(read())) this.set({ api }, CIRCUIT_STATE_VALUES[status]);
      },
    });
    const conflicts = new Counter({ name: 'alin_etag_conflicts_total', help: 'State saves that met an eTag conflict (the turn ran again on fresh state).', registers });
    const duplicates = new Counter({ name: 'alin_duplicate_activities_total', help: 'Activities delivered again and ignored.', registers });
    const undelivered = new Counter({
      name: 'alin_replies_undelivered_total',
      help: 'Turns whose replies the channel refused or did not take within the delivery deadline (dropped; the state was kept).',
      registers,
    });
    this.turnRunnerEvents = { etagConflict: () => conflicts.inc(), duplicateActivity: () => duplicates.inc(), repliesUndelivered: () => undelivered.inc() };
    this.rateLimited = new Counter({
      name: 'alin_rate_limited_total',
      help: 'Requests refused by a rate limit: turns per user or per conversation, Web Chat tokens per address or per origin.',
      labelNames: ['limit'],
      registers,
    });
    this.eventLoopStalls = new Counter({
      name: 'alin_event_loop_stalls_total',
      help: 'Times the event loop was blocked longer than the watchdog threshold (every request waited meanwhile).',
      registers,
    });
    this.portalEvents = new Counter({
      name: 'alin_portal_events_total',
      help: 'Calls to POST /api/notify, by outcome (accepted, duplicate, refused: bad signature, invalid: unknown shape, unavailable).',
      labelNames: ['outcome'],
      registers,
    });
    this.notificationsTold = new Counter({ name: 'alin_notifications_sent_total', help: 'Dossier notifications sent to a user (one per event and user).', registers });
  }

  recordPortalEvent(outcome: 'accepted' | 'duplicate' | 'refused' | 'invalid' | 'unavailable'): void {
    this.portalEvents.inc({ outcome });
  }

  recordRateLimited(limit: 'user' | 'conversation' | 'tokenAddress' | 'tokenOrigin'): void {
    this.rateLimited.inc({ limit });
  }

  recordEventLoopStall(): void {
    this.eventLoopStalls.inc();
  }

  recordNotificationsSent(count: number): void {
    this.notificationsTold.inc(count);
  }

  /** The turn function, counted and timed. */
  timeTurns(turn: Turn): Turn {
    return async (context) => {
      const channel = channelLabel(context.activity.channelId);
      const stopTimer = this.turnDuration.startTimer({ channel });
      try {
        await turn(context);
        this.turns.inc({ channel, outcome: 'ok' });
      } catch (error) {
        this.turns.inc({ channel, outcome: 'error' });
        this.turnErrors.inc();
        throw error;
      } finally {
        stopTimer();
      }
    };
  }

  /** For the portal clients' `observe` hook: one call per attempt. */
  recordPortalCall(event: CallEvent): void {
    const labels = { api: event.api, operation: event.operation };
    this.portalCalls.inc({ ...labels, outcome: event.outcome });
    this.portalCallDuration.observe(labels, event.durationMs / 1000);
  }

  /** Reads circuit states at each scrape (`alin_circuit_state`). */
  watchCircuits(read: () => Record<string, CircuitStatus>): void {
    this.circuitReaders.push(read);
  }
}

/** The channel as a label or a field: a known channel id, else `other`. */
export function channelLabel(channelId: string | undefined): string {
  return channelId && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}
