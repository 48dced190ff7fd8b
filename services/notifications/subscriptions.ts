/**
 * Who wants to hear about an applicant's dossier: the chat users (state keys) who linked that applicant
 * and said yes to notifications. The user's own document stays the truth (linked to this applicant,
 * still opted in); this index only finds them, and stale entries are dropped when met.
 */
export interface NotificationSubscriptions {
  subscribe(applicantId: string, userKey: string): Promise<void>;
  unsubscribe(applicantId: string, userKey: string): Promise<void>;
  subscribersOf(applicantId: string): Promise<string[]>;
  /** Every applicant with at least one subscriber, for the daily renewal check. */
  applicants(): Promise<string[]>;
}
