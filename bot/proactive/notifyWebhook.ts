import type { Request, Response, Server } from 'restify';
import { PortalEventSchema } from '../../services/notifications/portalEvents';
import { sendableAt, type QuietHours } from '../../services/notifications/quietHours';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyNotificationSignature } from '../../services/notifications/webhookSignature';
import type { Coordinator } from '../coordination/coordinator';
import type { Logger } from '../logger';
import type { NotificationQueue } from './notificationQueue';

/** Long enough to outlast any retry schedule of the portal. */
const EVENT_CLAIM_MS = 7 * 24 * 3600 * 1000;

export interface NotifyWebhookDependencies {
  secret: string;
  coordinator: Coordinator;
  queue: NotificationQueue;
  logger: Logger;
  now: () => Date;
  quietHours: QuietHours | 'off';
  /** Counts each call by outcome (`alin_portal_events_total`). */
  record?: (outcome: 'accepted' | 'duplicate' | 'refused' | 'invalid' | 'unavailable') => void;
}

/**
 * `POST /api/notify`: the portal's signed events. 401 for a missing, wrong or stale signature (nothing
 * is read further); 400 for an event this contract does not know; 200 `duplicate` for an event already
 * received (by this replica or another); 202 with the time it will be sent (after quiet hours).
 */
export function mountNotifyWebhook(server: Server, deps: NotifyWebhookDependencies): void {
  server.post('/api/notify', async (req: Request, res: Response) => {
    const rawBody = typeof (req as { rawBody?: unknown }).rawBody === 'string' ? (req as unknown as { rawBody: string }).rawBody : '';
    const verdict = verifyNotificationSignature({
      secret: deps.secret,
      signature: req.header(SIGNATURE_HEADER) || undefined,
      timestamp: req.header(TIMESTAMP_HEADER) || undefined,
      rawBody,
      now: deps.now(),
    });
    if (verdict !== 'valid') {
      deps.logger.warn({ verdict }, 'notify call refused');
      deps.record?.('refused');
      res.send(401, { code: 'Unauthorized', message: 'Missing, invalid or expired signature.' });
      return;
    }
    const event = PortalEventSchema.safeParse(safeJson(rawBody));
    if (!event.success) {
      deps.record?.('invalid');
      res.send(400, { code: 'BadRequest', message: 'Unknown event shape.', fields: event.error.issues.map((issue) => issue.path.join('.')) });
      return;
    }
    const claim = `notify:event:${event.data.eventId}`;
    const deliverAt = sendableAt(deps.now(), deps.quietHours);
    let claimed = false;
    try {
      claimed = await deps.coordinator.claimOnce(claim, EVENT_CLAIM_MS);
      if (!claimed) {
        deps.record?.('duplicate');
        res.send(200, { status: 'duplicate' });
        return;
      }
      await deps.queue.enqueue(event.data, deliverAt);
    } catch (error) {
      // Given back, so the portal's retry is not taken for a duplicate.
      if (claimed) await deps.coordinator.releaseClaim(claim).catch(() => undefined);
      deps.logger.error({ eventId: event.data.eventId, err: error }, 'notify event not queued');
      deps.record?.('unavailable');
      res.send(503, { code: 'Unavailable', message: 'Retry later.' });
      return;
    }
    deps.logger.info({ eventId: event.data.eventId, type: event.data.type, deliverAt: deliverAt.toISOString() }, 'notify event accepted');
    deps.record?.('accepted');
    res.send(202, { status: 'accepted', deliverAt: deliverAt.toISOString() });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
