import type { DetectedLanguage, LanguageService, PiiResult, SentimentResult } from './languageService';
import { detectLanguageLocally } from './localLanguageDetection';
import { localPiiEntities } from './localPii';
import { analyzeSentimentLocally } from './localSentiment';
import { maskEntities } from './piiCategories';

/** The language service with no cloud: tinyld and function words, the redaction patterns, a lexicon. */
export class LocalLanguageService implements LanguageService {
  readonly name = 'local';

  async detectLanguage(text: string): Promise<DetectedLanguage> {
    return detectLanguageLocally(text);
  }

  async recognizePii(text: string): Promise<PiiResult> {
    const entities = localPiiEntities(text);
    return { redactedText: maskEntities(text, entities), entities };
  }

  async analyzeSentiment(text: string): Promise<SentimentResult> {
    return analyzeSentimentLocally(text);
  }
}
