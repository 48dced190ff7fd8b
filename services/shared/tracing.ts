import { SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';

/**
 * Spans of the assistant's own work (turns, recognizer, portal calls, state, jobs), through the
 * OpenTelemetry API only: without a registered provider (no exporter configured) every span is a
 * non-recording no-op. Attributes are names and numbers the code chose (an intent, an operation, a status
 * code), never what a person typed, a URL path or an error message: those may hold personal data.
 */

export const TRACER_NAME = 'alin-assistant';

export function tracer(): Tracer {
  // The API's proxy tracer: a provider registered after this call (tests, start-up) is used all the same.
  return trace.getTracer(TRACER_NAME);
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** A new trace rather than a child of the active span (a background job). */
  root?: boolean;
}

/** Runs `work` in a span made active for it (its callees' spans are its children); ends it, failed or not. */
export async function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, root: options.root }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      markFailed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Status ERROR and the exception's type only. Not `recordException`: it copies the message and the stack,
 * and a message may quote what the user typed.
 */
export function markFailed(span: Span, error: unknown): void {
  const type = exceptionTypeOf(error);
  span.addEvent('exception', { 'exception.type': type });
  span.setAttribute('error.type', type);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** An error's class name when it looks like one (`UnavailableError`, `TypeError`), else `Error`. */
export function exceptionTypeOf(error: unknown): string {
  const name = error instanceof Error ? error.name : undefined;
  return name && /^[A-Za-z_$][\w$]{0,63}$/.test(name) ? name : 'Error';
}
