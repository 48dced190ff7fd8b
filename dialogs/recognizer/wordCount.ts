/** How many words a message has, punctuation and numbers aside ("et à Lyon ?" → 3). */
export function wordCount(text: string): number {
  return (text.match(/\p{L}+/gu) ?? []).length;
}
