import { z } from 'zod';
import incomeRulesData from './incomeRules.json';

const IncomeRulesSchema = z.object({
  source: z.string().min(1),
  referenceYearsBefore: z.number().int().positive(),
  taxNoticeYearsBefore: z.number().int().positive(),
  dropException: z.object({
    minimumDropPercent: z.number().positive(),
    alternatives: z.array(z.enum(['previousYear', 'last12Months'])).min(1),
    proofRequired: z.boolean(),
  }),
  onlyApplicantIncome: z.object({ situations: z.array(z.enum(['separationInProgress', 'protectionOrder'])), source: z.string() }),
});
const RULES = IncomeRulesSchema.parse(incomeRulesData);

/**
 * Which income counts for a request judged on a date, as values for the dialog to explain — never a
 * computation on the user's private data (the drop is for the user to check, with proof, on the national file).
 */
export interface IncomeYearRule {
  /** N: the year the request is judged. */
  requestYear: number;
  /** N-2: the revenu fiscal de référence of this year counts… */
  referenceYear: number;
  /** …as printed on the tax notice received in N-1. */
  taxNoticeYear: number;
  /** If income fell by `minimumDropPercent` or more: the income of `previousYear` (N-1) or of the last 12 months, with proof. */
  dropException: {
    minimumDropPercent: number;
    previousYear: number;
    alternatives: ('previousYear' | 'last12Months')[];
    proofRequired: boolean;
  };
  /** Only the applicant's income counts in these situations (CCH L441-1). */
  onlyApplicantIncomeWhen: ('separationInProgress' | 'protectionOrder')[];
  source: string;
}

export function incomeYearRule(date: Date): IncomeYearRule {
  // The same calendar as `ceilingYearFor` (UTC), so the income year and the table year never disagree.
  const requestYear = date.getUTCFullYear();
  return {
    requestYear,
    referenceYear: requestYear - RULES.referenceYearsBefore,
    taxNoticeYear: requestYear - RULES.taxNoticeYearsBefore,
    dropException: {
      minimumDropPercent: RULES.dropException.minimumDropPercent,
      previousYear: requestYear - 1,
      alternatives: RULES.dropException.alternatives,
      proofRequired: RULES.dropException.proofRequired,
    },
    onlyApplicantIncomeWhen: RULES.onlyApplicantIncome.situations,
    source: RULES.source,
  };
}

/** The year of the income the user gave, or the last 12 months. */
export type IncomeYear = number | 'last12Months';

/**
 * How the income the user gave fits the rule:
 * - `referenceYear`: N-2, the rule;
 * - `dropException`: N-1 or the last 12 months — only valid after a drop of 10 % or more, with proof;
 * - `notReferenceYear`: another year — the answer is indicative, the N-2 income is what will be checked;
 * - `unknown`: no year given — the answer assumes the N-2 income.
 */
export type IncomeYearStatus = 'referenceYear' | 'dropException' | 'notReferenceYear' | 'unknown';

export function incomeYearStatus(incomeYear: IncomeYear | undefined, rule: IncomeYearRule): IncomeYearStatus {
  if (incomeYear === undefined) return 'unknown';
  if (incomeYear === 'last12Months') return RULES.dropException.alternatives.includes('last12Months') ? 'dropException' : 'notReferenceYear';
  if (incomeYear === rule.referenceYear) return 'referenceYear';
  if (incomeYear === rule.dropException.previousYear && rule.dropException.alternatives.includes('previousYear')) return 'dropException';
  return 'notReferenceYear';
}
