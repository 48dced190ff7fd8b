import { CardFactory, type Attachment } from 'botbuilder';

/** Adaptive Cards 1.5: the version Teams renders; Web Chat renders it too. */
export const ADAPTIVE_CARD_VERSION = '1.5';

export interface CardBody {
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
  /** Universal Actions: the action Teams runs to get the card afresh when one of `userIds` sees it. */
  refresh?: { action: Record<string, unknown>; userIds?: string[] };
  /** Shown by channels that cannot render cards. */
  fallbackText: string;
  speak?: string;
}

export function adaptiveCard(card: CardBody): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    ...card,
  });
}

/**
 * A button that sends the intent back as the message value (Action.Submit works on Teams and Web Chat).
 * The title travels along so the card can be replaced by "Chosen: …" once pressed.
 */
export function intentButton(title: string, intent: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'Action.Submit', title, data: { intent, label: title, ...extra } };
}
