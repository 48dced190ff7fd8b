/**
 * Pattern-based redaction of personal data in free text. It runs at every boundary where text leaves
 * the conversation (logs, traces, transcripts, tickets). Patterns are tolerant on purpose: a false
 * positive costs a few characters of log, a false negative leaks a person's data.
 */

import { isValidCardNumber, isValidIban, isValidSocialSecurityNumber } from './checkDigits';

export type PersonalDataKind = 'NUR' | 'SSN' | 'IBAN' | 'CARD' | 'EMAIL' | 'PHONE' | 'SIRET' | 'ADDRESS';

interface Pattern {
  kind: PersonalDataKind;
  regex: RegExp;
}

const separator = '[\\s.\\-]?';

const DESK_CODE = '(?:[A-Za-z0-9]{5}|[A-Za-z][\\s.\\-][A-Za-z]{4}|[A-Za-z]{2}[\\s.\\-][A-Za-z]{3}|[A-Za-z]{3}[\\s.\\-][A-Za-z]{2}|[A-Za-z]{4}[\\s.\\-][A-Za-z])';

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

// Order matters: the longest, most specific shapes are replaced first so a NUR is not half-eaten
// by the phone pattern.
const PATTERNS: Pattern[] = [
  // Teams conversation ids (`19:…@thread.tacv2`, `19:…@unq.gbl.spaces`) are not addresses: logs keep
  // them to tell conversations apart. Any other domain, even one starting the same way, is an address.
  {
    kind: 'EMAIL',
    regex: /[A-Za-z0-9._%+-]+@(?!(?:thread\.(?:tacv2|v2|skype)|unq\.gbl\.spaces)(?![A-Za-z0-9-]|\.[A-Za-z0-9]))[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  },
  { kind: 'IBAN', regex: /\b[A-Z]{2}\d{2}(?:[\s-]?[A-Z0-9]{4}){2,7}(?:[\s-]?[A-Z0-9]{1,4})?\b/gi },
  // Unique number (NUR/NUD): 13 digits then a 5-character desk code (FACTS.md), with separators between
  // the digits. The desk code is one block, or letters split once ("GD PUB"): looser, a social security
  // number followed by "91 et je" or a card number would pass for one.
  {
    kind: 'NUR',
    regex: new RegExp(`\\b\\d(?:${separator}\\d){12}[\\s.\\-/]?${DESK_CODE}\\b`, 'g'),
  },
  // French social security number: sex digit, year, month, department, commune, order, 2-digit key.
  {
    kind: 'SSN',
    regex: new RegExp(`\\b[12]${separator}\\d{2}${separator}\\d{2}${separator}(?:\\d{2}|2[AB])${separator}\\d{3}${separator}\\d{3}(?:${separator}\\d{2})?\\b`, 'gi'),
  },
  // Before cards: a SIRET also passes the Luhn check, and is a company's number, not a person's card.
  { kind: 'SIRET', regex: new RegExp(`\\b\\d{3}${separator}\\d{3}${separator}\\d{3}${separator}\\d{5}\\b`, 'g') },
  { kind: 'CARD', regex: new RegExp(`\\b\\d{4}(?:${separator}\\d{4}){2}${separator}\\d{1,7}\\b`, 'g') },
  // French numbers: 0X XX XX XX XX, or with the country code as +33 or 0033, with or without the (0).
  {
    kind: 'PHONE',
    regex: new RegExp(`(?:(?:\\+|\\b00)33${separator}?(?:\\(0\\)${separator}?)?|\\b0)[1-9](?:${separator}\\d{2}){4}\\b`, 'g'),
  },
  // A street address: a number (with bis/ter), a kind of way, then its name, up to four words; a postal
  // code and town may follow. "13008 Marseille" alone is not an address: it names no door.
  {
    kind: 'ADDRESS',
    regex: new RegExp(
      `\\b\\d{1,4}(?:\\s?(?:bis|ter|b|t))?,?\\s+(?:${STREET_KINDS})(?![A-Za-zÀ-ÿ])\\.?\\s+(?:(?:de|du|des|la|le|les|l'|d'|l’|d’)\\s*)*${NAME_WORD}(?:[\\s-]+(?!(?:${STOP_WORDS})(?![A-Za-zÀ-ÿ0-9]))${NAME_WORD}){0,3}(?:,?\\s+\\d{5}(?:\\s+${NAME_WORD}(?:[\\s-]+(?!(?:${STOP_WORDS})(?![A-Za-zÀ-ÿ0-9]))${NAME_WORD}){0,2})?)?`,
      'gi',
    ),
  },
];

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /**
   * The check digits hold (social security key, IBAN mod 97, card Luhn): almost surely the real thing.
   * False when they fail; absent for kinds without check digits.
   */
  checked?: boolean;
}

const CHECKS: Partial<Record<PersonalDataKind, (typed: string) => boolean>> = {
  SSN: isValidSocialSecurityNumber,
  IBAN: isValidIban,
  CARD: isValidCardNumber,
};

/** Where each personal datum sits in `text`, with the same patterns and order as `redactText`. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const { kind, regex } of PATTERNS) {
    for (const match of text.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      const check = CHECKS[kind];
      found.push(check ? { kind, start, end, checked: check(match[0]) } : { kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Replaces every personal datum found in `text` with a `[KIND]` placeholder. */
export function redactText(text: string): string {
  let result = text;
  for (const { kind, regex } of PATTERNS) {
    result = result.replace(regex, `[${kind}]`);
  }
  return result;
}

/** The kinds of personal data present in `text` (empty when none). */
export function personalDataIn(text: string): PersonalDataKind[] {
  const found = new Set<PersonalDataKind>();
  let rest = text;
  for (const { kind, regex } of PATTERNS) {
    if (rest.match(regex)) {
      found.add(kind);
      rest = rest.replace(regex, ' ');
    }
  }
  return [...found];
}

/** Deep copy of `value` with every string redacted; used on structured log records. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactDeep(item, depth + 1);
  return copy;
}
