import type { Logger } from '../logger';

export interface EventLoopWatchdog {
  stop(): void;
}

/**
 * Notices when the event loop was blocked (one message's work, a recogniser gone super-linear, a large
 * JSON): a timer that should fire every `everyMs` fires late by the stall. A stall over `thresholdMs`
 * is logged and counted; prom-client's nodejs_eventloop_lag_* give the distribution.
 */
export function watchEventLoop(logger: Logger, onStall: (stalledMs: number) => void, options = { everyMs: 100, thresholdMs: 500 }): EventLoopWatchdog {
  let expected = performance.now() + options.everyMs;
  const timer = setInterval(() => {
    const now = performance.now();
    const stalledMs = now - expected;
    expected = now + options.everyMs;
    if (stalledMs < options.thresholdMs) return;
    logger.warn({ stalledMs: Math.round(stalledMs) }, 'event loop blocked');
    onStall(stalledMs);
  }, options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
