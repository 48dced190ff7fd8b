import type { HelpdeskApi } from '../services/helpdesk/helpdeskApi';
import type { CircuitStatus } from '../services/http/circuitBreaker';
import type { CallEvent } from '../services/http/jsonClient';
import { createHelpdeskHttpClient } from '../services/helpdesk/httpClient';
import { createPortalHttpClient } from '../services/portal/httpClient';
import type { PortalApi } from '../services/portal/portalApi';
import { createSneHttpClient } from '../services/sne/httpClient';
import type { SneApi } from '../services/sne/sneApi';
import { startSimulator } from '../simulator/startSimulator';
import { busyPortOr } from './busyPort';
import type { Config } from './config';
import type { Logger } from './logger';

/** The three portal APIs the dialogs use, and what serves them. */
export interface PortalServices {
  portal: PortalApi;
  sne: SneApi;
  helpdesk: HelpdeskApi;
  baseUrl: string;
  /** Calls `observer` after every attempt at a call, on any of the three APIs (metrics). */
  observeCalls(observer: (event: CallEvent) => void): void;
  /** The circuit breaker of each API, by its short name (`alin`, `sne`, `helpdesk`). */
  circuits(): Record<string, CircuitStatus>;
  /** Stops the embedded simulator when there is one. */
  stop(): Promise<void>;
}

/**
 * Connects to the configured portal, or — with no PORTAL_BASE_URL, outside production — starts the
 * embedded simulator (a real HTTP server speaking the same contract) and connects to it.
 */
export async function connectPortal(config: Config, logger: Logger): Promise<PortalServices> {
  const simulator = config.portal.baseUrl
    ? undefined
    : await startSimulator({
        port: config.portal.simulatorPort,
        token: config.portal.token,
        maxActiveApplications: config.portal.maxActiveApplications,
        // Its demo events (POST /dev/events) go to this bot, signed with the bot's own secret.
        notify: { url: () => (config.port === 0 ? undefined : `http://127.0.0.1:${config.port}/api/notify`), secret: config.notify.secret },
      }).catch((error: unknown) => {
        throw busyPortOr(error, 'SIMULATOR_PORT', config.portal.simulatorPort);
      });
  const baseUrl = config.portal.baseUrl ?? simulator!.url;
  if (simulator) logger.info({ url: simulator.url }, `portal simulator listening on ${simulator.url} (demo data; set PORTAL_BASE_URL for a real portal)`);

  const observers: ((event: CallEvent) => void)[] = [];
  const settings = {
    baseUrl,
    token: config.portal.token,
    callTimeoutMs: config.portal.callTimeoutMs,
    observe: (event: CallEvent) => {
      logger.debug({ portalCall: event }, 'portal call');
      for (const observer of observers) observer(event);
    },
  };
  const portal = createPortalHttpClient(settings);
  const sne = createSneHttpClient(settings);
  const helpdesk = createHelpdeskHttpClient(settings);
  return {
    portal,
    sne,
    helpdesk,
    baseUrl,
    observeCalls: (observer) => void observers.push(observer),
    circuits: () => ({ alin: portal.circuitStatus(), sne: sne.circuitStatus(), helpdesk: helpdesk.circuitStatus() }),
    stop: async () => {
      await simulator?.close();
    },
  };
}
