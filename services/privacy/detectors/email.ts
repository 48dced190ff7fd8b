import { matchesOf, type Found } from './detector';

// What people type in a chat, with a dotted domain (RFC 5322 allows far more). Teams conversation ids
// (`19:…@thread.tacv2`, `19:…@unq.gbl.spaces`) are not addresses: logs keep them to tell conversations
// apart. Any other domain, even one starting the same way, is an address.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?!(?:thread\.(?:tacv2|v2|skype)|unq\.gbl\.spaces)(?![A-Za-z0-9-]|\.[A-Za-z0-9]))[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** E-mail addresses, lower-cased (the domain is case-insensitive, and mailboxes almost always are). */
export function findEmails(text: string): Found[] {
  return matchesOf(EMAIL, text, (match) => match[0].toLowerCase());
}
