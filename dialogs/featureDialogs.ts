import type { Dialog } from 'botbuilder-dialogs';
import type { DialogServices } from '../bot/app';
import { EmployerDialog } from './employerDialog';
import { LinkNumberDialog } from './linkNumberDialog';
import { OfferSearchDialog } from './offerSearchDialog';
import { PrivacyDialog } from './privacyDialog';
import { StatusDialog } from './statusDialog';

/** The feature dialogs the routes table points to (dialogs/routes.ts). */
export function featureDialogs(services: DialogServices): Dialog[] {
  return [
    new LinkNumberDialog({ portal: services.portal, attemptsPerUser: services.linkAttempts.perUser, attemptsPerNumber: services.linkAttempts.perNumber }),
    new PrivacyDialog(),
    new EmployerDialog(services.portal),
    new OfferSearchDialog(services.portal),
    new StatusDialog({ portal: services.portal, sne: services.sne, backgroundWork: services.backgroundWork }),
  ];
}
