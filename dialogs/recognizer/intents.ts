/** Every intent the assistant knows; the NLU issue trains a model on these same names. */
export const INTENTS = [
  'greeting',
  'help',
  'menu',
  'cancel',
  'linkNumber',
  'unlink',
  'status',
  'eligibility',
  'documents',
  'searchOffers',
  'apply',
  'myApplications',
  'withdraw',
  'proposal',
  'savedSearches',
  'notifications',
  'helpdesk',
  'complaint',
  'renewal',
  'privacy',
  'deleteMyData',
  'changeLanguage',
  'thanks',
  'goodbye',
  'faq',
  'none',
] as const;

export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

export interface Recognition {
  /** The text as typed, for the dialogs; the trace sent to the Emulator carries a redacted copy. */
  text: string;
  intent: Intent;
  score: number;
  entities: Record<string, unknown>;
}

export interface IntentRecognizer {
  recognize(input: { text: string; value?: unknown; language: 'fr' | 'en' }): Promise<Recognition>;
}
