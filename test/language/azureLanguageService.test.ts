import { AzureLanguageService } from '../../services/language/azureLanguageService';
import { createLanguageService } from '../../services/language/createLanguageService';
import { FallbackLanguageService } from '../../services/language/fallbackLanguageService';
import { LanguageServiceError } from '../../services/language/languageServiceError';
import { LocalLanguageService } from '../../services/language/localLanguageService';
import { AzureLanguageStub, STUB_KEY } from './azureStub';

/**
 * The Azure path with the real @azure/ai-language-text client against a local HTTP stub of the Language
 * REST API: the request it sends, how it reads each answer, and what happens on 401, 500, a per-document
 * error and a timeout — then the fallback to the local service.
 */
describe('Azure AI Language through the SDK, against a local stub', () => {
  const stub = new AzureLanguageStub();
  let endpoint: string;
  let azure: AzureLanguageService;

  beforeAll(async () => {
    endpoint = await stub.start();
    azure = new AzureLanguageService({ endpoint, key: STUB_KEY, timeoutMs: 500 });
  });
  afterAll(() => stub.stop());
  beforeEach(() => {
    stub.mode = 'ok';
    stub.calls.length = 0;
  });

  it('sends the key, the api-version and the French country hint, and reads the detected language', async () => {
    await expect(azure.detectLanguage('où en est ma demande de logement')).resolves.toEqual({ language: 'fr', iso6391: 'fr', confidence: 0.97, reliable: true });
    const [call] = stub.calls;
    expect(call).toMatchObject({ path: '/language/:analyze-text', apiVersion: '2023-04-01', subscriptionKey: STUB_KEY, kind: 'LanguageDetection' });
    expect(call!.documents).toEqual([{ id: '0', text: 'où en est ma demande de logement', countryHint: 'fr' }]);
  });

  it.each`
    text                                    | expected
    ${'where is my file please'}            | ${{ language: 'en', iso6391: 'en', confidence: 0.98, reliable: true }}
    ${'hola quiero un piso en Lyon'}        | ${{ language: 'other', iso6391: 'es', confidence: 0.99, reliable: true }}
    ${'1234 !!'}                            | ${{ language: 'unknown', confidence: 0, reliable: false }}
    ${'ok'}                                 | ${{ language: 'fr', iso6391: 'fr', confidence: 0.97, reliable: false }}
  `('detects "$text"', async ({ text, expected }) => {
    await expect(azure.detectLanguage(text)).resolves.toEqual(expected);
  });

  it('asks for the French PII categories, in UTF-16 offsets, and masks what the service found', async () => {
    const text = 'Je suis Jeanne Martin, secu 2 69 06 99 350 012 17, iban FR76 3000 6000 0112 3456 7890 189, mail jeanne@exemple.fr';
    const result = await azure.recognizePii(text);
    expect(result.entities.map((entity) => [entity.category, text.slice(entity.offset, entity.offset + entity.length)])).toEqual([
      ['Person', 'Jeanne Martin'],
      ['FRSocialSecurityNumber', '2 69 06 99 350 012 17'],
      ['InternationalBankingAccountNumber', 'FR76 3000 6000 0112 3456 7890 189'],
      ['Email', 'jeanne@exemple.fr'],
    ]);
    expect(result.redactedText).toBe('Je suis [PERSON], secu [SSN], iban [IBAN], mail [EMAIL]');
    const [call] = stub.calls;
    expect(call!.documents[0]).toMatchObject({ language: 'fr' });
    expect(call!.parameters).toMatchObject({ stringIndexType: 'Utf16CodeUnit' });
    expect(call!.parameters.piiCategories).toEqual(expect.arrayContaining(['FRSocialSecurityNumber', 'FRDriversLicenseNumber', 'InternationalBankingAccountNumber', 'CreditCardNumber', 'Email', 'PhoneNumber', 'Address']));
  });

  it('keeps offsets right after an emoji (two UTF-16 code units)', async () => {
    const text = '🙏 appelez moi au 06 12 34 56 78';
    const result = await azure.recognizePii(text);
    expect(result.redactedText).toBe('🙏 appelez moi au [PHONE]');
  });

  it('passes the conversation language to PII and sentiment', async () => {
    await azure.analyzeSentiment('thanks, great help', 'en');
    expect(stub.calls[0]!.documents[0]).toMatchObject({ language: 'en' });
  });

  it.each`
    text                                        | label
    ${'votre service est nul, une honte'}       | ${'negative'}
    ${'super merci'}                            | ${'positive'}
    ${'je cherche un T3'}                       | ${'neutral'}
  `('reads the sentiment of "$text" as $label', async ({ text, label }) => {
    const result = await azure.analyzeSentiment(text);
    expect(result.label).toBe(label);
    expect(result.scores.positive + result.scores.neutral + result.scores.negative).toBeCloseTo(1);
  });

  it('reports a wrong key as Unauthorized (401 with the Azure error body)', async () => {
    const wrongKey = new AzureLanguageService({ endpoint, key: 'not-the-key', timeoutMs: 500 });
    await expect(wrongKey.detectLanguage('bonjour')).rejects.toMatchObject({ kind: 'Unauthorized', status: 401, code: '401' });
  });

  it('reports a server error as Unavailable, without retrying (the turn cannot wait)', async () => {
    stub.mode = 'serverError';
    const error: unknown = await azure.analyzeSentiment('bonjour').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LanguageServiceError);
    expect(error).toMatchObject({ kind: 'Unavailable', status: 500, code: 'InternalServerError' });
    expect(stub.calls).toHaveLength(1);
  });

  it('reports a per-document error as InvalidResponse, with the inner error code the SDK surfaces', async () => {
    stub.mode = 'documentError';
    await expect(azure.recognizePii('x')).rejects.toMatchObject({ kind: 'InvalidResponse', code: 'InvalidDocument' });
  });

  it('gives up after its time limit', async () => {
    stub.mode = 'slow';
    const started = Date.now();
    await expect(azure.detectLanguage('bonjour')).rejects.toMatchObject({ kind: 'Timeout' });
    expect(Date.now() - started).toBeLessThan(stub.slowMs);
  });

  it('never puts the analysed text in its error messages', async () => {
    stub.mode = 'serverError';
    const error: unknown = await azure.recognizePii('mon mail jeanne@exemple.fr').catch((caught: unknown) => caught);
    expect(String(error)).not.toContain('jeanne');
  });

  describe('falling back to the local service', () => {
    const failures: string[] = [];
    const service = () => new FallbackLanguageService(azure, new LocalLanguageService(), (operation, error) => failures.push(`${operation}: ${String(error)}`));
    beforeEach(() => (failures.length = 0));

    it.each(['unauthorized', 'serverError', 'slow'] as const)('answers locally when Azure fails (%s) and says so', async (mode) => {
      stub.mode = mode;
      await expect(service().detectLanguage('je cherche un logement a Lyon')).resolves.toMatchObject({ language: 'fr' });
      await expect(service().analyzeSentiment("c'est inadmissible, j'en ai marre")).resolves.toMatchObject({ label: 'negative' });
      expect(failures).toHaveLength(2);
    });

    it('masks the housing request number Azure does not know, next to what Azure found', async () => {
      const result = await service().recognizePii('Jeanne Martin, numero 0691124000101GDPUB');
      expect(result.redactedText).toBe('[PERSON], numero [NUR]');
      expect(result.entities.map((entity) => entity.category)).toEqual(['Person', 'HousingRequestNumber']);
      expect(failures).toEqual([]);
    });

    it('still masks personal data when Azure is down', async () => {
      stub.mode = 'serverError';
      const result = await service().recognizePii('secu 1 85 05 78 006 084 91 et tel 06 12 34 56 78');
      expect(result.redactedText).toBe('secu [SSN] et tel [PHONE]');
      expect(failures).toEqual([expect.stringContaining('recognizePii: LanguageUnavailableError')]);
    });
  });

  describe('chosen by configuration', () => {
    it('is local without an endpoint and key', () => {
      expect(createLanguageService({ timeoutMs: 500 }).name).toBe('local');
      expect(createLanguageService({ endpoint, timeoutMs: 500 }).name).toBe('local');
    });

    it('is Azure with the local fallback when both are set', async () => {
      const service = createLanguageService({ endpoint, key: STUB_KEY, timeoutMs: 500 });
      expect(service.name).toBe('azure, falling back to local');
      await expect(service.detectLanguage('where is my file please')).resolves.toMatchObject({ language: 'en' });
      expect(stub.calls.at(-1)?.kind).toBe('LanguageDetection');
    });
  });
});
