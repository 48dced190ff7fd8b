import { startSimulator } from '../../simulator/startSimulator';
import { newestOutboxCode, PORTAL_TOKEN } from './simulatorDevRoutes';

export { PORTAL_TOKEN };

/** A portal simulator whose clock the test moves (to expire one-time codes). */
export async function simulatorWithClock(): Promise<{ url: string; advance: (ms: number) => void; outboxCode: () => Promise<string>; close: () => Promise<void> }> {
  let offsetMs = 0;
  const simulator = await startSimulator({ port: 0, token: PORTAL_TOKEN, maxActiveApplications: 5, now: () => new Date(Date.now() + offsetMs) });
  return {
    url: simulator.url,
    advance: (ms) => void (offsetMs += ms),
    /** The newest one-time code the simulator "sent" (GET /dev/outbox). */
    outboxCode: () => newestOutboxCode(simulator.url),
    close: () => simulator.close(),
  };
}
