import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The portal signs each call to `POST /api/notify`: `X-AL-in-Signature: sha256=<hex>` is the HMAC-SHA256,
 * keyed with the shared `NOTIFY_SECRET`, of `<X-AL-in-Timestamp>.<raw body>`. The timestamp (Unix
 * seconds) is inside the signature, so a captured call cannot be replayed once it is older than the
 * tolerance; within it, the event id makes a replay harmless.
 */
export const SIGNATURE_HEADER = 'x-al-in-signature';
export const TIMESTAMP_HEADER = 'x-al-in-timestamp';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signNotification(secret: string, timestampSeconds: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex')}`;
}

export type SignatureVerdict = 'valid' | 'missing' | 'mismatch' | 'stale';

export function verifyNotificationSignature(input: {
  secret: string;
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: string;
  now: Date;
}): SignatureVerdict {
  if (!input.signature || !input.timestamp || !/^\d{1,12}$/.test(input.timestamp)) return 'missing';
  const timestampSeconds = Number(input.timestamp);
  const expected = Buffer.from(signNotification(input.secret, timestampSeconds, input.rawBody));
  const given = Buffer.from(input.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'mismatch';
  const ageSeconds = Math.abs(input.now.getTime() / 1000 - timestampSeconds);
  return ageSeconds > SIGNATURE_TOLERANCE_SECONDS ? 'stale' : 'valid';
}
