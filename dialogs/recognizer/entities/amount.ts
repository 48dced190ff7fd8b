import type { EntityMatch } from './entityMatch';
import { foldText } from './foldText';
import type { Amount } from './schemas';

// French writes 40 000 or 40.000 (thousands) and 1 200,50 (decimals); English writes 1,200.50.
const NUMBER = String.raw`\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const CURRENCY = String.raw`€|eur(?:os?)?(?![a-z])|balles(?![a-z])`;
const THOUSANDS = String.raw`k(?:€|e(?:uros?|ur)?)?(?![a-z])|(?:mille|milles)(?: ?(?:€|euros?))?(?![a-z])`;
// Words after which a bare number is money ("loyer max 700", "je gagne 1800"), when it is at least 100.
const MONEY_CONTEXT = String.raw`loyers?|budget|max(?:imum|i)?|revenus?(?: fiscal| fiscaux)?(?: de reference)?|rfr|avis d(?:'| )?(?:impots?|imposition)|tax notice|salaires?|j?gagne|gagnons|gagnait|j?gagnais|gagnions|gagnez|j?touche|touchait|j?touchais|ressources|plafond|rent|income|reference tax income|tax income|salary|earn(?:s|ing)?|budget|up to|jusqu'a|moins de|pas plus de|under|less than|below`;
// Words after which a number is the household's income ("35000 de RFR", "34000 a nous deux").
const INCOME_AFTER = String.raw`(?:€ ?|euros? )?(?:de |d'|of )?(?:rfr|revenus?(?: fiscal| fiscaux)?(?: de reference)?|ressources|income|reference tax income|tax income)(?![a-z])|a nous deux(?![a-z])|between us(?![a-z])|sur (?:l'|l |mon |notre )?avis(?![a-z])|on (?:the|my|our) tax notice(?![a-z])`;
/** Words that make an amount the household's income; said as zero ("rfr 0") it is an amount too: below every ceiling. */
const INCOME_WORDS = /(?:rfr|revenus?|income|ressources|salaires?|salary|gagn|earn|avis d(?:'| )?imp|tax notice)/;

const WITH_CURRENCY_AFTER = new RegExp(String.raw`(?<![\d.,a-z])(${NUMBER}) ?(?:(${THOUSANDS})|(${CURRENCY}))`, 'g');
const WITH_CURRENCY_BEFORE = new RegExp(String.raw`(?:€|eur(?:os?)?) ?(${NUMBER})(?![\d])`, 'g');
const SMS_EURO = new RegExp(String.raw`(?<![\d.,a-z])(${NUMBER})e(?![a-z0-9])`, 'g');
// "400 max", "700 maxi", "650 tops", "500 at most": a ceiling said after the number.
const BEFORE_MAX = new RegExp(String.raw`(?<![\d.,a-z])(${NUMBER}) ?(?:max(?:imum|i)?|au max(?:imum)?|tops|at most|grand max)(?![a-z])`, 'g');
const BEFORE_INCOME_WORDS = new RegExp(String.raw`(?<![\d.,a-z])(${NUMBER}) ?(?:${INCOME_AFTER})`, 'g');
// "revenus 2024 : 30 000": the year the income is of comes between the word and the amount.
const IN_CONTEXT = new RegExp(String.raw`(?<![a-z])(?:${MONEY_CONTEXT})(?: ?(?:de|du|:|of|is|est|c'est|c est|cest|c|etait|c'etait|was|fait|a|=|environ|about|around|je crois|i think|a moi|pour moi|perso|seule?|only|marque|ecrit|indique|inscrit|says|shows|dessus|il y a|ya|y a|it|on it|total|totaux|global|globaux|cumule|cumules|en tout|together|combined|in total|a nous deux|nous deux|a deux|pour nous deux|for (?:the )?two of us|for both of us|of reference|du foyer|du menage|de notre foyer|of the household|(?:en |in |for |pour )?(?:19|20)\d\d(?= ?[:=,]| (?:de|du|:|of|is|est|c'est|c est|c|etait|was|fait|environ|about|around|je crois|i think)(?![a-z]) ?\d)))* ?(${NUMBER})(?![\d.,]*\d)(?! ?(?:m2|m²|m |pieces?|personnes?|pers|ans|mois|jours?|enfants?))`, 'g');

// "25 000", "25.000": thousands written apart are money, never a postal code, a count or a year.
const SEPARATED_THOUSANDS = new RegExp(String.raw`(?<![\d.,a-z])(\d{1,3}(?:[ .]\d{3})+|\d{1,3}(?:,\d{3})+)(?![\d.,]*\d)(?! ?(?:m2|m²|m |pieces?|personnes?|pers|ans|mois|jours?|enfants?|habitants?|salaries?))`, 'g');
/** An income said with its year ("revenus 2024") is not 2 024 €. */
const YEAR = /^(?:19|20)\d\d$/;

const CHARGES_INCLUDED = /^[ ,]*(?:\/ ?mois ?|par mois ?)?(?:cc|c\.c\.?|ttc|tcc|charges? comprises?|toutes charges comprises|charges? incluses?|charges included|including (?:charges|bills)|bills included)(?![a-z])/;
const CHARGES_EXCLUDED = /^[ ,]*(?:\/ ?mois ?|par mois ?)?(?:hc|h\.c\.?|hors charges?|sans (?:les )?charges|\+ ?charges|excluding (?:charges|bills)|plus (?:charges|bills))(?![a-z])/;
const PER_MONTH = /^[ ,]*(?:\/ ?mois|par mois|mensuels?|a month|per month|\/ ?month|\/ ?mo|pcm|nets? ?(?:\/ ?|par |a |per )(?:mois|month)|nets? mensuels?)(?![a-z])/;
const PER_YEAR = /^[ ,]*(?:\/ ?an|par an|annuels?|a year|per year|\/ ?year|\/ ?yr|per annum|net par an)(?![a-z])/;

/** Amounts of money: "750€", "750 euros cc", "40k", "40 000 €", "40.000 euros", "1 200,50 €", "loyer max 700". */
export function findAmounts(text: string): EntityMatch<Amount>[] {
  const folded = foldText(text);
  const found: EntityMatch<Amount>[] = [];
  const add = (start: number, end: number, value: number | undefined, income = false) => {
    if (value === undefined || !Number.isFinite(value)) return;
    if (found.some((other) => start < other.end && other.start < end)) return;
    const amount = withQualifiers(folded, { value, start, end });
    if (income) amount.value.income = true;
    found.push(amount);
  };

  for (const match of folded.matchAll(WITH_CURRENCY_AFTER)) {
    const number = parseNumber(match[1] ?? '');
    const value = match[2] !== undefined && number !== undefined ? number * 1000 : number;
    add(match.index, match.index + match[0].length, value);
  }
  for (const match of folded.matchAll(WITH_CURRENCY_BEFORE)) {
    add(match.index, match.index + match[0].length, parseNumber(match[1] ?? ''));
  }
  // "750e" is how SMS writes euros; below 100 it is more likely "15e" (an arrondissement, a floor).
  for (const match of folded.matchAll(SMS_EURO)) {
    const value = parseNumber(match[1] ?? '');
    if (value !== undefined && value >= 100) add(match.index, match.index + match[0].length, value);
  }
  for (const match of folded.matchAll(BEFORE_MAX)) {
    const number = match[1] ?? '';
    const value = parseNumber(number);
    if (value !== undefined && value >= 100) add(match.index, match.index + number.length, value);
  }
  for (const match of folded.matchAll(BEFORE_INCOME_WORDS)) {
    const number = match[1] ?? '';
    add(match.index, match.index + number.length, parseNumber(number), true);
  }
  for (const match of folded.matchAll(IN_CONTEXT)) {
    const value = parseNumber(match[1] ?? '');
    if (value === undefined || (value < 100 && !(value === 0 && INCOME_WORDS.test(match[0])))) continue;
    if (YEAR.test(match[1] ?? '') && INCOME_WORDS.test(match[0])) continue;
    const numberStart = match.index + match[0].length - (match[1] ?? '').length;
    add(numberStart, match.index + match[0].length, value, INCOME_WORDS.test(match[0]));
  }
  for (const match of folded.matchAll(SEPARATED_THOUSANDS)) {
    const number = match[1] ?? '';
    add(match.index, match.index + number.length, parseNumber(number));
  }
  for (const amount of found) markYearlySum(amount.value);
  return found.sort((a, b) => a.start - b.start);
}

// "mais avec mon ex c'était 52000", "on gagnait 40000 avant": an amount of the past or of a household
// that is no more.
const FORMER_BEFORE = /(?<![a-z])(?:c'?etait|c etait|etait|avait|avions|gagnait|gagnions|touchait|avant|avec (?:mon|ma|mon ancien|mon ancienne) (?:ex|ancien conjoint|ancienne conjointe)|with my ex|used to|before the|back then|it was|we had)(?![a-z])/;
const FORMER_AFTER = /^ *(?:€|euros?|e)? *(?:de (?:rfr|revenus?) )?(?:avant|auparavant|l'an dernier|before|previously|back then|last year)(?![a-z])/;

/** A divorce or separation under way: the couple's income is no more the one that counts (FACTS.md). */
const SEPARATING = /(?<![a-z])(?:divorc\w*|separ\w*|on se quitte)(?![a-z])/;

/** Whether the message tells of a divorce or separation under way. */
export function tellsOfSeparation(text: string): boolean {
  return SEPARATING.test(foldText(text));
}
/** "l'avis d'imposition du couple… 52 000": the income of the couple that is ending. */
const OF_THE_COUPLE = /(?<![a-z])(?:du couple|de notre couple|a deux|ensemble|commun|commune|en commun|of the couple|joint|our joint|together)(?![a-z])/;
/** A relative's own income said beside the household's: "mamie a sa petite retraite", "ma mère touche", "sur son avis". */
const ANOTHER_PERSONS_INCOME = /(?<![a-z])(?:(?:mamie|mamy|papi|papy|ma (?:mere|belle mere|belle-mere|grand mere|soeur|fille)|mon (?:pere|beau pere|beau-pere|grand pere|frere|fils)) (?:a|touche|gagne|declare|percoit)|sur son avis|(?:sa|son) (?:propre )?(?:retraite|pension|revenu|rfr|salaire)|(?:her|his) (?:own )?(?:pension|income|salary|tax notice))(?![a-z])/;

/** "mon revenu à moi", "moi toute seule je gagne", "mon mari déclare 40 000, moi 17 000", "my own income": the applicant's own amount. */
const OWN_INCOME_BEFORE = /(?<![a-z])(?:a moi|moi (?:toute |tout )?seule?|moi seulement|rien que moi|mon propre|ma propre|mes propres|my own|mine|i alone|just me|on my own)(?![a-z])|(?:^|[,;] ?|et )(?:moi|me|myself)(?: c est| je gagne| je touche| je declare| j ai)? ?$/;

/**
 * Marks the amounts said of the past or of someone else: when another amount is said with them, that
 * other one is the income that counts (entities/income.ts).
 */
export function markFormerAmounts(text: string, amounts: EntityMatch<Amount>[]): void {
  const folded = foldText(text);
  const separating = tellsOfSeparation(text);
  for (const amount of amounts) {
    const before = clauseBefore(folded, amount.start);
    if (FORMER_BEFORE.test(before) || FORMER_AFTER.test(folded.slice(amount.end)) || (separating && amounts.length > 1 && OF_THE_COUPLE.test(before))) amount.value.former = true;
    // Only beside another amount: "16 000 sur les 12 derniers mois" alone is the income told.
    else if (amounts.length > 1 && (RECENT_BEFORE.test(before) || RECENT_AFTER.test(folded.slice(amount.end, amount.end + 40)))) amount.value.recent = true;
  }
  // "en cours de séparation… 48 000 sur l'avis, mais mon revenu à moi c'est 19 500": the applicant's own income is the one that counts.
  const own = separating && amounts.length > 1 ? amounts.find((amount) => OWN_INCOME_BEFORE.test(clauseBefore(folded, amount.start))) : undefined;
  if (own) for (const amount of amounts) if (amount.value.value !== own.value.value) amount.value.former = true;
  // "nous deux on a 46 000 … et mamie a sa petite retraite, 7 200 sur son avis": another person's own income, to add.
  if (!separating && amounts.length > 1) {
    for (const amount of amounts.slice(1)) {
      if (!amount.value.former && !amount.value.recent && ANOTHER_PERSONS_INCOME.test(folded.slice(Math.max(0, amount.start - 60), amount.end + 20))) amount.value.anotherPersons = true;
    }
  }
  // "… du couple 52 000 € mais moi 21 000 €. On va regarder les 52 000 ?": the same amount named again is still that one.
  const formerValues = new Set(amounts.filter((amount) => amount.value.former).map((amount) => amount.value.value));
  for (const amount of amounts) if (formerValues.has(amount.value.value)) amount.value.former = true;
}

// "la je touche 16 000 sur les 12 derniers mois", "now I earn 14k": an income of the recent months.
const RECENT_BEFORE = /(?<![a-z])(?:maintenant|actuellement|en ce moment|aujourd'?hui|depuis|now|currently|these days|at the moment|nowadays)(?![a-z])/;
const RECENT_AFTER = /^ *(?:€|euros?|e)? *(?:de (?:rfr|revenus?) |par an |a year |per year )?(?:sur (?:les|ces) (?:12|douze) derniers mois|ces (?:12|douze) derniers mois|cette annee|maintenant|actuellement|en ce moment|over the (?:last|past) (?:12|twelve) months|in the (?:last|past) (?:12|twelve) months|this year|now)(?![a-z])/;

/** The words before an amount, back to the clause's start (a comma, a "mais") and at most 40 characters. */
function clauseBefore(folded: string, start: number): string {
  const before = folded.slice(Math.max(0, start - 40), start);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf('.'), before.lastIndexOf(';'), before.search(/(?<![a-z])(?:mais|but)(?![a-z])(?!.*(?<![a-z])(?:mais|but)(?![a-z]))/));
  return cut >= 0 ? before.slice(cut) : before;
}

/** No rent reaches this much a month: an amount this large, said without a period, is a yearly income. */
const LARGEST_MONTHLY_SUM = 5000;

export function markYearlySum(amount: Amount): void {
  if (amount.value >= LARGEST_MONTHLY_SUM && amount.period === undefined && amount.chargesIncluded === undefined) amount.income = true;
}

/** "1 200,50" → 1200.5, "40.000" → 40000, "1,200.50" → 1200.5, "12.50" → 12.5. */
export function parseNumber(typed: string): number | undefined {
  const compact = typed.replace(/ /g, '');
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const integerPart = decimal ? compact.slice(0, decimal.index) : compact;
  const digits = integerPart.replace(/[.,]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  return Number(digits) + (decimal ? Number(`0.${decimal[1]}`) : 0);
}

/** Extends the match over "cc", "hors charges", "/mois", "par an" typed right after the amount. */
function withQualifiers(folded: string, match: EntityMatch<number>): EntityMatch<Amount> {
  const amount: Amount = { value: match.value };
  let end = match.end;
  for (let step = 0; step < 3; step++) {
    const rest = folded.slice(end);
    const included = CHARGES_INCLUDED.exec(rest);
    const excluded = CHARGES_EXCLUDED.exec(rest);
    const month = PER_MONTH.exec(rest);
    const year = PER_YEAR.exec(rest);
    if (included) {
      amount.chargesIncluded = true;
      if (/mois/.test(included[0])) amount.period = 'month';
      end += included[0].length;
    } else if (excluded) {
      amount.chargesIncluded = false;
      if (/mois/.test(excluded[0])) amount.period = 'month';
      end += excluded[0].length;
    } else if (month) {
      amount.period = 'month';
      end += month[0].length;
    } else if (year) {
      amount.period = 'year';
      end += year[0].length;
    } else {
      break;
    }
  }
  return { value: amount, start: match.start, end };
}
