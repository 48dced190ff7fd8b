import { MessageFactory } from 'botbuilder';
import { Queue, Worker } from 'bullmq';
import { offerListCard } from '../../dialogs/cards/offerCards';
import { portalQuery } from '../../services/offers/searchCriteria';
import type { SavedSearch, SavedSearchStore } from '../../services/offers/savedSearches';
import type { PortalApi } from '../../services/portal/portalApi';
import type { RedisSettings } from '../config';
import { translatorFor } from '../../dialogs/i18n';
import type { Logger } from '../logger';
import type { ProactiveMessenger } from './backgroundWork';
import { bullConnections } from './bullConnections';
import { inJobSpan } from '../telemetry/jobSpans';

/** Offers published a little before the last check are looked at again: claims make it harmless. */
const OVERLAP_MS = 5 * 60 * 1000;
const ALERT_PAGE_SIZE = 10;

export interface OfferAlertDependencies {
  store: SavedSearchStore;
  portal: PortalApi;
  messenger: ProactiveMessenger;
  logger: Logger;
  now?: () => Date;
}

/**
 * One pass over every saved search: offers published since its last check, minus those already
 * notified (claimed atomically, so each offer is told once, whichever replica runs the pass), sent as a
 * proactive message to the conversation the search was saved from.
 */
export async function checkSavedSearches(deps: OfferAlertDependencies): Promise<{ searches: number; notified: number }> {
  const now = deps.now ?? (() => new Date());
  let notified = 0;
  const searches = await deps.store.all();
  for (const search of searches) {
    try {
      notified += await checkOne(deps, search, now());
    } catch (error) {
      deps.logger.warn({ searchId: search.id, err: error }, 'saved search not checked this time');
    }
  }
  return { searches: searches.length, notified };
}

async function checkOne(deps: OfferAlertDependencies, search: SavedSearch, startedAt: Date): Promise<number> {
  const results = await deps.portal.searchOffers({ ...portalQuery(search.criteria, 1), pageSize: ALERT_PAGE_SIZE, publishedSince: search.checkedSince });
  const fresh = await deps.store.claimNewOffers(search.id, results.items.map((offer) => offer.id));
  if (fresh.length > 0) {
    const offers = results.items.filter((offer) => fresh.includes(offer.id));
    const t = translatorFor(search.language);
    const heading = t('offers:alert.heading', { count: offers.length, label: search.label });
    await deps.messenger.continueConversation(search.reference, async (context) => {
      await context.sendActivity(MessageFactory.attachment(offerListCard(t, search.language, heading, offers, { more: false, watch: false })));
    });
  }
  await deps.store.updateCheckedSince(search.id, new Date(startedAt.getTime() - OVERLAP_MS).toISOString());
  return fresh.length;
}

export interface AlertScheduler {
  stop(): Promise<void>;
}

/**
 * Runs the check every `intervalMs`. With Redis, a BullMQ job scheduler makes one job per interval
 * for all replicas, taken by one worker; without Redis (one process) a timer does.
 */
export function scheduleOfferAlerts(options: { redis?: RedisSettings; intervalMs: number; check: () => Promise<unknown>; logger: Logger }): AlertScheduler {
  const run = async () => {
    try {
      await inJobSpan('offer-alerts', options.check);
    } catch (error) {
      options.logger.error({ err: error }, 'offer alert check failed');
    }
  };
  if (!options.redis) {
    const timer = setInterval(() => void run(), options.intervalMs);
    timer.unref();
    return { stop: async () => clearInterval(timer) };
  }
  const connections = bullConnections(options.redis);
  const prefix = connections.prefix;
  const queue = new Queue('offer-alerts', { connection: connections.queue, prefix });
  queue.on('error', (error) => options.logger.warn({ err: error }, 'offer alert queue error'));
  void queue
    .upsertJobScheduler('check-saved-searches', { every: options.intervalMs }, { name: 'check', opts: { removeOnComplete: 100, removeOnFail: 100 } })
    .catch((error: unknown) => options.logger.error({ err: error }, 'offer alerts could not be scheduled'));
  const worker = new Worker('offer-alerts', run, { connection: connections.worker, prefix, concurrency: 1 });
  worker.on('error', (error) => options.logger.warn({ err: error }, 'offer alert worker error'));
  return {
    stop: async () => {
      await connections.close(worker, queue);
    },
  };
}
