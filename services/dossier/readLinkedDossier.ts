import type { PortalApi } from '../portal/portalApi';
import type { Applicant } from '../portal/schemas';
import type { SneApi } from '../sne/sneApi';
import type { HousingRequest } from '../sne/schemas';

/** The two APIs that hold a linked dossier: AL-in knows the applicant, the national file their request. */
export interface LinkedDossierApis {
  portal: PortalApi;
  sne: SneApi;
}

/** A linked applicant on AL-in and the request on the national file their profile points to. */
export interface LinkedDossier {
  applicant: Applicant;
  request: HousingRequest;
}

/**
 * Reads the applicant, then the request their profile links to (AL-in holds the number, the national
 * file the request). One portal call and one national file call. `alongside` starts once the applicant
 * is known, in parallel with the request (the applications, an offer), and its result comes back too.
 * Failures are the clients' `ServiceError`s, unchanged: NotFound for an unknown applicant or number.
 */
export async function readLinkedDossier(apis: LinkedDossierApis, applicantId: string): Promise<LinkedDossier>;
export async function readLinkedDossier<T>(
  apis: LinkedDossierApis,
  applicantId: string,
  alongside: () => Promise<T>,
): Promise<LinkedDossier & { alongside: T }>;
export async function readLinkedDossier<T>(
  apis: LinkedDossierApis,
  applicantId: string,
  alongside?: () => Promise<T>,
): Promise<LinkedDossier & { alongside?: T }> {
  const applicant = await apis.portal.getApplicant(applicantId);
  if (!alongside) return { applicant, request: await apis.sne.getRequest(applicant.linkedRequest.nur) };
  const [request, alongsideResult] = await Promise.all([apis.sne.getRequest(applicant.linkedRequest.nur), alongside()]);
  return { applicant, request, alongside: alongsideResult };
}
