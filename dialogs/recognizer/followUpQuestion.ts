import { respelled } from '../../services/shared/chatSpellings';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { readPosition } from './answers/answerReader';

/**
 * What a short question that follows an answer asks about it: why it is so ("pk ?", "pourquoi vous
 * enlevez le PLAI ?"), what happens if the person does not do it ("et si je le fais pas ?"), whether
 * they may do one more ("je peux en faire une autre ?"), or how and where to do what it said ("je fais
 * comment ?", "je le dépose où ?"), whether anything else is missing ("il manque autre chose ?", "anything else
 * missing?"), which documents it meant ("c'est quoi les 2 papiers demandés ?", "lesquels ?"), by when
 * ("avant quand ?", "c'est quand la commission ?", "by when?"), about the one of a place it listed ("et celle de
 * lyon alors ?", "what about the one in Lyon?"), how to prove the situation told ("il faut quoi comme preuves ?"), picks one of a list ("la 1ere", "oui celui-là", "the first one"), or
 * only agrees with it ("oui c'est ça", "ok parfait", "yes that's it").
 */
export type FollowUpKind = 'why' | 'whatIfNot' | 'another' | 'how' | 'more' | 'which' | 'when' | 'thatOne' | 'pick' | 'proof' | 'agreed';

/** Longer than this, a message is a request of its own, not a follow-up. */
const MOST_WORDS = 12;

const KINDS: readonly [FollowUpKind, RegExp][] = [
  ['whatIfNot', /\b(?:et si (?:je |j |on |nous )?(?:ne |n )?(?:(?:le|la|les|l|en) )?(?:\w+ )?pas\b|et sinon\b|sinon (?:quoi|il se passe quoi|ca fait quoi)|et si (?:j oublie|on oublie|je rate|c est trop tard|je suis en retard|on est en retard|je depasse|je laisse passer)|what if (?:i|we) (?:don t|do not|forget|miss|am late|are late|m late|re late)|and if (?:i|we) don t|if (?:i|we) don t|(?:et )?si (?:je|j|on|nous) (?:ne )?(?:dis|dit|reponds|repond|fais|fait) (?:rien|pas)|if (?:i|we) (?:say|do|answer|reply) nothing|if (?:i|we) (?:never|don t) (?:answer|reply))/],
  ['more', /\b(?:(?:il )?manque (?:t il )?(?:autre chose|quoi d autre|encore (?:quelque chose|qqch|un truc|des papiers|des pieces))|autre chose (?:a (?:faire|fournir|envoyer|deposer)|qui manque|de manquant)|(?:rien|quoi) d autre (?:a (?:faire|fournir|envoyer)|qui manque|de manquant)|anything else (?:missing|to (?:do|send|provide|upload))|(?:something|what) else (?:is )?missing|is anything (?:else )?missing|any other (?:documents?|papers?)(?: missing)?)\b/],
  ['another', /\b(?:(?:en|une?) (?:faire|envoyer|ajouter|deposer|avoir|tenter) (?:encore )?(?:une?|d) ?autres?|en faire (?:une|d) autres?|en refaire une?|refaire une (?:demande|autre)|(?:faire|deposer) une nouvelle(?: demande)?|une autre candidature|encore (?:candidater|postuler)|une de plus|another (?:one|application|request)|one more|(?:file|make) a new (?:one|request)|apply (?:to|for) (?:another|more))\b/],
  ['which', /(?:^|\b)(?:(?:c est|c|ce sont|c etait) quoi (?:les|ces) (?:\d+ |deux |trois )?(?:papiers|pieces|documents|docs|justificatifs)|(?:quels|quelles) (?:sont (?:les|ces) )?(?:\d+ |deux |trois )?(?:papiers|pieces|documents|docs|justificatifs)(?: (?:demandes|demandees|qui manquent|manquants|a (?:fournir|envoyer|deposer)))?|lesquels|lesquelles|(?:which|what) (?:documents|papers|ones)|which ones)\b/],
  ['when', /(?:^|\b)(?:avant quand|jusqu a quand|d ici quand|pour quand|c est quand|c quand|ce sera quand|quand (?:ca|exactement|est ce que|c est|la commission|le delai|la date)|a quelle date|quelle date|(?:by|until|till) when|when exactly|what date|which date|when is (?:it|that|the)|when do i have to)\b|^(?:et )?(?:quand|when)$/],
  ['thatOne', /^(?:et |and |what about |how about )?(?:celle|celui|la candidature|l offre|le logement|the one|that one|the application|my application)\s+(?:de|d|a|du|des|pour|sur|in|at|for)\s+\S+(?:\s+\S+){0,3}?(?:\s+(?:alors|du coup|then))?$/],
  ['proof', /\b(?:(?:il faut|faut|je fournis|je donne|je mets|j envoie|quelles?|quoi comme|c est quoi les|what) (?:\w+ ){0,3}?(?:preuves?|justificatifs?|proof|evidence)|(?:comment|how) (?:je |on |do i |can i |to )?(?:le |la |ca )?(?:prouve|prouver|justifie|justifier|prove)|(?:je|on) (?:le |la |ca )?(?:prouve|justifie) comment)\b/],
  ['why', /(?:^|\b)(?:pourquoi|pour quoi faire|why|how come|comment ca se fait|c est pour ca)\b/],
  ['how', /\b(?:(?:je|on|j) (?:fais|fait|dois faire) comment|comment (?:je|on|j) (?:fais|fait|peux|dois|le|la|les)|comment faire|que faire|je fais quoi|on fait quoi|(?:je|on) (?:le|la|les) (?:depose|mets|envoie|fais|trouve) ou|ou (?:exactement|ca|je (?:le|la|les) )|(?:faut|dois) (?:que je|qu on|il|je) (?:fasse|faire|fais) quoi|je dois faire quoi|(?:je peux|on peut|puis je) candidater a quoi|a quoi (?:je peux|puis je|on peut) candidater|how do (?:i|we)|what do (?:i|we) do|what (?:should|must|can) (?:i|we) (?:do|apply)|where do (?:i|we))\b/],
];

/** Agreeing and nothing more: a few words, no question. */
const AGREED = /^(?:(?:oui|ouais|ouai|ok|okay|oki|d accord|dac|parfait|super|nickel|top|exactement|voila|yes|yep|yeah|great|perfect|exactly|fine|right|c est ca|c ca|c est bien ca|c est bon|c bon|that s it|that s right)(?: |$))+(?:merci|thanks|thank you)?$/;

/** The last clause of a longer message, when it is short: "attends je dois en parler à ma femme, on a jusqu'à quand ?". */
const MOST_WORDS_OF_A_LAST_CLAUSE = 6;

export function followUpKindOf(text: string): FollowUpKind | undefined {
  const words = normalizeForMatching(text).split(' ').filter(Boolean).map(respelled);
  if (words.length > MOST_WORDS) {
    const lastClause = text.split(/[,.;:!]/).map((clause) => clause.trim()).filter(Boolean).at(-1) ?? '';
    const clauseWords = normalizeForMatching(lastClause).split(' ').filter(Boolean);
    // Only a question of time asked last: the rest of a long message may ask anything else.
    return clauseWords.length <= MOST_WORDS_OF_A_LAST_CLAUSE && clauseWords.length < words.length && followUpKindOf(lastClause) === 'when' ? 'when' : undefined;
  }
  if (words.length === 0) return undefined;
  // "j'ai", "c'est": the apostrophe is a space here, as in the patterns.
  const sentence = words.join(' ').replace(/'/g, ' ');
  if (AGREED.test(sentence) && !text.includes('?')) return 'agreed';
  return KINDS.find(([, pattern]) => pattern.test(sentence))?.[0] ?? (picksOne(sentence) ? 'pick' : undefined);
}

/** Agreeing words before a pick ("oui celui-là", "ok le premier alors"), and the list it is picked from. */
const BEFORE_A_PICK = /^(?:(?:oui|ouais|ok|okay|bah|ben|bon|alors|euh|yes|so) )+/;
const OF_THE_LIST = / (?:de la liste|of the list|dans la liste|in the list)\b/;
/** "celui-là", "that one": the one pointed at. */
const POINTED_AT = /^(?:celui|celle|this|that)(?: ci| la| one)?(?: (?:svp|stp|please|alors|then))*$/;

/** "la 1ere", "oui celui-là", "le 1er de la liste", "the first one": one of a list picked, and nothing else. */
function picksOne(sentence: string): boolean {
  const pick = sentence.replace(BEFORE_A_PICK, '').replace(OF_THE_LIST, '').trim();
  return POINTED_AT.test(pick) || readPosition(pick) !== undefined;
}

/** Words that make a short question a request of its own ("pourquoi mon dossier ?", "why my application?"). */
const TASK_NOUNS = /(?<![a-z])(?:dossier|demande|candidature|logement|numero|offre|file|request|application|home|flat|number|offer)s?(?![a-z])/;

/** A follow-up in a few words and nothing else ("what if I don't?", "pk ?", "et sinon ?"). */
export function isBareFollowUp(text: string): boolean {
  const sentence = normalizeForMatching(text);
  return followUpKindOf(text) !== undefined && sentence.split(' ').length <= 5 && !TASK_NOUNS.test(sentence);
}
