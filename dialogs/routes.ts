import type { Intent } from './recognizer/intents';

/**
 * Where each intent goes, in one table. A route names a feature dialog (started with the recognition as
 * options) or a one-line reply from `locales/<language>/common.json`. Global intents (cancel, help, menu,
 * change language) are handled by the main dialog before this table, in any step.
 */
export type Route = { dialog: string } | { reply: string } | { menu: true } | { notUnderstood: true };

export const ROUTES: Record<Intent, Route> = {
  greeting: { reply: 'greeting' },
  thanks: { reply: 'thanks' },
  goodbye: { reply: 'goodbye' },
  menu: { menu: true },
  help: { menu: true },
  cancel: { menu: true },
  changeLanguage: { menu: true },
  none: { notUnderstood: true },
  linkNumber: { dialog: 'linkNumberDialog' },
  unlink: { dialog: 'privacyDialog' },
  privacy: { dialog: 'privacyDialog' },
  deleteMyData: { dialog: 'privacyDialog' },
  status: { dialog: 'statusDialog' },
  renewal: { dialog: 'statusDialog' },
  eligibility: { dialog: 'eligibilityDialog' },
  documents: { dialog: 'documentsDialog' },
  faq: { dialog: 'faqDialog' },
  searchOffers: { dialog: 'offerSearchDialog' },
  savedSearches: { dialog: 'savedSearchDialog' },
  notifications: { dialog: 'notificationsDialog' },
  apply: { dialog: 'applyDialog' },
  myApplications: { dialog: 'applyDialog' },
  withdraw: { dialog: 'applyDialog' },
  proposal: { dialog: 'proposalDialog' },
  helpdesk: { dialog: 'helpdeskDialog' },
  complaint: { dialog: 'helpdeskDialog' },
};
