import type { Storage, TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { IntentRecognizer } from '../dialogs/recognizer/intents';
import { NlpRecognizer } from '../dialogs/recognizer/nlpRecognizer';
import { createLanguageService } from '../services/language/createLanguageService';
import { featureDialogs } from '../dialogs/featureDialogs';
import { MainDialog } from '../dialogs/mainDialog';
import { MiniSearchKnowledgeBase, type KnowledgeBase } from '../services/knowledge/knowledgeSearch';
import { localAnswerer, type QuestionAnswerer } from '../dialogs/knowledge/questionAnswerer';
import { azureQuestionAnswerer } from '../dialogs/knowledge/azureQuestionAnswerer';
import { MemoryAnswerFeedbackStore, RedisAnswerFeedbackStore, type AnswerFeedbackStore } from './storage/answerFeedbackStores';
import { createAttemptLimiter } from './coordination/attemptLimiter';
import { MemoryMissStore, RedisMissStore, type MissStore } from './storage/missStores';
import type { DialogServices } from '../dialogs/dialogServices';
import { createAdapter } from './adapter';
import { AlinBot } from './alinBot';
import type { Config } from './config';
import type { Coordinator } from './coordination/coordinator';
import { MemoryCoordinator } from './coordination/memoryCoordinator';
import { RedisCoordinator } from './coordination/redisCoordinator';
import { DirectLineBridge } from './channels/directLine/directLineBridge';
import { mountStaticFiles } from './channels/staticFiles';
import { azureDirectLineIssuer, localBridgeIssuer, mountWebChatTokenRoute } from './channels/webChatToken';
import { initI18n } from '../dialogs/i18n';
import { useSealingSecret } from '../services/privacy/sealed';
import { urgentClassifier } from '../services/triage/urgentClassifier';
import { compileTriagePatterns } from '../services/triage/triage';
import { adapterMessenger, ProactiveBackgroundWork } from './proactive/backgroundWork';
import type { Logger } from './logger';
import type { PortalServices } from './portalServices';
import { createServer, type BotServer } from './server';
import { AtomicMemoryStorage } from './storage/atomicMemoryStorage';
import { createRedisConnection, type RedisConnection } from './storage/redisConnection';
import { RedisStorage } from './storage/redisStorage';
import { DEFAULT_TURN_RUNNER_OPTIONS, TurnRunner } from './turn/turnRunner';
import { BotMetrics } from './metrics/botMetrics';
import { mountMetricsRoute } from './metrics/metricsRoute';
import { InsightsRecorder } from './insights/insightsRecorder';
import { mountInsightsRoutes } from './insights/insightsRoute';
import { MemoryInsightsStore, RedisInsightsStore, type InsightsStore } from './insights/insightsStore';
import { checkSavedSearches, scheduleOfferAlerts } from './proactive/offerAlerts';
import { MemorySavedSearchStore, RedisSavedSearchStore } from './storage/savedSearchStores';
import type { SavedSearchStore } from '../services/offers/savedSearches';
import { TurnStateStore } from './turn/turnStateStore';
import { limitTurns } from './turn/turnLimits';
import { markTurnRefused, traceTurns } from './telemetry/turnSpans';
import { watchEventLoop } from './metrics/eventLoopWatchdog';
import { refuseUpgrades } from './http/upgrades';
import type { NotificationSubscriptions } from '../services/notifications/subscriptions';
import { MemoryNotificationSubscriptions, RedisNotificationSubscriptions } from './storage/notificationSubscriptionStores';
import { MemoryHandoffStore, RedisHandoffStore } from './storage/handoffStores';
import { AgentDesk } from './helpdesk/agentDesk';
import { ApplicantRelay } from './helpdesk/applicantRelay';
import { HelpdeskAgents } from './helpdesk/helpdeskAgents';
import { checkDossierReminders } from './proactive/dailyDossierCheck';
import { deliverNotification } from './proactive/dossierNotifier';
import { createNotificationQueue } from './proactive/notificationQueue';
import { mountNotifyWebhook } from './proactive/notifyWebhook';

export interface App {
  botServer: BotServer;
  storage: Storage;
  /** Messages the assistant missed, kept for review (`npm run review`). */
  misses: MissStore;
  /** The 👍 👎 pressed under answers, counted per day. */
  answerFeedback: AnswerFeedbackStore;
  /** Starts listening; resolves with the port actually bound. */
  listen(port: number): Promise<number>;
  /** Graceful stop: refuse new turns, let turns in flight finish (up to the grace period), close Redis. */
  stop(): Promise<void>;
  /** The daily renewal/expiry check, run now (it is scheduled every morning); resolves with the reminders queued. */
  runDailyDossierCheck(): Promise<number>;
}

export interface AppOptions {
  /** The feature dialogs the main dialog routes to (tests pass small stand-ins). */
  featureDialogs?: (services: DialogServices) => Dialog[];
  /** The NLU; by default nlp.js with the model cached in models/ (trained once when stale). */
  recognizer?: IntentRecognizer;
  /** The clock of notifications and quiet hours (tests set it). */
  now?: () => Date;
  /** Built once and shared by apps of one process (tests start many). */
  knowledge?: KnowledgeBase;
}

/** Builds the whole assistant from its configuration: storage, coordination, adapter, bot, routes. */
export async function createApp(config: Config, logger: Logger, portalServices: PortalServices, options: AppOptions = {}): Promise<App> {
  initI18n();
  if (config.stateSealSecret) useSealingSecret(config.stateSealSecret);
  else if (config.redis && config.environment === 'production') logger.warn('STATE_SEAL_SECRET is not set: a replica cannot open what another sealed, and asks the user again');
  // Loaded before the first turn: no conversation waits for it.
  urgentClassifier();
  // And the triage's patterns compiled (~100 ms on first use), so the first urgent story waits for nothing.
  compileTriagePatterns();
  const redis: RedisConnection | undefined = config.redis ? createRedisConnection(config.redis) : undefined;
  redis?.on('error', (error: Error) => logger.warn({ err: error }, 'redis connection error'));

  const storage: Storage = redis
    ? new RedisStorage(redis, { prefix: config.redis!.prefix, ttlSeconds: config.stateTtlSeconds })
    : new AtomicMemoryStorage();
  const coordinator: Coordinator = redis ? new RedisCoordinator(redis, config.redis!.prefix) : new MemoryCoordinator();

  const metrics = new BotMetrics();
  portalServices.observeCalls((event) => metrics.recordPortalCall(event));
  metrics.watchCircuits(() => portalServices.circuits());
  const runner = new TurnRunner(new TurnStateStore(storage, logger), coordinator, logger, DEFAULT_TURN_RUNNER_OPTIONS, metrics.turnRunnerEvents);
  const adapter = createAdapter(config, logger);
  const messenger = adapterMessenger(adapter, config.botAuthentication?.appId);
  const savedSearches: SavedSearchStore = redis ? new RedisSavedSearchStore(redis, config.redis!.prefix) : new MemorySavedSearchStore();
  const alerts = scheduleOfferAlerts({
    redis: config.redis,
    intervalMs: config.alertCheckIntervalMs,
    check: () => checkSavedSearches({ store: savedSearches, portal: portalServices.portal, messenger, logger }),
    logger,
  });
  const now = options.now ?? (() => new Date());
  const notificationSubscriptions: NotificationSubscriptions = redis
    ? new RedisNotificationSubscriptions(redis, config.redis!.prefix)
    : new MemoryNotificationSubscriptions();
  const handoffs = redis ? new RedisHandoffStore(redis, config.redis!.prefix) : new MemoryHandoffStore();
  const relayDependencies = {
    helpdesk: portalServices.helpdesk,
    handoffs,
    messenger,
    config,
    logger,
    agents: new HelpdeskAgents(config, handoffs, logger, now),
    now,
  };
  const applicantRelay = new ApplicantRelay(relayDependencies);
  const misses: MissStore = redis ? new RedisMissStore(redis, config.redis!.prefix, now) : new MemoryMissStore(now);
  // Once a day for all replicas (the queue's scheduler): the reminders, and misses past their retention forgotten.
  const dailyCheck = async () => {
    await purgeMisses(misses, config.missesKeptDays, now(), logger);
    return checkDossierReminders({ subscriptions: notificationSubscriptions, portal: portalServices.portal, sne: portalServices.sne, queue: notificationQueue, logger, now, quietHours: config.notify.quietHours });
  };
  const notificationQueue = createNotificationQueue({
    redis: config.redis,
    logger,
    now,
    work: {
      deliver: async (notification) =>
        metrics.recordNotificationsSent(await deliverNotification({ storage, subscriptions: notificationSubscriptions, coordinator, messenger, logger }, notification)),
      dailyCheck,
    },
  });
  const backgroundWork = new ProactiveBackgroundWork(messenger, config.turnAnswerBudgetMs, logger);
  const answerFeedback: AnswerFeedbackStore = redis ? new RedisAnswerFeedbackStore(redis, config.redis!.prefix, now) : new MemoryAnswerFeedbackStore(now);
  // Recorded with or without INSIGHTS_TOKEN: the page shows the history from the day it is turned on.
  const insightsStore: InsightsStore = redis ? new RedisInsightsStore(redis, config.redis!.prefix) : new MemoryInsightsStore();
  const insights = new InsightsRecorder(insightsStore, logger, now);
  portalServices.observeCalls((event) => insights.observePortalCall(event));
  const knowledgeBase = options.knowledge ?? MiniSearchKnowledgeBase.fromLocales();
  // Its search and entry classifier run once before the first turn (tens of ms on first use).
  for (const language of ['fr', 'en'] as const) knowledgeBase.find('comment renouveler ma demande ?', language);
  const services: DialogServices = {
    knowledge: questionAnswererFor(config, knowledgeBase, logger),
    answerFeedback,
    misses,
    now,
    notificationSubscriptions,
    ticketAnnouncer: applicantRelay,
    backgroundWork,
    savedSearches,
    portal: portalServices.portal,
    sne: portalServices.sne,
    helpdesk: portalServices.helpdesk,
    maxActiveApplications: config.portal.maxActiveApplications,
    // Codes per hour, per chat user and per number, across replicas: a number alone proves nothing.
    linkAttempts: {
      perUser: createAttemptLimiter(redis, { name: 'link-user', attempts: config.linkAttemptsPerHour, windowSeconds: 3600, prefix: config.redis?.prefix ?? '' }),
      perNumber: createAttemptLimiter(redis, { name: 'link-number', attempts: config.linkAttemptsPerHour, windowSeconds: 3600, prefix: config.redis?.prefix ?? '' }),
    },
  };
  const recognizer = options.recognizer ?? (await loadRecognizer(logger));
  const language = createLanguageService({
    ...config.language,
    onFallback: (operation, error) => logger.warn({ operation, err: error }, 'Azure AI Language failed; local language service used'),
  });
  const bot = new AlinBot(new MainDialog(recognizer, (options.featureDialogs ?? featureDialogs)(services), language, services.knowledge, { feedback: answerFeedback, misses }), {
    agentDesk: new AgentDesk(relayDependencies),
    applicantRelay,
  });

  const limit = (name: string, attempts: number) => createAttemptLimiter(redis, { name, attempts, windowSeconds: 60, prefix: config.redis?.prefix ?? '' });
  const turnLimiters = { perUser: limit('turns-user', config.rateLimits.turnsPerUser), perConversation: limit('turns-conversation', config.rateLimits.turnsPerConversation) };
  // The span outermost: the rate limit, the lock and the state's reads are inside the turn's trace.
  const turn = traceTurns(limitTurns(turnLimiters, coordinator, logger, (refusal) => {
    metrics.recordRateLimited(refusal);
    markTurnRefused(refusal);
  }, metrics.timeTurns(insights.recordTurns((context: TurnContext) => runner.run(context, (turnContext) => bot.run(turnContext))))));
  const watchdog = watchEventLoop(logger, () => metrics.recordEventLoopStall());
  const botServer = createServer({
    adapter,
    turn,
    readiness: [
      { name: 'storage', check: () => coordinator.ping() },
      { name: 'portal', check: async () => void (await portalServices.portal.searchOffers({ pageSize: 1 })) },
    ],
    logger,
    maxBodyBytes: config.maxBodyBytes,
  });

  const bridge = config.webChat.localBridge
    ? new DirectLineBridge({ adapter, turn, logger, baseUrl: () => `http://127.0.0.1:${botServer.server.address().port}` })
    : undefined;
  if (bridge) bridge.mount(botServer.server);
  else refuseUpgrades(botServer.server);
  const webChatIssuer = config.webChat.directLine ? azureDirectLineIssuer(config.webChat.directLine) : bridge && localBridgeIssuer(bridge);
  mountWebChatTokenRoute(botServer.server, webChatIssuer, {
    secureCookie: config.environment === 'production',
    logger,
    limits: {
      perAddress: limit('webchat-token-address', config.rateLimits.webChatTokensPerAddress),
      perOrigin: limit('webchat-token-origin', config.rateLimits.webChatTokensPerOrigin),
      trustedProxyHops: config.rateLimits.trustedProxyHops,
      onRefused: (refusal) => metrics.recordRateLimited(refusal),
    },
  });
  mountStaticFiles(botServer.server);
  mountNotifyWebhook(botServer.server, {
    secret: config.notify.secret,
    coordinator,
    queue: notificationQueue,
    logger,
    now,
    quietHours: config.notify.quietHours,
    record: (outcome) => metrics.recordPortalEvent(outcome),
  });
  mountMetricsRoute(botServer.server, metrics.registry, config.metricsToken, { tokenRequired: config.environment === 'production' });
  if (config.environment === 'production' && !config.metricsToken) logger.warn('GET /metrics is off: set METRICS_TOKEN to serve it');
  mountInsightsRoutes(botServer.server, { token: config.insightsToken, store: insightsStore, feedback: answerFeedback, now, logger });

  return {
    botServer,
    storage,
    misses,
    answerFeedback,
    listen: (port) =>
      new Promise<number>((resolve, reject) => {
        botServer.server.once('error', reject);
        botServer.server.listen(port, () => resolve(Number(botServer.server.address().port)));
      }),
    async stop() {
      botServer.drain();
      const deadline = performance.now() + config.shutdownGraceMs;
      const drained = await botServer.inFlight.drained(config.shutdownGraceMs);
      if (!drained) logger.warn({ inFlight: botServer.inFlight.size }, 'shutting down with turns still in flight');
      // Then the answers promised by "I'm on it" (a turn in flight may have just promised one).
      if (!(await backgroundWork.finished(Math.max(0, deadline - performance.now())))) {
        logger.warn('shutting down with background answers still pending');
      }
      watchdog.stop();
      await alerts.stop();
      await notificationQueue.stop();
      await insights.stop();
      bridge?.close();
      await new Promise<void>((resolve) => botServer.server.close(() => resolve()));
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
    runDailyDossierCheck: dailyCheck,
  };
}

/** Misses kept longer than the retention are forgotten; a failure waits for the next day, it stops nothing. */
async function purgeMisses(misses: MissStore, keptDays: number, now: Date, logger: Logger): Promise<void> {
  try {
    const purged = await misses.purgeOlderThan(new Date(now.getTime() - keptDays * 24 * 3600 * 1000));
    if (purged > 0) logger.info({ purged, keptDays }, 'misses past their retention purged');
  } catch (error) {
    logger.warn({ err: error }, 'misses could not be purged; the next daily job will');
  }
}

async function loadRecognizer(logger: Logger): Promise<IntentRecognizer> {
  const startedAt = performance.now();
  const recognizer = await NlpRecognizer.create();
  logger.info({ model: recognizer.modelSource, ms: Math.round(performance.now() - startedAt) }, 'NLU model loaded');
  return recognizer;
}

/** Azure custom question answering when configured (the local search as its fallback), else the local search. */
function questionAnswererFor(config: Config, local: KnowledgeBase, logger: Logger): QuestionAnswerer {
  return config.questionAnswering ? azureQuestionAnswerer(config.questionAnswering, local, logger) : localAnswerer(local);
}
