import type { TurnContext } from 'botbuilder';
import { helpdeskAvailability, type LocalTime } from '../services/helpdesk/openingHours';
import type { Language } from './i18n';
import { languageOf, translatorOf } from './turn/turnAccess';

/** Who answers: the HR helpdesk for employees on Teams, an Action Logement advisor for website applicants. */
export type Audience = 'employee' | 'applicant';

export function audienceOfChannel(channelId: unknown): Audience {
  return channelId === 'msteams' ? 'employee' : 'applicant';
}

/** i18next's context option: `confirm` for employees, `confirm_applicant` for website applicants. */
export function audienceContextOfChannel(channelId: unknown): { context?: string } {
  return audienceOfChannel(channelId) === 'applicant' ? { context: 'applicant' } : {};
}

export function audienceContext(context: TurnContext): { context?: string } {
  return audienceContextOfChannel(context.activity.channelId);
}

/**
 * When a person will answer, from the opening hours and public holidays: today before closing, or the
 * next real slot ("lundi 7 décembre à partir de 9 h").
 */
export function whenSomeoneAnswers(context: TurnContext, now: Date, urgent: boolean): string {
  const t = translatorOf(context);
  const language = languageOf(context);
  const availability = helpdeskAvailability(now);
  const who = audienceContext(context);
  if (availability.open) return t(urgent ? 'helpdesk:availability.openUrgent' : 'helpdesk:availability.open', { ...who, closes: timeOf(language, availability.closesAt) });
  const day =
    availability.day === 'today' ? t('helpdesk:availability.today') : availability.day === 'tomorrow' ? t('helpdesk:availability.tomorrow') : dayOf(language, availability.opensAt);
  return t('helpdesk:availability.closed', { ...who, day, time: timeOf(language, availability.opensAt) });
}

/** "9 h", "9 h 30" in French; "9 am", "6:30 pm" in English. */
function timeOf(language: Language, at: LocalTime): string {
  const minutes = String(at.minute).padStart(2, '0');
  if (language === 'fr') return at.minute === 0 ? `${at.hour}\u00a0h` : `${at.hour}\u00a0h\u00a0${minutes}`;
  const hour = at.hour % 12 === 0 ? 12 : at.hour % 12;
  return `${hour}${at.minute === 0 ? '' : `:${minutes}`} ${at.hour < 12 ? 'am' : 'pm'}`;
}

/** "lundi 7 décembre", "Monday 7 December". */
function dayOf(language: Language, at: LocalTime): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${at.date}T12:00:00Z`));
}
