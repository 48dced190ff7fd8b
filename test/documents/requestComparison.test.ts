import { checklistFor } from '../../services/documents/checklist';
import { compareWithRequest } from '../../services/documents/requestComparison';
import type { RequestDocument } from '../../services/sne/schemas';

const IN_2026 = new Date('2026-03-15T10:00:00Z');
const doc = (type: RequestDocument['type'], state: RequestDocument['state'], concerns: RequestDocument['concerns'] = 'applicant'): RequestDocument => ({
  type,
  state,
  concerns,
  updatedAt: '2026-01-10',
});
const ALL_PROVIDED = [doc('identity', 'provided'), doc('tax_notice', 'provided'), doc('income_proof', 'provided')];

describe('the checklist against the request on the national file', () => {
  const basic = checklistFor({ workStatuses: ['employee'] }, IN_2026);
  const statusOf = (documents: RequestDocument[], id: string) => compareWithRequest(basic, documents).items.find((item) => item.item.id === id);

  test.each`
    documents                                                                                   | id              | status         | concerns                      | nextStepKey
    ${ALL_PROVIDED}                                                                             | ${'identity'}   | ${'provided'}  | ${[]}                         | ${null}
    ${[doc('identity', 'missing')]}                                                             | ${'identity'}   | ${'missing'}   | ${['applicant']}              | ${'documents:nextStep.missing'}
    ${[doc('tax_notice', 'expired')]}                                                           | ${'tax_notice'} | ${'expired'}   | ${['applicant']}              | ${'documents:nextStep.expired'}
    ${[doc('income_proof', 'rejected')]}                                                        | ${'income_proof'} | ${'rejected'} | ${['applicant']}             | ${'documents:nextStep.rejected'}
    ${[]}                                                                                       | ${'identity'}   | ${'notOnFile'} | ${[]}                         | ${'documents:nextStep.notOnFile'}
    ${[doc('identity', 'rejected'), doc('identity', 'provided')]}                              | ${'identity'}   | ${'provided'}  | ${[]}                         | ${null}
    ${[doc('identity', 'provided'), doc('identity', 'expired', 'co_applicant')]}               | ${'identity'}   | ${'expired'}   | ${['co_applicant']}           | ${'documents:nextStep.expired'}
    ${[doc('identity', 'missing'), doc('identity', 'rejected', 'co_applicant')]}               | ${'identity'}   | ${'rejected'}  | ${['co_applicant']}           | ${'documents:nextStep.rejected'}
    ${[doc('identity', 'missing'), doc('identity', 'missing', 'co_applicant')]}                | ${'identity'}   | ${'missing'}   | ${['applicant', 'co_applicant']} | ${'documents:nextStep.missing'}
  `('$id: $status for $concerns', ({ documents, id, status, concerns, nextStepKey }) => {
    expect(statusOf(documents, id)).toMatchObject({ status, concerns, nextStepKey });
  });

  it('is complete when every required document is provided', () => {
    const comparison = compareWithRequest(basic, ALL_PROVIDED);
    expect(comparison.complete).toBe(true);
    expect(comparison.underConditionKey).toBeNull();
    expect(comparison.afterStepsKey).toBe('documents:nextStep.afterUpload');
  });

  it('is not complete with one document missing, and says a commission may attribute under condition', () => {
    const comparison = compareWithRequest(basic, [doc('identity', 'provided'), doc('tax_notice', 'missing'), doc('income_proof', 'provided')]);
    expect(comparison.complete).toBe(false);
    expect(comparison.underConditionKey).toBe('documents:underCondition');
  });

  it('accepts the family book for the children', () => {
    const checklist = checklistFor({ children: true }, IN_2026);
    const children = compareWithRequest(checklist, [...ALL_PROVIDED, doc('family_record_book', 'provided', 'household')]).items.find(
      (item) => item.item.id === 'birth_certificates',
    );
    expect(children).toMatchObject({ status: 'provided', nextStepKey: null });
  });

  it('reports a document on file that this situation does not list, still to fix', () => {
    const comparison = compareWithRequest(basic, [...ALL_PROVIDED, doc('protection_order', 'rejected')]);
    expect(comparison.otherDocuments).toEqual([{ document: doc('protection_order', 'rejected'), status: 'rejected', nextStepKey: 'documents:nextStep.rejected' }]);
    expect(comparison.complete).toBe(false);
  });

  it('does not count an absent conditional separation proof against completeness', () => {
    const checklist = checklistFor({ familySituation: 'divorceOrSeparation' }, IN_2026);
    const comparison = compareWithRequest(checklist, ALL_PROVIDED);
    expect(comparison.items.find((item) => item.item.id === 'separation_proof')).toMatchObject({
      status: 'notOnFile',
      nextStepKey: 'documents:nextStep.conditional',
    });
    expect(comparison.complete).toBe(true);
  });

  it('counts a required separation proof once the spouse\'s income is to be excluded', () => {
    const checklist = checklistFor({ familySituation: 'divorceOrSeparation', excludeSpouseIncome: true }, IN_2026);
    const comparison = compareWithRequest(checklist, ALL_PROVIDED);
    expect(comparison.items.find((item) => item.item.id === 'separation_proof')).toMatchObject({ status: 'notOnFile', nextStepKey: 'documents:nextStep.notOnFile' });
    expect(comparison.complete).toBe(false);
  });
});
