import { redactText } from '../../services/privacy/redact';
import { respelled } from '../../services/shared/chatSpellings';
import { withoutOpeningHesitation } from '../../services/shared/openingHesitation';
import type { EntityKind, EntitySpan } from './entities/extractEntities';
import { foldText } from './entities/foldText';
import { FINANCING_NAMED } from './entities/financing';

/**
 * Bump when the text below changes shape, or when the entity parsers change what they replace (an amount
 * now read as such becomes a placeholder): the cached model was trained on texts made this way and is
 * retrained when the version it records differs.
 */
export const CLASSIFIER_TEXT_VERSION = 11;

// One made-up word per entity kind: "cherche T3 lyon" and "cherche un F2 à Nantes" both become
// "cherche … zztypologie … zzlieu", so the classifier learns the request, not the city.
const PLACEHOLDERS: Record<EntityKind, string> = {
  email: 'zzemail',
  uniqueNumber: 'zznumerounique',
  offerId: 'zzoffre',
  siret: 'zzsiret',
  phone: 'zztelephone',
  amount: 'zzmontant',
  surface: 'zzsurface',
  date: 'zzdate',
  typology: 'zztypologie',
  persons: 'zzpersonnes',
  place: 'zzlieu',
};

/**
 * What the classifier sees: entities replaced by placeholders, and any other personal datum (social
 * security number, IBAN, card) replaced too — nlp.js keeps the texts it classified in a cache. Then one
 * spelling for what people type several ways: lower case without accents (as nlp.js's French normaliser
 * does, now for English too), emoji and symbols dropped, sentence punctuation kept, "s'il vous plaît" as
 * "svp" (its "plaît" otherwise votes for "il me plaît, je postule"), chat spellings as the words they
 * stand for ("c koi la diff" read as "c quoi la difference", not as a complaint). A hesitation that
 * opens a longer message is dropped: "attends c'est quoi un PLS ?" asks what a PLS is, it cancels nothing.
 * A financing named (PLAI, PLUS, PLS, PLI) is a placeholder too.
 */
export function classifierText(text: string, spans: EntitySpan[]): string {
  let result = '';
  let cursor = 0;
  for (const span of spans) {
    // "à demain", "today": a day said in words is part of the sentence's meaning, kept as words.
    if (span.kind === 'date' && !/\d/.test(text.slice(span.start, span.end))) continue;
    result += `${text.slice(cursor, span.start)} ${PLACEHOLDERS[span.kind]} `;
    cursor = span.end;
  }
  result += text.slice(cursor);
  // "postuler à un T3 en PLUS": a kind of financing, not "je ne veux plus" (which votes for withdrawing).
  result = result.replace(FINANCING_NAMED, ' zzfinancement ');
  // "enlevez-le", "suis-je", "AL-in": the French tokenizer keeps hyphenated words whole, unknown to the model.
  const spaced = redactText(result).replace(/(?<=\p{L})-(?=\p{L})/gu, ' ');
  const folded = foldText(spaced)
    .replace(/[^a-z0-9' ,.;!?]+/g, ' ')
    .replace(/\bs'il (?:vous|te) plait\b/g, 'svp')
    .replace(/[a-z0-9']+/g, respelled)
    .replace(/\s+/g, ' ')
    .trim();
  return withoutOpeningHesitation(folded);
}
