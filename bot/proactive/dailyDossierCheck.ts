import { readLinkedDossier } from '../../services/dossier/readLinkedDossier';
import { dossierReminderFor, proposalRemindersFor } from '../../services/notifications/dossierReminders';
import { sendableAt, type QuietHours } from '../../services/notifications/quietHours';
import type { NotificationSubscriptions } from '../../services/notifications/subscriptions';
import type { PortalApi } from '../../services/portal/portalApi';
import type { SneApi } from '../../services/sne/sneApi';
import type { Logger } from '../logger';
import type { NotificationQueue } from './notificationQueue';

export interface DailyDossierCheckDependencies {
  subscriptions: NotificationSubscriptions;
  portal: PortalApi;
  sne: SneApi;
  queue: NotificationQueue;
  logger: Logger;
  now: () => Date;
  quietHours: QuietHours | 'off';
}

/**
 * Once a day: each subscribed applicant's request is read from the national file; a renewal due within
 * a month or an expired request becomes a notification (keyed by the renewal date, so told once).
 * Returns how many reminders were queued.
 */
export async function checkDossierReminders(deps: DailyDossierCheckDependencies): Promise<number> {
  let queued = 0;
  for (const applicantId of await deps.subscriptions.applicants()) {
    try {
      const { request, alongside: candidatures } = await readLinkedDossier(deps, applicantId, () => deps.portal.listCandidatures(applicantId));
      const reminder = dossierReminderFor(applicantId, request, deps.now());
      for (const due of [...(reminder ? [reminder] : []), ...proposalRemindersFor(applicantId, candidatures, deps.now())]) {
        await deps.queue.enqueue(due, sendableAt(deps.now(), deps.quietHours));
        queued++;
      }
    } catch (error) {
      deps.logger.warn({ applicantId, err: error }, 'dossier not checked today');
    }
  }
  deps.logger.info({ queued }, 'daily dossier check done');
  return queued;
}
