import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Activity } from 'botbuilder';
import { channelActivity, LocalChannel } from '../../bot/channels/localChannel';
import { visibleText } from '../support/botHarness';
import { startBotProcess, type BotProcess } from '../support/botProcess';

type Body = string | Buffer | ReadableStream<Uint8Array>;

/** A stack frame ("at fn (file:line)") or an internal error name: never for the caller to see. */
const INTERNALS = /\bat \S+ \(|\bat <anonymous>|TypeError|RangeError|ReferenceError|node_modules/;
const APOLOGY = 'un problème technique';
const NOT_UNDERSTOOD = /Je n'ai pas compris|I did not understand/;

/**
 * What a stranger can post to /api/messages on a bot without an app id (the same routes, minus the
 * token check, as in production): every malformed request gets a clean 4xx, every odd but valid
 * message a polite answer, and the process never crashes, errs or leaves files behind.
 */
describe('hostile requests to the messaging endpoint', () => {
  const channel = new LocalChannel();
  const uploads = mkdtempSync(join(tmpdir(), 'alin-uploads-'));
  let bot: BotProcess;

  beforeAll(async () => {
    await channel.start();
    bot = await startBotProcess({ TMPDIR: uploads });
  });
  afterAll(async () => {
    await bot.stop();
    await channel.stop();
    rmSync(uploads, { recursive: true, force: true });
  });

  const post = async (body: Body, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) });
    return { status: response.status, text: await response.text() };
  };
  const activityJson = (conversationId: string, fields: Record<string, unknown> = {}) =>
    JSON.stringify({ ...channelActivity(channel.serviceUrl, conversationId, { type: 'message', text: 'aide' }), ...fields });
  const multipartUpload = [
    '--boundary',
    'Content-Disposition: form-data; name="file"; filename="big.bin"',
    'Content-Type: application/octet-stream',
    '',
    'A'.repeat(50_000),
    '--boundary--',
    '',
  ].join('\r\n');
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const streamed = (text: string) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < text.length; index += 64 * 1024) controller.enqueue(new TextEncoder().encode(text.slice(index, index + 64 * 1024)));
        controller.close();
      },
    });

  describe('refuses what is not an acceptable request with a clean 4xx', () => {
    it.each<{ case: string; request: () => [Body, Record<string, string>?]; status: number }>([
      { case: 'a form-encoded body', request: () => ['type=message&text=aide', { 'content-type': 'application/x-www-form-urlencoded' }], status: 415 },
      { case: 'a multipart upload', request: () => [multipartUpload, { 'content-type': 'multipart/form-data; boundary=boundary' }], status: 415 },
      { case: 'no content type', request: () => [activityJson('no-type-header'), {}], status: 415 },
      {
        // 40 KB on the wire, 40 MB once inflated: the body limit must apply to what is parsed.
        case: 'a gzip-compressed activity (a decompression bomb)',
        request: () => [gzipSync(activityJson('gzip', { text: 'a'.repeat(40 * 1024 * 1024) })), { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
        status: 415,
      },
      { case: 'a chunked body over the limit (no Content-Length)', request: () => [streamed(activityJson('chunked', { text: 'x'.repeat(400 * 1024) }))], status: 413 },
      { case: 'JSON with a byte-order mark', request: () => [`\ufeff${activityJson('bom')}`], status: 400 },
      { case: 'JSON with a trailing comma', request: () => ['{"type":"message",}'], status: 400 },
      { case: 'a JSON number', request: () => ['42'], status: 400 },
      { case: 'a JSON string', request: () => ['"message"'], status: 400 },
      { case: 'JSON null', request: () => ['null'], status: 400 },
      { case: 'a JSON array', request: () => [`[${activityJson('array')}]`], status: 400 },
      { case: 'an activity without a type', request: () => [activityJson('field', { type: undefined })], status: 400 },
      { case: 'a numeric type', request: () => [activityJson('field', { type: 42 })], status: 400 },
      { case: 'an empty type', request: () => [activityJson('field', { type: '' })], status: 400 },
      { case: 'no conversation', request: () => [activityJson('field', { conversation: undefined })], status: 400 },
      { case: 'a conversation that is a string', request: () => [activityJson('field', { conversation: 'abc' })], status: 400 },
      { case: 'a conversation with an empty id', request: () => [activityJson('field', { conversation: { id: '' } })], status: 400 },
      { case: 'no serviceUrl', request: () => [activityJson('field', { serviceUrl: undefined })], status: 400 },
      { case: 'a numeric serviceUrl', request: () => [activityJson('field', { serviceUrl: 42 })], status: 400 },
      { case: 'a javascript: serviceUrl', request: () => [activityJson('field', { serviceUrl: 'javascript:alert(1)' })], status: 400 },
      { case: 'a file: serviceUrl', request: () => [activityJson('field', { serviceUrl: 'file:///etc/passwd' })], status: 400 },
      { case: 'no sender', request: () => [activityJson('field', { from: undefined })], status: 400 },
      { case: 'a sender without an id', request: () => [activityJson('field', { from: { name: 'x' } })], status: 400 },
      { case: 'no recipient', request: () => [activityJson('field', { recipient: undefined })], status: 400 },
      { case: 'a numeric channelId', request: () => [activityJson('field', { channelId: 5 })], status: 400 },
      { case: 'a numeric text', request: () => [activityJson('field', { text: 42 })], status: 400 },
      { case: 'a text that is an object', request: () => [activityJson('field', { text: { html: '<b>' } })], status: 400 },
      { case: 'a numeric locale', request: () => [activityJson('field', { locale: 12 })], status: 400 },
      { case: 'membersAdded that is a string', request: () => [activityJson('field', { type: 'conversationUpdate', membersAdded: 'everyone' })], status: 400 },
      { case: 'membersAdded holding null', request: () => [activityJson('field', { type: 'conversationUpdate', membersAdded: [null] })], status: 400 },
      { case: 'entities that are a string', request: () => [activityJson('field', { entities: 'mention' })], status: 400 },
      // Found by the fuzz test: the SDK reads mentions in any `entities` that is not undefined.
      { case: 'entities that are null', request: () => [activityJson('field', { entities: null })], status: 400 },
      { case: 'a mention without whom it mentions', request: () => [activityJson('field', { entities: [{ type: 'mention', text: '<at>x</at>' }] })], status: 400 },
      {
        case: 'a mention in an activity without text',
        request: () => [activityJson('field', { text: undefined, value: { intent: 'menu' }, entities: [{ type: 'mention', mentioned: { id: 'alin-bot' }, text: '<at>AL-in</at>' }] })],
        status: 400,
      },
      { case: 'a card value nested 5 000 levels deep', request: () => [activityJson('field', { value: 0 }).replace('"value":0', `"value":${nested(5000)}`)], status: 400 },
      {
        case: 'an adaptiveCard/action invoke whose value is a string',
        request: () => [activityJson('field', { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: 'Action.Execute' })],
        status: 400,
      },
      {
        case: 'an adaptiveCard/action invoke without an action',
        request: () => [activityJson('field', { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { data: { action: 'menu' } } })],
        status: 400,
      },
      {
        case: 'an application/search invoke whose value is a string (the SDK threw on it: 500)',
        request: () => [activityJson('field', { type: 'invoke', name: 'application/search', text: undefined, value: 'more', channelId: 'msteams' })],
        status: 501,
      },
      {
        case: 'an invoke nobody answers, with a number for its value',
        request: () => [activityJson('field', { type: 'invoke', name: 'composeExtension/query', text: undefined, value: 3, channelId: 'msteams' })],
        status: 501,
      },
      {
        case: 'a conversation id a reply header cannot carry (the turn failed silently behind a 200)',
        request: () => [activityJson('field', { conversation: { id: 'conversation-😀-中' } })],
        status: 400,
      },
    ])('$case → $status', async ({ request, status }) => {
      const [body, headers] = request();
      const response = await post(body, headers);
      expect(response.status).toBe(status);
      expect(response.text).not.toMatch(INTERNALS);
      expect(channel.messages('field')).toHaveLength(0);
    });

    it('keeps no uploaded file', () => {
      expect(readdirSync(uploads)).toEqual([]);
    });
  });

  describe('answers odd but valid messages politely', () => {
    const say = async (conversationId: string, text: string, extra: Record<string, unknown> = {}) => {
      const { status, text: body } = await post(activityJson(conversationId, { text, ...extra }));
      expect(status).toBe(200);
      expect(body).not.toMatch(INTERNALS);
      const replies = channel.messages(conversationId);
      expect(replies.length).toBeGreaterThan(0);
      const seen = replies.map((reply) => visibleText(reply as Partial<Activity>)).join('\n');
      expect(seen).not.toContain(APOLOGY);
      expect(seen).not.toMatch(INTERNALS);
      return { replies, seen };
    };

    it('quotes Markdown and HTML back as plain words: no link, image, mention or tag of the user’s making', async () => {
      const { seen } = await say('markdown', 'zzz [qwerty uiop](https://evil.example/x) ![x](https://evil.example/p.png) <b>qwerty</b> <at>Admin</at> <script>x()</script>');
      expect(seen).toMatch(NOT_UNDERSTOOD);
      expect(seen).toContain('qwerty uiop');
      expect(seen).not.toMatch(/\]\(|<script|<b>|<at>|<img/);
    });

    it('quotes text with bidirectional overrides and invisible characters without them', async () => {
      const { seen } = await say('bidi', 'zzz \u202Eetadpu\u202C qw\u200Berty \u2066x\u2069');
      expect(seen).toMatch(NOT_UNDERSTOOD);
      expect(seen).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
    });

    it('answers a 100 KB message with a short quote', async () => {
      const { replies } = await say('hundred-kb', 'blabla '.repeat(15_000));
      expect(Math.max(...replies.map((reply) => (reply.text ?? '').length))).toBeLessThan(1000);
    });

    it('reads the beginning of an 80 KB answer to a yes/no question, and keeps answering /healthz meanwhile', async () => {
      await say('long-answer', 'je veux parler à un conseiller de ma candidature refusée');
      const numberWords = 'trois mille deux cent quarante et un ';
      const answer = numberWords.repeat(Math.ceil(80_000 / numberWords.length)).slice(0, 80_000);
      const healthMs: number[] = [];
      let polling = true;
      const poll = (async () => {
        while (polling) {
          const started = performance.now();
          await fetch(`${bot.url}/healthz`);
          healthMs.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      const { seen } = await say('long-answer', answer);
      polling = false;
      await poll;
      expect(seen).toContain("j'en ai lu les 2\u00a0000 premiers caractères");
      // No recognizer super-linear in the text: other requests are not held (~2 s before the bound, 60 s before the answer reader).
      // Within 100 ms; the slowest one is allowed the jitter of a two-core machine running other suites.
      const sorted = [...healthMs].sort((a, b) => a - b);
      expect(sorted.length).toBeGreaterThan(0);
      expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(100);
      expect(sorted.at(-1)).toBeLessThan(250);
    });

    it('answers 10 000 emojis without cutting one in half', async () => {
      const { replies } = await say('emojis', `z${'😀'.repeat(10_000)}`);
      const text = replies.map((reply) => reply.text ?? '').join('');
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    });

    it('answers a message full of null bytes and control characters', async () => {
      await say('nul', 'ai\u0000de\u0000 \u0007\u001b[31m moi');
    });

    it('answers a message with unpaired surrogates', async () => {
      const { status } = await post(activityJson('surrogates', { text: 'x' }).replace('"text":"x"', '"text":"\\ud800 aide \\udfff"'));
      expect(status).toBe(200);
      expect(channel.messages('surrogates').length).toBeGreaterThan(0);
    });

    it('answers an activity carrying __proto__ and constructor keys as a plain message', async () => {
      const poisoned = activityJson('proto').replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
      const { status } = await post(poisoned);
      expect(status).toBe(200);
      expect(visibleText(channel.messages('proto')[0] as Partial<Activity>)).toContain('Écrivez simplement ce que vous cherchez');
    });
  });

  it('is still up and healthy, and logged no error', async () => {
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(bot.output()).not.toMatch(/"level":(50|60)/);
  });
});
