import { CeilingYear, ceilingFor, householdCategory, pliZoneOf, zoneOfCommune } from '../eligibility/ceilings';
import { Violation } from '../http/errors';
import { ApplicationViolationCode, Offer } from '../portal/schemas';
import { HousingRequest } from '../sne/schemas';

export interface ApplicationCase {
  request: HousingRequest;
  offer: Offer;
  activeCandidatures: number;
  maxActiveApplications: number;
  ceilingYear: CeilingYear;
}

export interface NamedViolation extends Violation {
  code: ApplicationViolationCode;
}

/**
 * Every rule an application breaks (all of them, so the user can fix everything at once). One
 * function for the simulator's portal and for the assistant's check before it asks to confirm, so the
 * assistant never promises what the portal would refuse.
 */
export function applicationViolations(application: ApplicationCase): NamedViolation[] {
  const { request, offer } = application;
  const violations = requestViolations(application);
  const ceiling = ceilingForOffer(request, offer, application.ceilingYear);
  // Eligible when the income is lower than or equal to the ceiling (arrêté of 29 July 1987).
  if (request.referenceIncome.amount > ceiling) {
    violations.push({
      code: 'INCOME_ABOVE_CEILING',
      message: `reference income above the ${offer.financing} ceiling`,
      params: { financing: offer.financing, ceiling, year: application.ceilingYear },
    });
  }
  return violations;
}

/**
 * The rules that hold whatever the offer: the limit of applications in progress, a valid request, a
 * complete one. "Je peux candidater ?" is answered with these before any offer is chosen.
 */
export function requestViolations(application: Omit<ApplicationCase, 'offer' | 'ceilingYear'>): NamedViolation[] {
  const { request } = application;
  const violations: NamedViolation[] = [];

  // AL-in's limit is not published (FACTS.md): ours is configuration, MAX_ACTIVE_APPLICATIONS.
  if (application.activeCandidatures >= application.maxActiveApplications) {
    violations.push({
      code: 'ACTIVE_LIMIT_REACHED',
      message: `at most ${application.maxActiveApplications} active applications`,
      params: { limit: application.maxActiveApplications },
    });
  }
  // A request that is not valid cannot be passed to a landlord; `to_renew` is still valid.
  if (request.state !== 'active' && request.state !== 'to_renew') {
    violations.push({ code: 'REQUEST_NOT_ACTIVE', message: `the request is ${request.state}`, params: { state: request.state } });
  }
  // An incomplete request cannot be passed to the landlord (AL-in imports it from the national file).
  if (!request.complete) {
    const documents = request.documents.filter((document) => document.state !== 'provided').map((document) => document.type);
    violations.push({
      code: 'REQUEST_INCOMPLETE',
      message: 'documents missing, expired or rejected in the national request file',
      params: { documents: [...new Set(documents)].join(',') },
    });
  }
  return violations;
}

function ceilingForOffer(request: HousingRequest, offer: Offer, year: CeilingYear): number {
  const category = householdCategory(request.household);
  // PLI ceilings follow the dwelling's ABC zone; the others the three zones of the commune.
  return offer.financing === 'PLI'
    ? ceilingFor(category, pliZoneOf(offer.abcZone), 'PLI', year)
    : ceilingFor(category, zoneOfCommune(offer.commune.inseeCode), offer.financing, year);
}
