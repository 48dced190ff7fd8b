import type { Offer } from '../../services/portal/schemas';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import type { Language, Translate } from '../i18n';
import { offerFacts, offerTitle, type OfferFactKey } from '../cards/offerCards';
import questionWords from './offerQuestionWords.json';

/** How long after an offer was shown a question is taken to be about it. */
export const OFFER_IN_FOCUS_MS = 30 * 60 * 1000;

const PATTERNS: [OfferFactKey, RegExp][] = Object.entries(questionWords.facts).map(([key, words]) => [
  key as OfferFactKey,
  new RegExp(`(?<![a-z0-9])(?:${words.map((word) => normalizeForMatching(word).replace(/ /g, ' +')).join('|')})(?![a-z0-9])`),
]);

/** The facts of an offer a short question asks for ("c dispo quand ?", "c'est quel étage ?", "how much?"). */
export function offerFactsAsked(text: string): OfferFactKey[] {
  const folded = normalizeForMatching(text);
  if (folded.split(' ').length > 10) return [];
  const asked = PATTERNS.filter(([, pattern]) => pattern.test(folded)).map(([key]) => key);
  // "le loyer" names the rent; "combien" alone asks for the total with charges.
  return asked.includes('rent') || asked.includes('charges') ? asked.filter((key) => key !== 'total') : asked;
}

/** "T3 · 59,5 m² · Lyon — Disponible le : 6 janvier 2027". */
export function offerFactsAnswer(t: Translate, language: Language, offer: Offer, asked: OfferFactKey[]): string {
  const facts = offerFacts(t, language, offer).filter(([key]) => asked.includes(key));
  const title = offerTitle(t, offer);
  return [title, ...facts.map(([key, value]) => t('offers:offer.factLine', { label: t(`offers:offer.facts.${key}`), value }))].join('\n');
}
