import { randomUUID } from 'node:crypto';
import { signNotification } from '../../services/notifications/webhookSignature';

export const TEST_NOTIFY_SECRET = 'test-notify-secret-of-at-least-32-chars';

/** Posts an event to the bot's `/api/notify` as the portal does, signed unless told otherwise. */
export async function postPortalEvent(
  botUrl: string,
  event: unknown,
  options: { secret?: string; timestampSeconds?: number; signature?: string | null } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = JSON.stringify(event);
  const timestamp = options.timestampSeconds ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-al-in-timestamp': String(timestamp) };
  const signature = options.signature === undefined ? signNotification(options.secret ?? TEST_NOTIFY_SECRET, timestamp, body) : options.signature;
  if (signature !== null) headers['x-al-in-signature'] = signature;
  const response = await fetch(`${botUrl}/api/notify`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

let counter = 0;

/** Letters only: long digit or hex runs would look like personal data to the log redaction. */
export function uniqueEventId(label: string): string {
  return `${label}-${randomUUID().replace(/[^a-f]/g, '').slice(0, 12)}`;
}

/** A stage change for the applicant, with a fresh event id. */
export function stageChanged(applicantId: string, stage = 'in_commission') {
  counter++;
  return {
    eventId: uniqueEventId('evt'),
    type: 'application.stage_changed',
    applicantId,
    occurredAt: new Date().toISOString(),
    data: { applicationId: `app-${counter}`, offerLabel: 'T3 à Villeurbanne', stage },
  };
}
