// Public pages: every language, accessibility, phone and desktop layout,
// the language switch and keyboard-only use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGUAGES, WIDTHS, assertNoHorizontalScroll, baseUrl, checkA11y, launch, newPage, screenshots, switchLanguage,
} from '../lib/helpers.mjs';

const PUBLIC_PAGES = [
  { path: '/', name: 'home' },
  { path: '/accessibility', name: 'accessibility' },
  { path: '/no-such-page', name: 'not-found', status: 404 },
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const lang of LANGUAGES) {
  test(`public pages in ${lang}: accessible at phone and desktop width`, async () => {
    for (const width of Object.values(WIDTHS)) {
      const page = await newPage(browser, { width, locale: lang });
      for (const p of PUBLIC_PAGES) {
        const response = await page.goto(baseUrl + p.path);
        assert.equal(response.status(), p.status ?? 200, p.path);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        await checkA11y(page, `${p.path} ${lang} ${width}px`);
        await assertNoHorizontalScroll(page, `${p.path} ${lang} ${width}px`);
      }
      await page.context().close();
    }
  });
}

test('screenshots of the public pages', async () => {
  const page = await newPage(browser, { locale: 'nl-BE' });
  for (const p of PUBLIC_PAGES) {
    await page.goto(baseUrl + p.path);
    await screenshots(page, `public-${p.name}-nl`);
  }
  await page.context().close();
});

test('the language switch changes the language and keeps the page', async () => {
  const page = await newPage(browser, { locale: 'nl-BE' });
  await page.goto(`${baseUrl}/accessibility`);
  assert.equal(await page.textContent('h1'), 'Toegankelijkheidsverklaring');
  await switchLanguage(page, 'fr');
  assert.equal(new URL(page.url()).pathname, '/accessibility');
  assert.equal(await page.textContent('h1'), "Déclaration d'accessibilité");
  // The choice sticks on the next page.
  await page.goto(baseUrl + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await switchLanguage(page, 'de');
  assert.equal(await page.textContent('h1'), 'Willkommen bei traject');
  await page.context().close();
});

test('keyboard only: skip link, then the language switch', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await page.goto(baseUrl + '/');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.className);
  assert.equal(first, 'skip-link', 'the skip link is the first stop');
  assert.ok(await page.isVisible('.skip-link'), 'the focused skip link is visible');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  // Reach the language select by tabbing, pick French with the arrow keys, submit.
  await page.goto(baseUrl + '/');
  let guard = 0;
  while ((await page.evaluate(() => document.activeElement.id)) !== 'language-select' && guard++ < 20) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'language-select');
  await page.selectOption('#language-select', 'fr'); // what arrow keys do on a focused select
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'submit');
  await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.context().close();
});

test('focus is visible on links and buttons', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await page.goto(baseUrl + '/');
  await page.focus('.site-footer a');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  await page.context().close();
});
