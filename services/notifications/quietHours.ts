/**
 * No message to an applicant between 21:00 and 08:00, Paris time: a notification that falls in that
 * window waits until 08:00. Computed with the time-zone database, so daylight-saving changes hold.
 */
export const QUIET_HOURS = { from: 21, until: 8, timeZone: 'Europe/Paris' } as const;

/** From `from` o'clock to `until` o'clock, Paris time (across midnight when `from` > `until`). */
export interface QuietHours {
  from: number;
  until: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: QUIET_HOURS.from, until: QUIET_HOURS.until };

function isQuietHour(hour: number, quiet: QuietHours): boolean {
  return quiet.from > quiet.until ? hour >= quiet.from || hour < quiet.until : hour >= quiet.from && hour < quiet.until;
}

/**
 * When a notification due at `now` may be sent: `now` itself outside quiet hours, else the next end of
 * the quiet hours (08:00 by default); when they are switched off, always `now`.
 */
export function sendableAt(now: Date, quiet: QuietHours | 'off' = DEFAULT_QUIET_HOURS): Date {
  if (quiet === 'off' || quiet.from === quiet.until || !isQuietHour(parisClock(now).hour, quiet)) return now;
  // Walk forward a minute at a time from the top of the hour: at most a day, and always exact.
  let candidate = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  for (;;) {
    candidate = new Date(candidate.getTime() + 60_000);
    const clock = parisClock(candidate);
    if (clock.hour === quiet.until && clock.minute === 0) return candidate;
  }
}

export function isQuietTime(now: Date, quiet: QuietHours | 'off' = DEFAULT_QUIET_HOURS): boolean {
  return sendableAt(now, quiet).getTime() !== now.getTime();
}

const parisFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: QUIET_HOURS.timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall clock in Paris: the calendar day (YYYY-MM-DD), the hour and the minute. */
export function parisClock(date: Date): { day: string; hour: number; minute: number } {
  const parts = parisFormat.formatToParts(date);
  const text = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { day: `${text('year')}-${text('month')}-${text('day')}`, hour: Number(text('hour')), minute: Number(text('minute')) };
}
