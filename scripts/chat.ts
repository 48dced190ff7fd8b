import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { Activity } from 'botbuilder';
import { channelActivity, LocalChannel, postActivity } from '../bot/channels/localChannel';

/**
 * `npm run chat`: talk to a running assistant from the terminal. This script plays the channel, as the
 * Bot Framework Emulator does: it posts your messages to /api/messages and prints what the bot sends
 * back to its local service URL. Card buttons are numbered; type the number to press one.
 *   BOT_URL (default http://localhost:3978) · /en, /fr switch the locale · /quit leaves.
 */
interface Button {
  title: string;
  value: unknown;
}

async function main(): Promise<void> {
  const botUrl = process.env.BOT_URL ?? `http://localhost:${process.env.PORT ?? 3978}`;
  const channel = new LocalChannel();
  await channel.start();
  const conversationId = `terminal-${randomUUID().slice(0, 8)}`;
  let locale = 'fr-FR';
  let buttons: Button[] = [];
  // The buttons last shown stay pressable until a reply brings new ones.
  let replaceButtons = false;

  channel.onActivity((conversation, activity) => {
    if (conversation !== conversationId || activity.type !== 'message') return;
    const hasButtons = (activity.attachments ?? []).length > 0 || (activity.suggestedActions?.actions ?? []).length > 0;
    if (hasButtons && replaceButtons) {
      buttons = [];
      replaceButtons = false;
    }
    const printed = render(activity, buttons.length);
    buttons = [...buttons, ...printed.buttons];
    process.stdout.write(`\n${printed.text}\n> `);
  });

  const send = async (fields: Partial<Activity> & { type: string }) => {
    replaceButtons = true;
    try {
      const status = await postActivity(botUrl, channelActivity(channel.serviceUrl, conversationId, { locale, ...fields }));
      if (status >= 400) process.stdout.write(`(the bot answered HTTP ${status})\n`);
    } catch {
      process.stdout.write(`Cannot reach the assistant at ${botUrl}: start it with \`npm start\` in another terminal.\n`);
    }
  };

  process.stdout.write(`AL-in Assistant, terminal chat (${botUrl}). /en or /fr switches language, /quit leaves.\n`);
  await send({ type: 'conversationUpdate', membersAdded: [{ id: `user-${conversationId}`, name: 'User' }, { id: 'alin-bot', name: 'AL-in Assistant' }] });

  const terminal = createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
  terminal.prompt();
  for await (const line of terminal) {
    const input = line.trim();
    if (input === '/quit') break;
    if (input === '/en' || input === '/fr') {
      locale = input === '/en' ? 'en-US' : 'fr-FR';
      process.stdout.write(`(locale ${locale})\n`);
    } else if (/^\d+$/.test(input) && buttons[Number(input) - 1]) {
      const button = buttons[Number(input) - 1]!;
      await send({ type: 'message', text: '', value: button.value });
    } else if (input) {
      await send({ type: 'message', text: input });
    }
    terminal.prompt();
  }
  terminal.close();
  await channel.stop();
}

/** Text, cards (their text blocks and fact sets) and numbered buttons, as a terminal can show them. */
function render(activity: Partial<Activity>, firstNumber: number): { text: string; buttons: Button[] } {
  const lines: string[] = [];
  const buttons: Button[] = [];
  if (activity.text) lines.push(`🤖 ${activity.text}`);
  for (const attachment of activity.attachments ?? []) {
    const card = attachment.content as { body?: unknown[]; actions?: CardAction[]; fallbackText?: string } | undefined;
    const actions: CardAction[] = [];
    collectText(card?.body ?? [], lines, actions);
    for (const action of [...actions, ...(card?.actions ?? [])]) {
      buttons.push({ title: action.title ?? '?', value: action.data });
      lines.push(`   [${firstNumber + buttons.length}] ${action.title ?? ''}`);
    }
  }
  for (const action of activity.suggestedActions?.actions ?? []) {
    buttons.push({ title: action.title ?? '', value: action.value });
    lines.push(`   [${firstNumber + buttons.length}] ${action.title ?? ''}`);
  }
  return { text: lines.join('\n'), buttons };
}

interface CardAction {
  title?: string;
  data?: unknown;
}

/** Texts, facts and the buttons of action sets, in reading order. */
function collectText(elements: unknown[], lines: string[], actions: CardAction[]): void {
  for (const element of elements) {
    if (!element || typeof element !== 'object') continue;
    const item = element as { type?: string; text?: string; facts?: { title: string; value: string }[]; items?: unknown[]; columns?: { items?: unknown[] }[]; actions?: CardAction[] };
    if (item.text) lines.push(`   ${item.text}`);
    for (const fact of item.facts ?? []) lines.push(`   ${fact.title} : ${fact.value}`);
    if (item.type === 'ActionSet') actions.push(...(item.actions ?? []));
    collectText(item.items ?? [], lines, actions);
    for (const column of item.columns ?? []) collectText(column.items ?? [], lines, actions);
  }
}

void main();
