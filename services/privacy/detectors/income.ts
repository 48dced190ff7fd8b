import type { Found } from './detector';

/**
 * An amount said as someone's income: "32 000 € de revenu fiscal", "mon RFR c 28500", "on gagne 2 100
 * net par mois", "we earn 40k". Only the amount is found (the words around it say nothing personal).
 * Tolerant on purpose, like the other detectors: a postcode next to "revenu" is masked too.
 */
// A year ("RFR 2024 : 19 000") is not the amount.
const AMOUNT = String.raw`(?!(?:19|20)\d{2}\b(?!\s?(?:€|euros?|k)))(?:\d{1,3}(?:[ .\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?\s?k(?![a-z])|\d{3,7}(?:[.,]\d{1,2})?)`;
const CURRENCY = String.raw`(?:\s?(?:€|euros?|eur\b|k€))?`;
const CUE = String.raw`(?:revenus?|rfr|salaires?|gagn\w*|touch\w*|incomes?|earn\w*|salary|salaries|wages?)`;
/** The cue, then the amount, within a few words and the same sentence. */
const CUE_FIRST = new RegExp(String.raw`\b${CUE}\b(?:[^.!?\n\d]|\b(?:19|20)\d{2}\b){0,40}?(?<amount>${AMOUNT})${CURRENCY}`, 'gid');
/** The amount, then the cue: "32 000 € de revenu". */
const AMOUNT_FIRST = new RegExp(String.raw`(?<![\d.,])(?<amount>${AMOUNT})${CURRENCY}[^.!?\n\d]{0,25}?\b${CUE}\b`, 'gid');

export function findIncomes(text: string): Found[] {
  const found: Found[] = [];
  for (const pattern of [CUE_FIRST, AMOUNT_FIRST]) {
    for (const match of text.matchAll(pattern)) {
      const span = match.indices?.groups?.amount;
      if (!span || found.some((other) => span[0] < other.end && other.start < span[1])) continue;
      found.push({ value: text.slice(span[0], span[1]), start: span[0], end: span[1] });
    }
  }
  return found;
}
