// Reports in a real browser, with axe at phone and desktop width: a
// coordinator opens a programme's ESF+ figures for the year, reads how each
// is counted, and drills down to the participants counted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  WIDTHS, assertNoHorizontalScroll, baseUrl, checkA11y, launch, loginAs, newPage, screenshots,
} from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function inspect(page, name) {
  for (const width of Object.values(WIDTHS)) {
    await page.setViewportSize({ width, height: 900 });
    await checkA11y(page, `${name} ${width}px`);
    await assertNoHorizontalScroll(page, `${name} ${width}px`);
  }
  await screenshots(page, name);
}

test('a programme\'s ESF+ figures with their definitions and the drill-down', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'coordinator');
  await page.goto(`${baseUrl}/reports`);
  await inspect(page, 'reports-choose');
  // The programme with the most entrants this year.
  const programmes = await page.$$eval('#f-programme option', (os) => os.map((o) => o.value).filter(Boolean));
  let best = null;
  for (const p of programmes) {
    await page.goto(`${baseUrl}/reports?programme=${p}&set=esf-plus-participants&year=2026`);
    const total = await page.locator('tr', { hasText: 'EECO18' }).locator('td').nth(2).innerText();
    if (!best || Number(total) > best.total) best = { p, total: Number(total) };
  }
  assert.ok(best.total > 0, 'the demo has entrants this year');
  await page.goto(`${baseUrl}/reports?programme=${best.p}&set=esf-plus-participants&year=2026`);
  assert.equal(await page.locator('table.report tbody tr').count(), 18);
  const row = page.locator('tr', { hasText: 'EECO18' });
  const byGender = await row.locator('td').evaluateAll((tds) => tds.slice(3).map((td) => Number(td.textContent)));
  assert.ok(byGender.reduce((a, b) => a + b, 0) <= best.total, 'the breakdown never exceeds the total');
  await inspect(page, 'reports-esf');
  const href = await page.locator('a[href^="/reports/export.csv"]').getAttribute('href');
  const csv = await page.request.get(`${baseUrl}${href}`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), new RegExp(`EECO18,[^\\n]*,${best.total},`));
  await Promise.all([page.waitForLoadState('load'), row.locator('a').click()]);
  assert.equal(await page.locator('#drill li').count(), best.total, 'every participant counted, listed once');
  await inspect(page, 'reports-drill');
});
