import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { createEventSender, type SimulatorNotifySettings } from './eventSender';
import { FaultRegistry } from './faults';
import { createRequestListener } from './http/requestListener';
import { Route } from './http/router';
import { LinkChallenges } from './linkChallenges';
import { alinRoutes } from './routes/alinRoutes';
import { devRoutes } from './routes/devRoutes';
import { helpdeskRoutes } from './routes/helpdeskRoutes';
import { sneRoutes } from './routes/sneRoutes';
import { seedWorld } from './seed/seedWorld';

export interface SimulatorOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** The bearer token clients must send (`PORTAL_TOKEN`). */
  token: string;
  /** At most this many active applications per applicant (`MAX_ACTIVE_APPLICATIONS`). */
  maxActiveApplications: number;
  /** A fixed instant or a clock; the real clock by default. Seeded dates are relative to it. */
  now?: Date | (() => Date);
  /** Seed of the generated data; the same seed gives the same offers. */
  seed?: string;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Where `POST /dev/events` sends signed events (the bot's `/api/notify`). */
  notify?: SimulatorNotifySettings;
}

export interface RunningSimulator {
  /** `http://127.0.0.1:3979`: the `baseUrl` of the three clients. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_SIMULATOR_SEED = 'alin-simulator-v1';
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Starts the portal simulator: the AL-in, national request file and helpdesk APIs over real HTTP, from
 * seeded data, plus the `/dev/*` routes. Refuses to run in production, where it would answer for the
 * real portal.
 */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('The portal simulator does not run when NODE_ENV=production: set PORTAL_BASE_URL to the real portal.');
  }
  if (options.token.trim() === '') throw new Error('The portal simulator needs a non-empty token.');
  if (!Number.isInteger(options.maxActiveApplications) || options.maxActiveApplications < 1) {
    throw new Error('maxActiveApplications must be a whole number from 1.');
  }
  const now = clockOf(options.now);
  const seeded = () => seedWorld(options.seed ?? DEFAULT_SIMULATOR_SEED, now());
  const world = seeded();
  const challenges = new LinkChallenges(now);
  const faults = new FaultRegistry();
  const routes: Route[] = [
    ...alinRoutes({ world, challenges, now, maxActiveApplications: options.maxActiveApplications }),
    ...sneRoutes(world, now),
    ...helpdeskRoutes(world, now),
    ...devRoutes({ world, seeded, challenges, faults, now, sendEvent: createEventSender(options.notify, now) }),
  ];

  const server = createServer(createRequestListener({ routes, token: options.token, faults, maxBodyBytes: MAX_BODY_BYTES }));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Requests held by a "timeout" fault would otherwise keep the server open for ever.
        server.closeAllConnections();
      }),
  };
}

function clockOf(now: SimulatorOptions['now']): () => Date {
  if (now === undefined) return () => new Date();
  if (now instanceof Date) {
    const fixed = new Date(now.getTime());
    return () => new Date(fixed.getTime());
  }
  return now;
}
