import { checklistFor, type DocumentSituationInput } from '../../services/documents/checklist';
import { DocumentTypeSchema } from '../../services/sne/schemas';
import documentsData from '../../services/documents/documents.json';

const IN_2026 = new Date('2026-03-15T10:00:00Z');
const ids = (situation: DocumentSituationInput) => checklistFor(situation, IN_2026).items.map((item) => item.id);
const MANDATORY = ['identity', 'tax_notice', 'income_proof'];

// The limitative list of the arrêté of 22 December 2020, by situation, as in the domain notes “The domain: social housing through AL-in” ("Documents").
describe('the checklist for a situation', () => {
  test.each`
    situation                                                              | expected                                                         | why
    ${{}}                                                                  | ${MANDATORY}                                                     | ${'mandatory for everyone: identity, tax notice N-2, income proofs'}
    ${{ residence: 'foreignNational' }}                                    | ${['residence_permit', 'tax_notice', 'income_proof']}            | ${'a foreign national: proof of lawful residence instead of the identity document'}
    ${{ familySituation: 'married' }}                                      | ${[...MANDATORY, 'family_record_book']}                          | ${'married: family record book'}
    ${{ familySituation: 'pacs' }}                                         | ${[...MANDATORY, 'pacs_certificate']}                            | ${'PACS: certificate'}
    ${{ familySituation: 'cohabiting' }}                                   | ${MANDATORY}                                                     | ${'living together: nothing more'}
    ${{ familySituation: 'divorceOrSeparation' }}                          | ${[...MANDATORY, 'separation_proof']}                            | ${'separation, spouse income not said: listed (conditional)'}
    ${{ familySituation: 'divorceOrSeparation', excludeSpouseIncome: true }} | ${[...MANDATORY, 'separation_proof']}                          | ${'separation, spouse income to exclude: required'}
    ${{ familySituation: 'divorceOrSeparation', excludeSpouseIncome: false }} | ${MANDATORY}                                                  | ${'separation, spouse income counted: not needed (Conseil d\'État, July 2025)'}
    ${{ children: true }}                                                  | ${[...MANDATORY, 'birth_certificates']}                          | ${'children: family book or birth certificates'}
    ${{ pregnancy: true }}                                                 | ${[...MANDATORY, 'pregnancy_certificate']}                       | ${'pregnancy: certificate'}
    ${{ reasons: ['disability'] }}                                         | ${[...MANDATORY, 'disability_card']}                             | ${'disability: CMI invalidité'}
    ${{ reasons: ['homeless'] }}                                           | ${[...MANDATORY, 'domiciliation_certificate']}                   | ${'homeless: domiciliation certificate'}
    ${{ reasons: ['unfitHousing'] }}                                       | ${[...MANDATORY, 'unfit_housing_proof']}                         | ${'unfit or dangerous housing: report, photos, order'}
    ${{ reasons: ['noticeToLeave'] }}                                      | ${[...MANDATORY, 'notice_to_leave']}                             | ${'landlord\'s notice to leave'}
    ${{ reasons: ['eviction'] }}                                           | ${[...MANDATORY, 'eviction_proof']}                              | ${'eviction: order to pay, summons, judgment, order to leave'}
    ${{ reasons: ['domesticViolence'] }}                                   | ${[...MANDATORY, 'protection_order']}                            | ${'domestic violence: protection order or judge\'s decision'}
    ${{ familySituation: 'married', children: true, pregnancy: true, reasons: ['eviction', 'disability'] }} | ${[...MANDATORY, 'family_record_book', 'birth_certificates', 'pregnancy_certificate', 'disability_card', 'eviction_proof']} | ${'several at once, in the order: mandatory, family, reasons'}
  `('$why', ({ situation, expected }) => {
    expect(ids(situation)).toEqual(expected);
  });

  it('marks the separation proof conditional until the dialog knows about the spouse\'s income', () => {
    const item = (excludeSpouseIncome?: boolean) =>
      checklistFor({ familySituation: 'divorceOrSeparation', ...(excludeSpouseIncome === undefined ? {} : { excludeSpouseIncome }) }, IN_2026).items.find(
        (candidate) => candidate.id === 'separation_proof',
      );
    expect(item()).toMatchObject({ requirement: 'conditional', conditionKey: 'documents:conditions.excludeSpouseIncome' });
    expect(item(true)).toMatchObject({ requirement: 'required' });
    expect(item(true)?.conditionKey).toBeUndefined();
  });

  test.each`
    workStatuses                   | details
    ${['employee']}                | ${['documents:items.income_proof.employee']}
    ${['selfEmployed']}            | ${['documents:items.income_proof.selfEmployed']}
    ${['benefits']}                | ${['documents:items.income_proof.benefits']}
    ${['benefits', 'employee']}    | ${['documents:items.income_proof.employee', 'documents:items.income_proof.benefits']}
    ${[]}                          | ${['documents:items.income_proof.employee', 'documents:items.income_proof.selfEmployed', 'documents:items.income_proof.benefits']}
  `('income proofs for $workStatuses', ({ workStatuses, details }) => {
    const income = checklistFor({ workStatuses }, IN_2026).items.find((item) => item.id === 'income_proof');
    expect(income?.detailKeys).toEqual(details);
  });

  test.each`
    date                          | referenceYear | taxNoticeYear
    ${'2026-03-15T10:00:00Z'}     | ${2024}       | ${2025}
    ${'2025-09-01T10:00:00Z'}     | ${2023}       | ${2024}
  `('on $date the tax notice is the $taxNoticeYear one, on $referenceYear income', ({ date, referenceYear, taxNoticeYear }) => {
    const tax = checklistFor({}, new Date(date)).items.find((item) => item.id === 'tax_notice');
    expect(tax?.params).toMatchObject({ referenceYear, taxNoticeYear });
    expect(tax?.detailKeys).toContain('documents:items.tax_notice.drop');
  });

  it('children are covered by birth certificates or the family book', () => {
    const children = checklistFor({ children: true }, IN_2026).items.find((item) => item.id === 'birth_certificates');
    expect(children?.documentTypes).toEqual(['birth_certificates', 'family_record_book']);
  });

  it('rejects a situation the dialog could not have built', () => {
    expect(() => checklistFor({ reasons: ['lottery' as never] }, IN_2026)).toThrow();
  });
});

describe('documents.json', () => {
  it('names its source: the arrêté of 22 December 2020', () => {
    expect(documentsData.source).toMatch(/22 December 2020/);
  });

  it('gives every item the id of the national file\'s document type, and covers every type', () => {
    const itemIds = documentsData.items.map((item) => item.id);
    expect(new Set(itemIds).size).toBe(itemIds.length);
    for (const item of documentsData.items) {
      expect(DocumentTypeSchema.options).toContain(item.id);
      expect(item.documentTypes[0]).toBe(item.id);
    }
    expect([...itemIds].sort()).toEqual([...DocumentTypeSchema.options].sort());
  });

  it('can list every item for some situation', () => {
    const everything = checklistFor(
      {
        residence: 'national',
        familySituation: 'divorceOrSeparation',
        excludeSpouseIncome: true,
        children: true,
        pregnancy: true,
        reasons: ['disability', 'homeless', 'unfitHousing', 'noticeToLeave', 'eviction', 'domesticViolence'],
      },
      IN_2026,
    );
    const foreign = checklistFor({ residence: 'foreignNational', familySituation: 'married' }, IN_2026);
    const pacs = checklistFor({ familySituation: 'pacs' }, IN_2026);
    const listed = new Set([...everything.items, ...foreign.items, ...pacs.items].map((item) => item.id));
    expect([...listed].sort()).toEqual(documentsData.items.map((item) => item.id).sort());
  });
});
