/**
 * Pattern-based redaction of personal data in free text. It runs at every boundary where text leaves
 * the conversation (logs, traces, transcripts, tickets). Patterns are tolerant on purpose: a false
 * positive costs a few characters of log, a false negative leaks a person's data.
 */

export type PersonalDataKind = 'NUR' | 'SSN' | 'IBAN' | 'CARD' | 'EMAIL' | 'PHONE' | 'SIRET';

interface Pattern {
  kind: PersonalDataKind;
  regex: RegExp;
}

const separator = '[\\s.\\-]?';

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
  // Unique number (NUR/NUD): 13 digits then a 5-character desk code, typed with any separators (FACTS.md).
  {
    kind: 'NUR',
    regex: new RegExp(`\\b\\d(?:${separator}\\d){12}${separator}[A-Za-z0-9](?:${separator}[A-Za-z0-9]){4}\\b`, 'g'),
  },
  // French social security number: sex digit, year, month, department, commune, order, 2-digit key.
  {
    kind: 'SSN',
    regex: new RegExp(`\\b[12]${separator}\\d{2}${separator}\\d{2}${separator}(?:\\d{2}|2[AB])${separator}\\d{3}${separator}\\d{3}(?:${separator}\\d{2})?\\b`, 'gi'),
  },
  { kind: 'CARD', regex: new RegExp(`\\b\\d{4}(?:${separator}\\d{4}){2}${separator}\\d{1,7}\\b`, 'g') },
  { kind: 'SIRET', regex: new RegExp(`\\b\\d{3}${separator}\\d{3}${separator}\\d{3}${separator}\\d{5}\\b`, 'g') },
  // French numbers: 0X XX XX XX XX, or with the country code as +33 or 0033, with or without the (0).
  {
    kind: 'PHONE',
    regex: new RegExp(`(?:(?:\\+|\\b00)33${separator}?(?:\\(0\\)${separator}?)?|\\b0)[1-9](?:${separator}\\d{2}){4}\\b`, 'g'),
  },
];

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
