import { LocalLanguageService } from '../../services/language/localLanguageService';
import { isValidCardNumber, isValidIban, isValidSocialSecurityNumber } from '../../services/privacy/checkDigits';
import { redactText } from '../../services/privacy/redact';

const local = new LocalLanguageService();

describe('local language detection (tinyld and function words)', () => {
  test.each`
    text                                                        | language     | reliable
    ${'je voudrais savoir ou en est mon dossier'}               | ${'fr'}      | ${true}
    ${'slt jcherche un apart sur lyon svp'}                     | ${'fr'}      | ${true}
    ${'bjr g pa recu de reponse pr mon dossier'}                | ${'fr'}      | ${true}
    ${'Where is my application, I have been waiting for months'} | ${'en'}     | ${true}
    ${'can u help me pls'}                                      | ${'en'}      | ${true}
    ${'hola quiero un piso en Lyon para mi familia'}            | ${'other'}   | ${true}
    ${'Guten Tag, ich suche eine Wohnung in Berlin'}            | ${'other'}   | ${true}
    ${'merci'}                                                  | ${'fr'}      | ${false}
    ${'T3 Lyon'}                                                | ${'unknown'} | ${false}
    ${'ok'}                                                     | ${'unknown'} | ${false}
  `('"$text" → $language (reliable: $reliable)', async ({ text, language, reliable }) => {
    await expect(local.detectLanguage(text)).resolves.toMatchObject({ language, reliable });
  });

  it('names the other language', async () => {
    await expect(local.detectLanguage('Olá, procuro um apartamento em Paris para a minha família')).resolves.toMatchObject({ language: 'other', iso6391: 'pt' });
  });
});

describe('check digits', () => {
  test.each`
    value                                    | valid    | why
    ${'1 85 05 78 006 084 91'}               | ${true}  | ${'key = 97 − (1850578006084 mod 97)'}
    ${'1 85 05 78 006 084 36'}               | ${false} | ${'wrong key'}
    ${'2 90 02 2A 004 001 29'}               | ${true}  | ${'Corsica: 2A counts as 19'}
    ${'1 85 05 78 006 084'}                  | ${false} | ${'no key'}
  `('social security number $value → $valid ($why)', ({ value, valid }) => {
    expect(isValidSocialSecurityNumber(value)).toBe(valid);
  });

  test.each`
    value                                    | valid
    ${'FR76 3000 6000 0112 3456 7890 189'}   | ${true}
    ${'FR14 2004 1010 0505 0001 3M02 606'}   | ${true}
    ${'FR76 3000 6000 0112 3456 7890 188'}   | ${false}
    ${'GB82 WEST 1234 5698 7654 32'}         | ${true}
  `('IBAN $value → $valid', ({ value, valid }) => {
    expect(isValidIban(value)).toBe(valid);
  });

  test.each`
    value                        | valid
    ${'4111 1111 1111 1111'}     | ${true}
    ${'4970 1012 3456 7893'}     | ${true}
    ${'4970 1012 3456 7890'}     | ${false}
    ${'1234'}                    | ${false}
  `('card $value → $valid (Luhn)', ({ value, valid }) => {
    expect(isValidCardNumber(value)).toBe(valid);
  });
});

describe('local PII recognition (the redaction patterns, with check digits)', () => {
  test.each`
    datum                                      | category                                | placeholder   | confidence
    ${'1 85 05 78 006 084 91'}                 | ${'FRSocialSecurityNumber'}             | ${'[SSN]'}    | ${1}
    ${'185057800608491'}                       | ${'FRSocialSecurityNumber'}             | ${'[SSN]'}    | ${1}
    ${'1 85 05 78 006 084 36'}                 | ${'FRSocialSecurityNumber'}             | ${'[SSN]'}    | ${0.5}
    ${'FR76 3000 6000 0112 3456 7890 189'}     | ${'InternationalBankingAccountNumber'}  | ${'[IBAN]'}   | ${1}
    ${'fr7630006000011234567890189'}           | ${'InternationalBankingAccountNumber'}  | ${'[IBAN]'}   | ${1}
    ${'4111 1111 1111 1111'}                   | ${'CreditCardNumber'}                   | ${'[CARD]'}   | ${1}
    ${'4970-1012-3456-7890'}                   | ${'CreditCardNumber'}                   | ${'[CARD]'}   | ${0.5}
    ${'jeanne.martin@exemple.fr'}              | ${'Email'}                              | ${'[EMAIL]'}  | ${0.9}
    ${'06 12 34 56 78'}                        | ${'PhoneNumber'}                        | ${'[PHONE]'}  | ${0.9}
    ${'+33 6 12 34 56 78'}                     | ${'PhoneNumber'}                        | ${'[PHONE]'}  | ${0.9}
    ${'069 1124 000101 gdpub'}                 | ${'HousingRequestNumber'}               | ${'[NUR]'}    | ${0.9}
    ${'12 rue de la Paix'}                     | ${'Address'}                            | ${'[ADDRESS]'} | ${0.9}
    ${'3 bis avenue Jean Jaurès, 69007 Lyon'}  | ${'Address'}                            | ${'[ADDRESS]'} | ${0.9}
    ${'45 boulevard Voltaire'}                 | ${'Address'}                            | ${'[ADDRESS]'} | ${0.9}
  `('finds $category in "…$datum…"', async ({ datum, category, placeholder, confidence }) => {
    const text = `bonjour, voici ${datum} et je cherche un T3`;
    const result = await local.recognizePii(text);
    expect(result.entities).toEqual([{ category, offset: 'bonjour, voici '.length, length: datum.length, confidence }]);
    expect(result.redactedText).toBe(`bonjour, voici ${placeholder} et je cherche un T3`);
  });

  it.each([
    'je cherche un T3 à Lyon, 750 € cc, 69003',
    'Logement 4 pièces de 82 m² au 3e étage, 13008 Marseille',
    'on est 3, 2 chambres a Paris 15e',
    'mon siret 84215930300010',
    'T4 3 ch a lyon',
  ])('finds nothing personal in "%s"', async (text) => {
    await expect(local.recognizePii(text)).resolves.toEqual({ redactedText: text, entities: [] });
  });

  it('masks an address in logs too, and stops at the end of its name', () => {
    expect(redactText("j'habite 12 rue de la Paix et je cherche un T3 à Lyon")).toBe("j'habite [ADDRESS] et je cherche un T3 à Lyon");
  });
});

describe('local sentiment (lexicon in services/language/data/sentimentLexicon.json)', () => {
  test.each`
    text                                                              | label
    ${'merci beaucoup, super service'}                                | ${'positive'}
    ${'thanks, that was really helpful'}                              | ${'positive'}
    ${"c'est inadmissible, j'en ai marre, personne ne repond"}        | ${'negative'}
    ${'je suis desesperee, on va etre expulses'}                      | ${'negative'}
    ${"je ne suis pas content du tout"}                               | ${'negative'}
    ${'not happy at all'}                                             | ${'negative'}
    ${'merci pour la reponse mais je suis decu et en colere'}        | ${'negative'}
    ${'merci, mais le site est lent'}                                 | ${'mixed'}
    ${'je cherche un T3 a Lyon'}                                      | ${'neutral'}
  `('"$text" → $label', async ({ text, label }) => {
    const result = await local.analyzeSentiment(text);
    expect(result.label).toBe(label);
    expect(result.scores.positive + result.scores.neutral + result.scores.negative).toBeCloseTo(1);
  });
});
