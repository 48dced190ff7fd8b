import type { EntityMatch } from './entityMatch';

// The portal's offer references ("OFR-00213"), as people type them: "ofr 213", "OFR00213", "ofr-213".
const OFFER_REFERENCE = /(?<![a-z0-9])ofr[\s\-_]*(\d{1,5})(?!\d)/gi;

/** Offer references in a sentence, in the portal's form (`OFR-00213`). */
export function findOfferReferences(text: string): EntityMatch<string>[] {
  return [...text.matchAll(OFFER_REFERENCE)].map((match) => ({
    value: `OFR-${(match[1] ?? '').padStart(5, '0')}`,
    start: match.index,
    end: match.index + match[0].length,
  }));
}
