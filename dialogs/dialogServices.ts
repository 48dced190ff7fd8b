import type { HelpdeskApi } from '../services/helpdesk/helpdeskApi';
import type { NotificationSubscriptions } from '../services/notifications/subscriptions';
import type { SavedSearchStore } from '../services/offers/savedSearches';
import type { PortalApi } from '../services/portal/portalApi';
import type { SneApi } from '../services/sne/sneApi';
import type { QuestionAnswerer } from './knowledge/questionAnswerer';
import type { AnswerFeedback, AttemptLimiter, BackgroundWork, MissLog, TicketAnnouncer } from './ports';

/** Everything the feature dialogs depend on, built once by the host at start-up and handed over in one bundle. */
export interface DialogServices {
  portal: PortalApi;
  sne: SneApi;
  helpdesk: HelpdeskApi;
  savedSearches: SavedSearchStore;
  notificationSubscriptions: NotificationSubscriptions;
  /** One-time codes per chat user and per number (a number alone proves nothing). */
  linkAttempts: { perUser: AttemptLimiter; perNumber: AttemptLimiter };
  backgroundWork: BackgroundWork;
  ticketAnnouncer: TicketAnnouncer;
  /** The questions applicants ask, searched (locales/<language>/knowledge). */
  knowledge: QuestionAnswerer;
  /** What people think of the answers (👍 👎), and the messages missed, kept for review. */
  answerFeedback: AnswerFeedback;
  misses: MissLog;
  /** The clock of the conversation (opening hours); tests set it. */
  now: () => Date;
  /** The portal's limit of applications in progress at once. */
  maxActiveApplications: number;
}
