/**
 * What the assistant asks of a language service: which language a message is in, where the personal
 * data in it is, and how the person feels. Two implementations answer it — Azure AI Language, and a
 * local one (patterns, lexicons, tinyld) — chosen by configuration; see createLanguageService.
 */
export interface LanguageService {
  /** 'azure' or 'local', and for the fallback which one answered last: for logs and /readyz. */
  readonly name: string;
  detectLanguage(text: string): Promise<DetectedLanguage>;
  /** `language` is the conversation's, a hint for the analysis (French by default). */
  recognizePii(text: string, language?: TextLanguage): Promise<PiiResult>;
  analyzeSentiment(text: string, language?: TextLanguage): Promise<SentimentResult>;
}

/** The languages the assistant speaks. */
export type TextLanguage = 'fr' | 'en';

export interface DetectedLanguage {
  /** 'other' is a language the assistant does not speak (see iso6391); 'unknown' when nothing can tell. */
  language: TextLanguage | 'other' | 'unknown';
  /** ISO 639-1 code when known ("es", "ar"). */
  iso6391?: string;
  /** 0..1. */
  confidence: number;
  /** Sure enough to switch the conversation's language on: short texts rarely are. */
  reliable: boolean;
}

export interface PiiEntity {
  /** Azure AI Language's category names (FRSocialSecurityNumber, Email…), plus HousingRequestNumber. */
  category: string;
  /** Offsets in UTF-16 code units, as JavaScript strings count. */
  offset: number;
  length: number;
  /** 0..1; the local patterns give 1 when check digits hold, less when only the shape matches. */
  confidence: number;
}

export interface PiiResult {
  /** The text with every entity replaced by a placeholder such as [SSN] or [EMAIL]. */
  redactedText: string;
  entities: PiiEntity[];
}

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'mixed';

export interface SentimentResult {
  label: SentimentLabel;
  /** Each 0..1, adding up to 1. */
  scores: { positive: number; neutral: number; negative: number };
}
