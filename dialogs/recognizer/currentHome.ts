import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import type { CurrentHome } from '../../services/triage/overcrowding';
import { readEntities } from './entities/schemas';
import type { Recognition } from './intents';

/** The writer living somewhere now: "on vit", "j'habite", "nous sommes 5 dans", "we live", "living in". */
const LIVING_NOW =
  /(?<![a-z])(?:on vit|on habite|on loge|on est \S+ dans|on est a \S+ dans|nous vivons|nous habitons|nous sommes \S+(?: \S+){0,5} dans|j habite|je vis|je loge|je suis dans|on dort|we live|we re living|we are living|i live|i m living|living in|we are \S+ in|we re \S+ in|(?:moi|me) (?:et|and) )(?![a-z])/;
/** Words of a search: the surface that follows them is the one wanted, not the one lived in. */
const SEARCH_WORDS = /(?<![a-z])(?:cherch\w*|recherch\w*|voudrai\w*|veut|veux|souhait\w*|minimum|au moins|looking|want|wanted|need|at least)(?![a-z])/;
/** Someone else's home: "un collègue qui vit à 5 dans un studio", "my sister lives". */
const SOMEONE_ELSE = /(?<![a-z])(?:il vit|elle vit|ils vivent|elles vivent|qui vit|qui vivent|il habite|elle habite|he lives|she lives|they live)(?![a-z])/;
const ONE_ROOM = /(?<![a-z])(?:studio|studette|chambre de bonne|dans une chambre|une chambre de \d+|une seule piece|une piece|one room|single room|in a room|bedsit)(?![a-z])/;

/**
 * The home the writer lives in now, when a message says how many live there and its surface or that it is
 * one room ("nous sommes trois adultes et deux enfants dans 32 m²", "j'habite un studio with my husband and
 * our 2 kids"); nothing for a search ("on cherche un 30 m² pour 4") or someone else's home.
 */
export function currentHomeOf(recognition: Pick<Recognition, 'text' | 'entities'>): CurrentHome | undefined {
  const { persons, surfaces, typologies } = readEntities(recognition.entities);
  if (persons === undefined) return undefined;
  const text = normalizeForMatching(recognition.text).replace(/'/g, ' ');
  const living = LIVING_NOW.exec(text);
  if (!living || SOMEONE_ELSE.test(text)) return undefined;
  const searchAt = text.search(SEARCH_WORDS);
  const searchedBefore = searchAt >= 0 && searchAt < living.index;
  if (searchedBefore) return undefined;
  // What follows a search word is wanted, not lived in: "on vit à 4 dans 30 m2 et on cherche un T3" keeps the 30 m².
  const livedText = searchAt >= 0 ? text.slice(0, searchAt) : text;
  const surface = surfaces?.length === 1 && /\d+ ?(?:m2|m|sqm|sq|square|metres|meters)/.test(livedText) ? surfaces[0] : undefined;
  // "on est 4 dans un T3, les enfants partagent une chambre": a home of several rooms.
  const oneRoom = ONE_ROOM.test(livedText) && !typologies?.some((typology) => typology !== 'T1');
  if (surface === undefined && !oneRoom) return undefined;
  return { persons, ...(surface !== undefined ? { surface } : {}), ...(oneRoom ? { oneRoom } : {}) };
}
