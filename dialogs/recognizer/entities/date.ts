import type { EntityMatch } from './entityMatch';
import { foldText } from './foldText';
import type { IsoDate } from './schemas';

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, january: 1,
  fevrier: 2, fevr: 2, fev: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  avril: 4, avr: 4, apr: 4, april: 4,
  mai: 5, may: 5,
  juin: 6, june: 6, jun: 6,
  juillet: 7, juil: 7, jul: 7, july: 7,
  aout: 8, aug: 8, august: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  decembre: 12, dec: 12, december: 12,
};
const WEEKDAYS: Record<string, number> = {
  dimanche: 0, sunday: 0,
  lundi: 1, monday: 1,
  mardi: 2, tuesday: 2,
  mercredi: 3, wednesday: 3,
  jeudi: 4, thursday: 4,
  vendredi: 5, friday: 5,
  samedi: 6, saturday: 6,
};
const RELATIVE_DAYS: Record<string, number> = {
  "aujourd'hui": 0, aujourdhui: 0, auj: 0, today: 0,
  demain: 1, tomorrow: 1,
  'apres-demain': 2, 'apres demain': 2,
  hier: -1, yesterday: -1,
  'avant-hier': -2, 'avant hier': -2,
};

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
// English order ("March 15") only with English names: "mars 15" or "sept 3" are not dates.
const ENGLISH_MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].join('|');
// "15/03", "15/03/2026"; with dots or dashes the year is required ("3.5" is a number, not the 3rd of May).
const NUMERIC = /(?<![\d/.-])(\d{1,2})(?:\/(\d{1,2})(?:\/(\d{4}|\d{2}))?|([.-])(\d{1,2})\4(\d{4}|\d{2}))(?![\d/.-]*\d)/g;
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
// "15 mars", "1er avril 2026", "15th of March", "le 3 sept."
const DAY_MONTH = new RegExp(String.raw`(?<![a-z0-9])(\d{1,2})(?:er|st|nd|rd|th)?(?: of)? (${MONTH_NAMES})\.?(?: (\d{4}))?(?![a-z])`, 'g');
// "March 15", "march 15th, 2026"
const MONTH_DAY = new RegExp(String.raw`(?<![a-z])(${ENGLISH_MONTH_NAMES}) (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?(?![a-z0-9])`, 'g');
const WEEKDAY = new RegExp(String.raw`(?<![a-z])(?:next )?(${Object.keys(WEEKDAYS).join('|')})(?: prochain)?(?![a-z])`, 'g');
const RELATIVE = new RegExp(String.raw`(?<![a-z])(${Object.keys(RELATIVE_DAYS).join('|')})(?![a-z])`, 'g');

/**
 * Days mentioned in French or English. Numbers are read day first (the French order, also British);
 * a date without a year is the occurrence nearest to `today`; a weekday is the next one after today.
 */
export function findDates(text: string, today: Date): EntityMatch<IsoDate>[] {
  const folded = foldText(text);
  const found: EntityMatch<IsoDate>[] = [];
  const add = (start: number, end: number, date: Date | undefined) => {
    if (!date || found.some((other) => start < other.end && other.start < end)) return;
    found.push({ value: isoDate(date), start, end });
  };
  const base = startOfDay(today);

  for (const m of folded.matchAll(ISO)) add(m.index, m.index + m[0].length, validDate(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of folded.matchAll(NUMERIC)) {
    add(m.index, m.index + m[0].length, dayMonthYear(Number(m[1]), Number(m[2] ?? m[5]), m[3] ?? m[6], base));
  }
  for (const m of folded.matchAll(DAY_MONTH)) {
    add(m.index, m.index + m[0].length, dayMonthYear(Number(m[1]), MONTHS[m[2] ?? ''] ?? 0, m[3], base));
  }
  for (const m of folded.matchAll(MONTH_DAY)) {
    add(m.index, m.index + m[0].length, dayMonthYear(Number(m[2]), MONTHS[m[1] ?? ''] ?? 0, m[3], base));
  }
  for (const m of folded.matchAll(WEEKDAY)) {
    const weekday = WEEKDAYS[m[1] ?? ''] ?? 0;
    const ahead = ((weekday - base.getDay() + 7) % 7) || 7;
    add(m.index, m.index + m[0].length, addDays(base, ahead));
  }
  for (const m of folded.matchAll(RELATIVE)) add(m.index, m.index + m[0].length, addDays(base, RELATIVE_DAYS[m[1] ?? ''] ?? 0));
  return found.sort((a, b) => a.start - b.start);
}

function dayMonthYear(day: number, month: number, typedYear: string | undefined, today: Date): Date | undefined {
  if (typedYear !== undefined) {
    const year = typedYear.length === 2 ? 2000 + Number(typedYear) : Number(typedYear);
    return validDate(year, month, day);
  }
  // No year: the nearest occurrence ("le 15 mars" said in December is probably next March).
  const candidates = [-1, 0, 1]
    .map((offset) => validDate(today.getFullYear() + offset, month, day))
    .filter((date): date is Date => date !== undefined);
  return candidates.sort((a, b) => Math.abs(a.getTime() - today.getTime()) - Math.abs(b.getTime() - today.getTime()))[0];
}

function validDate(year: number, month: number, day: number): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(year, month - 1, day);
  return date.getMonth() === month - 1 ? date : undefined;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

function isoDate(date: Date): IsoDate {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
