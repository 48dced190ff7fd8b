/**
 * How a call to Azure AI Language failed, as a value the fallback (and a log line) can read. Messages
 * never carry the analysed text: it may hold the very personal data being looked for.
 */
export type LanguageServiceErrorKind = 'Unauthorized' | 'Unavailable' | 'Timeout' | 'InvalidResponse';

export class LanguageServiceError extends Error {
  constructor(
    readonly kind: LanguageServiceErrorKind,
    readonly operation: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(`language.${operation}: ${kind}${status === undefined ? '' : ` HTTP ${status}`}${code === undefined ? '' : ` ${code}`}`);
    this.name = `Language${kind}Error`;
  }
}
