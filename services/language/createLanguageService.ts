import { AzureLanguageService } from './azureLanguageService';
import { FallbackLanguageService, type FallbackListener } from './fallbackLanguageService';
import type { LanguageService } from './languageService';
import { LocalLanguageService } from './localLanguageService';

export interface LanguageServiceSettings {
  /** LANGUAGE_ENDPOINT: with LANGUAGE_KEY, Azure AI Language is used (the local service as fallback). */
  endpoint?: string;
  /** LANGUAGE_KEY. */
  key?: string;
  /** Per Azure call. */
  timeoutMs: number;
  onFallback?: FallbackListener;
}

/** Azure (falling back to local) when both endpoint and key are configured; local otherwise. */
export function createLanguageService(settings: LanguageServiceSettings): LanguageService {
  const local = new LocalLanguageService();
  if (!settings.endpoint || !settings.key) return local;
  const azure = new AzureLanguageService({ endpoint: settings.endpoint, key: settings.key, timeoutMs: settings.timeoutMs });
  return new FallbackLanguageService(azure, local, settings.onFallback);
}
