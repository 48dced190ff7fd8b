import type { Logger } from '../logger';

export interface EventLoopWatchdog {
  stop(): void;
}

export interface WatchdogOptions {
  everyMs: number;
  thresholdMs: number;
  /** The clock read at each tick; performance.now unless a test drives it. */
  now?: () => number;
}

/**
 * Notices when the event loop was blocked (one message's work, a recogniser gone super-linear, a large
 * JSON): a timer that should fire every `everyMs` fires late by the stall. A stall over `thresholdMs`
 * is logged and counted; prom-client's nodejs_eventloop_lag_* give the distribution.
 */
export function watchEventLoop(logger: Logger, onStall: (stalledMs: number) => void, options: WatchdogOptions = { everyMs: 100, thresholdMs: 500 }): EventLoopWatchdog {
  const now = options.now ?? (() => performance.now());
  let expected = now() + options.everyMs;
  const timer = setInterval(() => {
    const tickedAt = now();
    const stalledMs = tickedAt - expected;
    expected = tickedAt + options.everyMs;
    if (stalledMs < options.thresholdMs) return;
    logger.warn({ stalledMs: Math.round(stalledMs) }, 'event loop blocked');
    onStall(stalledMs);
  }, options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
