import { MessageFactory, type ConversationReference, type Storage } from 'botbuilder';
import { notificationCard } from '../../dialogs/cards/notificationCard';
import type { DossierNotification } from '../../services/notifications/portalEvents';
import type { NotificationSubscriptions } from '../../services/notifications/subscriptions';
import type { Coordinator } from '../coordination/coordinator';
import { languageOfTurn, translatorFor } from '../../dialogs/i18n';
import type { Logger } from '../logger';
import { UserDataSchema } from '../../dialogs/turn/stateSchemas';
import type { ProactiveMessenger } from './backgroundWork';

/** A user is told an event once, even when its job runs again after a failure elsewhere. */
const SENT_CLAIM_MS = 30 * 24 * 3600 * 1000;

export interface DossierNotifierDependencies {
  storage: Storage;
  subscriptions: NotificationSubscriptions;
  coordinator: Coordinator;
  messenger: ProactiveMessenger;
  logger: Logger;
}

/**
 * Tells every subscriber of the applicant, in their own conversation and language. The user's document
 * decides: still linked to this applicant and still opted in; otherwise the index entry is dropped.
 * Returns how many users were told.
 */
export async function deliverNotification(deps: DossierNotifierDependencies, notification: DossierNotification): Promise<number> {
  let told = 0;
  for (const userKey of await deps.subscriptions.subscribersOf(notification.applicantId)) {
    const user = UserDataSchema.safeParse((await deps.storage.read([userKey]))[userKey] ?? {});
    const stillWanted = user.success && user.data.link?.applicantId === notification.applicantId && user.data.notifications?.enabled === true;
    if (!stillWanted || !user.data.reference) {
      if (!stillWanted) await deps.subscriptions.unsubscribe(notification.applicantId, userKey);
      continue;
    }
    const claim = `notify:sent:${notification.eventId}:${userKey}`;
    if (!(await deps.coordinator.claimOnce(claim, SENT_CLAIM_MS))) continue;
    const reference = user.data.reference as Partial<ConversationReference>;
    const language = languageOfTurn(reference.locale, user.data.language);
    try {
      await deps.messenger.continueConversation(reference, async (context) => {
        await context.sendActivity(MessageFactory.attachment(notificationCard(translatorFor(language), language, notification)));
      });
      told++;
    } catch (error) {
      // Given back so the job's retry can try this user again.
      await deps.coordinator.releaseClaim(claim);
      throw error;
    }
  }
  deps.logger.info({ eventId: notification.eventId, type: notification.type, told }, 'dossier notification delivered');
  return told;
}
