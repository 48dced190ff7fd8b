import { createInterface } from 'node:readline/promises';
import { TerminalChat } from './chat/terminalChat';

/**
 * `npm run chat`: talk to a running assistant from the terminal (start it with `npm start`). Replies
 * are shown as a terminal can show them, each button numbered under its card; type the number to press
 * it. BOT_URL (default http://localhost:3978) · /en, /fr · /reset · /quit.
 */
async function main(): Promise<void> {
  const botUrl = process.env.BOT_URL ?? `http://localhost:${process.env.PORT ?? 3978}`;
  const chat = new TerminalChat(botUrl, (text) => process.stdout.write(text));
  await chat.start();
  const terminal = createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
  terminal.prompt();
  for await (const line of terminal) {
    if (!(await chat.handle(line))) break;
    terminal.prompt();
  }
  terminal.close();
  await chat.stop();
}

void main();
