import { watchEventLoop } from '../../bot/metrics/eventLoopWatchdog';
import { capturingLogger } from '../support/silentLogger';

/**
 * The watchdog's clock is driven by the test, so a busy CI machine that deschedules the process cannot
 * add or hide a stall: the timer ticks with jest's fake timers, and a "blocked" loop is a clock that
 * jumped between two ticks.
 */
describe('the event-loop watchdog', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reports a stall longer than its threshold, with its length, and stays quiet otherwise', () => {
    const { logger, lines } = capturingLogger('info');
    const stalls: number[] = [];
    let clock = 0;
    const tick = (ms: number) => {
      clock += ms;
      jest.advanceTimersByTime(ms);
    };
    const watchdog = watchEventLoop(logger, (stalledMs) => stalls.push(stalledMs), { everyMs: 20, thresholdMs: 200, now: () => clock });
    try {
      for (let i = 0; i < 5; i += 1) tick(20);
      clock += 150; // late, but under the threshold
      tick(20);
      expect(stalls).toEqual([]);

      clock += 400; // one message's runaway work
      tick(20);
      for (let i = 0; i < 3; i += 1) tick(20);
      expect(stalls).toEqual([400]);
      expect(lines().filter((line) => line.includes('event loop blocked'))).toHaveLength(1);
      expect(lines().find((line) => line.includes('event loop blocked'))).toContain('"stalledMs":400');
    } finally {
      watchdog.stop();
    }
  });
});
