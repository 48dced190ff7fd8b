import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEntities, type Place } from '../../dialogs/recognizer/entities/schemas';
import type { Intent } from '../../dialogs/recognizer/intents';
import { NLU_CONFIDENCE_THRESHOLD, NlpRecognizer } from '../../dialogs/recognizer/nlpRecognizer';
import { defaultNluModelPath } from '../../dialogs/recognizer/nluModel';

/** What the user types, and what the dialogs are told. The cached model of models/ is used (or trained once). */
describe('the nlp.js recognizer', () => {
  let recognizer: NlpRecognizer;
  beforeAll(async () => {
    recognizer = await NlpRecognizer.create({ modelPath: defaultNluModelPath(), now: () => new Date(2026, 2, 4, 12) });
  }, 30_000);

  const recognize = (text: string, language: 'fr' | 'en' = 'fr', value?: unknown) => recognizer.recognize({ text, language, value });

  test.each`
    text                                          | language | intent
    ${'je voudrais annuler ma candidature'}       | ${'fr'}  | ${'withdraw'}
    ${'annuler'}                                  | ${'fr'}  | ${'cancel'}
    ${'où en est mon dossier'}                    | ${'fr'}  | ${'status'}
    ${'ou en est mon dosier ?'}                   | ${'fr'}  | ${'status'}
    ${'cherche T3 lyon'}                          | ${'fr'}  | ${'searchOffers'}
    ${'un f2 sur Nantes max 700€'}                | ${'fr'}  | ${'searchOffers'}
    ${'0691124000101GDPUB'}                       | ${'fr'}  | ${'linkNumber'}
    ${'suis-je éligible ?'}                       | ${'fr'}  | ${'eligibility'}
    ${'quels papiers fournir'}                    | ${'fr'}  | ${'documents'}
    ${'je veux parler à un conseiller'}           | ${'fr'}  | ${'helpdesk'}
    ${'on va etre expulses la semaine pro'}       | ${'fr'}  | ${'helpdesk'}
    ${'supprimez mes données'}                    | ${'fr'}  | ${'deleteMyData'}
    ${'merci beaucoup'}                           | ${'fr'}  | ${'thanks'}
    ${'where is my request'}                      | ${'fr'}  | ${'status'}
    ${'I want to withdraw my application'}        | ${'en'}  | ${'withdraw'}
    ${'xyzzy plugh'}                              | ${'fr'}  | ${'none'}
    ${'   '}                                      | ${'fr'}  | ${'none'}
  `('"$text" ($language) → $intent', async ({ text, language, intent }: { text: string; language: 'fr' | 'en'; intent: Intent }) => {
    expect((await recognize(text, language)).intent).toBe(intent);
  });

  it('hands the search its typology and commune', async () => {
    const recognition = await recognize('cherche T3 lyon');
    const entities = readEntities(recognition.entities);
    expect(entities.typologies).toEqual(['T3']);
    expect(entities.places?.map((place: Place) => (place.kind === 'commune' ? place.candidates[0]?.code : place.code))).toEqual(['69123']);
  });

  it('hands the link dialog the number in its canonical form', async () => {
    const recognition = await recognize("mon numéro c'est 069 1124 000101 gdpub");
    expect(recognition.intent).toBe('linkNumber');
    expect(recognition.entities.uniqueNumber).toBe('0691124000101GDPUB');
  });

  it('tells the FAQ which topic was asked', async () => {
    await expect(recognize("c'est quoi le numéro unique ?")).resolves.toMatchObject({ intent: 'faq', entities: { topic: 'uniqueNumber' } });
    await expect(recognize('combien de jours pour accepter une proposition ?')).resolves.toMatchObject({ intent: 'faq', entities: { topic: 'tenDays' } });
  });

  it('says which language a change of language asks for', async () => {
    await expect(recognize('english please', 'fr')).resolves.toMatchObject({ intent: 'changeLanguage', entities: { language: 'en' } });
    await expect(recognize('en français', 'en')).resolves.toMatchObject({ intent: 'changeLanguage', entities: { language: 'fr' } });
    await expect(recognize('changer de langue', 'fr')).resolves.toMatchObject({ intent: 'changeLanguage', entities: { language: 'en' } });
  });

  it('takes a button press as it is, with score 1', async () => {
    await expect(recognize('', 'fr', { intent: 'eligibility', offerId: 'o-12' })).resolves.toEqual({ text: '', intent: 'eligibility', score: 1, entities: { offerId: 'o-12' } });
  });

  it('never takes a prompt answer for an interruption (the main dialog interrupts from 0.75)', async () => {
    for (const answer of ['3', 'Lyon', 'oui', 'non', 'T2', '750', '69003', 'seul', 'demain']) {
      const recognition = await recognize(answer);
      const interrupts = ['cancel', 'help', 'menu', 'changeLanguage'].includes(recognition.intent) && recognition.score >= 0.75;
      expect({ answer, interrupts }).toEqual({ answer, interrupts: false });
    }
  });

  test.each(['le chat de la voisine est sur le toit', 'quelle est la capitale du japon', 'who won the world cup'])(
    'answers none to "%s" (out of scope), so the fallback offers the main tasks',
    async (text) => {
      expect((await recognize(text)).intent).toBe('none');
    },
  );

  it('keeps the score it found, and answers none under the threshold', async () => {
    for (const text of ['peux tu me donner la recette des crepes', 'merci', 'cherche T3 lyon', 'bla bla bla']) {
      const recognition = await recognize(text);
      expect(recognition.intent === 'none' || recognition.score >= NLU_CONFIDENCE_THRESHOLD).toBe(true);
    }
  });
});

describe('the cached model', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'nlu-model-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is trained once when missing, then loaded from the file', async () => {
    const modelPath = join(folder, 'nlu-model.json');
    expect((await NlpRecognizer.create({ modelPath })).modelSource).toBe('trained');
    const written = readFileSync(modelPath, 'utf8');
    expect((await NlpRecognizer.create({ modelPath })).modelSource).toBe('cache');
    expect(readFileSync(modelPath, 'utf8')).toBe(written);
  }, 30_000);

  it('is trained again when the examples changed since, or the file is damaged', async () => {
    const modelPath = join(folder, 'nlu-model.json');
    writeFileSync(modelPath, JSON.stringify({ sourceHash: 'examples of last year', trainedAt: '2025-01-01', examples: 1, model: '{}' }));
    expect((await NlpRecognizer.create({ modelPath })).modelSource).toBe('trained');
    writeFileSync(modelPath, '{ half a fi');
    const recognizer = await NlpRecognizer.create({ modelPath });
    expect(recognizer.modelSource).toBe('trained');
    await expect(recognizer.recognize({ text: 'annuler', language: 'fr' })).resolves.toMatchObject({ intent: 'cancel' });
  }, 30_000);
});
