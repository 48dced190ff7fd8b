import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_CORPUS_DIR } from './corpus';

/**
 * The ratchet: the ids of the working corpus that fail today. jest expects every other scenario to
 * pass, and a listed one to still fail (when it passes, take it off the list).
 */
export const KNOWN_FAILURES_FILE = join(DEFAULT_CORPUS_DIR, 'known-failures.json');

const KnownFailuresSchema = z.object({ note: z.string(), ids: z.array(z.string()) });

export function readKnownFailures(path = KNOWN_FAILURES_FILE): Set<string> {
  if (!existsSync(path)) return new Set();
  return new Set(KnownFailuresSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).ids);
}

export function writeKnownFailures(ids: string[], path = KNOWN_FAILURES_FILE): void {
  const file = {
    note: 'Scenarios of the working corpus that fail today. Written by `npm run conversations:eval -- --write-known-failures`; when one passes, jest asks to take it off.',
    ids: [...ids].sort(),
  };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}
