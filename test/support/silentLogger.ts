import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../bot/logger';

/** A real logger whose lines are kept in memory, so tests can read what would have been logged. */
export function capturingLogger(level = 'info'): { logger: Logger; lines: () => string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  return { logger: createLogger(level, sink), lines: () => lines };
}
