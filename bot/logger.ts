import pino, { type Logger } from 'pino';
import { redactDeep, redactText } from '../services/privacy/redact';

export type { Logger };

/**
 * Structured JSON logs. Personal data is removed before a line is written: known sensitive fields are
 * censored by path, and every string (message and fields) goes through the pattern redactor.
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
      formatters: {
        log: (record) => redactDeep(record) as Record<string, unknown>,
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

/** The message pino would copy into `msg` from `logger.error(err)` or `logger.error({ err })`. */
function messageOfLoggedError(first: unknown): string | undefined {
  if (first instanceof Error) return first.message;
  if (typeof first !== 'object' || first === null || 'msg' in first) return undefined;
  const err: unknown = (first as { err?: unknown }).err;
  return err instanceof Error ? err.message : undefined;
}
