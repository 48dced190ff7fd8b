/**
 * No message to an applicant between 21:00 and 08:00, Paris time: a notification that falls in that
 * window waits until 08:00. Computed with the time-zone database, so daylight-saving changes hold.
 */
export const QUIET_HOURS = { from: 21, until: 8, timeZone: 'Europe/Paris' } as const;

/** When a notification due at `now` may be sent: `now` itself outside quiet hours, else the next 08:00. */
export function sendableAt(now: Date): Date {
  const { hour } = parisClock(now);
  if (hour >= QUIET_HOURS.until && hour < QUIET_HOURS.from) return now;
  // Walk forward a minute at a time from the top of the hour: at most 11 h, and always exact.
  let candidate = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  for (;;) {
    candidate = new Date(candidate.getTime() + 60_000);
    const clock = parisClock(candidate);
    if (clock.hour === QUIET_HOURS.until && clock.minute === 0) return candidate;
  }
}

export function isQuietTime(now: Date): boolean {
  return sendableAt(now).getTime() !== now.getTime();
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
