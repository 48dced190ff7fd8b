import { FinancingSchema, type Financing } from '../../../services/portal/schemas';

/**
 * The financings' names as written: PLAI and PLS however written; PLUS and PLI only in capitals ("en
 * plus" is "besides", "un pli" a fold).
 */
export const FINANCING_NAMED = /(?<![\p{L}\d])(PLUS|PLI|[Pp][Ll][Aa][Ii]|[Pp][Ll][Ss])(?![\p{L}\d])/gu;

/** "un T2 en PLUS", "du PLAI ou du PLS", "PLI only": the financings a message names, none when it names none. */
export function financingsNamed(text: string): Financing[] | undefined {
  const named = [...text.matchAll(FINANCING_NAMED)].map((match) => match[1]!.toUpperCase());
  const financings = FinancingSchema.options.filter((financing) => named.includes(financing));
  return financings.length > 0 ? financings : undefined;
}
