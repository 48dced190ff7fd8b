/**
 * The words of a message for the lexicons: lower case, accents removed, curly apostrophes straightened.
 * A word the lexicon knows with its apostrophe ("aujourd'hui") stays whole; otherwise "j'aime" gives
 * "j" and "aime".
 */
export function wordsOf(text: string, known: (word: string) => boolean): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^a-z']+/)
    .flatMap((word) => (known(word) ? [word] : word.split("'")))
    .filter((word) => word.length > 0);
}
