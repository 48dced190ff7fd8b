import { parseNumber } from './amount';
import type { EntityMatch } from './entityMatch';
import { foldText } from './foldText';

// "45 m2", "45m²", "45 m carrés", "45 mètres carrés", "45 sqm", "45 square metres".
const SURFACE = /(?<![\d.,a-z])(\d+(?:[.,]\d{1,2})?) ?(?:m2|m²|m ?carres?|metres? carres?|sq\.? ?m|sqm|square met(?:er|re)s?)(?![a-z0-9])/g;

/** Living areas in square metres. */
export function findSurfaces(text: string): EntityMatch<number>[] {
  const found: EntityMatch<number>[] = [];
  for (const match of foldText(text).matchAll(SURFACE)) {
    const value = parseNumber(match[1] ?? '');
    if (value !== undefined && value > 0) found.push({ value, start: match.index, end: match.index + match[0].length });
  }
  return found;
}
