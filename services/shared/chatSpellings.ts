import chatSpellings from './chatSpellings.json';

const WORDS: Readonly<Record<string, string>> = chatSpellings.words;

/**
 * A chat spelling read as the words it stands for ("koi" → "quoi", "jveux" → "je veux", "plz" →
 * "please"); any other word unchanged. Expects a folded word (lower case, no accents).
 */
export function respelled(word: string): string {
  return WORDS[word] ?? word;
}
