import type { Intent, Recognition } from '../../dialogs/recognizer/intents';
import { asNumberAttempt } from '../../dialogs/recognizer/numberAttempt';
import { asPrivacyQuestion } from '../../dialogs/recognizer/privacyQuestion';

const recognition = (text: string, intent: Intent, entities: Record<string, unknown> = {}): Recognition => ({ text, intent, score: 0.7, entities });

describe('a number attempt: "mon numéro" with digits, not a whole unique number', () => {
  it.each<[string, Intent, Record<string, unknown>, Intent]>([
    ['mon numero unique c 0691124', 'faq', {}, 'linkNumber'],
    ['mon numero c 069 1124 00', 'unlink', {}, 'linkNumber'],
    ['mon nur 06911240001', 'none', {}, 'linkNumber'],
    // A whole number, a phone, a request for a person: something else.
    ['mon numéro 0691124000101GDPUB', 'linkNumber', { uniqueNumber: '0691124000101GDPUB' }, 'linkNumber'],
    ['mon numero de telephone 0612345678', 'none', { phone: '0612345678' }, 'none'],
    ['c quoi mon numero unique ?', 'faq', {}, 'faq'],
    ['mon numéro 0691124 mais je veux un conseiller', 'helpdesk', {}, 'helpdesk'],
  ])('%s (%s) → %s', (text, intent, entities, expected) => {
    expect(asNumberAttempt(recognition(text, intent, entities)).intent).toBe(expected);
  });
});

describe('a question about what the assistant keeps', () => {
  it.each<[string, Intent, Intent]>([
    ['et mon numero unique vous le gardez ?', 'faq', 'privacy'],
    ['vous conservez mes infos ?', 'none', 'privacy'],
    ['do you store my number?', 'faq', 'privacy'],
    // The user keeping something is another question.
    ['quand je renouvelle je garde le meme numero ?', 'faq', 'faq'],
    ['vous gardez mon numero', 'linkNumber', 'linkNumber'],
  ])('%s (%s) → %s', (text, intent, expected) => {
    expect(asPrivacyQuestion(recognition(text, intent)).intent).toBe(expected);
  });
});
