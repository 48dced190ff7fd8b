import { createPortalHttpClient, PortalHttpClient } from '../../services/portal/httpClient';
import { Offer } from '../../services/portal/schemas';
import { createSneHttpClient, SneHttpClient } from '../../services/sne/httpClient';
import { communeByInseeCode } from '../../simulator/communeDirectory';
import { RunningSimulator } from '../../simulator/startSimulator';
import { DEMO, linkDemoAccount, rawCall, startTestSimulator, testClientSettings } from './simulatorHarness';

const NOW = new Date('2026-11-23T10:00:00.000Z');

async function allOffers(portal: PortalHttpClient): Promise<Offer[]> {
  const offers: Offer[] = [];
  for (let page = 1; ; page++) {
    const result = await portal.searchOffers({ page, pageSize: 100 });
    offers.push(...result.items);
    if (offers.length >= result.total) return offers;
  }
}

describe('the simulator’s seeded data', () => {
  let simulator: RunningSimulator;
  let portal: PortalHttpClient;
  let sne: SneHttpClient;
  let offers: Offer[];

  beforeAll(async () => {
    simulator = await startTestSimulator({ now: NOW });
    portal = createPortalHttpClient(testClientSettings(simulator, { callTimeoutMs: 5000, attemptTimeoutMs: 4000 }));
    sne = createSneHttpClient(testClientSettings(simulator));
    offers = await allOffers(portal);
  });
  afterAll(() => simulator.close());

  test('has at least 300 offers in at least 40 communes across at least 10 departments', () => {
    expect(offers.length).toBeGreaterThanOrEqual(300);
    expect(new Set(offers.map((offer) => offer.commune.inseeCode)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(offers.map((offer) => offer.commune.department)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(offers.map((offer) => offer.id)).size).toBe(offers.length);
  });

  test('covers Paris, its bordering communes, the rest of Île-de-France and the big cities the issue names', () => {
    const communes = new Set(offers.map((offer) => offer.commune.name));
    for (const name of ['Paris', 'Boulogne-Billancourt', 'Montreuil', 'Nanterre', 'Versailles', 'Lyon', 'Villeurbanne', 'Marseille', 'Lille', 'Bordeaux', 'Toulouse', 'Nantes']) {
      expect(communes).toContain(name);
    }
  });

  test('uses real INSEE and postal codes from @etalab/decoupage-administratif', () => {
    for (const offer of offers) {
      const commune = communeByInseeCode(offer.commune.inseeCode);
      expect(commune).toBeDefined();
      expect(offer.commune.name).toBe(commune?.name);
      expect(offer.commune.department).toBe(commune?.department);
      expect(commune?.postalCodes).toContain(offer.commune.postalCode);
    }
  });

  test('GET /alin/v1/offers?commune=69266 returns only Villeurbanne offers', async () => {
    const answer = await rawCall(simulator, 'GET', '/alin/v1/offers?commune=69266&pageSize=100');
    const page = answer.body as { items: Offer[]; total: number };
    expect(answer.status).toBe(200);
    expect(page.total).toBeGreaterThan(0);
    expect(page.items).toHaveLength(page.total);
    expect(page.items.every((offer) => offer.commune.inseeCode === '69266' && offer.commune.name === 'Villeurbanne')).toBe(true);
  });

  test('offers every typology and financing, PLI ones with their ABC zone', () => {
    expect(new Set(offers.map((offer) => offer.typology))).toEqual(new Set(['T1', 'T2', 'T3', 'T4', 'T5']));
    expect(new Set(offers.map((offer) => offer.financing))).toEqual(new Set(['PLAI', 'PLUS', 'PLS', 'PLI']));
    const pliZones = new Set(offers.filter((offer) => offer.financing === 'PLI').map((offer) => offer.abcZone));
    expect(pliZones.size).toBeGreaterThanOrEqual(3);
  });

  test('keeps surfaces, rents and charges coherent with the typology and the city', () => {
    const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const surfaces = (typology: Offer['typology']) => offers.filter((offer) => offer.typology === typology).map((offer) => offer.surface);
    expect(average(surfaces('T1'))).toBeLessThan(average(surfaces('T3')));
    expect(average(surfaces('T3'))).toBeLessThan(average(surfaces('T5')));
    for (const offer of offers) {
      expect(offer.rent / offer.surface).toBeGreaterThan(4);
      expect(offer.rent / offer.surface).toBeLessThan(23);
      expect(offer.charges / offer.surface).toBeGreaterThan(1.5);
      expect(offer.charges / offer.surface).toBeLessThan(4.5);
    }
    const plusRentPerSqm = (name: string) =>
      average(offers.filter((offer) => offer.commune.name === name && offer.financing === 'PLUS').map((offer) => offer.rent / offer.surface));
    expect(plusRentPerSqm('Paris')).toBeGreaterThan(plusRentPerSqm('Lille'));
    const parisRent = (financing: Offer['financing']) =>
      average(offers.filter((offer) => offer.commune.name === 'Paris' && offer.financing === financing).map((offer) => offer.rent / offer.surface));
    expect(parisRent('PLAI')).toBeLessThan(parisRent('PLUS'));
    expect(parisRent('PLUS')).toBeLessThan(parisRent('PLS'));
  });

  test('keeps the buildings plausible: accessible means step-free, high floors have a lift, no G-class dwelling', () => {
    for (const offer of offers) {
      if (offer.accessible) expect(offer.floor === 0 || offer.lift).toBe(true);
      if (offer.floor > 4) expect(offer.lift).toBe(true);
      expect(offer.energyClass).not.toBe('G');
      expect(offer.availableDate > '2026-11-23').toBe(true);
      expect(Date.parse(offer.publishedAt)).toBeLessThan(NOW.getTime());
    }
  });

  test('is the same for the same seed and clock, and different for another seed', async () => {
    const page = (running: RunningSimulator) => rawCall(running, 'GET', '/alin/v1/offers?pageSize=100&page=2');
    const again = await startTestSimulator({ now: NOW });
    try {
      expect((await page(again)).body).toEqual((await page(simulator)).body);
    } finally {
      await again.close();
    }
    const other = await startTestSimulator({ now: NOW, seed: 'another-seed' });
    try {
      expect((await page(other)).body).not.toEqual((await page(simulator)).body);
    } finally {
      await other.close();
    }
  });

  test.each`
    nur                         | department | state           | complete | missing
    ${DEMO.lyonUnderReview}     | ${'69'}    | ${'active'}     | ${true}  | ${[]}
    ${DEMO.parisToRenew}        | ${'75'}    | ${'to_renew'}   | ${false} | ${['tax_notice']}
    ${DEMO.girondeExpired}      | ${'33'}    | ${'expired'}    | ${true}  | ${[]}
    ${DEMO.nordOfferReceived}   | ${'59'}    | ${'active'}     | ${true}  | ${[]}
    ${DEMO.marseilleAtLimit}    | ${'13'}    | ${'active'}     | ${true}  | ${[]}
    ${DEMO.toulouseCancelled}   | ${'31'}    | ${'cancelled'}  | ${true}  | ${[]}
    ${DEMO.nantesHoused}        | ${'44'}    | ${'attributed'} | ${true}  | ${[]}
    ${DEMO.parisAboveCeiling}   | ${'75'}    | ${'active'}     | ${true}  | ${[]}
  `('demo request $nur is $state in $department', async ({ nur, department, state, complete, missing }) => {
    const request = await sne.getRequest(nur);
    expect(request).toMatchObject({ department, state, complete });
    expect(request.documents.filter((document) => document.state !== 'provided').map((document) => document.type)).toEqual(missing);
    expect(request.referenceIncome.year).toBe(2024);
  });

  test('tells each demo story through the portal', async () => {
    const lyon = await linkDemoAccount(simulator, portal, DEMO.lyonUnderReview);
    const lyonProfile = await portal.getApplicant(lyon);
    expect(lyonProfile).toMatchObject({ firstName: 'Julie', maskedEmail: 'j***@e***.fr', maskedNur: '069********01GDPUB' });
    expect(lyonProfile.employer.eligible).toBe(true);
    expect(lyonProfile.household).toEqual({ persons: 3, dependants: 1 });
    expect((await sne.getRequest(DEMO.lyonUnderReview)).referenceIncome.amount).toBe(32000);
    const lyonApplications = await portal.listCandidatures(lyon);
    expect(lyonApplications.map((candidature) => [candidature.status, candidature.offer.commune.name, candidature.offer.typology])).toEqual([
      ['under_review', 'Villeurbanne', 'T3'],
      ['refused', 'Lyon', 'T3'],
    ]);

    const paris = await linkDemoAccount(simulator, portal, DEMO.parisToRenew);
    expect(await portal.listCandidatures(paris)).toEqual([]);
    const parisRequest = await sne.getRequest(DEMO.parisToRenew);
    expect(parisRequest.household.persons).toBe(1);
    expect(parisRequest.referenceIncome.amount).toBe(21000);
    expect(parisRequest.renewalDueDate).toBe('2026-12-13');

    const nord = await linkDemoAccount(simulator, portal, DEMO.nordOfferReceived);
    const [offerReceived] = await portal.listCandidatures(nord);
    expect(offerReceived).toMatchObject({
      status: 'attributed',
      offer: { typology: 'T4', commune: { name: 'Lille' } },
      decision: { rank: 1, underCondition: false, answerDueDate: '2026-11-29' },
    });

    const marseille = await linkDemoAccount(simulator, portal, DEMO.marseilleAtLimit);
    const active = (await portal.listCandidatures(marseille)).filter((candidature) =>
      ['submitted', 'under_review', 'in_commission', 'attributed'].includes(candidature.status),
    );
    expect(active).toHaveLength(5);
  });
});
