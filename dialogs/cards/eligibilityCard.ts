import type { Attachment } from 'botbuilder';
import type { Language, Translate } from '../i18n';
import type { EligibilityAssessment, EstimateReason, FinancingAssessment } from '../../services/eligibility/assessEligibility';
import type { IncomeYear } from '../../services/eligibility/incomeYear';
import type { Financing } from '../../services/portal/schemas';
import { formatEuros } from '../format';
import { feedbackActions, feedbackLines } from '../feedback/answerFeedback';
import { adaptiveCard, intentButton } from './adaptiveCard';

export type AssessedEligibility = Extract<EligibilityAssessment, { kind: 'assessed' }>;

/** A case that was neither said nor asked and would move the household up one category. */
export type UnaskedCondition = 'singleAdult' | 'youngHousehold' | 'disability';

export interface EligibilityAnswer {
  assessment: AssessedEligibility;
  /** The commune or department the zone was read from. */
  placeName: string;
  /** The year of the income, when it is known (the linked request carries it). */
  incomeYear?: IncomeYear;
  /** Set when household and income come from the linked request. */
  maskedNur?: string;
  unaskedConditions: UnaskedCondition[];
  /** The ceilings were asked, no income was given: the ceilings alone, and an offer to compare. */
  ceilingsOnly?: boolean;
  /** A separation under way, the couple's income set aside: only the applicant's counts (FACTS.md). */
  ownIncomeOnly?: boolean;
  /** The one financing the message asked about ("et en PLAI ?"): answered first. */
  askedFinancing?: Financing;
}

/** The key its "Utile ?" is kept under. */
export const ELIGIBILITY_ANSWER = 'eligibility';

/**
 * One card: the household category and why, the zone, the income, each financing type with its
 * ceiling, yes or no and the margin, the income year that counts, and what is estimated (⚠).
 */
export function eligibilityCard(t: Translate, language: Language, answer: EligibilityAnswer, channelId: string): Attachment {
  const { assessment } = answer;
  const euros = (amount: number) => formatEuros(amount, language);
  const { ceilingsOnly } = answer;
  const title = answer.maskedNur ? t('eligibility:card.titleFromRequest', { maskedNur: answer.maskedNur }) : t(ceilingsOnly ? 'eligibility:card.ceilingsTitle' : 'eligibility:card.title');
  const facts = [
    { title: t('eligibility:card.category'), value: t('eligibility:card.categoryValue', { category: assessment.household.category, why: categoryWhy(t, assessment) }) },
    { title: t('eligibility:card.zone'), value: t('eligibility:card.zoneValue', { zone: t(`eligibility:card.zones.${assessment.zone}`), place: answer.placeName }) },
    ...(ceilingsOnly ? [] : [{ title: t('eligibility:card.income'), value: t('eligibility:card.incomeValue', { amount: euros(assessment.income) }) }]),
  ];
  const asked = ceilingsOnly ? undefined : askedFinancingText(t, euros, assessment, answer.askedFinancing);
  const overall = ceilingsOnly ? undefined : verdictText(t, assessment);
  const verdict = asked && overall ? `${asked} ${overall}` : (asked ?? overall);
  const ceilingsHeading = t('eligibility:card.ceilingsHeading', { year: assessment.tableYear });
  const ceilings = assessment.results.map((result) => ({ title: t(`eligibility:card.financing.${result.financing}`), value: resultText(t, euros, result, ceilingsOnly) }));
  const notes = [
    ...estimateNotes(t, assessment),
    ceilingsOnly
      ? t('eligibility:card.incomeYear', incomeYearParams(assessment))
      : `${t('eligibility:card.incomeYear', incomeYearParams(assessment))} ${incomeYearStatusText(t, assessment, answer.incomeYear)}`,
    ...(answer.unaskedConditions.length > 0 ? [assumedText(t, assessment, answer.unaskedConditions)] : []),
    ...(answer.ownIncomeOnly && !ceilingsOnly ? [t('eligibility:card.ownIncomeOnly', { amount: euros(assessment.income) })] : []),
    ...(answer.maskedNur ? [t('eligibility:card.fromRequest')] : []),
    ...(ceilingsOnly ? [t('eligibility:card.compareOffer')] : []),
  ];
  const source = t('eligibility:card.source', { year: assessment.tableYear });
  const colon = language === 'fr' ? '\u00a0: ' : ': ';

  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...(verdict ? [{ type: 'TextBlock', text: verdict, wrap: true, weight: 'Bolder' }] : []),
      { type: 'FactSet', facts },
      { type: 'TextBlock', text: ceilingsHeading, weight: 'Bolder', wrap: true, spacing: 'Medium' },
      { type: 'FactSet', facts: ceilings },
      ...notes.map((text) => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small' })),
      { type: 'TextBlock', text: source, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' },
      ...feedbackLines(t, channelId),
    ],
    actions: [intentButton(t('eligibility:card.searchButton'), 'searchOffers'), ...feedbackActions(channelId, ELIGIBILITY_ANSWER)],
    fallbackText: [
      title,
      ...(verdict ? [verdict] : []),
      ...facts.map((fact) => `${fact.title}${colon}${fact.value}`),
      `${ceilingsHeading}${colon.trimEnd()}`,
      ...ceilings.map((fact) => `- ${fact.title}${colon}${fact.value}`),
      ...notes,
      source,
    ].join('\n'),
  });
}

/**
 * The answer in one sentence, before its details: "Vos revenus sont sous les plafonds PLUS et PLS : vous
 * êtes éligible à ces logements." — or above every ceiling known. Undefined when no ceiling is known.
 */
function verdictText(t: Translate, assessment: AssessedEligibility): string | undefined {
  const known = assessment.results.filter((result) => result.eligible !== null);
  const under = known.filter((result) => result.eligible).map((result) => result.financing);
  // Above the ordinary social housing's ceiling but under the PLS's: "ça passe ?" is first answered no for the PLUS.
  const aboveOrdinary = known.some((result) => result.financing === 'PLUS' && !result.eligible);
  if (under.length > 0) return t(`eligibility:card.verdict.${aboveOrdinary ? 'aboveOrdinary' : 'under'}`, { count: under.length, list: financingsListed(t, under) });
  return known.length > 0 ? t('eligibility:card.verdict.above', { count: known.length, list: financingsListed(t, known.map((result) => result.financing)) }) : undefined;
}

/** "En PLAI : vos revenus dépassent le plafond de votre foyer (22 551 €).": the financing asked about, answered first. */
function askedFinancingText(t: Translate, euros: (amount: number) => string, assessment: AssessedEligibility, financing: Financing | undefined): string | undefined {
  const result = financing ? assessment.results.find((candidate) => candidate.financing === financing) : undefined;
  if (!result) return undefined;
  if (result.eligible === null) return t('eligibility:card.asked.needsAbcZone', { financing: result.financing });
  return t(`eligibility:card.asked.${result.eligible ? 'under' : 'above'}`, { financing: result.financing, ceiling: euros(result.ceiling) });
}

/** "PLUS et PLS", "PLAI, PLUS et PLS": financings in a sentence. */
export function financingsListed(t: Translate, financings: readonly string[]): string {
  return [financings.slice(0, -1).join(', '), financings.at(-1)].filter(Boolean).join(` ${t('eligibility:card.and')} `);
}

/** "3 personnes" or "3 personnes, un adulte seul avec des personnes à charge, donc une catégorie au-dessus". */
function categoryWhy(t: Translate, assessment: AssessedEligibility): string {
  const persons = t('eligibility:card.persons', { count: assessment.household.category - (assessment.household.movedUpBy.length > 0 ? 1 : 0) });
  return [persons, ...assessment.household.movedUpBy.map((reason) => t(`eligibility:card.movedUp.${reason}`))].join(', ');
}

function resultText(t: Translate, euros: (amount: number) => string, result: FinancingAssessment, ceilingOnly = false): string {
  if (result.eligible === null) return t('eligibility:card.needsAbcZone');
  const text = ceilingOnly
    ? t('eligibility:card.ceilingOnly', { ceiling: euros(result.ceiling) })
    : result.eligible
    ? t('eligibility:card.eligible', { ceiling: euros(result.ceiling), margin: euros(result.margin) })
    : t('eligibility:card.notEligible', { ceiling: euros(result.ceiling), over: euros(-result.margin) });
  return result.estimated ? `${text} ${t('eligibility:card.estimatedMark')}` : text;
}

/** One sentence per reason a value shown is an estimate (⚠ in FACTS.md). */
function estimateNotes(t: Translate, assessment: AssessedEligibility): string[] {
  const reasons = new Set<EstimateReason>(assessment.results.flatMap((result) => (result.eligible === null ? [] : result.estimateReasons)));
  return [...reasons].map((reason) => t(`eligibility:card.estimated.${reason}`, { year: assessment.tableYear, requestYear: assessment.incomeRule.requestYear }));
}

function incomeYearParams(assessment: AssessedEligibility) {
  const rule = assessment.incomeRule;
  return {
    referenceYear: rule.referenceYear,
    taxNoticeYear: rule.taxNoticeYear,
    previousYear: rule.dropException.previousYear,
    percent: rule.dropException.minimumDropPercent,
  };
}

function incomeYearStatusText(t: Translate, assessment: AssessedEligibility, incomeYear: IncomeYear | undefined): string {
  return t(`eligibility:card.incomeYearStatus.${assessment.incomeYearStatus}`, { ...incomeYearParams(assessment), year: incomeYear ?? '' });
}

function assumedText(t: Translate, assessment: AssessedEligibility, conditions: UnaskedCondition[]): string {
  const listed = conditions.map((condition) => t(`eligibility:card.assumptions.${condition}`));
  return t('eligibility:card.assumed', { count: conditions.length, conditions: listed.join(` ${t('eligibility:card.or')} `), next: assessment.household.category + 1 });
}
