/** Where a personal datum sits in a text, and its value in a canonical form (what a dialog may use). */
export interface Found<V = string> {
  value: V;
  start: number;
  end: number;
}

/** Every match of a global pattern, with the value `read` makes of it (undefined: not one after all). */
export function matchesOf<V>(pattern: RegExp, text: string, read: (match: RegExpMatchArray) => V | undefined): Found<V>[] {
  const found: Found<V>[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = read(match);
    if (value !== undefined) found.push({ value, start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  }
  return found;
}
