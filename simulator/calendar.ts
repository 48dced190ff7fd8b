import { parisCalendarDate } from '../services/dossier/dossierSummary';

/**
 * Day arithmetic in UTC, so seeded dates do not move with the machine's time zone; the days themselves
 * are the portal's, in France (the assistant counts days to a deadline in Paris time too).
 */

const DAY_MS = 24 * 3600 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMonths(date: Date, months: number): Date {
  const moved = new Date(date.getTime());
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
}

/** `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of the day it is in France at that instant (between 23:00 and 24:00 UTC, already the next day). */
export function startOfDay(date: Date): Date {
  return parseIsoDate(parisCalendarDate(date));
}

export function parseIsoDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}
