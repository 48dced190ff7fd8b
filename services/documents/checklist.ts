import { z } from 'zod';
import { incomeYearRule } from '../eligibility/incomeYear';
import { DocumentTypeSchema, type DocumentType } from '../sne/schemas';
import documentsData from './documents.json';

/**
 * The supporting documents of a social housing request for a person's situation, from the limitative
 * list of the arrêté of 22 December 2020 (./documents.json). Labels are locale keys (locales/<language>/documents.json).
 */

export const WorkStatusSchema = z.enum(['employee', 'selfEmployed', 'benefits']);
export type WorkStatus = z.infer<typeof WorkStatusSchema>;

export const FamilySituationSchema = z.enum(['single', 'cohabiting', 'married', 'pacs', 'divorceOrSeparation']);
export type FamilySituation = z.infer<typeof FamilySituationSchema>;

export const RequestReasonSchema = z.enum(['disability', 'homeless', 'unfitHousing', 'noticeToLeave', 'eviction', 'domesticViolence']);
export type RequestReason = z.infer<typeof RequestReasonSchema>;

/** What the documents depend on; anything unsaid takes the default (the list for everyone). */
export const DocumentSituationSchema = z.object({
  /** `foreignNational`: proof of lawful residence instead of the identity document. */
  residence: z.enum(['national', 'foreignNational']).default('national'),
  /** Several at once (a salary and a benefit); none said: every kind of income proof is listed. */
  workStatuses: z.array(WorkStatusSchema).default([]),
  familySituation: FamilySituationSchema.default('single'),
  /**
   * In a divorce or separation: whether the spouse's income is to be excluded. Since a July 2025 Conseil
   * d'État decision the proof is needed only then; unsaid, the item is listed as conditional.
   */
  excludeSpouseIncome: z.boolean().optional(),
  children: z.boolean().default(false),
  pregnancy: z.boolean().default(false),
  reasons: z.array(RequestReasonSchema).default([]),
});
export type DocumentSituationInput = z.input<typeof DocumentSituationSchema>;
export type DocumentSituation = z.output<typeof DocumentSituationSchema>;

const WhenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('always') }),
  z.object({ kind: z.literal('residence'), residence: z.enum(['national', 'foreignNational']) }),
  z.object({ kind: z.literal('familySituation'), in: z.array(FamilySituationSchema).min(1) }),
  z.object({ kind: z.literal('children') }),
  z.object({ kind: z.literal('pregnancy') }),
  z.object({ kind: z.literal('reason'), reason: RequestReasonSchema }),
]);
type When = z.infer<typeof WhenSchema>;

const ConcernsSchema = z.enum(['everyPerson', 'applicant', 'household', 'concernedPerson']);
const GroupSchema = z.enum(['mandatory', 'family', 'reason']);
const LocaleKeySchema = z.string().regex(/^documents:[\w.]+$/);

const DocumentEntrySchema = z.object({
  id: z.string().min(1),
  group: GroupSchema,
  /** What satisfies it on the national file, the item's own type first (children: birth certificates or the family book). */
  documentTypes: z.array(DocumentTypeSchema).min(1),
  when: WhenSchema,
  /** Only needed in this case (a divorce or separation: when the spouse's income is to be excluded). */
  onlyIf: z.literal('excludeSpouseIncome').optional(),
  source: z.string().optional(),
  concerns: ConcernsSchema,
  labelKey: LocaleKeySchema,
  detailKeys: z.array(LocaleKeySchema),
  byWorkStatus: z.record(WorkStatusSchema, LocaleKeySchema).optional(),
});
type DocumentEntry = z.infer<typeof DocumentEntrySchema>;

const DocumentsFileSchema = z.object({ source: z.string().min(1), note: z.string().optional(), items: z.array(DocumentEntrySchema).min(1) });
// Validated once at load: a typo in the data file stops the process instead of giving a wrong list.
const DOCUMENTS = DocumentsFileSchema.parse(documentsData);

export const DOCUMENTS_SOURCE = DOCUMENTS.source;

export interface ChecklistItem {
  /** The national file's document type where one exists (services/sne/schemas.ts `DocumentType`). */
  id: string;
  group: z.infer<typeof GroupSchema>;
  documentTypes: DocumentType[];
  /** `conditional`: only in the case `conditionKey` explains (the dialog may ask). */
  requirement: 'required' | 'conditional';
  conditionKey?: string;
  concerns: z.infer<typeof ConcernsSchema>;
  labelKey: string;
  /** What is accepted, in the order to show; interpolate with `params`. */
  detailKeys: string[];
  params: Record<string, number>;
}

export interface Checklist {
  situation: DocumentSituation;
  items: ChecklistItem[];
  /** "The list is limitative: a landlord may not ask for more." */
  limitativeKey: string;
  source: string;
}

/**
 * The documents for a situation, mandatory ones first, then family situation, then the reasons of the
 * request. `date` sets the tax notice year (the notice received in N-1, on N-2 income).
 */
export function checklistFor(situationInput: DocumentSituationInput, date: Date): Checklist {
  const situation = DocumentSituationSchema.parse(situationInput);
  const rule = incomeYearRule(date);
  const params = { referenceYear: rule.referenceYear, taxNoticeYear: rule.taxNoticeYear, previousYear: rule.dropException.previousYear };
  const items: ChecklistItem[] = [];
  for (const entry of DOCUMENTS.items) {
    if (!applies(entry.when, situation)) continue;
    const requirement = requirementOf(entry, situation);
    if (!requirement) continue;
    items.push({
      id: entry.id,
      group: entry.group,
      documentTypes: entry.documentTypes,
      requirement,
      ...(requirement === 'conditional' ? { conditionKey: `documents:conditions.${entry.onlyIf}` } : {}),
      concerns: entry.concerns,
      labelKey: entry.labelKey,
      detailKeys: [...entry.detailKeys, ...workStatusDetails(entry, situation)],
      params,
    });
  }
  return { situation, items, limitativeKey: 'documents:limitative', source: DOCUMENTS.source };
}

function applies(when: When, situation: DocumentSituation): boolean {
  switch (when.kind) {
    case 'always':
      return true;
    case 'residence':
      return situation.residence === when.residence;
    case 'familySituation':
      return when.in.includes(situation.familySituation);
    case 'children':
      return situation.children;
    case 'pregnancy':
      return situation.pregnancy;
    case 'reason':
      return situation.reasons.includes(when.reason);
  }
}

/** Undefined when the item is not needed at all (a separation where the spouse's income is counted). */
function requirementOf(entry: DocumentEntry, situation: DocumentSituation): ChecklistItem['requirement'] | undefined {
  if (entry.onlyIf !== 'excludeSpouseIncome') return 'required';
  if (situation.excludeSpouseIncome === undefined) return 'conditional';
  return situation.excludeSpouseIncome ? 'required' : undefined;
}

/** The income proofs of each work status said, or of every status when none was said. */
function workStatusDetails(entry: DocumentEntry, situation: DocumentSituation): string[] {
  if (!entry.byWorkStatus) return [];
  const statuses = situation.workStatuses.length > 0 ? situation.workStatuses : WorkStatusSchema.options;
  return WorkStatusSchema.options.filter((status) => statuses.includes(status)).flatMap((status) => entry.byWorkStatus?.[status] ?? []);
}
