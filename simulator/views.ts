import { Applicant, ACTIVE_CANDIDATURE_STATUSES, Candidature } from '../services/portal/schemas';
import { HousingRequest, RequestState } from '../services/sne/schemas';
import { maskNur } from '../services/sne/uniqueNumber';
import { addMonths, parseIsoDate, startOfDay } from './calendar';
import { maskEmail } from './maskEmail';
import { SimulatorWorld, StoredApplicant, StoredCandidature, StoredRequest } from './world';

/** Stored records as the APIs show them: states that depend on the date are computed on read. */

export function requestState(request: StoredRequest, now: Date): RequestState {
  if (request.closedAs) return request.closedAs;
  const today = startOfDay(now);
  const due = parseIsoDate(request.renewalDueDate);
  // Struck off when not renewed by the date (CCH R441-2-8); warned from one month before (CCH R441-2-7).
  if (today > due) return 'expired';
  if (addMonths(today, 1) >= due) return 'to_renew';
  return 'active';
}

export function requestView(request: StoredRequest, now: Date): HousingRequest {
  return {
    nur: request.nur,
    department: request.department,
    registeredAt: request.registeredAt,
    lastRenewedAt: request.lastRenewedAt,
    renewalDueDate: request.renewalDueDate,
    state: requestState(request, now),
    household: request.household,
    referenceIncome: request.referenceIncome,
    documents: request.documents,
    complete: request.documents.every((document) => document.state === 'provided'),
  };
}

export function applicantView(world: SimulatorWorld, applicant: StoredApplicant, now: Date): Applicant {
  const request = world.requests.get(applicant.nur);
  const employer = world.employers.get(applicant.employerSiret);
  if (!request || !employer) throw new Error(`simulator data: applicant ${applicant.id} lacks its request or employer`);
  return {
    id: applicant.id,
    firstName: applicant.firstName,
    maskedNur: maskNur(applicant.nur),
    maskedEmail: maskEmail(applicant.email),
    employer,
    household: { persons: request.household.persons, dependants: request.household.dependants },
    linkedRequest: { nur: request.nur, department: request.department, state: requestState(request, now) },
  };
}

export function candidatureView(world: SimulatorWorld, candidature: StoredCandidature): Candidature {
  const offer = world.offers.get(candidature.offerId);
  if (!offer) throw new Error(`simulator data: candidature ${candidature.id} points to no offer`);
  return {
    id: candidature.id,
    applicantId: candidature.applicantId,
    offer,
    status: candidature.status,
    submittedAt: candidature.submittedAt,
    decision: candidature.decision,
    ...(candidature.commissionDate !== undefined ? { commissionDate: candidature.commissionDate } : {}),
    ...(candidature.documentsRequested ? { documentsRequested: candidature.documentsRequested } : {}),
    history: candidature.history,
  };
}

export function isActiveCandidature(candidature: StoredCandidature): boolean {
  return ACTIVE_CANDIDATURE_STATUSES.includes(candidature.status);
}
