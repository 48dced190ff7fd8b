import type { Dialog } from 'botbuilder-dialogs';
import type { DialogServices } from './dialogServices';
import { ApplyDialog } from './applyDialog';
import { DocumentsDialog } from './documentsDialog';
import { EligibilityDialog } from './eligibilityDialog';
import { EmployerDialog } from './employerDialog';
import { FaqDialog } from './faqDialog';
import { HelpdeskDialog } from './helpdeskDialog';
import { LinkNumberDialog } from './linkNumberDialog';
import { OfferSearchDialog } from './offerSearchDialog';
import { NotificationsDialog } from './notificationsDialog';
import { PrivacyDialog } from './privacyDialog';
import { ProposalDialog } from './proposalDialog';
import { SavedSearchDialog } from './savedSearchDialog';
import { StatusDialog } from './statusDialog';

/** The feature dialogs the routes table points to (dialogs/routes.ts). */
export function featureDialogs(services: DialogServices): Dialog[] {
  // A component registers the dialogs it starts itself: the SDK's reprompt (after "aide" or a language
  // switch in the middle of a step) does not look in the parent's dialogs.
  const employer = new EmployerDialog(services.portal);
  const link = new LinkNumberDialog({ portal: services.portal, attemptsPerUser: services.linkAttempts.perUser, attemptsPerNumber: services.linkAttempts.perNumber }, employer);
  return [
    link,
    employer,
    new PrivacyDialog(services.savedSearches, services.notificationSubscriptions),
    new NotificationsDialog(services.notificationSubscriptions),
    new EligibilityDialog({ portal: services.portal, sne: services.sne }, link, employer),
    new DocumentsDialog({ portal: services.portal, sne: services.sne }),
    new FaqDialog(services.knowledge),
    new HelpdeskDialog(services.helpdesk, services.ticketAnnouncer, services.now),
    new StatusDialog({ portal: services.portal, sne: services.sne, backgroundWork: services.backgroundWork }, link),
    new OfferSearchDialog(services.portal, services.sne),
    new SavedSearchDialog(services.savedSearches),
    new ProposalDialog(services.portal, link),
    new ApplyDialog({ portal: services.portal, sne: services.sne, maxActiveApplications: services.maxActiveApplications }, link),
  ];
}
