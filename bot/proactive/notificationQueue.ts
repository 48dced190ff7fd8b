import { createHash } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import type { DossierNotification } from '../../services/notifications/portalEvents';
import { parisClock, QUIET_HOURS } from '../../services/notifications/quietHours';
import type { RedisSettings } from '../config';
import type { Logger } from '../logger';
import { bullConnections } from './bullConnections';
import { inJobSpan } from '../telemetry/jobSpans';

/** The daily renewal check runs in the morning, well inside the hours messages may be sent. */
export const DAILY_CHECK_HOUR = 9;

export interface NotificationWork {
  deliver(notification: DossierNotification): Promise<unknown>;
  dailyCheck(): Promise<unknown>;
}

/**
 * Notifications as jobs. With Redis, a BullMQ queue shared by every replica: each job is taken by one
 * worker, delayed jobs (quiet hours) survive a restart, failed deliveries are retried with backoff, and a
 * job scheduler makes one daily check for all replicas. Without Redis (one process), timers.
 */
export interface NotificationQueue {
  /** `at` in the future delays the job (quiet hours). */
  enqueue(notification: DossierNotification, at: Date): Promise<void>;
  stop(): Promise<void>;
}

export function createNotificationQueue(options: {
  redis?: RedisSettings;
  work: NotificationWork;
  logger: Logger;
  now: () => Date;
}): NotificationQueue {
  return options.redis ? bullNotificationQueue(options.redis, options) : timerNotificationQueue(options);
}

function timerNotificationQueue({ work, logger, now }: { work: NotificationWork; logger: Logger; now: () => Date }): NotificationQueue {
  const timers = new Set<NodeJS.Timeout>();
  const run = (what: string, task: () => Promise<unknown>) =>
    inJobSpan(what, task).catch((error: unknown) => logger.error({ err: error, job: what }, 'notification job failed'));
  let lastDailyCheck = '';
  const daily = setInterval(() => {
    const { day, hour } = parisClock(now());
    if (day === lastDailyCheck || hour < DAILY_CHECK_HOUR || hour >= QUIET_HOURS.from) return;
    lastDailyCheck = day;
    void run('daily-check', () => work.dailyCheck());
  }, 15 * 60 * 1000);
  daily.unref();
  return {
    async enqueue(notification, at) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        void run('notify', () => work.deliver(notification));
      }, Math.max(0, at.getTime() - now().getTime()));
      timer.unref();
      timers.add(timer);
    },
    async stop() {
      clearInterval(daily);
      for (const timer of timers) clearTimeout(timer);
    },
  };
}

const QUEUE_NAME = 'dossier-notifications';

function bullNotificationQueue(redis: RedisSettings, { work, logger, now }: { work: NotificationWork; logger: Logger; now: () => Date }): NotificationQueue {
  const connections = bullConnections(redis);
  const prefix = connections.prefix;
  const queue = new Queue(QUEUE_NAME, { connection: connections.queue, prefix });
  queue.on('error', (error) => logger.warn({ err: error }, 'notification queue error'));
  void queue
    .upsertJobScheduler(
      'daily-dossier-check',
      { pattern: `0 ${DAILY_CHECK_HOUR} * * *`, tz: QUIET_HOURS.timeZone },
      { name: 'daily-check', opts: { removeOnComplete: 30, removeOnFail: 30 } },
    )
    .catch((error: unknown) => logger.error({ err: error }, 'daily dossier check could not be scheduled'));
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job) =>
      job.name === 'daily-check'
        ? inJobSpan('daily-check', () => work.dailyCheck(), { 'alin.job.attempt': job.attemptsMade + 1 })
        : inJobSpan('notify', () => work.deliver(job.data as DossierNotification), { 'alin.job.attempt': job.attemptsMade + 1 }),
    { connection: connections.worker, prefix, concurrency: 4 },
  );
  worker.on('error', (error) => logger.warn({ err: error }, 'notification worker error'));
  worker.on('failed', (job, error) => logger.warn({ job: job?.name, attempts: job?.attemptsMade, err: error }, 'notification job failed'));
  return {
    async enqueue(notification, at) {
      await queue.add('notify', notification, {
        // BullMQ ids may not hold ':'; the event id's digest keeps one job per event.
        jobId: createHash('sha256').update(notification.eventId).digest('hex'),
        delay: Math.max(0, at.getTime() - now().getTime()),
        attempts: 6,
        backoff: { type: 'exponential', delay: 30_000 },
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      });
    },
    async stop() {
      await connections.close(worker, queue);
    },
  };
}
