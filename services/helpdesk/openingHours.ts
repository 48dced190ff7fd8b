import Holidays from 'date-holidays';
import { z } from 'zod';
import hoursData from './data/openingHours.json';

const Time = z.string().regex(/^\d{2}:\d{2}$/);
const OpeningHoursSchema = z.object({
  timeZone: z.string().min(1),
  country: z.string().length(2),
  days: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.tuple([Time, Time])),
});
const HOURS = OpeningHoursSchema.parse(hoursData);
const HOLIDAYS = new Holidays(HOURS.country);

/** Now open (and until when), or the next opening: what to tell someone who asked for a person. */
export type HelpdeskAvailability = { open: true; closesAt: LocalTime } | { open: false; opensAt: LocalTime; day: 'today' | 'tomorrow' | 'later' };

/** A moment as the helpdesk's clock reads it (the time zone of the opening hours). */
export interface LocalTime {
  /** `YYYY-MM-DD`. */
  date: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  minute: number;
}

/** The next opening, looked for up to two weeks ahead (a long bank-holiday stretch fits). */
export function helpdeskAvailability(now: Date): HelpdeskAvailability {
  const today = localTimeOf(now);
  const todaysHours = openingOf(today.date, today.weekday);
  const minutes = today.hour * 60 + today.minute;
  if (todaysHours && minutes >= todaysHours.opens && minutes < todaysHours.closes) {
    return { open: true, closesAt: { ...today, hour: Math.floor(todaysHours.closes / 60), minute: todaysHours.closes % 60 } };
  }
  for (let ahead = 0; ahead <= 14; ahead++) {
    const day = localTimeOf(new Date(now.getTime() + ahead * 86_400_000));
    const hours = openingOf(day.date, day.weekday);
    if (!hours || (ahead === 0 && minutes >= hours.opens)) continue;
    return { open: false, opensAt: { ...day, hour: Math.floor(hours.opens / 60), minute: hours.opens % 60 }, day: ahead === 0 ? 'today' : ahead === 1 ? 'tomorrow' : 'later' };
  }
  throw new Error('services/helpdesk/data/openingHours.json: no opening in the next two weeks');
}

function openingOf(date: string, weekday: number): { opens: number; closes: number } | undefined {
  const hours = HOURS.days[String(weekday) as keyof typeof HOURS.days];
  if (!hours || isPublicHoliday(date)) return undefined;
  const [opens, closes] = hours.map((time) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));
  return { opens: opens!, closes: closes! };
}

function isPublicHoliday(date: string): boolean {
  // Noon of that day in the helpdesk's zone: the holiday spans it whatever the offset.
  const found = HOLIDAYS.isHoliday(new Date(`${date}T12:00:00Z`));
  return Array.isArray(found) && found.some((holiday) => holiday.type === 'public');
}

function localTimeOf(at: Date): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: HOURS.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts['weekday'] ?? '') + 1;
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, weekday, hour: Number(parts['hour']), minute: Number(parts['minute']) };
}
