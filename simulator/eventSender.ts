import { signNotification } from '../services/notifications/webhookSignature';

export interface SimulatorNotifySettings {
  /** The bot's `/api/notify`; a function when the bot's port is known only later. */
  url: string | (() => string | undefined);
  secret: string;
}

/** Posts a portal event to the bot, signed as the real portal does; failures are reported, not thrown. */
export function createEventSender(settings: SimulatorNotifySettings | undefined, now: () => Date) {
  return (event: Record<string, unknown>): { sentTo?: string } => {
    const url = typeof settings?.url === 'function' ? settings.url() : settings?.url;
    if (!settings || !url) return {};
    const body = JSON.stringify(event);
    const timestamp = Math.floor(now().getTime() / 1000);
    void fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-al-in-timestamp': String(timestamp), 'x-al-in-signature': signNotification(settings.secret, timestamp, body) },
      body,
      signal: AbortSignal.timeout(5000),
    })
      .then((response) => response.text())
      .catch(() => undefined);
    return { sentTo: url };
  };
}
