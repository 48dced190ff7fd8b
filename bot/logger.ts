import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';
import { redactDeep, redactText } from '../services/privacy/redact';

export type { Logger };

/**
 * Structured JSON logs. Personal data is removed before a line is written: known sensitive fields are
 * censored by path, and every string (message and fields) goes through the pattern redactor. A line
 * written inside a span (a turn, a job) carries its `trace_id` and `span_id`, to find the trace from a log.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const logger = pino(
    {
      level,
      base: { service: 'alin-assistant' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['*.nur', '*.email', '*.phone', '*.income', '*.text', 'nur', 'email', 'phone', 'income', 'text', 'authorization', '*.authorization'],
        censor: '[REDACTED]',
      },
      mixin: traceFields,
      formatters: {
        log: (record) => withTraceFieldsKept(record, redactDeep(record) as Record<string, unknown>),
      },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as typeof args;
          // Logged without a message, an error's own message becomes the line's `msg` after every
          // formatter has run; give pino that message already redacted.
          const errorMessage = args.length === 1 ? messageOfLoggedError(args[0]) : undefined;
          if (errorMessage !== undefined) redacted.push(redactText(errorMessage));
          method.apply(this, redacted);
        },
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
  // A child's fields (`logger.child({ ... })`) are written on every line without passing through the
  // `log` formatter (pino resets the bindings formatter for children), so redact them on the way in.
  // Children inherit `child` from this logger, so grandchildren are covered too.
  const createChild = logger.child;
  // (pino's overloaded generic signature cannot be restated, hence the cast through unknown.)
  logger.child = function redactingChild(this: Logger, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) {
    return Reflect.apply(createChild, this, [redactDeep(bindings), options]) as Logger;
  } as unknown as Logger['child'];
  return logger;
}

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;

/** The active span's ids (none outside a span, or when no tracer provider is registered). */
function traceFields(): Record<string, string> {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

/**
 * The ids as they were: hexadecimal digits can look like a phone or a unique number to the redactor,
 * which would break the link to the trace now and then. Only well-formed ids are kept so.
 */
function withTraceFieldsKept(record: Record<string, unknown>, redacted: Record<string, unknown>): Record<string, unknown> {
  const { trace_id: traceId, span_id: spanId } = record;
  if (typeof traceId === 'string' && TRACE_ID.test(traceId)) redacted.trace_id = traceId;
  if (typeof spanId === 'string' && SPAN_ID.test(spanId)) redacted.span_id = spanId;
  return redacted;
}

/** The message pino would copy into `msg` from `logger.error(err)` or `logger.error({ err })`. */
function messageOfLoggedError(first: unknown): string | undefined {
  if (first instanceof Error) return first.message;
  if (typeof first !== 'object' || first === null || 'msg' in first) return undefined;
  const err: unknown = (first as { err?: unknown }).err;
  return err instanceof Error ? err.message : undefined;
}
