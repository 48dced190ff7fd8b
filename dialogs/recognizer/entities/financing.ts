import { FinancingSchema, type Financing } from '../../../services/portal/schemas';

/**
 * The financings' names as written: PLAI and PLS however written; PLUS and PLI only in capitals ("en
 * plus" is "besides", "un pli" a fold).
 */
export const FINANCING_NAMED = /(?<![\p{L}\d])(PLUS|PLI|[Pp][Ll][Aa][Ii]|[Pp][Ll][Ss])(?![\p{L}\d])/gu;

/** Right before a financing, words that refuse it: "pas en", "pas de", "sans", "no", "not". */
const REFUSED_BEFORE = /(?:^|[^\p{L}])(?:pas|sans|ni|surtout pas|no|not|nor|without)(?: (?:en|de|du|d'|un|une|des|a|an|in))?\s*$/iu;

/** "un T2 en PLUS", "du PLAI ou du PLS", "PLI only": the financings a message names, none when it names none. */
export function financingsNamed(text: string): Financing[] | undefined {
  // "un T2 en PLUS, pas en PLI", "no PLAI": a financing refused is not asked for.
  const named = [...text.matchAll(FINANCING_NAMED)].filter((match) => !REFUSED_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index))).map((match) => match[1]!.toUpperCase());
  const financings = FinancingSchema.options.filter((financing) => named.includes(financing));
  return financings.length > 0 ? financings : undefined;
}
