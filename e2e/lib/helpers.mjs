// Shared helpers for the browser tests: one browser, one way to check a page
// for accessibility, take screenshots, switch language and (later) log in.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { join } from 'node:path';

export const baseUrl = process.env.TRAJECT_BASE_URL ?? 'http://127.0.0.1:8080';
export const screenshotDir = process.env.TRAJECT_SCREENSHOT_DIR ?? 'screenshots';
export const LANGUAGES = ['nl', 'fr', 'de', 'en'];
export const WIDTHS = { phone: 360, desktop: 1280 };

/// Debian's Chromium through its launcher, as the browser-test issue asks;
/// CHROMIUM_PATH points elsewhere when needed.
function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launch() {
  // Chromium occasionally dies while starting on a loaded CI machine (seen once:
  // "browser has been closed" during launch). A start-up crash says nothing
  // about traject, so try again a few times before failing the file.
  let last;
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      return await chromium.launch({
        executablePath: chromiumPath(),
        // The closed network here refuses Chromium's background connections.
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
        ],
        timeout: 60_000,
      });
    } catch (error) {
      last = error;
      console.error(`chromium did not start (attempt ${attempt}): ${String(error).split('\n')[0]}`);
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
  throw last;
}

/// A fresh page (own cookies) at a given width, in a given browser language.
export async function newPage(browser, { width = WIDTHS.desktop, locale = 'nl-BE' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
  return context.newPage();
}

/// axe-core with the WCAG 2.1 A/AA rules: no serious or critical violation.
export async function checkA11y(page, label) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const detail = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  assert.equal(bad.length, 0, `${label}: accessibility violations\n${detail.join('\n')}`);
}

/// Screenshots of the current page at phone and desktop widths.
export async function screenshots(page, name) {
  for (const [kind, width] of Object.entries(WIDTHS)) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(screenshotDir, `${name}-${kind}.png`), fullPage: true });
  }
}

/// The page fits the viewport: nothing to scroll sideways on a phone.
export async function assertNoHorizontalScroll(page, label) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${label}: ${scroll}px wide in a ${client}px viewport`);
}

/// Switches language with the switcher every page has, and waits for the reload.
/// A page as everyone will see it: axe and no sideways scrolling at each
/// width, then its screenshots.
export async function inspect(page, name) {
  for (const width of Object.values(WIDTHS)) {
    await page.setViewportSize({ width, height: 900 });
    await checkA11y(page, `${name} ${width}px`);
    await assertNoHorizontalScroll(page, `${name} ${width}px`);
  }
  await screenshots(page, name);
}

/// Clicks a submit button and waits for the page it leads to.
export async function submit(page, selector) {
  await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
}

export async function switchLanguage(page, code) {
  await page.selectOption('#language-select', code);
  await Promise.all([
    page.waitForURL((u) => u.href.startsWith(baseUrl)),
    page.locator('.language-form button[type=submit]').click(),
  ]);
  assert.equal(await page.getAttribute('html', 'lang'), code);
}

/// The demo accounts by role; every one has the demo password.
export const ROLES = {
  administrator: 'beheerder@demostad.example',
  coordinator: 'coordinator@demostad.example',
  casemanager: 'casemanager1@demostad.example',
  facilitator: 'facilitator@demostad.example',
  analyst: 'analist@federaal.example',
};
export const DEMO_PASSWORD = 'Demostad-oefenen-2026';

/// Signs in through the login form, as a person would.
export async function loginAs(page, role) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#login', ROLES[role]);
  await page.fill('#password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL(`${baseUrl}/dashboard`), page.click('main button[type=submit]')]);
}

/// The links of the main navigation on the current page.
export async function navLinks(page) {
  return page.$$eval('.main-nav a', (links) => links.map((a) => new URL(a.href).pathname));
}
