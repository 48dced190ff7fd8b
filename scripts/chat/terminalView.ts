import type { Activity, CardAction } from 'botbuilder';

/**
 * How `npm run chat` shows what the bot sends, as a terminal can: text with its Markdown made plain,
 * each card as a block (Adaptive Cards: text blocks, facts, columns, images by their description, the
 * "more" of a ShowCard; hero cards: title, subtitle, text), and every button numbered under the card or
 * the message it belongs to, so "[3] Candidater" says which offer it is for.
 */

/** A button as a channel knows it: what pressing it sends. */
export type Button =
  | { kind: 'imBack'; title: string; text: string }
  | { kind: 'messageBack'; title: string; text?: string; displayText?: string; value?: unknown }
  | { kind: 'postBack'; title: string; value: unknown }
  | { kind: 'submit'; title: string; data: unknown; cardActivityId?: string }
  | { kind: 'execute'; title: string; verb?: string; data: unknown; cardActivityId?: string }
  | { kind: 'openUrl'; title: string; url: string };

export interface View {
  lines: string[];
  buttons: Button[];
}

const BOT = '🤖 ';
const CARD_TOP = '   ┌';
const CARD_SIDE = '   │ ';

/** The lines for one message, its buttons numbered from `firstNumber + 1`. */
export function viewOf(activity: Partial<Activity>, firstNumber: number): View {
  const view: View = { lines: [], buttons: [] };
  const number = (button: Button) => {
    view.buttons.push(button);
    return `[${firstNumber + view.buttons.length}] ${button.title}`;
  };
  if (activity.text) view.lines.push(...indented(plainMarkdown(activity.text), BOT, '   '));
  for (const attachment of activity.attachments ?? []) {
    const card = cardLines(attachment.contentType, attachment.content, activity.id, number, factSeparatorOf(activity.locale));
    if (card.length === 0) continue;
    view.lines.push(CARD_TOP, ...card.map((line) => CARD_SIDE + line));
  }
  const suggested = (activity.suggestedActions?.actions ?? []).map((action) => number(buttonOf(action)));
  if (suggested.length > 0) view.lines.push(`   ${suggested.join('   ')}`);
  return view;
}

/** "Loyer : 650 €" (with a no-break space) in French, "Rent: €650" in English: the reply's locale says which. */
function factSeparatorOf(locale: string | undefined): string {
  return /^en\b/i.test(locale ?? '') ? ': ' : '\u00a0: ';
}

/** "…" while the bot works (typing), once per turn. */
export const TYPING_LINE = `${BOT}…`;

/** Markdown as plain text: **bold**, _italic_ and `code` lose their marks, a link shows its address. */
export function plainMarkdown(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_match, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/gm, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

function indented(text: string, first: string, rest: string): string[] {
  return text.split('\n').map((line, index) => (index === 0 ? first : rest) + line);
}

type Numberer = (button: Button) => string;

function cardLines(contentType: string | undefined, content: unknown, activityId: string | undefined, number: Numberer, factSeparator: string): string[] {
  if (!content || typeof content !== 'object') return [];
  if (contentType === 'application/vnd.microsoft.card.adaptive') return adaptiveCardLines(content as AdaptiveElement, activityId, number, factSeparator);
  if (contentType === 'application/vnd.microsoft.card.hero' || contentType === 'application/vnd.microsoft.card.thumbnail') {
    const card = content as { title?: string; subtitle?: string; text?: string; images?: { alt?: string }[]; buttons?: CardAction[] };
    const lines = [card.title, card.subtitle, card.text, ...(card.images ?? []).map((image) => (image.alt ? `(image: ${image.alt})` : undefined))]
      .filter((line): line is string => Boolean(line))
      .flatMap((line) => plainMarkdown(line).split('\n'));
    const buttons = (card.buttons ?? []).map((action) => number(buttonOf(action)));
    return buttons.length > 0 ? [...lines, buttons.join('   ')] : lines;
  }
  return [`(${contentType ?? 'attachment'})`];
}

interface AdaptiveElement {
  type?: string;
  text?: string;
  altText?: string;
  title?: string;
  facts?: { title: string; value: string }[];
  body?: AdaptiveElement[];
  items?: AdaptiveElement[];
  columns?: AdaptiveElement[];
  inlines?: (string | { text?: string })[];
  actions?: AdaptiveElement[];
  card?: AdaptiveElement;
  data?: unknown;
  verb?: string;
  url?: string;
  separator?: boolean;
  label?: string;
  placeholder?: string;
}

function adaptiveCardLines(card: AdaptiveElement, activityId: string | undefined, number: Numberer, factSeparator: string): string[] {
  const lines: string[] = [];
  // Buttons are shown where they stand: an offer's "Détails" and "Candidater" right under that offer.
  const addActions = (actions: AdaptiveElement[] | undefined) => {
    const row: string[] = [];
    for (const action of actions ?? []) {
      if (action.type === 'Action.ShowCard' && action.card) {
        // Shown open: a terminal has no "more" to click.
        lines.push(`▸ ${action.title ?? ''}`, ...adaptiveCardLines(action.card, activityId, number, factSeparator).map((line) => `  ${line}`));
        continue;
      }
      const button = adaptiveButton(action, activityId);
      if (button) row.push(number(button));
    }
    if (row.length > 0) lines.push(row.join('   '));
  };
  const walk = (elements: AdaptiveElement[] | undefined) => {
    for (const element of elements ?? []) {
      if (element.separator && lines.length > 0) lines.push('');
      switch (element.type) {
        case 'TextBlock':
          if (element.text) lines.push(...plainMarkdown(element.text).split('\n'));
          break;
        case 'RichTextBlock':
          lines.push((element.inlines ?? []).map((inline) => (typeof inline === 'string' ? inline : (inline.text ?? ''))).join(''));
          break;
        case 'FactSet':
          for (const fact of element.facts ?? []) lines.push(`${fact.title}${factSeparator}${plainMarkdown(fact.value)}`);
          break;
        case 'Image':
          if (element.altText) lines.push(`(image: ${element.altText})`);
          break;
        case 'ActionSet':
          addActions(element.actions);
          break;
        default:
          if (element.type?.startsWith('Input.')) lines.push(`(${element.label ?? element.placeholder ?? 'form field'}: use Web Chat or Teams to fill it in)`);
      }
      walk(element.items);
      for (const column of element.columns ?? []) walk(column.items);
    }
  };
  walk(card.body);
  addActions(card.actions);
  return lines;
}

function adaptiveButton(action: AdaptiveElement, activityId: string | undefined): Button | undefined {
  const title = action.title ?? '';
  switch (action.type) {
    case 'Action.Submit':
      return { kind: 'submit', title, data: action.data, cardActivityId: activityId };
    case 'Action.Execute':
      return { kind: 'execute', title, verb: action.verb, data: action.data, cardActivityId: activityId };
    case 'Action.OpenUrl':
      return action.url ? { kind: 'openUrl', title, url: action.url } : undefined;
    default:
      return undefined;
  }
}

/** A Bot Framework card action (suggested actions, hero cards). */
function buttonOf(action: CardAction): Button {
  const title = action.title ?? String(action.value ?? '');
  switch (action.type) {
    case 'messageBack':
      return { kind: 'messageBack', title, text: action.text, displayText: action.displayText, value: action.value };
    case 'postBack':
      return { kind: 'postBack', title, value: action.value };
    case 'openUrl':
      return { kind: 'openUrl', title, url: String(action.value) };
    default:
      return { kind: 'imBack', title, text: String(action.value ?? title) };
  }
}

/**
 * What pressing a button sends, as Web Chat and Teams send it: imBack its value as the user's text;
 * messageBack its text and value (the display text is what the user sees written); postBack its value,
 * unseen; an Adaptive Card submit its data as the value (a string as text), in reply to the card; an
 * Execute an `adaptiveCard/action` invoke. A link is opened, not sent.
 */
export function pressOf(button: Button): { activity?: Partial<Activity> & { type: string }; shown: string } {
  switch (button.kind) {
    case 'imBack':
      return { activity: { type: 'message', text: button.text }, shown: button.text };
    case 'messageBack':
      return { activity: { type: 'message', text: button.text, value: button.value }, shown: button.displayText ?? button.text ?? '' };
    case 'postBack':
      return {
        activity: typeof button.value === 'string' ? { type: 'message', text: button.value } : { type: 'message', value: button.value },
        shown: '',
      };
    case 'submit':
      return {
        activity: typeof button.data === 'string' ? { type: 'message', text: button.data, replyToId: button.cardActivityId } : { type: 'message', value: button.data ?? {}, replyToId: button.cardActivityId },
        shown: button.title,
      };
    case 'execute':
      return {
        activity: { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data } }, replyToId: button.cardActivityId },
        shown: button.title,
      };
    case 'openUrl':
      return { shown: `(open ${button.url} in a browser)` };
  }
}
