import type { EntityMatch } from './entityMatch';
import { foldText } from './foldText';
import { COUNT_PATTERN, countOf } from './numberWords';
import { TypologySchema, type Typology } from './schemas';

// "T3", "F3", "t 3", "T3bis"; "3 pièces", "3p", "trois pieces", "3 rooms"; "2 chambres" (bedrooms:
// plus the living room, so T3); "studio". In French usage T and F mean the same thing.
const RULES: { regex: RegExp; rooms: (match: RegExpMatchArray) => number | undefined }[] = [
  { regex: /(?<![a-z0-9])[tf] ?([1-9])(?: ?bis)?(?! ?[0-9])(?:\+|(?![a-z]))/g, rooms: (m) => countOf(m[1] ?? '') },
  {
    regex: new RegExp(`(?<![a-z0-9])(${COUNT_PATTERN}) ?(?:pieces?|pces?|p|rooms?|room)(?![a-z])`, 'g'),
    rooms: (m) => countOf(m[1] ?? ''),
  },
  {
    regex: new RegExp(`(?<![a-z0-9])(${COUNT_PATTERN}) ?(?:chambres?|chbres?|ch|bedrooms?|beds?|br)(?![a-z])`, 'g'),
    rooms: (m) => {
      // "une chambre" is a room to rent (a foyer, a flatshare), not a one-bedroom flat.
      if (m[1] === 'un' || m[1] === 'une') return undefined;
      const bedrooms = countOf(m[1] ?? '');
      return bedrooms === undefined ? undefined : bedrooms + 1;
    },
  },
  { regex: /(?<![a-z])(?:studios?|studettes?|chambres? de bonne|bedsits?)(?![a-z])/g, rooms: () => 1 },
];

/** Every typology mentioned ("T2 ou T3" gives both), in the order typed. */
export function findTypologies(text: string): EntityMatch<Typology>[] {
  const folded = foldText(text);
  const found: EntityMatch<Typology>[] = [];
  for (const rule of RULES) {
    for (const match of folded.matchAll(rule.regex)) {
      const rooms = rule.rooms(match);
      if (rooms === undefined || rooms < 1) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      found.push({ value: TypologySchema.parse(`T${Math.min(rooms, 6)}`), start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
