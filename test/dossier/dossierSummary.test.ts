import { daysBetween, seniorityOf, summarizeDossier } from '../../services/dossier/dossierSummary';
import type { HousingRequest } from '../../services/sne/schemas';

const TODAY = new Date('2026-11-23T10:00:00Z');

function request(fields: Partial<HousingRequest>): HousingRequest {
  return {
    nur: '0691124000101GDPUB',
    department: '69',
    registeredAt: '2024-11-14',
    lastRenewedAt: '2025-11-14',
    renewalDueDate: '2027-03-01',
    state: 'active',
    household: { persons: 3, dependants: 1, youngHousehold: false, disabledPersons: 0 },
    referenceIncome: { amount: 32000, year: 2024 },
    documents: [{ type: 'identity', state: 'provided', concerns: 'applicant', updatedAt: '2024-11-14' }],
    complete: true,
    ...fields,
  };
}

describe('seniority counts whole months from the filing date (CCH L441-2-1)', () => {
  it.each([
    ['2024-11-14', { years: 2, months: 0 }],
    ['2024-11-24', { years: 1, months: 11 }],
    ['2026-11-01', { years: 0, months: 0 }],
    ['2025-08-23', { years: 1, months: 3 }],
  ])('filed %s → %j', (registeredAt, expected) => {
    expect(seniorityOf(registeredAt, TODAY)).toEqual(expected);
  });
});

describe('days until a date, in Paris calendar days', () => {
  it.each([
    ['2026-11-23', 0],
    ['2026-11-29', 6],
    ['2026-11-20', -3],
  ])('%s → %i', (date, days) => expect(daysBetween(TODAY, date)).toBe(days));
});

describe('the next action, most urgent first', () => {
  const attributed = {
    id: 'c1',
    applicantId: 'a',
    status: 'attributed' as const,
    submittedAt: '2026-10-01T00:00:00Z',
    decision: { rank: 1, underCondition: false, answerDueDate: '2026-11-29' },
    history: [{ status: 'attributed' as const, at: '2026-11-19T00:00:00Z' }],
    offer: { typology: 'T4', commune: { name: 'Lille' } },
  } as unknown as Parameters<typeof summarizeDossier>[1][number];

  it.each([
    ['an expired request must be filed again', request({ state: 'expired' }), [], 'refile'],
    ['a closed request needs nothing', request({ state: 'attributed' }), [], 'closed'],
    ['an offer awaiting an answer comes before the renewal', request({ state: 'to_renew', renewalDueDate: '2026-12-10' }), [attributed], 'answerOffer'],
    ['renewal due within a month', request({ renewalDueDate: '2026-12-20' }), [], 'renew'],
    ['a missing document', request({ documents: [{ type: 'tax_notice', state: 'missing', concerns: 'applicant', updatedAt: null }] }), [], 'fixDocuments'],
    ['no application yet', request({}), [], 'search'],
  ])('%s', (_case, dossier, candidatures, action) => {
    expect(summarizeDossier(dossier, candidatures, TODAY).nextAction).toBe(action);
  });

  it('reports the days left to answer an offer', () => {
    expect(summarizeDossier(request({}), [attributed], TODAY).offerAwaitingAnswer).toMatchObject({ typology: 'T4', commune: 'Lille', rank: 1, daysToAnswer: 6 });
  });
});
