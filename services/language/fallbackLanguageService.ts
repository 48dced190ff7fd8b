import type { DetectedLanguage, LanguageService, PiiResult, SentimentResult, TextLanguage } from './languageService';
import { entitiesNotIn, maskEntities } from './piiCategories';

/** Told each time the primary service failed and the fallback answered (for a log line or a metric). */
export type FallbackListener = (operation: string, error: unknown) => void;

/**
 * Asks the primary service (Azure) and, on any error or timeout, the fallback (local) — a turn never
 * fails because the cloud did. For personal data the local patterns always run too: they know the
 * housing request number, which Azure does not, and a datum either detector finds is masked.
 */
export class FallbackLanguageService implements LanguageService {
  constructor(
    private readonly primary: LanguageService,
    private readonly fallback: LanguageService,
    private readonly onFallback: FallbackListener = () => undefined,
  ) {}

  get name(): string {
    return `${this.primary.name}, falling back to ${this.fallback.name}`;
  }

  detectLanguage(text: string): Promise<DetectedLanguage> {
    return this.withFallback('detectLanguage', (service) => service.detectLanguage(text));
  }

  async recognizePii(text: string, language?: TextLanguage): Promise<PiiResult> {
    const local = await this.fallback.recognizePii(text, language);
    let primary: PiiResult;
    try {
      primary = await this.primary.recognizePii(text, language);
    } catch (error) {
      this.onFallback('recognizePii', error);
      return local;
    }
    const entities = [...primary.entities, ...entitiesNotIn(primary.entities, local.entities)].sort((a, b) => a.offset - b.offset);
    return { redactedText: maskEntities(text, entities), entities };
  }

  analyzeSentiment(text: string, language?: TextLanguage): Promise<SentimentResult> {
    return this.withFallback('analyzeSentiment', (service) => service.analyzeSentiment(text, language));
  }

  private async withFallback<T>(operation: string, run: (service: LanguageService) => Promise<T>): Promise<T> {
    try {
      return await run(this.primary);
    } catch (error) {
      this.onFallback(operation, error);
      return run(this.fallback);
    }
  }
}
