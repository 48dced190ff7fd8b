import { CircuitStatus } from '../http/circuitBreaker';
import { CallOptions, HttpClientSettings, JsonRequest, createJsonClient } from '../http/jsonClient';
import { PortalApi } from './portalApi';
import {
  ApplicantSchema,
  CandidatureListSchema,
  CandidatureSchema,
  EmployerSchema,
  LinkChallengeSchema,
  LinkVerificationSchema,
  OfferPageSchema,
  OfferSchema,
  OfferSearchCriteria,
} from './schemas';

export interface PortalHttpClient extends PortalApi {
  circuitStatus(): CircuitStatus;
}

/** The AL-in portal client over HTTP (`{baseUrl}/alin/v1`). */
export function createPortalHttpClient(settings: HttpClientSettings): PortalHttpClient {
  const client = createJsonClient({ name: 'alin', prefix: '/alin/v1' }, settings);
  const send = <T>(request: JsonRequest<T>, options?: CallOptions) => client.send(request, options);
  const segment = encodeURIComponent;

  return {
    startLinkChallenge: (nur, options) =>
      send({ operation: 'startLinkChallenge', method: 'POST', path: '/links/challenges', body: { nur }, responseSchema: LinkChallengeSchema }, options),

    verifyLinkChallenge: (challengeId, code, options) =>
      send(
        {
          operation: 'verifyLinkChallenge',
          method: 'POST',
          path: `/links/challenges/${segment(challengeId)}/verify`,
          body: { code },
          responseSchema: LinkVerificationSchema,
        },
        options,
      ),

    getApplicant: (applicantId, options) =>
      send({ operation: 'getApplicant', method: 'GET', path: `/applicants/${segment(applicantId)}`, responseSchema: ApplicantSchema }, options),

    searchOffers: (criteria, options) =>
      send({ operation: 'searchOffers', method: 'GET', path: '/offers', query: offerQuery(criteria), responseSchema: OfferPageSchema }, options),

    getOffer: (offerId, options) =>
      send({ operation: 'getOffer', method: 'GET', path: `/offers/${segment(offerId)}`, responseSchema: OfferSchema }, options),

    listCandidatures: async (applicantId, options) => {
      const list = await send(
        { operation: 'listCandidatures', method: 'GET', path: `/applicants/${segment(applicantId)}/candidatures`, responseSchema: CandidatureListSchema },
        options,
      );
      return list.items;
    },

    applyToOffer: (applicantId, offerId, options) =>
      send(
        {
          operation: 'applyToOffer',
          method: 'POST',
          path: `/applicants/${segment(applicantId)}/candidatures`,
          body: { offerId },
          responseSchema: CandidatureSchema,
        },
        options,
      ),

    withdrawCandidature: (applicantId, candidatureId, options) =>
      send(
        {
          operation: 'withdrawCandidature',
          method: 'DELETE',
          path: `/applicants/${segment(applicantId)}/candidatures/${segment(candidatureId)}`,
          responseSchema: CandidatureSchema,
        },
        options,
      ),

    answerProposal: (applicantId, candidatureId, answer, options) =>
      send(
        {
          operation: 'answerProposal',
          method: 'POST',
          path: `/applicants/${segment(applicantId)}/candidatures/${segment(candidatureId)}/answer`,
          body: answer,
          responseSchema: CandidatureSchema,
        },
        options,
      ),

    getEmployer: (siret, options) =>
      send({ operation: 'getEmployer', method: 'GET', path: `/employers/${segment(siret)}`, responseSchema: EmployerSchema }, options),

    circuitStatus: () => client.circuitStatus(),
  };
}

/** Lists travel comma-separated (`typology=T2,T3`), as docs/portal-api.yaml describes. */
function offerQuery(criteria: OfferSearchCriteria): Record<string, string | number | boolean | undefined> {
  return {
    commune: criteria.commune,
    department: criteria.department,
    typology: criteria.typology?.join(','),
    maxRent: criteria.maxRent,
    minSurface: criteria.minSurface,
    accessible: criteria.accessible,
    financing: criteria.financing?.join(','),
    publishedSince: criteria.publishedSince,
    page: criteria.page,
    pageSize: criteria.pageSize,
  };
}
