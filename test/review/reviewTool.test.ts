import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisMissStore } from '../../bot/storage/missStores';
import { projectRoot } from '../../services/shared/projectRoot';
import { applyLabels } from '../../scripts/review/applyLabels';
import { writeReview } from '../../scripts/review';
import { BotHarness } from '../support/botHarness';
import { TEST_REDIS_URL, testRedis } from '../support/testRedis';

const redisConnection = testRedis('review');
const workDir = mkdtempSync(join(tmpdir(), 'alin-review-'));
let bot: BotHarness;

beforeAll(async () => {
  bot = await BotHarness.start({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: redisConnection.prefix });
  // Three people miss in the same way, one elsewhere; one answer is followed by a request for a person.
  await bot.say('review-1', 'zorglub le formulaire machin truc ?');
  await bot.say('review-2', 'zorglub le formulaire machin truc ?');
  await bot.say('review-3', 'le formulaire zorglub machin');
  await bot.say('review-4', 'blorp skadoosh frobnique le bidule 06 12 34 56 78');
  await bot.say('review-5', 'ou je trouve mon numero unique ?');
  await bot.say('review-5', 'je veux parler à un conseiller');
});
afterAll(async () => {
  await bot.stop();
  await redisConnection.cleanup();
  rmSync(workDir, { recursive: true, force: true });
});

describe('npm run review', () => {
  it('lists the misses kept in Redis grouped by similarity, biggest first, and writes the candidates to label', async () => {
    const misses = await new RedisMissStore(redisConnection.redis, redisConnection.prefix).list();
    const { text, file } = writeReview(misses, join(workDir, 'out'), '2026-12-07');
    expect(text).toMatch(/^5 misses kept from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, in 3 groups/);
    expect(text).toMatch(/#1 · 3× · notUnderstood 3 · guessed: [a-zA-Z]+ 3 · fr 3\n {4}2× « zorglub le formulaire machin truc \? »\n {4}« le formulaire zorglub machin »/);
    expect(text).toContain('personAsked 1');
    expect(text).toContain('« blorp skadoosh frobnique le bidule [PHONE] »');
    expect(text).not.toContain('06 12 34 56 78');
    const candidates = JSON.parse(readFileSync(file!, 'utf8')) as { candidates: { group: number; text: string; label: null }[] };
    expect(candidates.candidates).toHaveLength(4);
    expect(candidates.candidates.every((candidate) => candidate.label === null)).toBe(true);
  });

  it('prints the same from an export, run as the command', () => {
    const exported = join(workDir, 'export.json');
    const at = '2026-12-01T10:00:00.000Z';
    const miss = (text: string) => ({ id: text, at, text, intent: 'none', score: 0.3, reason: 'notUnderstood', language: 'fr', channel: 'webchat' });
    writeFileSync(exported, JSON.stringify([miss('c koi le bidule'), miss('c koi le bidule'), miss('autre chose encore')]));
    const printed = execFileSync(process.execPath, [join(projectRoot(), 'dist', 'scripts', 'review.js'), '--from', exported, '--out', join(workDir, 'cli')], { encoding: 'utf8' });
    expect(printed).toContain('3 misses kept from 2026-12-01 to 2026-12-01, in 2 groups');
    expect(printed).toContain('2× « c koi le bidule »');
    expect(printed).toMatch(/Candidates for labelling: .*candidates-\d{4}-\d\d-\d\d\.json/);
  });

  it('adds only the wordings a person labelled with a real intent to the training examples', () => {
    const locales = join(workDir, 'locales');
    for (const language of ['fr', 'en']) cpSync(join(projectRoot(), 'locales', language, 'nlu.json'), join(locales, language, 'nlu.json'));
    const result = applyLabels(
      {
        candidates: [
          { text: 'c koi le formulaire cerfa zorglub', language: 'fr', label: 'faq' },
          { text: 'bonjour', language: 'fr', label: 'greeting' },
          { text: 'blorp skadoosh [PHONE]', language: 'fr', label: 'helpdesk' },
          { text: 'whatever this is', language: 'en', label: 'skip' },
          { text: 'not looked at', language: 'en', label: null },
          { text: 'mystery', language: 'fr', label: 'formulaire' },
        ],
      },
      locales,
    );
    expect(result).toMatchObject({ added: 1, alreadyKnown: 1, skipped: 1, unlabelled: 1, redacted: 1 });
    expect(result.refused).toEqual([expect.stringContaining('formulaire (« mystery »): not an intent')]);
    const french = JSON.parse(readFileSync(join(locales, 'fr', 'nlu.json'), 'utf8')) as { intents: Record<string, string[]> };
    expect(french.intents.faq).toContain('c koi le formulaire cerfa zorglub');
    expect(JSON.stringify(french)).not.toContain('[PHONE]');
  });
});
