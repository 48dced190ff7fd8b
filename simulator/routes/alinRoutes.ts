import { z } from 'zod';
import { ceilingYearFor } from '../../services/eligibility/ceilings';
import { ProposalAnswerSchema } from '../../services/portal/schemas';
import { isValidSiret } from '../../services/portal/siret';
import { normaliseNur } from '../../services/sne/uniqueNumber';
import { applicationViolations } from '../../services/offers/applicationRules';
import { isoDate, startOfDay } from '../calendar';
import { problem, ok, parseBody } from '../http/problems';
import { Route, SimulatorResponse } from '../http/router';
import { LinkChallenges } from '../linkChallenges';
import { parseOfferQuery, searchOffers } from '../offerSearch';
import { applicantView, candidatureView, isActiveCandidature, requestView } from '../views';
import { SimulatorWorld, StoredApplicant, StoredCandidature, nextId } from '../world';

export interface AlinContext {
  world: SimulatorWorld;
  challenges: LinkChallenges;
  now: () => Date;
  maxActiveApplications: number;
}

const PREFIX = '/alin/v1';

/** The AL-in portal API (`/alin/v1`), as docs/portal-api.yaml describes it. */
export function alinRoutes(context: AlinContext): Route[] {
  const { world, challenges, now } = context;

  const withApplicant = (applicantId: string | undefined, then: (applicant: StoredApplicant) => SimulatorResponse) => {
    const applicant = applicantId === undefined ? undefined : world.applicants.get(applicantId);
    return applicant ? then(applicant) : problem(404, 'APPLICANT_NOT_FOUND', 'no applicant with this id');
  };

  return [
    {
      method: 'POST',
      pattern: `${PREFIX}/links/challenges`,
      handler: ({ body }) => {
        const parsed = parseBody(z.object({ nur: z.string().max(64) }), body);
        if (!parsed.ok) return parsed.response;
        const nur = normaliseNur(parsed.value.nur);
        // The format is public, so refusing it reveals nothing; existence is never revealed.
        if (!nur) return problem(400, 'INVALID_NUR', 'expected 13 digits then 5 letters or digits');
        const applicant = [...world.applicants.values()].find((candidate) => candidate.nur === nur);
        const holder = applicant ? { applicantId: applicant.id, email: applicant.email } : undefined;
        return ok(challenges.start(nur, holder), 202);
      },
    },
    {
      method: 'POST',
      pattern: `${PREFIX}/links/challenges/:challengeId/verify`,
      handler: ({ params, body }) => {
        const parsed = parseBody(z.object({ code: z.string().max(16) }), body);
        if (!parsed.ok) return parsed.response;
        const verification = challenges.verify(params.challengeId ?? '', parsed.value.code.trim());
        switch (verification.outcome) {
          case 'verified':
            return ok({ applicantId: verification.applicantId });
          case 'wrongCode':
            return problem(400, 'WRONG_CODE', 'the code does not match', { attemptsLeft: verification.attemptsLeft });
          case 'locked':
            return problem(423, 'CHALLENGE_LOCKED', 'too many wrong codes: start a new challenge');
          case 'expired':
            return problem(410, 'CHALLENGE_EXPIRED', 'the code is no longer valid: start a new challenge');
          case 'used':
            return problem(410, 'CHALLENGE_USED', 'the code was already used');
          case 'notFound':
            return problem(404, 'CHALLENGE_NOT_FOUND', 'no challenge with this id');
        }
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/applicants/:applicantId`,
      handler: ({ params }) => withApplicant(params.applicantId, (applicant) => ok(applicantView(world, applicant, now()))),
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/offers`,
      handler: ({ query }) => {
        const parsed = parseOfferQuery(query);
        if (!parsed.ok) return problem(400, 'INVALID_QUERY', `invalid parameters: ${parsed.fields.join(', ')}`);
        return ok(searchOffers(world.offers.values(), parsed.criteria));
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/offers/:offerId`,
      handler: ({ params }) => {
        const offer = world.offers.get(params.offerId ?? '');
        return offer ? ok(offer) : problem(404, 'OFFER_NOT_FOUND', 'no offer with this id');
      },
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/applicants/:applicantId/candidatures`,
      handler: ({ params }) =>
        withApplicant(params.applicantId, (applicant) => {
          const items = [...world.candidatures.values()]
            .filter((candidature) => candidature.applicantId === applicant.id)
            .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id.localeCompare(a.id))
            .map((candidature) => candidatureView(world, candidature));
          return ok({ items });
        }),
    },
    {
      method: 'POST',
      pattern: `${PREFIX}/applicants/:applicantId/candidatures`,
      handler: ({ params, body }) =>
        withApplicant(params.applicantId, (applicant) => {
          const parsed = parseBody(z.object({ offerId: z.string().min(1).max(64) }), body);
          if (!parsed.ok) return parsed.response;
          const offer = world.offers.get(parsed.value.offerId);
          if (!offer) return problem(404, 'OFFER_NOT_FOUND', 'no offer with this id');
          const own = [...world.candidatures.values()].filter((candidature) => candidature.applicantId === applicant.id);
          if (own.some((candidature) => candidature.offerId === offer.id && candidature.status !== 'withdrawn')) {
            return problem(409, 'ALREADY_APPLIED', 'an application to this offer already exists');
          }
          const request = world.requests.get(applicant.nur);
          if (!request) throw new Error(`simulator data: applicant ${applicant.id} has no request`);
          const at = now();
          const violations = applicationViolations({
            request: requestView(request, at),
            offer,
            activeCandidatures: own.filter(isActiveCandidature).length,
            maxActiveApplications: context.maxActiveApplications,
            ceilingYear: ceilingYearFor(at),
          });
          if (violations.length > 0) return problem(422, 'APPLICATION_REFUSED', 'the application breaks the rules listed', { violations });
          const submittedAt = at.toISOString();
          const created: StoredCandidature = {
            id: nextId(world, 'candidature', 'CAN'),
            applicantId: applicant.id,
            offerId: offer.id,
            status: 'submitted',
            submittedAt,
            decision: null,
            history: [{ status: 'submitted', at: submittedAt }],
          };
          world.candidatures.set(created.id, created);
          return ok(candidatureView(world, created), 201);
        }),
    },
    {
      method: 'DELETE',
      pattern: `${PREFIX}/applicants/:applicantId/candidatures/:candidatureId`,
      handler: ({ params }) =>
        withApplicant(params.applicantId, (applicant) => {
          const candidature = world.candidatures.get(params.candidatureId ?? '');
          if (!candidature || candidature.applicantId !== applicant.id) {
            return problem(404, 'CANDIDATURE_NOT_FOUND', 'no application with this id for this applicant');
          }
          // Withdrawing twice is harmless, so a retried DELETE gets the same answer.
          if (candidature.status === 'withdrawn') return ok(candidatureView(world, candidature));
          if (!isActiveCandidature(candidature)) {
            return problem(409, 'NOT_WITHDRAWABLE', `an application that is ${candidature.status} cannot be withdrawn`);
          }
          candidature.status = 'withdrawn';
          candidature.history.push({ status: 'withdrawn', at: now().toISOString() });
          return ok(candidatureView(world, candidature));
        }),
    },
    {
      method: 'POST',
      pattern: `${PREFIX}/applicants/:applicantId/candidatures/:candidatureId/answer`,
      handler: ({ params, body }) =>
        withApplicant(params.applicantId, (applicant) => {
          const parsed = parseBody(ProposalAnswerSchema, body);
          if (!parsed.ok) return parsed.response;
          const candidature = world.candidatures.get(params.candidatureId ?? '');
          if (!candidature || candidature.applicantId !== applicant.id) {
            return problem(404, 'CANDIDATURE_NOT_FOUND', 'no application with this id for this applicant');
          }
          const answered = parsed.value.answer === 'accept' ? 'accepted' : 'declined';
          // The same answer twice (a double press, a retried POST) changes nothing.
          if (candidature.status === answered) return ok(candidatureView(world, candidature));
          if (candidature.status === 'accepted' || candidature.status === 'declined') {
            return problem(409, 'ALREADY_ANSWERED', `this proposal was already ${candidature.status}`);
          }
          if (candidature.status !== 'attributed' || !candidature.decision) {
            return problem(409, 'NOT_PROPOSED', `an application that is ${candidature.status} awaits no answer`);
          }
          // At least 10 days to answer; after the date, silence counted as refusal (CCH R441-10).
          if (isoDate(startOfDay(now())) > candidature.decision.answerDueDate) {
            return problem(409, 'DEADLINE_PASSED', `the answer was due on ${candidature.decision.answerDueDate}`);
          }
          candidature.status = answered;
          if (parsed.value.answer === 'decline') candidature.declineReason = parsed.value.reason;
          candidature.history.push({ status: answered, at: now().toISOString() });
          return ok(candidatureView(world, candidature));
        }),
    },
    {
      method: 'GET',
      pattern: `${PREFIX}/employers/:siret`,
      handler: ({ params }) => {
        const siret = params.siret ?? '';
        if (!isValidSiret(siret)) return problem(400, 'INVALID_SIRET', 'expected 14 digits passing the Luhn check');
        const employer = world.employers.get(siret);
        return employer ? ok(employer) : problem(404, 'EMPLOYER_NOT_FOUND', 'no employer with this SIRET');
      },
    },
  ];
}

