import type { Language, Translate } from '../i18n';
import type { ApplicationLine } from '../../services/dossier/dossierSummary';
import { formatDate } from '../format';

/** "aujourd'hui", "dans 6 jours". */
export function daysFromNow(t: Translate): (days: number) => string {
  return (days) => (days === 0 ? t('status:today') : t('status:inDays', { count: days }));
}

/** "T3 à Villeurbanne : en cours d'examen ; si elle est retenue…" — the stage and what happens next. */
export function applicationText(t: Translate, language: Language, line: ApplicationLine, when: (days: number) => string = daysFromNow(t)): string {
  const stageKey = line.status === 'attributed' && line.underCondition ? 'attributedUnderCondition' : line.status;
  const stage = t(`status:applications.stage.${stageKey}`, {
    rank: line.rank,
    date: line.answerDueDate ? formatDate(line.answerDueDate, language) : '',
    when: line.daysToAnswer !== undefined ? when(Math.max(0, line.daysToAnswer)) : '',
    commission: line.commissionDate ? t('status:applications.commissionOn', { date: formatDate(line.commissionDate, language) }) : '',
    documents: documentList(language, line.documentsRequested ?? []),
  });
  return t('status:applications.line', { typology: line.typology, commune: line.commune, stage });
}


/** The documents a landlord asked for, in one line ("Attestation de l'employeur ; Trois dernières quittances"). */
export function documentList(language: Language, documents: readonly string[]): string {
  return documents.join(language === 'fr' ? ' ; ' : '; ');
}
