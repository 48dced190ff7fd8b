import { normalizeForMatching } from '../../../services/shared/normalizeForMatching';
import { z } from 'zod';
import type { RecognizedEntities } from './schemas';

/** The income said: a yearly amount, or a monthly or negative one that the question must send back. */
export const IncomeReadingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yearly'), value: z.number() }),
  z.object({ kind: z.literal('monthly'), value: z.number() }),
  z.object({ kind: z.literal('negative') }),
]);
export type IncomeReading = z.infer<typeof IncomeReadingSchema>;

// A minus sign right before the digits: "-5000 €", "revenu : -5000".
const NEGATIVE = /(?:^|[\s(:=])[-−]\d/;
// A bare answer to "what income?": "32000", "32 000", "32.000", hedged or not ("22000 je crois",
// "environ 30000"): a five-digit number alone would otherwise read as a postcode (22000 Saint-Brieuc).
const HEDGE_BEFORE = String.raw`(?:(?:environ|a peu pres|à peu près|autour de|dans les|en gros|genre|about|around|roughly)\s+)?`;
const HEDGE_AFTER = String.raw`(?:\s*(?:je crois|je pense|il me semble|normalement|environ|a peu pres|à peu près|en gros|i think|or so|roughly))?`;
const BARE_AMOUNT = new RegExp(String.raw`^\s*${HEDGE_BEFORE}(\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+|\d+)\s*(?:€|euros?)?${HEDGE_AFTER}\s*[.!]?\s*$`, 'i');

/**
 * The yearly income said; a monthly amount or a negative one comes back as such, for the question to
 * say why. `answer` when the text answers "what income?" (a bare number counts).
 */
export function readIncome(text: string, entities: RecognizedEntities, answer: boolean): IncomeReading | undefined {
  if (NEGATIVE.test(text)) return { kind: 'negative' };
  // "postuler au T3 PLAI à 520€, j'y ai droit ?": in a sentence, a small amount said as no income nor by the month is a rent or a budget.
  const said = (entities.amounts ?? []).filter((amount) => answer || amount.income || amount.period !== undefined || amount.value >= SMALLEST_YEARLY_INCOME_SAID);
  // "mon RFR à moi c'est 26000 mais avec mon ex c'était 52000": the amount of the past is set aside.
  // "RFR 30 000 … 16 000 sur les 12 derniers mois": the reference year's income counts; the recent one is an exception.
  const current = said.filter((candidate) => !candidate.former && !candidate.recent);
  // "on gagnait 40000 avant, maintenant 30000": with the past set aside, the recent one is the income told.
  const notFormer = said.filter((candidate) => !candidate.former);
  const amounts = current.length > 0 ? current : notFormer.length > 0 ? notFormer : said;
  // "nous deux 46 000, et mamie 7 200 sur son avis": every person to house's income counts (FACTS.md).
  const others = amounts.filter((candidate) => candidate.anotherPersons && candidate.period !== 'month');
  const household = amounts.filter((candidate) => !candidate.anotherPersons);
  if (others.length > 0 && household.length === 1 && household[0]!.period !== 'month') {
    return { kind: 'yearly', value: [household[0]!, ...others].reduce((sum, candidate) => sum + candidate.value, 0) };
  }
  const amount = amounts.find((candidate) => candidate.period === 'year') ?? [...amounts].sort((a, b) => b.value - a.value)[0];
  if (amount) return amount.period === 'month' ? { kind: 'monthly', value: amount.value } : { kind: 'yearly', value: amount.value };
  const bare = answer ? BARE_AMOUNT.exec(text) : null;
  if (bare) return { kind: 'yearly', value: Number((bare[1] ?? '').replace(/[ .,\u00a0\u202f]/g, '')) };
  const one = answer ? oneAmountInAnAnswer(text) : undefined;
  return one === undefined ? undefined : { kind: 'yearly', value: one };
}

/** Under this, an amount in a sentence that does not say it is an income is more likely a rent or a budget. */
const SMALLEST_YEARLY_INCOME_SAID = 5_000;

// "sur l'avis c marqué 20500", "ok sur l'avis c 27500": at the income question, the one amount of a short
// sentence is the income, though five digits could be a postcode — unless said after "à", "dans", "code postal".
const LARGE_NUMBER = /(?<![\d.,])(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d{1,3}(?:,\d{3})+|\d{4,6})(?![\d.,]*\d)/g;
const PLACE_BEFORE = /(?:^| )(?:a|au|dans|vers|cp|postal|sur|in|near)$/;
const MOST_WORDS_OF_AN_ANSWER = 12;

/** "à 75011", "dans le … code postal": the words just before make the number that follows a place. */
export function followsAPlaceWord(before: string): boolean {
  return PLACE_BEFORE.test(normalizeForMatching(before));
}

function oneAmountInAnAnswer(text: string): number | undefined {
  if (text.split(/\s+/).filter(Boolean).length > MOST_WORDS_OF_AN_ANSWER) return undefined;
  // "sur l'avis 2025 c'est 20500": a year is not an amount.
  const numbers = [...text.matchAll(LARGE_NUMBER)].filter((match) => !/^(?:19[89]\d|20[0-4]\d)$/.test(match[1] ?? ''));
  if (numbers.length !== 1) return undefined;
  const [match] = numbers;
  if (!match || followsAPlaceWord(text.slice(0, match.index))) return undefined;
  return Number((match[1] ?? '').replace(/[ .,\u00a0\u202f]/g, ''));
}
