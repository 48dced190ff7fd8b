import type { Attachment } from 'botbuilder';
import type { EmergencyNumber, TriageReason } from '../../services/triage/triage';
import type { Translate } from '../i18n';
import { adaptiveCard, intentButton } from './adaptiveCard';

/** Immediate danger first, then shelter, violence, children. */
const SHOWN_IN_ORDER: readonly EmergencyNumber[] = ['17', '115', '3919', '119'];

/**
 * The numbers that apply, in one short block shown before anything else; undefined when none apply.
 * Despair said seriously gets its own words and the suicide prevention line, whatever else applies.
 */
export function emergencyNumbersText(t: Translate, numbers: readonly EmergencyNumber[], reasons: readonly TriageReason[] = []): string | undefined {
  const despair = reasons.includes('despair') ? t('helpdesk:emergency.despair') : undefined;
  const others = policeAndLinesText(t, numbers);
  return despair && others ? `${despair}\n\n${others}` : (despair ?? others);
}

function policeAndLinesText(t: Translate, numbers: readonly EmergencyNumber[]): string | undefined {
  // Violence: the police for an immediate danger always goes with 3919 (its line says "in immediate danger").
  const withPolice = numbers.includes('3919') && !numbers.includes('17') ? [...numbers, '17' as const] : numbers;
  const shown = SHOWN_IN_ORDER.filter((number) => withPolice.includes(number));
  if (shown.length === 0) return undefined;
  const lines = shown.map((number, index) => `- ${t(`helpdesk:emergency.${number}`)}${index === shown.length - 1 ? '.' : t('helpdesk:emergency.between')}`);
  return [t('helpdesk:emergency.intro'), ...lines].join('\n');
}

/** Beside the answer to what the person asked: their situation may be a priority, a person one click away. */
export function urgentAsideCard(t: Translate): Attachment {
  return adaptiveCard({
    body: [{ type: 'TextBlock', text: t('helpdesk:urgentAside.text'), wrap: true }],
    actions: [intentButton(t('helpdesk:urgentAside.button'), 'helpdesk')],
    fallbackText: `${t('helpdesk:urgentAside.text')} ${t('helpdesk:urgentAside.button')}`,
  });
}
