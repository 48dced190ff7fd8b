import { matchesOf, type Found } from './detector';

// Kinds of ways in French addresses and a few English ones. Short abbreviations that are also housing
// words ("3 ch" is three bedrooms, "2 pl" two places) are left out.
const STREET_KINDS = [
  'rue', 'avenue', 'av', 'ave', 'boulevard', 'bd', 'bld', 'place', 'chemin', 'impasse', 'allée', 'allee', 'route', 'rte', 'quai',
  'cours', 'square', 'résidence', 'residence', 'cité', 'cite', 'passage', 'voie', 'villa', 'hameau', 'lotissement', 'lieu-dit',
  'faubourg', 'fbg', 'sentier', 'esplanade', 'promenade', 'rond-point', 'parvis', 'street', 'road', 'lane', 'drive',
].join('|');
const NAME_WORD = "[A-Za-zÀ-ÖØ-öø-ÿ0-9'’]+";
// Words that end an address's name in a sentence ("12 rue de la Paix et je cherche…").
const STOP_WORDS = ['et', 'je', 'j', 'mais', 'pour', 'avec', 'depuis', 'a', 'à', 'au', 'on', 'nous', 'il', 'elle', 'merci', 'svp', 'stp', 'and', 'i', 'since', 'but', 'with'].join('|');
const NEXT_NAME_WORD = `(?:[\\s-]+(?!(?:${STOP_WORDS})(?![A-Za-zÀ-ÿ0-9]))${NAME_WORD})`;

// A number (with bis/ter), a kind of way, then its name, up to four words; a postal code and town may
// follow. "13008 Marseille" alone is not an address: it names no door.
const STREET_ADDRESS = new RegExp(
  `\\b\\d{1,4}(?:\\s?(?:bis|ter|b|t))?,?\\s+(?:${STREET_KINDS})(?![A-Za-zÀ-ÿ])\\.?\\s+(?:(?:de|du|des|la|le|les|l'|d'|l’|d’)\\s*)*${NAME_WORD}${NEXT_NAME_WORD}{0,3}(?:,?\\s+\\d{5}(?:\\s+${NAME_WORD}${NEXT_NAME_WORD}{0,2})?)?`,
  'gi',
);

/** Street addresses (a door: number and way); the value is the address as typed. */
export function findStreetAddresses(text: string): Found[] {
  return matchesOf(STREET_ADDRESS, text, (match) => match[0]);
}
