import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TerminalChat } from '../../scripts/chat/terminalChat';
import { plainMarkdown, pressOf, viewOf, type Button } from '../../scripts/chat/terminalView';
import { projectRoot } from '../../services/shared/projectRoot';
import { BotHarness } from '../support/botHarness';

const adaptive = (content: Record<string, unknown>) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', ...content } });

describe('what the terminal chat shows of each kind of reply', () => {
  it('text, with its Markdown made plain and its links spelt out', () => {
    expect(viewOf({ type: 'message', text: '**Oui**, vous êtes _éligible_. Voir [le portail](https://al-in.fr) ou `93`.' }, 0).lines).toEqual([
      '🤖 Oui, vous êtes éligible. Voir le portail (https://al-in.fr) ou 93.',
    ]);
    expect(plainMarkdown('- un\n- deux')).toBe('- un\n- deux');
  });

  it('an offer list: each card as a block, its buttons numbered under it, the numbering running on across cards', () => {
    const offer = (title: string, id: string) =>
      adaptive({
        body: [{ type: 'TextBlock', text: title, weight: 'Bolder' }, { type: 'FactSet', facts: [{ title: 'Loyer', value: '**650 €**' }] }],
        actions: [
          { type: 'Action.Submit', title: 'Détails', data: { intent: 'offerDetails', offerId: id } },
          { type: 'Action.Submit', title: 'Candidater', data: { intent: 'apply', offerId: id } },
        ],
      });
    const view = viewOf({ type: 'message', id: 'card-activity', text: 'Voici 2 offres :', attachments: [offer('T3 · Lyon 3e', 'OFR-1'), offer('T2 · Villeurbanne', 'OFR-2')] }, 0);
    expect(view.lines).toEqual([
      '🤖 Voici 2 offres :',
      '   ┌',
      '   │ T3 · Lyon 3e',
      '   │ Loyer\u00a0: 650 €',
      '   │ [1] Détails   [2] Candidater',
      '   ┌',
      '   │ T2 · Villeurbanne',
      '   │ Loyer\u00a0: 650 €',
      '   │ [3] Détails   [4] Candidater',
    ]);
    expect(view.buttons[3]).toEqual({ kind: 'submit', title: 'Candidater', data: { intent: 'apply', offerId: 'OFR-2' }, cardActivityId: 'card-activity' });
  });

  it('writes a fact the way the language of the reply writes it', () => {
    const card = adaptive({ body: [{ type: 'FactSet', facts: [{ title: 'Rent', value: '€650' }] }] });
    expect(viewOf({ type: 'message', locale: 'en-US', attachments: [card] }, 0).lines).toContain('   │ Rent: €650');
    expect(viewOf({ type: 'message', locale: 'fr-FR', attachments: [card] }, 0).lines).toContain('   │ Rent\u00a0: €650');
  });

  it('a hero card: title, subtitle, text, image description and buttons', () => {
    const view = viewOf(
      {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.hero',
            content: { title: 'Saint-Denis ?', subtitle: 'Deux communes', text: 'Laquelle ?', images: [{ url: 'x', alt: 'carte' }], buttons: [{ type: 'imBack', title: 'Saint-Denis (93)', value: 'Saint-Denis (93)' }] },
          },
        ],
      },
      2,
    );
    expect(view.lines).toEqual(['   ┌', '   │ Saint-Denis ?', '   │ Deux communes', '   │ Laquelle ?', '   │ (image: carte)', '   │ [3] Saint-Denis (93)']);
  });

  it('suggested actions under their message, an Action.ShowCard shown open, inputs named', () => {
    const view = viewOf(
      {
        type: 'message',
        text: 'Utile ?',
        attachments: [
          adaptive({
            body: [{ type: 'ColumnSet', columns: [{ items: [{ type: 'TextBlock', text: 'Réponse' }] }] }, { type: 'Input.Text', id: 'why', label: 'Pourquoi ?' }],
            actions: [{ type: 'Action.ShowCard', title: 'En savoir plus', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Le détail.' }] } }],
          }),
        ],
        suggestedActions: { to: [], actions: [{ type: 'imBack', title: '👍', value: '👍' }, { type: 'messageBack', title: 'Un conseiller', text: 'Un conseiller', displayText: 'Un conseiller', value: { intent: 'helpdesk' } }] },
      },
      0,
    );
    expect(view.lines).toEqual([
      '🤖 Utile ?',
      '   ┌',
      '   │ Réponse',
      '   │ (Pourquoi ?: use Web Chat or Teams to fill it in)',
      '   │ ▸ En savoir plus',
      '   │   Le détail.',
      '   [1] 👍   [2] Un conseiller',
    ]);
  });
});

describe('pressing a button by its number sends what a channel sends', () => {
  it.each<[string, Button, ReturnType<typeof pressOf>]>([
    ['imBack: its value, as the user’s text', { kind: 'imBack', title: 'Oui', text: 'oui' }, { activity: { type: 'message', text: 'oui' }, shown: 'oui' }],
    [
      'messageBack: its text and its value; the display text is what the user sees',
      { kind: 'messageBack', title: 'Un conseiller', text: 'conseiller', displayText: 'Un conseiller', value: { intent: 'helpdesk' } },
      { activity: { type: 'message', text: 'conseiller', value: { intent: 'helpdesk' } }, shown: 'Un conseiller' },
    ],
    ['postBack: its value, unseen', { kind: 'postBack', title: 'x', value: 'menu' }, { activity: { type: 'message', text: 'menu' }, shown: '' }],
    [
      'Action.Submit: its data as the value, in reply to the card',
      { kind: 'submit', title: 'Détails', data: { intent: 'offerDetails' }, cardActivityId: 'a1' },
      { activity: { type: 'message', value: { intent: 'offerDetails' }, replyToId: 'a1' }, shown: 'Détails' },
    ],
    [
      'Action.Execute: an adaptiveCard/action invoke',
      { kind: 'execute', title: 'Prendre', verb: 'take', data: { ticket: 'HD-1' }, cardActivityId: 'a2' },
      { activity: { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'take', data: { ticket: 'HD-1' } } }, replyToId: 'a2' }, shown: 'Prendre' },
    ],
    ['a link: opened, not sent', { kind: 'openUrl', title: 'Portail', url: 'https://al-in.fr' }, { shown: '(open https://al-in.fr in a browser)' }],
  ])('%s', (_case, button, expected) => {
    expect(pressOf(button)).toEqual(expected);
  });
});

describe('the terminal chat talking to the assistant', () => {
  let bot: BotHarness;
  let chat: TerminalChat;
  let printed = '';
  const typed = async (line: string) => {
    const from = printed.length;
    await chat.handle(line);
    return printed.slice(from);
  };

  beforeAll(async () => {
    bot = await BotHarness.start();
    chat = new TerminalChat(bot.botUrl, (text) => (printed += text));
    await chat.start();
  });
  afterAll(async () => {
    await chat.stop();
    await bot.stop();
  });

  it('shows the welcome with its numbered buttons, and a number presses one', async () => {
    expect(printed).toMatch(/\[1\] /);
    const menuButton = /\[1\] ([^\n[]+?)(?: {3}|\n)/.exec(printed)?.[1];
    const answer = await typed('1');
    expect(answer).toContain(`(you) ${menuButton}`);
    expect(answer).toMatch(/🤖 /);
    expect(answer).not.toMatch(/Choisissez une des réponses proposées/);
  });

  it('answers a homonym question with its choices, and a number picks one as the user would type it', async () => {
    const question = await typed('suis-je éligible ? on est 2 à Saint-Denis, mon mari et moi, avec 30 000 € de revenu fiscal');
    expect(question).toContain('Plusieurs communes s');
    const choice = /\[(\d+)\] Saint-Denis \(Seine-Saint-Denis\)/.exec(question);
    expect(choice).not.toBeNull();
    const answer = await typed(choice![1]!);
    // The button's value is what Web Chat writes for the user ("Saint-Denis 93"); the dialog moves on.
    expect(answer).toMatch(/\(you\) Saint-Denis \S/);
    expect(answer).not.toMatch(/Plusieurs communes s/);
    expect(answer).toMatch(/🤖 .*\?/);
  });

  it('shows typing as "…" once per turn, however many indicators come', async () => {
    let shown = '';
    const fresh = new TerminalChat(bot.botUrl, (text) => (shown += text));
    fresh.receive({ type: 'typing' });
    fresh.receive({ type: 'typing' });
    fresh.receive({ type: 'message', text: 'Voici.' });
    expect(shown).toBe('🤖 …\n🤖 Voici.\n');
  });

  it('/reset starts a new conversation, welcomed again', async () => {
    const answer = await typed('/reset');
    expect(answer).toContain('(new conversation)');
    expect(answer).toMatch(/Bonjour/);
  });

  it('/quit ends', async () => {
    expect(await chat.handle('/quit')).toBe(false);
  });
});

describe('npm run chat, as a program', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start();
  });
  afterAll(() => bot.stop());

  it('reads lines on its standard input, shows the answers, presses a button by number, and leaves on /quit', async () => {
    const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'scripts', 'chat.js')], { env: { PATH: process.env.PATH, BOT_URL: bot.botUrl }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const waitFor = async (pattern: RegExp, from: number) => {
      for (let waited = 0; waited < 10_000 && !pattern.test(output.slice(from)); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      return output.slice(from);
    };
    expect(await waitFor(/\[1\]/, 0)).toMatch(/Bonjour/);
    let from = output.length;
    child.stdin.write('english\n');
    expect(await waitFor(/English/i, from)).toMatch(/🤖 /);
    from = output.length;
    child.stdin.write('1\n');
    expect(await waitFor(/\(you\) /, from)).toMatch(/\(you\) \S/);
    child.stdin.write('/quit\n');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  });
});
