import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from '../../services/shared/projectRoot';
import { BotHarness } from '../support/botHarness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(projectRoot(), 'test', 'artifacts');
const TOKEN = 'insights-token-for-the-browser-42';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const CHARTS = ['turns', 'intents', 'notUnderstood', 'tickets', 'feedback', 'portal'];

/** A page in a context of its own (sessionStorage and the language choice start empty), with its CSP complaints collected. */
async function newPage(browser: Browser, locale: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 401/.test(message.text())) problems.push(message.text());
  });
  return { context, page, problems };
}

async function signIn(page: Page, token = TOKEN): Promise<void> {
  await page.locator('#token').fill(token);
  await page.keyboard.press('Enter');
}

/** Each chart: whether Chart.js drew it, and how many of its canvas pixels are not blank. */
async function drawnCharts(page: Page): Promise<Record<string, { chart: boolean; inked: number }>> {
  await page.locator('#portal-chart').waitFor();
  // Runs in the page (no DOM types here): Chart.js's own registry, and the canvas's alpha channel.
  return page.evaluate(`(() => {
    const found = {};
    for (const id of ${JSON.stringify(CHARTS)}) {
      const canvas = document.getElementById(id + '-chart');
      if (!canvas) continue;
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let index = 3; index < pixels.length; index += 4) if (pixels[index] > 0) inked++;
      found[id] = { chart: Boolean(window.Chart.getChart(canvas)), inked };
    }
    return found;
  })()`);
}

async function seriousViolations(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = (items: typeof results.violations) => items.map((item) => ({ id: item.id, impact: item.impact, nodes: item.nodes.map((node) => node.target.join(' ')) }));
  writeFileSync(join(ARTIFACTS, `insights-axe-${name}.json`), JSON.stringify({ violations: summary(results.violations), incomplete: summary(results.incomplete) }, null, 2));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('the insights page in headless Chromium', () => {
  let bot: BotHarness;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    bot = await BotHarness.start({ INSIGHTS_TOKEN: TOKEN });
    // Something to show: searches, a help request, a miss, a card button, a ticket, and a 👍.
    await bot.say('seed-search', 'je cherche un T2 à Lyon');
    await bot.say('seed-search', '', { value: { intent: 'savedSearches', action: 'save' } });
    await bot.say('seed-help', 'aide');
    await bot.say('seed-help', 'xqzw vlorp');
    await bot.say('seed-teams', 'un T3 à Villeurbanne', { channelId: 'msteams' } as never);
    await bot.say('seed-ticket', 'je voudrais parler à un conseiller');
    await bot.say('seed-ticket', 'une question sur mon dossier');
    await bot.say('seed-ticket', 'oui');
    for (const [answer, feedback] of [['status', 'useful'], ['status', 'useful'], ['documents', 'notUseful'], ['eligibility', 'useful']]) {
      await bot.say('seed-feedback', '', { value: { intent: 'faq', feedback, answer } });
    }
    await bot.say('seed-feedback', '', { value: { intent: 'faq', feedbackReason: 'unclear', answer: 'documents' } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('asks for the token, refuses a wrong one, then draws every chart (French, keyboard only)', async () => {
    const { context, page, problems } = await newPage(browser, 'fr-FR');
    await page.goto(`${bot.botUrl}/insights`);
    await page.getByRole('heading', { name: 'Accès aux indicateurs' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('#dashboard').isHidden()).toBe(true);

    // Keyboard only: skip link, language buttons, then the token field.
    for (let presses = 0; presses < 6 && (await page.evaluate('document.activeElement && document.activeElement.id')) !== 'token'; presses++) await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-right-token-at-all');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText("Ce jeton n'est pas le bon").waitFor();
    expect(await page.locator('#token').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#dashboard').isHidden()).toBe(true);

    await signIn(page);
    await page.getByRole('heading', { name: 'En bref' }).waitFor();
    await page.getByRole('status').getByText(/Indicateurs du/).waitFor();
    const charts = await drawnCharts(page);
    for (const id of CHARTS) {
      expect({ id, chart: charts[id]?.chart }).toEqual({ id, chart: true });
      expect(charts[id]!.inked).toBeGreaterThan(500);
    }
    expect(await page.locator('#headlines dd').first().textContent()).toMatch(/^[1-9]/);
    // Each chart is an image with a name, and its numbers are in a table behind a disclosure.
    expect(await page.locator('#intents-chart').getAttribute('aria-label')).toContain('Demandes les plus fréquentes');
    await page.locator('#intents summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('#intents table').getByRole('rowheader', { name: "Recherche d'offres" }).waitFor();
    expect(await page.locator('#portal table tbody tr').count()).toBeGreaterThan(0);
    // What was wrong with an answer, as chosen after a thumbs-down.
    expect(await page.locator('#feedback table').textContent()).toContain('pas clair 1');

    expect(await seriousViolations(page, 'fr-1280')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'insights-fr-1280.png'), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200);
    expect(await page.locator('html').evaluate((html) => html.scrollWidth > html.clientWidth)).toBe(false);
    expect(await seriousViolations(page, 'fr-390')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'insights-fr-390.png'), fullPage: true });

    // The token stays for the tab: a reload opens the dashboard; forgetting it brings the form back.
    await page.reload();
    await page.getByRole('heading', { name: 'En bref' }).waitFor();
    await page.getByRole('button', { name: 'Oublier le jeton' }).click();
    await page.getByRole('heading', { name: 'Accès aux indicateurs' }).waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches to English with the toggle, and follows an English browser', async () => {
    const { context, page, problems } = await newPage(browser, 'fr-FR');
    await page.goto(`${bot.botUrl}/insights#token=${TOKEN}`);
    await page.getByRole('heading', { name: 'En bref' }).waitFor();
    // The fragment is taken and removed from the address bar.
    expect(new URL(page.url()).hash).toBe('');
    await page.getByRole('button', { name: /EN/ }).click();
    await page.getByRole('heading', { name: 'At a glance' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('AL-in Assistant insights — Action Logement');
    await page.getByRole('heading', { name: 'Most frequent requests' }).waitFor();
    expect(await page.locator('#intents-chart').getAttribute('aria-label')).toContain('The values are in the data table that follows.');
    const charts = await drawnCharts(page);
    for (const id of CHARTS) expect(charts[id]!.chart && charts[id]!.inked > 500).toBe(true);
    expect(await seriousViolations(page, 'en-1280')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'insights-en-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();

    const phone = await newPage(browser, 'en-GB', PHONE);
    await phone.page.goto(`${bot.botUrl}/insights`);
    await phone.page.getByRole('heading', { name: 'Access to the insights' }).waitFor();
    await signIn(phone.page, 'wrong-token-for-the-english-page');
    await phone.page.getByRole('alert').getByText('This token is not the right one').waitFor();
    await signIn(phone.page);
    await phone.page.getByRole('heading', { name: 'Turns per day and channel' }).waitFor();
    await drawnCharts(phone.page);
    expect(await phone.page.locator('html').evaluate((html) => html.scrollWidth > html.clientWidth)).toBe(false);
    expect(await seriousViolations(phone.page, 'en-390')).toEqual([]);
    await phone.page.screenshot({ path: join(ARTIFACTS, 'insights-en-390.png'), fullPage: true });
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });
});
