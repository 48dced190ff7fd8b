import { BadRequestError, ConflictError, RuleViolationError, ServiceError, isServiceError } from '../../services/http/errors';
import { createPortalHttpClient, PortalHttpClient } from '../../services/portal/httpClient';
import { Offer } from '../../services/portal/schemas';
import { RunningSimulator } from '../../simulator/startSimulator';
import { DEMO, codeFromOutbox, failureOf, linkDemoAccount, rawCall, startTestSimulator, testClientSettings } from './simulatorHarness';

const FUNCTIONAL_TIMEOUTS = { attemptTimeoutMs: 5000, callTimeoutMs: 10000 };

const START = new Date('2026-11-23T10:00:00.000Z');

function asServiceError(value: unknown): ServiceError {
  if (!isServiceError(value)) throw new Error(`expected a ServiceError, got ${String(value)}`);
  return value;
}

async function violationCodes(promise: Promise<unknown>): Promise<string[]> {
  const error = await failureOf(promise);
  expect(error).toBeInstanceOf(RuleViolationError);
  return (error as RuleViolationError).violations.map((violation) => violation.code);
}

describe('the AL-in portal client against the simulator', () => {
  let simulator: RunningSimulator;
  let portal: PortalHttpClient;
  let clock: Date;

  beforeAll(async () => {
    clock = START;
    simulator = await startTestSimulator({ now: () => clock });
    // Functional tests: realistic timeouts, so a busy CI machine does not turn a slow answer into a failure.
    portal = createPortalHttpClient(testClientSettings(simulator, FUNCTIONAL_TIMEOUTS));
  });
  afterAll(() => simulator.close());
  afterEach(() => {
    clock = START;
  });

  async function firstOffer(criteria: Parameters<PortalHttpClient['searchOffers']>[0]): Promise<Offer> {
    const [offer] = (await portal.searchOffers({ ...criteria, pageSize: 1 })).items;
    if (!offer) throw new Error(`no offer for ${JSON.stringify(criteria)}`);
    return offer;
  }

  describe('linking a number', () => {
    test('links a demo account with the code from the outbox, whatever the typed form', async () => {
      const challenge = await portal.startLinkChallenge('069 1124 000101 gdpub');
      expect(challenge.maskedDestination).toBe('j***@e***.fr');
      expect(Date.parse(challenge.expiresAt) - START.getTime()).toBe(10 * 60 * 1000);
      const code = await codeFromOutbox(simulator, challenge.challengeId);
      expect(code).toMatch(/^\d{6}$/);
      const { applicantId } = await portal.verifyLinkChallenge(challenge.challengeId, code);
      expect((await portal.getApplicant(applicantId)).firstName).toBe('Julie');
    });

    test('answers an unknown number exactly like a known one, and never links it', async () => {
      const unknown = await portal.startLinkChallenge('0750101999999ABCDE');
      const again = await portal.startLinkChallenge('0750101999999ABCDE');
      expect(Object.keys(unknown).sort()).toEqual(['challengeId', 'expiresAt', 'maskedDestination']);
      expect(unknown.maskedDestination).toMatch(/^[a-z]\*\*\*@[a-z]\*\*\*\.(fr|com)$/);
      expect(again.maskedDestination).toBe(unknown.maskedDestination);
      expect((await rawCall(simulator, 'GET', `/dev/outbox?challengeId=${unknown.challengeId}`)).body).toEqual({ items: [] });
      const error = asServiceError(await failureOf(portal.verifyLinkChallenge(unknown.challengeId, '000000')));
      expect(error).toMatchObject({ kind: 'BadRequest', attemptsLeft: 4, code: 'WRONG_CODE' });
    });

    test('counts wrong codes down and locks the challenge at the fifth, even against the right code', async () => {
      const challenge = await portal.startLinkChallenge(DEMO.parisToRenew);
      const code = await codeFromOutbox(simulator, challenge.challengeId);
      const wrong = code === '000000' ? '111111' : '000000';
      for (const attemptsLeft of [4, 3, 2, 1]) {
        const error = await failureOf(portal.verifyLinkChallenge(challenge.challengeId, wrong));
        expect(error).toBeInstanceOf(BadRequestError);
        expect((error as BadRequestError).attemptsLeft).toBe(attemptsLeft);
      }
      expect(asServiceError(await failureOf(portal.verifyLinkChallenge(challenge.challengeId, wrong))).kind).toBe('Locked');
      expect(asServiceError(await failureOf(portal.verifyLinkChallenge(challenge.challengeId, code))).kind).toBe('Locked');
    });

    test('refuses a code after 10 minutes, and a code used twice', async () => {
      const late = await portal.startLinkChallenge(DEMO.girondeExpired);
      const lateCode = await codeFromOutbox(simulator, late.challengeId);
      clock = new Date(START.getTime() + 10 * 60 * 1000 + 1000);
      expect(asServiceError(await failureOf(portal.verifyLinkChallenge(late.challengeId, lateCode)))).toMatchObject({ kind: 'Gone', code: 'CHALLENGE_EXPIRED' });

      const used = await portal.startLinkChallenge(DEMO.girondeExpired);
      const usedCode = await codeFromOutbox(simulator, used.challengeId);
      await portal.verifyLinkChallenge(used.challengeId, usedCode);
      expect(asServiceError(await failureOf(portal.verifyLinkChallenge(used.challengeId, usedCode)))).toMatchObject({ kind: 'Gone', code: 'CHALLENGE_USED' });
    });

    test('refuses what cannot be a NUR, and an unknown challenge', async () => {
      expect(asServiceError(await failureOf(portal.startLinkChallenge('12345')))).toMatchObject({ kind: 'BadRequest', code: 'INVALID_NUR' });
      expect(asServiceError(await failureOf(portal.verifyLinkChallenge('no-such-challenge', '123456'))).kind).toBe('NotFound');
    });
  });

  describe('offers', () => {
    test.each`
      criteria                                            | check
      ${{ department: '33' }}                             | ${(offer: Offer) => offer.commune.department === '33'}
      ${{ typology: ['T2', 'T3'] }}                       | ${(offer: Offer) => offer.typology === 'T2' || offer.typology === 'T3'}
      ${{ maxRent: 500 }}                                 | ${(offer: Offer) => offer.rent + offer.charges <= 500}
      ${{ minSurface: 80 }}                               | ${(offer: Offer) => offer.surface >= 80}
      ${{ accessible: true }}                             | ${(offer: Offer) => offer.accessible}
      ${{ financing: ['PLI'] }}                           | ${(offer: Offer) => offer.financing === 'PLI'}
      ${{ commune: '75056', typology: ['T1'] }}           | ${(offer: Offer) => offer.commune.name === 'Paris' && offer.typology === 'T1'}
      ${{ publishedSince: '2026-11-16T00:00:00.000Z' }}   | ${(offer: Offer) => offer.publishedAt >= '2026-11-16'}
    `('filters by $criteria', async ({ criteria, check }) => {
      const page = await portal.searchOffers({ ...criteria, pageSize: 100 });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every(check)).toBe(true);
      const all = await portal.searchOffers({ pageSize: 1 });
      expect(page.total).toBeLessThan(all.total);
    });

    test('pages through results without overlap', async () => {
      const first = await portal.searchOffers({ department: '75', page: 1, pageSize: 10 });
      const second = await portal.searchOffers({ department: '75', page: 2, pageSize: 10 });
      expect(first.items).toHaveLength(10);
      expect(second.page).toBe(2);
      const firstIds = new Set(first.items.map((offer) => offer.id));
      expect(second.items.some((offer) => firstIds.has(offer.id))).toBe(false);
    });

    test('reads one offer, and says NotFound for an unknown one', async () => {
      const offer = await firstOffer({ commune: '69266' });
      expect(await portal.getOffer(offer.id)).toEqual(offer);
      expect(asServiceError(await failureOf(portal.getOffer('OFR-99999'))).kind).toBe('NotFound');
    });

    test('refuses a page size above 100', async () => {
      expect(asServiceError(await failureOf(portal.searchOffers({ pageSize: 500 })))).toMatchObject({ kind: 'BadRequest', code: 'INVALID_QUERY' });
    });
  });

  describe('applications', () => {
    test('applies, refuses a second application to the same offer, withdraws once and twice', async () => {
      const applicantId = await linkDemoAccount(simulator, portal, DEMO.lyonUnderReview);
      const offer = await firstOffer({ commune: '69266', financing: ['PLUS'], typology: ['T2'] });
      const created = await portal.applyToOffer(applicantId, offer.id);
      expect(created).toMatchObject({ status: 'submitted', offer: { id: offer.id }, decision: null });
      expect(created.history).toEqual([{ status: 'submitted', at: START.toISOString() }]);
      expect(await failureOf(portal.applyToOffer(applicantId, offer.id))).toBeInstanceOf(ConflictError);

      const withdrawn = await portal.withdrawCandidature(applicantId, created.id);
      expect(withdrawn.status).toBe('withdrawn');
      expect((await portal.withdrawCandidature(applicantId, created.id)).status).toBe('withdrawn');
      expect((await portal.listCandidatures(applicantId)).find((candidature) => candidature.id === created.id)?.status).toBe('withdrawn');
    });

    test('does not withdraw a refused application', async () => {
      const applicantId = await linkDemoAccount(simulator, portal, DEMO.lyonUnderReview);
      const refused = (await portal.listCandidatures(applicantId)).find((candidature) => candidature.status === 'refused');
      expect(asServiceError(await failureOf(portal.withdrawCandidature(applicantId, refused?.id ?? '')))).toMatchObject({ kind: 'Conflict', code: 'NOT_WITHDRAWABLE' });
    });

    test('refuses an incomplete request (tax notice missing)', async () => {
      const applicantId = await linkDemoAccount(simulator, portal, DEMO.parisToRenew);
      const offer = await firstOffer({ commune: '75056', financing: ['PLUS'], typology: ['T1'] });
      expect(await violationCodes(portal.applyToOffer(applicantId, offer.id))).toEqual(['REQUEST_INCOMPLETE']);
    });

    test.each([
      ['an expired request', DEMO.girondeExpired, '33063'],
      ['a cancelled request', DEMO.toulouseCancelled, '31555'],
      ['a request closed by a lease', DEMO.nantesHoused, '44109'],
    ])('refuses %s', async (_why, nur, commune) => {
      const applicantId = await linkDemoAccount(simulator, portal, nur);
      const offer = await firstOffer({ commune, financing: ['PLUS'] });
      expect(await violationCodes(portal.applyToOffer(applicantId, offer.id))).toContain('REQUEST_NOT_ACTIVE');
    });

    test('refuses a sixth active application until one is withdrawn', async () => {
      const applicantId = await linkDemoAccount(simulator, portal, DEMO.marseilleAtLimit);
      const applied = new Set((await portal.listCandidatures(applicantId)).map((candidature) => candidature.offer.id));
      const offer = (await portal.searchOffers({ commune: '13055', financing: ['PLAI', 'PLUS'], pageSize: 50 })).items.find(
        (candidate) => !applied.has(candidate.id),
      );
      if (!offer) throw new Error('no free offer in Marseille');
      const error = await failureOf(portal.applyToOffer(applicantId, offer.id));
      expect((error as RuleViolationError).violations).toEqual([
        { code: 'ACTIVE_LIMIT_REACHED', message: expect.any(String), params: { limit: 5 } },
      ]);
      const [newest] = await portal.listCandidatures(applicantId);
      await portal.withdrawCandidature(applicantId, newest?.id ?? '');
      expect((await portal.applyToOffer(applicantId, offer.id)).status).toBe('submitted');
    });

    test('refuses an income above the offer’s ceiling and accepts a PLI offer within it', async () => {
      const applicantId = await linkDemoAccount(simulator, portal, DEMO.parisAboveCeiling);
      const plus = await firstOffer({ commune: '75056', financing: ['PLUS'] });
      const error = await failureOf(portal.applyToOffer(applicantId, plus.id));
      // Category 2 in Paris, PLUS 2026: 40 233 € (FACTS.md); the household declares 58 000 €.
      expect((error as RuleViolationError).violations).toEqual([
        { code: 'INCOME_ABOVE_CEILING', message: expect.any(String), params: { financing: 'PLUS', ceiling: 40233, year: 2026 } },
      ]);
      const pli = await firstOffer({ commune: '75056', financing: ['PLI'] });
      expect((await portal.applyToOffer(applicantId, pli.id)).status).toBe('submitted');
    });

    test('follows MAX_ACTIVE_APPLICATIONS', async () => {
      const strict = await startTestSimulator({ now: START, maxActiveApplications: 1 });
      try {
        const strictPortal = createPortalHttpClient(testClientSettings(strict, FUNCTIONAL_TIMEOUTS));
        const applicantId = await linkDemoAccount(strict, strictPortal, DEMO.lyonUnderReview);
        const [offer] = (await strictPortal.searchOffers({ commune: '69266', financing: ['PLUS'], typology: ['T2'] })).items;
        expect(await violationCodes(strictPortal.applyToOffer(applicantId, offer?.id ?? ''))).toEqual(['ACTIVE_LIMIT_REACHED']);
      } finally {
        await strict.close();
      }
    });

    test('says NotFound for an unknown applicant or offer', async () => {
      expect(asServiceError(await failureOf(portal.getApplicant('AL-NOBODY'))).kind).toBe('NotFound');
      expect(asServiceError(await failureOf(portal.listCandidatures('AL-NOBODY'))).kind).toBe('NotFound');
      const applicantId = await linkDemoAccount(simulator, portal, DEMO.lyonUnderReview);
      expect(asServiceError(await failureOf(portal.applyToOffer(applicantId, 'OFR-99999')))).toMatchObject({ kind: 'NotFound', code: 'OFFER_NOT_FOUND' });
    });
  });

  describe('employers', () => {
    test.each`
      siret                 | outcome
      ${'84215930300010'}   | ${{ eligible: true, name: 'Rhône Logistique SAS' }}
      ${'89761240400011'}   | ${{ eligible: false }}
      ${'21990004000011'}   | ${{ eligible: false }}
    `('tells whether $siret may use AL-in', async ({ siret, outcome }) => {
      expect(await portal.getEmployer(siret)).toMatchObject({ siret, ...outcome });
    });

    test('refuses an invalid SIRET and says NotFound for an unknown valid one', async () => {
      expect(asServiceError(await failureOf(portal.getEmployer('84215930300011')))).toMatchObject({ kind: 'BadRequest', code: 'INVALID_SIRET' });
      expect(asServiceError(await failureOf(portal.getEmployer('35600000000048'))).kind).toBe('NotFound');
    });
  });

  describe('the HTTP conventions', () => {
    test('refuses a wrong token with Unauthorized', async () => {
      const intruder = createPortalHttpClient({ ...testClientSettings(simulator, FUNCTIONAL_TIMEOUTS), token: 'wrong' });
      expect(asServiceError(await failureOf(intruder.getOffer('OFR-00001'))).kind).toBe('Unauthorized');
      const anonymous = await fetch(`${simulator.url}/alin/v1/offers`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    });

    test('echoes X-Request-Id, and gives one when the caller sent none or a malformed one', async () => {
      expect((await rawCall(simulator, 'GET', '/alin/v1/offers/OFR-00001', undefined, { 'x-request-id': 'turn-42.a' })).headers.get('x-request-id')).toBe('turn-42.a');
      expect((await rawCall(simulator, 'GET', '/alin/v1/offers/OFR-00001')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect((await rawCall(simulator, 'GET', '/alin/v1/offers/OFR-00001', undefined, { 'x-request-id': 'bad id\twith tab' })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    test('keeps the caller’s request id on the typed error', async () => {
      const error = asServiceError(await failureOf(portal.getOffer('OFR-99999', { requestId: 'turn-7' })));
      expect(error.requestId).toBe('turn-7');
      expect(error.message).not.toContain('OFR-99999');
    });

    test('answers {code, message} for an unknown route and a wrong method', async () => {
      expect(await rawCall(simulator, 'GET', '/alin/v1/nothing')).toMatchObject({ status: 404, body: { code: 'ROUTE_NOT_FOUND' } });
      expect(await rawCall(simulator, 'PUT', '/alin/v1/offers')).toMatchObject({ status: 405, body: { code: 'METHOD_NOT_ALLOWED' } });
      expect(await rawCall(simulator, 'POST', '/alin/v1/links/challenges', undefined, { 'content-type': 'application/json' })).toMatchObject({
        status: 400,
        body: { code: 'INVALID_BODY' },
      });
    });
  });
});
