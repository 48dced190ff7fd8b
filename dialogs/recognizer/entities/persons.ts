import { tellsOfSeparation } from './amount';
import type { EntityMatch } from './entityMatch';
import { foldText } from './foldText';
import { COUNT_PATTERN, countOf } from './numberWords';

const COUNT = `(${COUNT_PATTERN})`;
// Households above this are a company's headcount ("une boîte de 200 personnes"), not people to house.
const LARGEST_HOUSEHOLD = 15;
// With a workplace named, a count this large is its staff ("une petite boîte, on est 12").
const LARGEST_HOUSEHOLD_AT_WORK = 8;
const AT_HOME = /(?<![a-z])(?:a la maison|chez nous|chez moi|a la maison|dans le logement|dans l appart|au foyer|at home|in the flat|in our flat|enfants?|kids?|children)(?![a-z])/;
const WORKPLACE = /(?<![a-z])(?:boite|boites|entreprise|societe|boulangerie|magasin|restaurant|usine|agence|equipe|collegues|salaries|employes|patron|company|firm|shop|team|staff|coworkers|colleagues)(?![a-z])/;

const CORRECTED_COUNT = new RegExp(`^[ ,.]*(?:euh|heu|ah|oh|enfin|pardon|sorry|i mean)?[ ,.]*(?:non|no|pardon|sorry|plutot|rather|enfin|i mean)[ ,.]*(?:plutot |en fait |rather )?${COUNT}(?![a-z0-9])`);

// A total said outright: "on est 3", "nous sommes 4", "3 personnes", "famille de 5", "we are 3" — not "on est un jeune
// couple", where "un" is an article.
const TOTALS: RegExp[] = [
  new RegExp(`(?<![a-z])(?:on est|on et|on e|on sera|on etait|on serait|nous sommes|nous serons|nous etions|nous serions|on vit a|on habite a|nous vivons a|we are|we're|we were|there are|there will be) ${COUNT}(?![a-z0-9])(?!(?<=(?<![a-z])(?:un|une)) +(?!(?:personnes?|adultes?|seule?s?|pers)(?![a-z]))[a-z])(?! ?(?:et|and|&) \d)(?! ?(?:pieces?|chambres?|ans|enfants?|kids?|children|rooms?|bedrooms?|couple|famille|menage|foyer|family|household|adultes?|adults?|grands?|salaries?|employes?|employees?|collegues?|staff|dans (?:la|une|ma|notre) (?:boite|entreprise|societe|boutique)))`, 'g'),
  // "on est que tous les 2", "nous sommes seulement 3": a total said with a restriction.
  new RegExp(`(?<![a-z])(?:on est|on sera|nous sommes|nous serons|we are|we re) (?:que|seulement|juste|only|just)(?: tous les| toutes les)? ${COUNT}(?![a-z0-9])(?! ?(?:pieces?|ans|enfants?|kids?|children|rooms?))`, 'g'),
  // "une personne" is "someone" ("parler à une personne") unless it is "pour une personne".
  new RegExp(`(?<![a-z0-9])((?<=(?:pour|pr|for) )(?:un|une|one)|(?!(?:un|une|one) )(?:${COUNT_PATTERN})) ?(?:personnes?|pers|ppl|people|persons?|occupants?|adultes et enfants)(?![a-z])`, 'g'),
  new RegExp(`(?<![a-z])(?:famille|foyer|menage|family|household) (?:de|of) ${COUNT}(?![a-z0-9])`, 'g'),
  // "plafond pour 2 à Montreuil", "un T3 pour 4, sur Lyon", "for 3 in Lille": a count for the home, a place or the end after it.
  new RegExp(`(?<![a-z])(?:pour|for) ${COUNT}(?=\\s*(?:$|[,.;:!?(]|(?:a|au|sur|dans|vers|in|at|near|svp|stp|please)(?![a-z])))`, 'g'),
  // "five of us in a studio", "the 4 of us": a count of the writer's household.
  // Not "one of us holds a disability card".
  new RegExp(`(?<![a-z0-9])(?!(?:one|1|a) )${COUNT} of us(?![a-z])`, 'g'),
  // "4 avec les enfants", "5 en comptant les petits": a count, then who it includes.
  new RegExp(`^ *${COUNT} (?:avec|en comptant|y compris|dont|with|including)(?![a-z])`, 'g'),
];
// "2 adultes et 2 enfants", "2 adultes 2 ados", "two adults and one child": the adults and the children counted apart.
const ADULTS_AND_CHILDREN = new RegExp(`(?<![a-z0-9])${COUNT} ?(?:adultes?|adults?|grands?),? (?:(?:et|plus|\\+|and|avec|with) )?(${COUNT_PATTERN}|un|une|a|an|one) ?(?:enfants?|enfans?|petits?|kids?|children|child|bebes?|babies|baby|toddlers?|ados?)(?![a-z])`);

// "2 adultes", "two adults": the adults counted (the children, if any, are counted apart).
const ADULTS_COUNTED = new RegExp(`(?<![a-z0-9])${COUNT} ?(?:adultes?|adults?)(?![a-z])`);

// "(notre fils) de 23 ans", "(my son), 19": an age of majority said right after a child named.
const ADULT_AGE_AFTER = /^,? (?:de |qui a |aged |age )?(?:1[89]|[2-9]\d) (?:ans|years|yo)(?![a-z])/;

// Households described rather than counted (two adults living together, "à nous deux", are counted two): who the adults are, then the children ("je suis retraitée seule",
// "je suis enceinte et seule" are one adult). Divorcing, separated
// or widowed, or "mes enfants avec moi": one adult, whoever else is named (an ex is not to be housed, nor "le
// revenu du couple" a couple to house).
const ALONE = /(?<![a-z])(?:(?:je suis|suis|jsui|jsuis|chui|j suis|je vis|vis|j'habite|habite|vivre|pour moi|moi) (?:tout |toute )?seule?|(?:je suis|jsui|jsuis|chui|j suis) (?!pas |plus |jamais |la |le |les |une? |pas$)[a-z]+ (?:et )?seule?|tout seule?|toute seule|celibataire|(?:maman|papa|mere|pere|parent)s? (?:solo|seule?|isolee?|celibataire)|famille monoparentale|single (?:mum|mom|dad|parent|mother|father)|i live alone|living alone|i am alone|i'm alone|alone with|just me|only me|on my own|by myself|single|juste moi|rien que moi|moi seule?|seule? avec|(?:^|(?<=[?!.,;] ))seule?(?= (?:a|au|aux|dans|sur|en|pres|vers|avec|sans|et|in|at|with)(?![a-z]))|(?<=[?!.,;] )seule?(?= ?[,.;!?]| *$)|^seule?(?= ?[,.;!?])|(?:pas|plus|ne suis pas|ne suis plus) en couple|not (?:in a couple|married)|no (?:partner|husband|wife)|(?<!(?:pas|plus|not) )(?:en instance de |en cours de )?(?:divorcee?|separee?)|en (?:instance|cours) de (?:divorce|separation)|en pleine (?:separation|procedure de divorce|divorce)|on (?:se separe|divorce)|(?:we re|we are|i m|i am) (?:separating|divorcing|getting (?:a )?divorce(?:d)?)|(?<!(?:pas|plus|not) )(?:veuve?|veuf|divorced|separated|widowed|widow(?:er)?)|(?:mes|my|les|the) (?:\d+ |deux |trois |quatre |cinq |two |three |four )?(?:enfants?|enfans?|gosses|filles|fils|kids?|children) (?:avec moi|with me)|(?:j ai|j'ai|i have|i keep|je garde) (?:la garde (?:de|des) )?(?:mes|my|the) (?:\d+ |deux |trois |quatre |two |three |four )?(?:enfants?|filles|fils|kids|children))(?![a-z])/g;
const COUPLE = /(?<![a-z])(?<!(?:pas|plus|not|no longer) )(?<!(?:pas|plus) en )(?<!(?<![a-z])(?:du|de notre|notre|ancien|ex|le|the|our) )(?:en couple|un (?:jeune )?couple|jeune couple|couple(?= *[,.;:!?+]| (?:marie|pacse|avec|sans|et|plus|with|and|de \d|\d|agee?s?)(?![a-z]))|^couple|(?<=^|[.,;:!?-] ?)(?:maries|mariees|pacses|pacsees)(?![a-z])|(?:maries|mariees|pacses|pacsees)(?= *[,.;:!?]| (?:avec|et|sans|with|and|depuis)(?![a-z])| *$)|avec (?:mon|ma) (?:nouveau |nouvelle )?(?:conjointe?|mari|femme|epouse|epoux|compagnon|compagne|copain|copine|partenaire)|(?:mon|ma) (?:conjointe?|mari|femme|epouse|epoux|compagnon|compagne|copain|copine) (?:a |de )?\d{2}(?= ?(?:ans|,|$| et))|(?:ma|mon) (?:femme|mari|conjointe?|compagne?|copine|copain|epouse?|epoux),? (?:et )?moi|moi,? (?:et )?(?:ma|mon) (?:femme|mari|conjointe?|compagne?|copine|copain|epouse?|epoux)|(?:je suis|suis|on est|nous sommes|sommes) (?:marie|pacse)(?:e|s|es)?|a couple|my (?:wife|husband|partner|girlfriend|boyfriend|fiance|fiancee) and i|(?:me|i|myself),? (?:and )?my (?:wife|husband|partner|girlfriend|boyfriend|fiance|fiancee)|with my (?:wife|husband|partner|girlfriend|boyfriend|fiance|fiancee)|married|(?:mon|ma) (?:mari|femme|epoux|epouse|conjointe?|compagnon|compagne)(?=.{0,80}(?:on a|nous avons|on est age|ages de|agees de) \d{2} (?:et|&) \d{2})|(?:jeunes|young) (?:maries|mariees|newlyweds|married couple)|newlyweds|newly married|(?:on vit|on habite|nous vivons|nous habitons|vivons|we live|living|we ve been living) ensemble|(?:we live|living) together|(?:a |juste |rien que |que )?nous (?:deux|2)|(?:just )?(?:the two of us|us two)|both of us)(?![a-z])/g;
const CHILDREN = new RegExp(`(?<![a-z0-9])${COUNT} ?(?:enfants?|enfans?|enfan|gosses?|gamins?|gamines?|petits|filles|fils|garcons|ados|adolescents?|adolescentes?|kids?|children|childs?|bebes?|babies|daughters|sons|boys|girls|teens|teenagers)(?![a-z])`, 'g');
const ONE_CHILD = /(?<![a-z])(?:(?:un|une|mon|ma|my|a|one|notre|our) (?:enfant|fils|fille|bebe|child|kid|son|daughter|baby|toddler|ado|teenager)|(?:le|the) (?:bebe|baby))(?![a-z])/g;
// "et ma belle-mère qui vit avec nous", "my mother lives with us": a relative living in the household.
const RELATIVE_AT_HOME = /(?<![a-z])(?:ma|mon|notre|my|our) (?:belle[ -]mere|beau[ -]pere|mere|pere|grand[ -]mere|grand[ -]pere|mamie|mamy|papi|papy|soeur|frere|mother[ -]in[ -]law|father[ -]in[ -]law|mother|father|mum|mom|dad|grandmother|grandfather|grandma|grandpa|sister|brother)(?: qui)? (?:vit|habite|loge|lives|living|stays) (?:avec|chez|with) (?:nous|us)(?![a-z])/g;
// "maman de 2 enfants", "father of three": a parent naming the children, one adult unless a partner is named
// (a single parent and a couple with the same children are in the same ceiling category).
const PARENT_OF = /(?<![a-z])(?:maman|mere|papa|pere|parent|mother|father|mum|mom|dad) (?:de|d|of)(?![a-z])/g;
// A child expected, not yet born: "on attend un bébé", "enceinte de notre premier enfant", "baby on the way".
const EXPECTED_CHILD = /(?<![a-z])(?:(?:on |nous |j |je |elle )?(?:attend|attends|attendons|attendez|attendent)|expecting|enceinte de) (?:(?:un|une|a|our|notre|mon|my|le|the|notre premier|our first|un deuxieme|a second) )?(?:bebe|enfant|baby|child|petit)(?![a-z])|(?<![a-z])(?:un |une |a |le |the |notre |our )?(?:bebe|baby|enfant|child) (?:qui arrive|en route|on the way|is coming|a naitre|due)(?![a-z])/g;
// "ma femme est aide-soignante, on a deux petits": a spouse spoken of beside the children, when nobody says they are alone
// (not "ma femme de ménage", not a spouse gone: "mon mari est décédé", "ma femme m'a quitté").
const SPOUSE_SPOKEN_OF = /(?<![a-z])(?:ma|mon) (?:femme|mari|epouse|epoux|conjointe?|compagne|compagnon)(?! de menage)(?! (?:est |nous |m )?(?:decede|decedee|morte?|partie?|a quitte|quitte|en prison|ex)(?![a-z]))(?![a-z])/g;
const WIDOWED = /(?<![a-z])(?:veuve?|veuf|widow\w*)(?![a-z])/;
/** A partner after a separation: "mon nouveau compagnon", "my new partner". */
const NEW_PARTNER = /(?<![a-z])(?:nouveau|nouvelle|new)(?![a-z])/;

/** Whether a phrase naming a partner names a new one ("avec mon nouveau compagnon"). */
export function namesANewPartner(phrase: string): boolean {
  return NEW_PARTNER.test(phrase);
}
const ME_AND = /(?<![a-z])(?:moi et|moi ?\+|moi plus|me and|me ?\+|myself and|et moi|and me|and i)(?![a-z])/g;

/** "une petite boulangerie, on est 12 en tout": with a workplace named, a count this large is its staff, not a household. */
export function isStaffCount(text: string, count: number): boolean {
  const folded = foldText(text);
  return count >= LARGEST_HOUSEHOLD_AT_WORK && WORKPLACE.test(folded) && !AT_HOME.test(folded);
}

/**
 * The number of persons to house. A stated total wins; otherwise it is worked out from the adults
 * (alone = 1, a couple = 2) and the children ("seule avec 2 enfants" = 3). Unknown when nothing is said.
 */
export function findPersons(text: string): EntityMatch<number>[] {
  const folded = foldText(text);
  for (const regex of TOTALS) {
    const match = [...folded.matchAll(regex)][0];
    // "on est 3 euh non 4", "we are 3, sorry 4": the count said last is the one meant.
    const corrected = match ? CORRECTED_COUNT.exec(folded.slice(match.index + match[0].length)) : null;
    const count = match ? countOf((corrected?.[1] ?? match[1]) ?? '') : undefined;
    // "une petite boulangerie, on est 12 en tout": the staff of a workplace named, not a household.
    const staff = count !== undefined && isStaffCount(text, count);
    if (match && count !== undefined && count > 0 && count <= LARGEST_HOUSEHOLD && !staff) return [{ value: count, start: match.index, end: match.index + match[0].length }];
  }
  const counted = ADULTS_AND_CHILDREN.exec(folded);
  const adultsCount = counted ? countOf(counted[1] ?? '') : undefined;
  const childrenCount = counted ? (/^(?:un|une|a|an|one)$/.test(counted[2] ?? '') ? 1 : countOf(counted[2] ?? '')) : undefined;
  if (counted && adultsCount !== undefined && childrenCount !== undefined && adultsCount + childrenCount <= LARGEST_HOUSEHOLD) {
    return [{ value: adultsCount + childrenCount, start: counted.index, end: counted.index + counted[0].length }];
  }
  // "on attend un bébé", "we're expecting a baby": the child to come is not counted (the answer says why).
  const bornOnly = folded.replace(EXPECTED_CHILD, ' ');
  // "on est 2 adultes", "2 adultes avec mon fils de 3 ans": the adults counted, the children added below.
  const adultsSaid = ADULTS_COUNTED.exec(folded);
  const adultsTold = adultsSaid ? countOf(adultsSaid[1] ?? '') : undefined;
  const alone = first(folded, ALONE);
  // Divorcing, separated or widowed: "c'est surtout mon mari, moi je gagne…" names the couple that ends; only a new partner makes one.
  const coupleNamed = first(folded, COUPLE);
  const coupleEnded = tellsOfSeparation(text) || WIDOWED.test(folded);
  const couple = coupleNamed && coupleEnded && !namesANewPartner(coupleNamed[0]) ? undefined : coupleNamed;
  const children = first(bornOnly, CHILDREN) ?? first(bornOnly, ONE_CHILD);
  const meAnd = first(folded, ME_AND) ?? first(folded, PARENT_OF);
  // "2 enfants, enfin 3 depuis mars": the count said last is the one meant.
  const correctedChildren = children?.index !== undefined ? CORRECTED_COUNT.exec(bornOnly.slice(children.index + children[0].length)) : null;
  // "3 adultes : moi, ma femme et notre fils de 23 ans": a son of age is one of the adults counted.
  const ofAge = adultsSaid !== undefined && adultsSaid !== null && children?.index !== undefined && ADULT_AGE_AFTER.test(bornOnly.slice(children.index + children[0].length, children.index + children[0].length + 16));
  const childCount = children && !ofAge ? (countOf((correctedChildren?.[1] ?? children[1]) ?? '') ?? 1) : 0;
  // Only with the children counted: "ma femme travaille chez…", "le salaire de mon mari" say nothing of the household.
  const spouse = alone || !children ? undefined : first(folded, SPOUSE_SPOKEN_OF);
  const family = adultsTold !== undefined && adultsTold > 0 && adultsTold <= LARGEST_HOUSEHOLD ? adultsTold : couple ? 2 : alone || (children && meAnd) ? 1 : spouse ? 2 : undefined;
  if (family === undefined) return [];
  const adults = family + (adultsSaid ? 0 : [...folded.matchAll(RELATIVE_AT_HOME)].length);
  // The span is the adults' phrase only: the children may be far away, with a rent or a town between.
  const anchor = (adultsTold !== undefined ? adultsSaid : undefined) ?? couple ?? alone ?? spouse ?? meAnd ?? children!;
  return [{ value: adults + childCount, start: anchor.index ?? 0, end: (anchor.index ?? 0) + anchor[0].length }];
}

function first(text: string, regex: RegExp): RegExpMatchArray | undefined {
  return [...text.matchAll(regex)][0];
}
