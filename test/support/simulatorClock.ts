import { startSimulator } from '../../services/simulator/startSimulator';

export const PORTAL_TOKEN = 'test-portal-token';

/** A portal simulator whose clock the test moves (to expire one-time codes). */
export async function simulatorWithClock(): Promise<{ url: string; advance: (ms: number) => void; outboxCode: () => Promise<string>; close: () => Promise<void> }> {
  let offsetMs = 0;
  const simulator = await startSimulator({ port: 0, token: PORTAL_TOKEN, maxActiveApplications: 5, now: () => new Date(Date.now() + offsetMs) });
  return {
    url: simulator.url,
    advance: (ms) => void (offsetMs += ms),
    /** The newest one-time code the simulator "sent" (GET /dev/outbox). */
    outboxCode: async () => {
      const response = await fetch(`${simulator.url}/dev/outbox`, { headers: { authorization: `Bearer ${PORTAL_TOKEN}` } });
      const { items } = (await response.json()) as { items: { code: string }[] };
      if (!items[0]) throw new Error('no code in the simulator outbox');
      return items[0].code;
    },
    close: () => simulator.close(),
  };
}
