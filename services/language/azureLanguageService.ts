import { TextAnalysisClient } from '@azure/ai-language-text';
import { AzureKeyCredential } from '@azure/core-auth';
import { isReliable } from './detectionReliability';
import type { DetectedLanguage, LanguageService, PiiEntity, PiiResult, SentimentResult, TextLanguage } from './languageService';
import { LanguageServiceError } from './languageServiceError';
import { AZURE_PII_CATEGORIES, maskEntities } from './piiCategories';

export interface AzureLanguageServiceOptions {
  /** The resource's endpoint, `https://<name>.cognitiveservices.azure.com` (http for a local stub). */
  endpoint: string;
  key: string;
  /** Per call: a chat turn cannot wait for a slow analysis (the local service answers instead). */
  timeoutMs: number;
}

/**
 * Azure AI Language through @azure/ai-language-text (REST `POST /language/:analyze-text`, api-version
 * 2023-04-01): language detection, PII recognition with the French categories, sentiment. Every
 * failure is thrown as a LanguageServiceError; the fallback service turns it into a local answer.
 */
export class AzureLanguageService implements LanguageService {
  readonly name = 'azure';
  private readonly client: TextAnalysisClient;

  constructor(private readonly options: AzureLanguageServiceOptions) {
    this.client = new TextAnalysisClient(options.endpoint, new AzureKeyCredential(options.key), {
      // French service, French users: the hints the service uses when a text is too short to tell.
      defaultLanguage: 'fr',
      defaultCountryHint: 'fr',
      // Lets the SDK call an http endpoint (the local stub in tests); https endpoints are unaffected.
      allowInsecureConnection: options.endpoint.startsWith('http://'),
      // No retries: the answer is needed within this turn, and the local service is the fallback.
      retryOptions: { maxRetries: 0 },
    });
  }

  async detectLanguage(text: string): Promise<DetectedLanguage> {
    const [result] = await this.call('detectLanguage', (abortSignal) => this.client.analyze('LanguageDetection', [text], 'fr', { abortSignal }));
    if (!result || result.error) throw new LanguageServiceError('InvalidResponse', 'detectLanguage', undefined, result?.error.code);
    const { iso6391Name, confidenceScore } = result.primaryLanguage;
    // The service answers "(Unknown)" with a zero score when it cannot tell.
    if (!/^[a-z]{2}$/.test(iso6391Name)) return { language: 'unknown', confidence: 0, reliable: false };
    const language = iso6391Name === 'fr' || iso6391Name === 'en' ? iso6391Name : 'other';
    return { language, iso6391: iso6391Name, confidence: confidenceScore, reliable: isReliable(text, confidenceScore) };
  }

  async recognizePii(text: string, language: TextLanguage = 'fr'): Promise<PiiResult> {
    const [result] = await this.call('recognizePii', (abortSignal) =>
      // UTF-16 offsets asked for explicitly: the service's own default counts graphemes, and an emoji
      // before a phone number would shift the mask.
      this.client.analyze('PiiEntityRecognition', [text], language, { categoriesFilter: [...AZURE_PII_CATEGORIES], stringIndexType: 'Utf16CodeUnit', abortSignal }),
    );
    if (!result || result.error) throw new LanguageServiceError('InvalidResponse', 'recognizePii', undefined, result?.error.code);
    const entities: PiiEntity[] = result.entities.map((entity) => ({
      category: entity.category,
      offset: entity.offset,
      length: entity.length,
      confidence: entity.confidenceScore,
    }));
    // Masked here rather than taken from the service's redactedText (stars): the same placeholders as
    // the local service and the logs.
    return { redactedText: maskEntities(text, entities), entities };
  }

  async analyzeSentiment(text: string, language: TextLanguage = 'fr'): Promise<SentimentResult> {
    const [result] = await this.call('analyzeSentiment', (abortSignal) => this.client.analyze('SentimentAnalysis', [text], language, { abortSignal }));
    if (!result || result.error) throw new LanguageServiceError('InvalidResponse', 'analyzeSentiment', undefined, result?.error.code);
    const { positive, neutral, negative } = result.confidenceScores;
    return { label: result.sentiment, scores: { positive, neutral, negative } };
  }

  /** Runs one SDK call under the time limit and turns its failures into LanguageServiceErrors. */
  private async call<T>(operation: string, run: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      return await run(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw new LanguageServiceError('Timeout', operation);
      throw asLanguageServiceError(error, operation);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The SDK throws RestError (status, code) for HTTP failures; anything else is a network failure. */
function asLanguageServiceError(error: unknown, operation: string): LanguageServiceError {
  if (error instanceof LanguageServiceError) return error;
  const status = numberProperty(error, 'statusCode');
  const code = stringProperty(error, 'code');
  if (status === 401 || status === 403) return new LanguageServiceError('Unauthorized', operation, status, code);
  if (status !== undefined && status < 500 && status !== 429) return new LanguageServiceError('InvalidResponse', operation, status, code);
  return new LanguageServiceError('Unavailable', operation, status, code);
}

function numberProperty(value: unknown, key: string): number | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const property: unknown = Reflect.get(value, key);
  return typeof property === 'number' ? property : undefined;
}

function stringProperty(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const property: unknown = Reflect.get(value, key);
  return typeof property === 'string' ? property : undefined;
}
