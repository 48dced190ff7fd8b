import type { EntityMatch } from './entityMatch';

// Deliberately simple (RFC 5322 allows far more): what people type in a chat, with a dotted domain.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;

/** E-mail addresses, lower-cased (the domain is case-insensitive, and mailboxes almost always are). */
export function findEmails(text: string): EntityMatch<string>[] {
  return [...text.matchAll(EMAIL)].map((match) => ({
    value: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));
}
