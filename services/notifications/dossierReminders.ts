import type { HousingRequest } from '../sne/schemas';
import type { DossierReminder } from './portalEvents';

/** The renewal warning starts one month before the date (CCH R441-2-7). */
const RENEWAL_WARNING_DAYS = 31;

/**
 * What the daily check tells an applicant about their request, if anything: renew before the date
 * (within a month), or the request expired. Keyed by the renewal date, so each is told once.
 */
export function dossierReminderFor(applicantId: string, request: HousingRequest, today: Date): DossierReminder | undefined {
  if (request.state === 'expired') {
    return { eventId: `request.expired:${applicantId}:${request.renewalDueDate}`, applicantId, type: 'request.expired', date: request.renewalDueDate };
  }
  if (request.state !== 'active' && request.state !== 'to_renew') return undefined;
  const daysLeft = Math.round((Date.parse(`${request.renewalDueDate}T00:00:00Z`) - Date.parse(`${isoDay(today)}T00:00:00Z`)) / 86_400_000);
  if (request.state === 'to_renew' || (daysLeft >= 0 && daysLeft <= RENEWAL_WARNING_DAYS)) {
    return { eventId: `request.renewal_due:${applicantId}:${request.renewalDueDate}`, applicantId, type: 'request.renewal_due', date: request.renewalDueDate };
  }
  return undefined;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
