/**
 * Lower case, accents and typographic variants removed, one character for one character: parsers match
 * on the folded copy and report offsets that are valid in the text the user typed.
 */
export function foldText(text: string): string {
  let folded = '';
  for (const character of text) {
    folded += foldCharacter(character);
  }
  return folded;
}

function foldCharacter(character: string): string {
  // Astral characters (emoji) are two code units: keep two so offsets stay aligned.
  if (character.length > 1) return ' '.repeat(character.length);
  if (character === '’' || character === '‘' || character === '`') return "'";
  if (/\s/.test(character)) return ' ';
  const base = character.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return base.length === 1 ? base : character.toLowerCase().slice(0, 1) || ' ';
}
