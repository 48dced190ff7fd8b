import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FaqTopicSchema } from '../../dialogs/recognizer/entities/schemas';
import { allText, BotHarness } from '../support/botHarness';

type FaqFile = Record<string, { question: string; answer: string; source: string }>;
const faq = (language: string) => JSON.parse(readFileSync(join(__dirname, '../../locales', language, 'faq.json'), 'utf8')) as FaqFile;
const LOCALES = { fr: { locale: 'fr-FR', source: 'Source\u00a0: ' }, en: { locale: 'en-GB', source: 'Source: ' } } as const;

describe('frequently asked questions', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start({});
  });
  afterAll(() => bot.stop());

  const topics = FaqTopicSchema.options.flatMap((topic) => (['fr', 'en'] as const).map((language) => [topic, language] as const));

  it.each(topics)('answers %s in %s, short, with its source', async (topic, language) => {
    const { locale, source } = LOCALES[language];
    const entry = faq(language)[topic]!;
    const seen = allText(await bot.say(`faq-${topic}-${language}`, '', { locale, value: { intent: 'faq', topic } }));
    expect(seen).toContain(entry.question);
    expect(seen).toContain(entry.answer);
    expect(seen).toContain(`${source}${entry.source}`);
    expect(seen.length).toBeLessThan(1000);
  });

  it.each([
    ['fr', 'à quoi sert le numéro unique ?', 'uniqueNumber'],
    ['fr', 'combien de temps pour répondre à une proposition de logement', 'tenDays'],
    ['en', 'what is AL-in?', 'whatIsAlin'],
    ['en', 'how does the commission choose between candidates', 'commission'],
  ] as const)('answers a question typed in %s: "%s"', async (language, text, topic) => {
    const seen = allText(await bot.say(`typed-${topic}`, text, { locale: LOCALES[language].locale }));
    expect(seen).toContain(faq(language)[topic]!.answer);
  });

  it.each(['fr', 'en'] as const)('lists the topics as buttons when the question has none (%s)', async (language) => {
    const seen = allText(await bot.say(`topics-${language}`, '', { locale: LOCALES[language].locale, value: { intent: 'faq' } }));
    expect(seen).toContain(language === 'fr' ? 'Voici les questions auxquelles je sais répondre\u00a0:' : 'Here are the questions I can answer:');
    for (const topic of FaqTopicSchema.options) expect(seen).toContain(`[${faq(language)[topic]!.question}]`);
  });
});
