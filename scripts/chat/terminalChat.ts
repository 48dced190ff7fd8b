import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { channelActivity, LocalChannel, postActivity } from '../../bot/channels/localChannel';
import { pressOf, TYPING_LINE, viewOf, type Button } from './terminalView';

/**
 * The terminal chat as a channel: it posts what the person types to the bot's /api/messages, as the
 * Emulator does, and shows what the bot sends to its local service URL. A number presses the button
 * that carries it (the buttons of the bot's last replies); commands: /en, /fr (locale), /reset (a new
 * conversation), /quit.
 */
export class TerminalChat {
  private readonly channel = new LocalChannel();
  private conversationId = newConversationId();
  private locale = 'fr-FR';
  private buttons: Button[] = [];
  /** The next reply with buttons starts a new numbering: the person has answered the previous ones. */
  private renumber = false;
  private typingShown = false;

  constructor(
    private readonly botUrl: string,
    private readonly write: (text: string) => void,
  ) {}

  async start(): Promise<void> {
    this.channel.onActivity((conversation, activity) => {
      if (conversation === this.conversationId) this.receive(activity);
    });
    await this.channel.start();
    this.write(`AL-in Assistant, terminal chat (${this.botUrl}). Type a button's number to press it; /en or /fr switches language, /reset starts over, /quit leaves.\n`);
    await this.join();
  }

  async stop(): Promise<void> {
    await this.channel.stop();
  }

  /** One line typed by the person; false when it was /quit. */
  async handle(line: string): Promise<boolean> {
    const input = line.trim();
    if (input === '/quit') return false;
    if (input === '/en' || input === '/fr') {
      this.locale = input === '/en' ? 'en-US' : 'fr-FR';
      this.write(`(locale ${this.locale})\n`);
    } else if (input === '/reset') {
      this.conversationId = newConversationId();
      this.buttons = [];
      this.write('(new conversation)\n');
      await this.join();
    } else if (/^\d{1,2}$/.test(input) && this.buttons[Number(input) - 1]) {
      await this.press(this.buttons[Number(input) - 1]!);
    } else if (input) {
      await this.send({ type: 'message', text: input });
    }
    return true;
  }

  private async press(button: Button): Promise<void> {
    const { activity, shown } = pressOf(button);
    if (shown) this.write(`(you) ${shown}\n`);
    if (activity) await this.send(activity);
  }

  private async join(): Promise<void> {
    const userId = `user-${this.conversationId}`;
    await this.send({ type: 'conversationUpdate', membersAdded: [{ id: userId, name: 'User' }, { id: 'alin-bot', name: 'AL-in Assistant' }] });
  }

  private async send(fields: Partial<Activity> & { type: string }): Promise<void> {
    this.renumber = true;
    this.typingShown = false;
    try {
      const status = await postActivity(this.botUrl, channelActivity(this.channel.serviceUrl, this.conversationId, { locale: this.locale, ...fields }));
      if (status >= 400) this.write(`(the bot answered HTTP ${status})\n`);
    } catch {
      this.write(`Cannot reach the assistant at ${this.botUrl}: start it with \`npm start\` in another terminal.\n`);
    }
  }

  /** What the bot sent to this conversation, shown: "…" once per turn for typing, every message in full. */
  receive(activity: Partial<Activity>): void {
    if (activity.type === 'typing') {
      if (!this.typingShown) this.write(`${TYPING_LINE}\n`);
      this.typingShown = true;
      return;
    }
    if (activity.type !== 'message') return;
    const hasButtons = (activity.attachments ?? []).length > 0 || (activity.suggestedActions?.actions ?? []).length > 0;
    if (hasButtons && this.renumber) {
      this.buttons = [];
      this.renumber = false;
    }
    const view = viewOf(activity, this.buttons.length);
    this.buttons.push(...view.buttons);
    this.write(`${view.lines.join('\n')}\n`);
  }
}

function newConversationId(): string {
  return `terminal-${randomUUID().slice(0, 8)}`;
}
