import { dossierReminderFor } from '../../services/notifications/dossierReminders';
import { isQuietTime, sendableAt } from '../../services/notifications/quietHours';
import { signNotification, verifyNotificationSignature } from '../../services/notifications/webhookSignature';
import type { HousingRequest } from '../../services/sne/schemas';

describe('quiet hours (21:00–08:00, Paris time)', () => {
  it.each`
    at                            | expected                      | why
    ${'2026-11-23T19:59:00Z'}     | ${'2026-11-23T19:59:00.000Z'} | ${'20:59 in winter (UTC+1): sent now'}
    ${'2026-11-23T20:00:00Z'}     | ${'2026-11-24T07:00:00.000Z'} | ${'21:00 in winter: waits until 08:00'}
    ${'2026-11-23T23:30:00Z'}     | ${'2026-11-24T07:00:00.000Z'} | ${'00:30 after midnight: 08:00 the same day'}
    ${'2026-11-24T06:59:59Z'}     | ${'2026-11-24T07:00:00.000Z'} | ${'07:59:59: one second to wait'}
    ${'2026-11-24T07:00:00Z'}     | ${'2026-11-24T07:00:00.000Z'} | ${'08:00 sharp: sent now'}
    ${'2026-07-01T19:30:00Z'}     | ${'2026-07-02T06:00:00.000Z'} | ${'21:30 in summer (UTC+2): 08:00 is 06:00 UTC'}
    ${'2026-03-28T22:00:00Z'}     | ${'2026-03-29T06:00:00.000Z'} | ${'the night clocks go forward'}
    ${'2026-10-24T21:00:00Z'}     | ${'2026-10-25T07:00:00.000Z'} | ${'the night clocks go back'}
  `('$why', ({ at, expected }) => {
    expect(sendableAt(new Date(at)).toISOString()).toBe(expected);
    expect(isQuietTime(new Date(at))).toBe(at !== expected.replace('.000Z', 'Z'));
  });

  it('follows configured hours, within a day or across midnight, and can be switched off', () => {
    // 13:30 in Paris (UTC+1).
    const lunch = new Date('2026-11-23T12:30:00Z');
    expect(sendableAt(lunch, { from: 12, until: 14 }).toISOString()).toBe('2026-11-23T13:00:00.000Z');
    expect(sendableAt(lunch, { from: 22, until: 7 })).toEqual(lunch);
    const night = new Date('2026-11-23T22:30:00Z');
    expect(sendableAt(night, { from: 22, until: 7 }).toISOString()).toBe('2026-11-24T06:00:00.000Z');
    expect(sendableAt(night, 'off')).toEqual(night);
  });
});

describe('the portal event signature', () => {
  const secret = 'a-shared-secret-of-at-least-32-characters';
  const body = '{"eventId":"e1"}';
  const now = new Date('2026-11-23T10:00:00Z');
  const timestamp = now.getTime() / 1000;
  const verify = (overrides: Partial<Parameters<typeof verifyNotificationSignature>[0]>) =>
    verifyNotificationSignature({ secret, signature: signNotification(secret, timestamp, body), timestamp: String(timestamp), rawBody: body, now, ...overrides });

  it('accepts the HMAC of the timestamp and the raw body', () => expect(verify({})).toBe('valid'));
  it('refuses another secret', () => expect(verify({ signature: signNotification('another-secret-another-secret-xxxxx', timestamp, body) })).toBe('mismatch'));
  it('refuses a body changed by one character', () => expect(verify({ rawBody: '{"eventId":"e2"}' })).toBe('mismatch'));
  it('refuses a missing signature or timestamp', () => {
    expect(verify({ signature: undefined })).toBe('missing');
    expect(verify({ timestamp: undefined })).toBe('missing');
    expect(verify({ timestamp: 'yesterday' })).toBe('missing');
  });
  it('refuses a replay older than five minutes, even correctly signed', () => {
    const old = timestamp - 301;
    expect(verify({ timestamp: String(old), signature: signNotification(secret, old, body) })).toBe('stale');
  });
  it('refuses a timestamp moved without re-signing', () => expect(verify({ timestamp: String(timestamp - 1) })).toBe('mismatch'));
});

describe('the daily dossier reminders', () => {
  const request = (state: HousingRequest['state'], renewalDueDate: string) => ({ state, renewalDueDate }) as HousingRequest;
  const today = new Date('2026-11-23T09:00:00Z');

  it.each`
    state          | due             | expected
    ${'to_renew'}  | ${'2026-12-13'} | ${'request.renewal_due'}
    ${'active'}    | ${'2026-12-20'} | ${'request.renewal_due'}
    ${'active'}    | ${'2027-02-01'} | ${undefined}
    ${'expired'}   | ${'2026-10-29'} | ${'request.expired'}
    ${'cancelled'} | ${'2026-12-01'} | ${undefined}
    ${'attributed'}| ${'2026-12-01'} | ${undefined}
  `('$state, due $due → $expected', ({ state, due, expected }) => {
    expect(dossierReminderFor('A-1', request(state, due), today)?.type).toBe(expected);
  });

  it('keys a reminder by applicant and renewal date, so the same one is told once', () => {
    const first = dossierReminderFor('A-1', request('to_renew', '2026-12-13'), today);
    const nextDay = dossierReminderFor('A-1', request('to_renew', '2026-12-13'), new Date('2026-11-24T09:00:00Z'));
    expect(first?.eventId).toBe(nextDay?.eventId);
    expect(dossierReminderFor('A-1', request('to_renew', '2027-12-13'), today)?.eventId).not.toBe(first?.eventId);
  });
});
