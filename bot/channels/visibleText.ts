import type { Activity } from 'botbuilder';

/**
 * What a person reads in a message the bot sent: its text; in its Adaptive Cards every TextBlock, fact
 * and button title; in hero and thumbnail cards their title, subtitle, text and buttons; and the
 * suggested actions under it. Button titles are shown as `[title]`. One reading for the tests, the
 * conversation corpus and the tools that play a channel locally.
 */
export function visibleText(activity: Partial<Activity>): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  for (const attachment of activity.attachments ?? []) {
    if (isRichCard(attachment.contentType)) richCardText(attachment.content, parts);
    else adaptiveCardText(attachment.content, parts);
  }
  for (const action of activity.suggestedActions?.actions ?? []) if (action.title) parts.push(`[${action.title}]`);
  return parts.join('\n');
}

export function allText(activities: Partial<Activity>[]): string {
  return activities.map(visibleText).join('\n');
}

const RICH_CARD_TYPES = ['application/vnd.microsoft.card.hero', 'application/vnd.microsoft.card.thumbnail'];

function isRichCard(contentType: string | undefined): boolean {
  return contentType !== undefined && RICH_CARD_TYPES.includes(contentType);
}

function richCardText(content: unknown, parts: string[]): void {
  if (!content || typeof content !== 'object') return;
  const card = content as { title?: string; subtitle?: string; text?: string; buttons?: { title?: string }[] };
  for (const line of [card.title, card.subtitle, card.text]) if (line) parts.push(line);
  for (const button of card.buttons ?? []) if (button.title) parts.push(`[${button.title}]`);
}

function adaptiveCardText(node: unknown, parts: string[]): void {
  if (Array.isArray(node)) return node.forEach((child) => adaptiveCardText(child, parts));
  if (!node || typeof node !== 'object') return;
  const element = node as { type?: string; text?: string; title?: string; facts?: { title: string; value: string }[] };
  if (element.type === 'TextBlock' && element.text) parts.push(element.text);
  if (element.type?.startsWith('Action.') && element.title) parts.push(`[${element.title}]`);
  for (const fact of element.facts ?? []) parts.push(`${fact.title}: ${fact.value}`);
  for (const [key, child] of Object.entries(node)) if (key !== 'data' && key !== 'facts') adaptiveCardText(child, parts);
}
