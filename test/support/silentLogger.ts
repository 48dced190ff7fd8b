import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../bot/logger';

/** A real logger whose lines are kept in memory, so tests can read what would have been logged. */
export function capturingLogger(level = 'info'): { logger: Logger; lines: () => string[] } {
  const lines: string[] = [];
  const runLog = process.env.ALIN_TEST_LOG_DIR ? join(process.env.ALIN_TEST_LOG_DIR, `jest-${process.pid}.log`) : undefined;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = chunk.toString('utf8');
      lines.push(...text.split('\n').filter(Boolean));
      // Kept for the end-of-run scan for personal data (test/support/globalTeardown.js).
      if (runLog) appendFileSync(runLog, text.endsWith('\n') ? text : `${text}\n`);
      callback();
    },
  });
  return { logger: createLogger(level, sink), lines: () => lines };
}
