import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Personal data a dialog may need again a few minutes later (the unique number, to send a new one-time
 * code when the first one expired) without keeping it readable where the conversation is stored: sealed
 * (AES-256-GCM) with a key that only ever lives in this process's memory. Whoever reads the store reads
 * nothing; another replica, or this one after a restart, opens nothing either — the dialog then asks
 * the user again, as it would if nothing had been kept.
 */

const PROCESS_KEY = randomBytes(32);
const VERSION = 's1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealForThisProcess(text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', PROCESS_KEY, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed text, or undefined when this process did not seal it (another replica, a restart, a forgery). */
export function openSealed(sealed: unknown): string | undefined {
  if (typeof sealed !== 'string' || !sealed.startsWith(VERSION)) return undefined;
  const bytes = Buffer.from(sealed.slice(VERSION.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', PROCESS_KEY, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // The authentication tag does not hold: sealed with another process's key.
    return undefined;
  }
}
