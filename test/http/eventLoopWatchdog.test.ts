import { watchEventLoop } from '../../bot/metrics/eventLoopWatchdog';
import { capturingLogger } from '../support/silentLogger';

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // The event loop is blocked, as by one message's runaway work.
  }
};
const nextTicks = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the event-loop watchdog', () => {
  it('reports a stall longer than its threshold, with its length, and stays quiet otherwise', async () => {
    const { logger, lines } = capturingLogger('info');
    const stalls: number[] = [];
    const watchdog = watchEventLoop(logger, (stalledMs) => stalls.push(stalledMs), { everyMs: 20, thresholdMs: 200 });
    try {
      await nextTicks(100);
      expect(stalls).toEqual([]);
      busyFor(400);
      await nextTicks(60);
      expect(stalls).toHaveLength(1);
      expect(stalls[0]).toBeGreaterThanOrEqual(200);
      expect(lines().filter((line) => line.includes('event loop blocked'))).toHaveLength(1);
    } finally {
      watchdog.stop();
    }
  });
});
