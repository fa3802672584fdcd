// Partial updates with htmx: the audit filter replaces only the results, keeps
// the page (no reload), updates the address, and breaks no CSP rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, checkA11y, launch, loginAs, newPage } from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the audit filter updates the results in place', async () => {
  const page = await newPage(browser, { locale: 'en' });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await loginAs(page, 'coordinator');
  await page.goto(`${baseUrl}/audit`);
  await page.waitForFunction(() => typeof window.htmx !== 'undefined');
  await page.evaluate(() => { window.__stillTheSamePage = true; });
  await page.fill('#audit-action', 'login');
  await Promise.all([
    page.waitForURL((u) => u.search.includes('action=login')),
    page.click('form.filters button[type=submit]'),
  ]);
  await page.waitForFunction(() => [...document.querySelectorAll('#audit-results tbody code')].length > 0);
  assert.equal(await page.evaluate(() => window.__stillTheSamePage), true, 'the page was reloaded');
  const actions = await page.$$eval('#audit-results tbody tr td:nth-child(3) code', (c) => c.map((e) => e.textContent));
  assert.ok(actions.length > 0 && actions.every((a) => a === 'login'), actions.join(','));
  assert.deepEqual(problems, [], 'console errors (CSP?)');
  await checkA11y(page, 'audit after a partial update');
  await page.context().close();
});

test('without JavaScript the same filter still works', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill('#login', 'coordinator@demostad.example');
  await page.fill('#password', 'Demostad-oefenen-2026');
  await Promise.all([page.waitForURL(`${baseUrl}/dashboard`), page.click('main button[type=submit]')]);
  await page.goto(`${baseUrl}/audit`);
  await page.fill('#audit-action', 'login');
  await Promise.all([page.waitForURL((u) => u.search.includes('action=login')), page.click('form.filters button[type=submit]')]);
  const actions = await page.$$eval('#audit-results tbody tr td:nth-child(3) code', (c) => c.map((e) => e.textContent));
  assert.ok(actions.length > 0 && actions.every((a) => a === 'login'));
  await context.close();
});
