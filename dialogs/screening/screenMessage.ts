import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { translatorFor } from '../i18n';
import { languageOf, turnStateOf } from '../turn/turnAccess';
import type { LanguageService, PiiEntity } from '../../services/language/languageService';
import { NEVER_NEEDED_CATEGORIES } from '../../services/language/piiCategories';

/** Below this, a pattern matched only the shape (no check digit): not sure enough to lecture the user. */
const SURE = 0.9;
/** Fewer real words than this cannot tell a language apart. */
const MIN_WORDS_FOR_LANGUAGE = 3;

const KIND_OF_CATEGORY: Record<string, string> = {
  FRSocialSecurityNumber: 'ssn',
  InternationalBankingAccountNumber: 'iban',
  CreditCardNumber: 'card',
  EUDebitCardNumber: 'card',
  FRPassportNumber: 'identity',
  FRNationalID: 'identity',
};

/**
 * Looks at a typed message before anything else reads it:
 * - data the assistant never needs (social security number, IBAN, card…) is cut out of the message, so
 *   no dialog, prompt, transcript or log ever holds it, and the user is told why;
 * - a message clearly written in the other language switches the conversation to it, saying so, with
 *   a button to go back.
 * Returns the text the rest of the turn may use.
 */
export async function screenMessage(context: TurnContext, text: string, language: LanguageService): Promise<string> {
  if (text.trim().length === 0) return text;
  const current = languageOf(context);
  const pii = await language.recognizePii(text, current);
  // Numbers, codes and personal data say nothing of a language ("069 1124 000101 gdpub" is not English).
  const words = pii.redactedText.replace(/\[[A-Z_]+\]/g, ' ').replace(/[^\p{L}\s'’-]/gu, ' ').trim();
  const detected = words.split(/\s+/).filter((word) => word.length > 1).length >= MIN_WORDS_FOR_LANGUAGE ? await language.detectLanguage(words) : undefined;

  const neverNeeded = pii.entities.filter((entity) => NEVER_NEEDED_CATEGORIES.has(entity.category) && entity.confidence >= SURE);
  const kept = neverNeeded.length > 0 ? cutOut(text, neverNeeded) : text;

  const switchTo = detected?.reliable && (detected.language === 'fr' || detected.language === 'en') && detected.language !== current ? detected.language : undefined;
  if (switchTo) turnStateOf(context).user.language = switchTo;
  const t = translatorFor(switchTo ?? current);

  if (neverNeeded.length > 0) {
    const kinds = [...new Set(neverNeeded.map((entity) => KIND_OF_CATEGORY[entity.category] ?? 'sensitive'))];
    const what = kinds.map((kind) => t(`neverNeeded.kinds.${kind}`)).join(` ${t('neverNeeded.and')} `);
    await context.sendActivity(t('neverNeeded.text', { what }));
  }
  if (switchTo) {
    const back = translatorFor(current);
    const message = MessageFactory.suggestedActions(
      [CardFactory.actions([{ type: 'messageBack', title: back('language.continueHere'), text: back('language.continueHere'), displayText: back('language.continueHere'), value: { intent: 'changeLanguage', language: current } }])[0]!],
      t('language.detected'),
    );
    await context.sendActivity(message);
    context.turnState.set(LANGUAGE_ANNOUNCED, true);
  }
  return kept;
}

const LANGUAGE_ANNOUNCED = Symbol('languageAnnounced');

/** Whether this turn already told the user it goes on in the language they write ("You are writing in English…"). */
export function languageAnnounced(context: TurnContext): boolean {
  return context.turnState.get(LANGUAGE_ANNOUNCED) === true;
}

const CUT_OUT = new RegExp(`\\[(?:${[...new Set(Object.values(KIND_OF_CATEGORY))].map((kind) => kind.toUpperCase()).join('|')}|REDACTED)\\]`);

/** Whether the screened text had data the assistant never needs cut out of it (and the user was told why). */
export function hadDataCutOut(text: string): boolean {
  return CUT_OUT.test(text);
}

/** The message with the given spans replaced by their category placeholder, right to left. */
function cutOut(text: string, entities: PiiEntity[]): string {
  return [...entities]
    .sort((a, b) => b.offset - a.offset)
    .reduce((rest, entity) => `${rest.slice(0, entity.offset)}[${KIND_OF_CATEGORY[entity.category]?.toUpperCase() ?? 'REDACTED'}]${rest.slice(entity.offset + entity.length)}`, text);
}
