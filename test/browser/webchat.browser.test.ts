import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../services/shared/projectRoot';
import { BotHarness } from '../support/botHarness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(projectRoot(), 'test', 'artifacts');
// Web Chat renders markdown with typographic apostrophes, and repeats each message for screen readers.
const WELCOME = /Bonjour, je suis l.assistant AL-in/;
const visible = (page: Page, text: string | RegExp) => page.locator('.webchat__bubble__content').getByText(text).first();

describe('the Web Chat page in headless Chromium', () => {
  let bot: BotHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does)`);
    bot = await BotHarness.start();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1000, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('shows the welcome, answers a typed question, and answers a card button', async () => {
    await page.goto(`${bot.botUrl}/`);
    mkdirSync(ARTIFACTS, { recursive: true });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await visible(page, WELCOME).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    await page.getByPlaceholder('Écrivez votre message').fill('aide');
    await page.keyboard.press('Enter');
    await visible(page, 'Écrivez simplement ce que vous cherchez').waitFor();

    await page.getByRole('button', { name: 'Pièces à fournir' }).first().click();
    await visible(page, 'Quelle est votre situation familiale').waitFor();

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'webchat.png'), fullPage: true });
  });

  it('switches to English with the toggle, page and assistant alike', async () => {
    await page.getByRole('button', { name: /EN/ }).click();
    await visible(page, 'I will continue in English.').waitFor();
    await page.getByRole('heading', { name: 'AL-in Assistant' }).waitFor();
    expect(await page.getByRole('button', { name: /EN/ }).getAttribute('aria-pressed')).toBe('true');
    await page.getByPlaceholder('Type your message').fill('help');
    await page.keyboard.press('Enter');
    await visible(page, 'Just write what you are looking for').waitFor();
  });

  it('resumes the conversation after a reload, without a second welcome', async () => {
    await page.reload();
    await visible(page, 'Just write what you are looking for').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('.webchat__bubble__content').getByText(WELCOME).count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-resumed.png'), fullPage: true });
  });
});
