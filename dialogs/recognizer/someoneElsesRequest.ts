import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { readEntities } from './entities/schemas';
import type { Recognition } from './intents';

/** Someone else, whose number it is: "le dossier de mon pote", "le numéro de ma sœur", "son numéro c'est…, elle m'a dit que je pouvais", "my friend's number". */
const SOMEONE_ELSE =
  /(?<![a-z])(?:(?:de|d|pour) (?:mon|ma|mes|un|une) (?:pote|potes|ami|amie|copain|copine|soeur|frere|mere|pere|maman|papa|fils|fille|cousin|cousine|collegue|voisin|voisine|oncle|tante|grand mere|grand pere|beau frere|belle soeur)|(?:my|a) (?:friend|sister|brother|mother|mum|mom|father|dad|son|daughter|cousin|colleague|neighbour|neighbor|aunt|uncle)(?: s)?|someone else|quelqu un d autre|une autre personne|(?:son|sa|leur|his|her|their) (?:numero|num|dossier|demande|nur|nud|number|file|request|unique number)|(?:elle|il) m a (?:dit|donne|autorise|permis)|(?:she|he) (?:said|told me|gave me|allowed)|(?:with|avec) (?:her|his|son|sa) (?:permission|accord))(?![a-z])/;

/**
 * "tu peux regarder le dossier de mon pote aussi ? c'est 0590…": a unique number given as someone else's.
 * A request is shown only to its holder, after the code sent to the holder's contact details: the number
 * is neither linked nor looked up.
 */
export function namesSomeoneElsesRequest(recognition: Pick<Recognition, 'text' | 'entities'>): boolean {
  return readEntities(recognition.entities).uniqueNumber !== undefined && SOMEONE_ELSE.test(normalizeForMatching(recognition.text).replace(/'/g, ' '));
}
