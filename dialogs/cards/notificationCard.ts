import type { Attachment } from 'botbuilder';
import type { Language, Translate } from '../i18n';
import type { DossierNotification } from '../../services/notifications/portalEvents';
import { formatDate } from '../format';
import { adaptiveCard, intentButton } from './adaptiveCard';

/** A message the assistant sends on its own: what changed, what to do, and a way to stop them. */
export function notificationCard(t: Translate, language: Language, notification: DossierNotification): Attachment {
  const lines = notificationLines(t, language, notification);
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('notifications:title'), weight: 'Bolder', wrap: true },
      ...lines.map((text) => ({ type: 'TextBlock', text, wrap: true })),
    ],
    actions: [
      ...(notification.type === 'proposal.deadline_soon' ? [intentButton(t('notifications:answerProposal'), 'proposal', { candidatureId: notification.applicationId })] : []),
      intentButton(t('notifications:seeStatus'), 'status'),
      intentButton(t('notifications:stop'), 'notifications', { choice: 'off' }),
    ],
    fallbackText: [t('notifications:title'), ...lines].join('\n'),
  });
}

function notificationLines(t: Translate, language: Language, notification: DossierNotification): string[] {
  switch (notification.type) {
    case 'application.stage_changed': {
      const { stage, offerLabel } = notification.data;
      const stageText = stage === 'attributed' ? t('notifications:attributedStage') : t(`status:applications.stage.${stage}`);
      return [t('notifications:stageChanged', { offerLabel, stage: stageText })];
    }
    case 'offer.received': {
      const { offerLabel, rank, answerDueDate } = notification.data;
      return [t('notifications:offerReceived', { offerLabel, rank, date: formatDate(answerDueDate, language) })];
    }
    case 'document.rejected': {
      const { documentType, reason } = notification.data;
      return [
        t('notifications:documentRejected', { document: t(`status:documents.type.${documentType}`) }),
        ...(reason ? [t('notifications:documentRejectedReason', { reason })] : []),
        t('notifications:documentHowTo'),
      ];
    }
    case 'request.renewal_due':
      return [t('notifications:renewalDue', { date: formatDate(notification.date, language) })];
    case 'request.expired':
      return [t('notifications:expired', { date: formatDate(notification.date, language) })];
    case 'proposal.deadline_soon':
      return [t('notifications:proposalDeadline', { offerLabel: notification.offerLabel, date: formatDate(notification.date, language), count: notification.daysLeft })];
  }
}

/** Offered once the number is linked: buttons, not a question, so the user may just carry on. */
export function subscribeOfferCard(t: Translate): Attachment {
  return adaptiveCard({
    body: [{ type: 'TextBlock', text: t('notifications:offerToSubscribe'), wrap: true }],
    actions: [
      intentButton(t('notifications:subscribeButton'), 'notifications', { choice: 'on' }),
      intentButton(t('notifications:declineButton'), 'notifications', { choice: 'declined' }),
    ],
    fallbackText: t('notifications:offerToSubscribe'),
  });
}
