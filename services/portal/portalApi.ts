import { CallOptions } from '../http/jsonClient';
import { Applicant, Candidature, Employer, LinkChallenge, LinkVerification, Offer, OfferPage, OfferSearchCriteria, ProposalAnswer } from './schemas';

/**
 * What the dialogs may ask the AL-in portal. Every failure is a `ServiceError` (services/http/errors);
 * the kinds each method can add to `Unavailable` and `InvalidResponse` are listed.
 */
export interface PortalApi {
  /** Sends a one-time code to the contact on file. Always answers the same way for unknown numbers. BadRequest: not a NUR. */
  startLinkChallenge(nur: string, options?: CallOptions): Promise<LinkChallenge>;
  /** BadRequest with `attemptsLeft`: wrong code · Locked: too many wrong codes · Gone: expired or used · NotFound. */
  verifyLinkChallenge(challengeId: string, code: string, options?: CallOptions): Promise<LinkVerification>;
  /** NotFound. */
  getApplicant(applicantId: string, options?: CallOptions): Promise<Applicant>;
  /** BadRequest: a criterion out of range. */
  searchOffers(criteria: OfferSearchCriteria, options?: CallOptions): Promise<OfferPage>;
  /** NotFound. */
  getOffer(offerId: string, options?: CallOptions): Promise<Offer>;
  /** NotFound (applicant). Newest first. */
  listCandidatures(applicantId: string, options?: CallOptions): Promise<Candidature[]>;
  /** NotFound · Conflict: already applied · RuleViolation: see `ApplicationViolationCode`. Never retried. */
  applyToOffer(applicantId: string, offerId: string, options?: CallOptions): Promise<Candidature>;
  /** NotFound · Conflict: no longer active (decided, refused). Withdrawing twice is harmless. */
  withdrawCandidature(applicantId: string, candidatureId: string, options?: CallOptions): Promise<Candidature>;
  /**
   * Accepts or declines a proposal. NotFound · Conflict with `code`: NOT_PROPOSED (no answer awaited),
   * DEADLINE_PASSED (silence counted as refusal), ALREADY_ANSWERED (the other answer was given). The same
   * answer twice is harmless: the second gets the same application back.
   */
  answerProposal(applicantId: string, candidatureId: string, answer: ProposalAnswer, options?: CallOptions): Promise<Candidature>;
  /** NotFound · BadRequest: not a valid SIRET. */
  getEmployer(siret: string, options?: CallOptions): Promise<Employer>;
}
