import type { HousingRequest } from '../sne/schemas';
import type { Candidature } from '../portal/schemas';
import type { DossierReminder, ProposalReminder } from './portalEvents';
// Days to a date are counted in Paris time everywhere (at 23:30 UTC in winter it is already tomorrow).
import { daysBetween } from '../dossier/dossierSummary';

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
  const daysLeft = daysBetween(today, request.renewalDueDate);
  if (request.state === 'to_renew' || (daysLeft >= 0 && daysLeft <= RENEWAL_WARNING_DAYS)) {
    return { eventId: `request.renewal_due:${applicantId}:${request.renewalDueDate}`, applicantId, type: 'request.renewal_due', date: request.renewalDueDate };
  }
  return undefined;
}

/** Reminders of an unanswered proposal: three days before its date, then one day before. */
const PROPOSAL_REMINDER_DAYS = [1, 3] as const;

/**
 * The proposals still awaiting an answer whose date is three days away or less (then one day or less):
 * one reminder per application and step, so a missed daily run still reminds, and none twice.
 */
export function proposalRemindersFor(applicantId: string, candidatures: Candidature[], today: Date): ProposalReminder[] {
  return candidatures.flatMap((candidature) => {
    if (candidature.status !== 'attributed' || !candidature.decision) return [];
    const date = candidature.decision.answerDueDate;
    const daysLeft = daysBetween(today, date);
    const step = PROPOSAL_REMINDER_DAYS.find((days) => daysLeft >= 0 && daysLeft <= days);
    if (step === undefined) return [];
    const offerLabel = `${candidature.offer.typology} · ${candidature.offer.commune.name}`;
    return [{ eventId: `proposal.deadline_soon:${candidature.id}:${date}:${step}`, applicantId, type: 'proposal.deadline_soon', applicationId: candidature.id, offerLabel, date, daysLeft }];
  });
}
