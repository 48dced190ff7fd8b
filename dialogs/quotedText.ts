import { redactText } from '../services/privacy/redact';

// Bidirectional overrides and isolates reorder what follows them; invisible spaces hide words. Joiners
// and direction marks stay: Persian, Indic scripts and emoji sequences need them.
const REORDERING_OR_INVISIBLE = /[\u200B\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]/g;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]+/g;
// Markdown links and images need brackets, HTML, autolinks and Teams mentions need angle brackets.
const MARKUP = /[[\]<>]/g;

/**
 * The user's own words, quoted back in a reply: personal data redacted, on one line, at most
 * `maxCharacters` characters (never half an emoji), with nothing a channel would render as a link,
 * an image, a mention, markup or reordered text — in a group chat the bot's reply must not become a
 * link someone else wrote.
 */
export function quotedUserText(text: string, maxCharacters: number): string {
  const plain = redactText(text)
    .replace(REORDERING_OR_INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(MARKUP, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const characters = Array.from(plain);
  return characters.length <= maxCharacters ? plain : `${characters.slice(0, maxCharacters).join('')}…`;
}
