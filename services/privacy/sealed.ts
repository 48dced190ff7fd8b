import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data a dialog may need again a few minutes later (the unique number, to send a new one-time
 * code when the first one expired) without keeping it readable where the conversation is stored: sealed
 * (AES-256-GCM) with a key that is never stored with it. The key comes from the deployment's secret
 * (STATE_SEAL_SECRET, shared by the replicas, so any replica opens what another sealed); without one,
 * from this process's memory only — another replica, or this one after a restart, then opens nothing
 * and the dialog asks the user again, as it would if nothing had been kept.
 */

let sealingKey: Buffer = randomBytes(32);

/** Seals with a key derived from the deployment's secret (HKDF-SHA256), from now on in this process. */
export function useSealingSecret(secret: string): void {
  sealingKey = Buffer.from(hkdfSync('sha256', secret, 'alin-assistant', 'sealed state v1', 32));
}
const VERSION = 's1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function seal(text: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed text, or undefined when it was not sealed with this key (another replica without the shared secret, a restart, a forgery). */
export function openSealed(sealed: unknown): string | undefined {
  if (typeof sealed !== 'string' || !sealed.startsWith(VERSION)) return undefined;
  const bytes = Buffer.from(sealed.slice(VERSION.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', sealingKey, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // The authentication tag does not hold: sealed with another key.
    return undefined;
  }
}
