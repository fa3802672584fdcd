// Reports in a real browser, with axe at phone and desktop width: a
// coordinator opens a programme's ESF+ figures for the year, reads how each
// is counted, and drills down to the participants counted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, inspect, launch, loginAs, newPage,
} from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

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
  assert.equal(await page.locator('table.report tbody tr').count(), 22, 'the 18 outputs and 4 immediate results');
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

test('the activity report with its charts, and every download', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'coordinator');
  await page.goto(`${baseUrl}/reports`);
  const programme = await page.$$eval('#f-programme option', (os) => os.map((o) => o.value).filter((v) => v && v !== 'all')[0]);
  await page.goto(`${baseUrl}/reports?programme=${programme}&set=programme-activity&year=2026`);
  assert.ok(await page.locator('figure.chart-figure svg[role="img"]').count() >= 1, 'charts drawn');
  assert.ok(await page.locator('table.chart-table').count() >= 1, 'each with its table');
  await inspect(page, 'reports-activity');
  for (const format of ['pdf', 'ods', 'xlsx', 'csv']) {
    const href = await page.locator(`a[data-format="${format}"]`).getAttribute('href');
    const r = await page.request.get(`${baseUrl}${href}`);
    assert.equal(r.status(), 200, format);
    assert.ok((await r.body()).length > 100, format);
  }
  // Every programme together, for the organisation's single report.
  await page.goto(`${baseUrl}/reports?programme=all&set=federal-social-activation&year=2026`);
  assert.ok(await page.locator('table.report tbody tr').count() > 0);
  await inspect(page, 'reports-all-programmes');
});

test('a coordinator keeps a budget: lines, a key, a cost, the fund\'s share', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'coordinator');
  await page.goto(`${baseUrl}/reports/budget`);
  await inspect(page, 'budget-choose');
  const programme = await page.$$eval('#f-programme option', (os) => os.map((o) => o.value).filter(Boolean)[0]);
  await page.goto(`${baseUrl}/reports/budget?programme=${programme}&year=2026`);
  const cents = async () => Number(await page.locator('dd[data-total="actual"]').getAttribute('data-cents'));
  const before = await cents();
  await page.fill('#f-budget-catering', '800');
  const funder = await page.locator('input[name="funder"]').first().getAttribute('value');
  await page.selectOption(`#f-key-${funder}`, 'fixed');
  await page.fill(`#f-pct-${funder}`, '50');
  await Promise.all([page.waitForLoadState('load'), page.click('form.budget-form button[type=submit]')]);
  assert.ok(page.url().includes('saved=budget'));
  await page.fill('#f-cost-booked_on', '2026-03-02');
  await page.selectOption('#f-cost-line', 'catering');
  await page.fill('#f-cost-amount', '120,50');
  await page.fill('#f-cost-description', 'Soup for the group (fictional)');
  await Promise.all([page.waitForLoadState('load'), page.click('form.cost-form button[type=submit]')]);
  assert.ok(page.url().includes('saved=cost'));
  assert.equal(await cents() - before, 12050, 'the cost counts once');
  const fund = await page.locator(`dd[data-fund="${funder}"]`).innerText();
  assert.ok(fund.length > 0);
  await inspect(page, 'budget');
});

test('a federal analyst sees pooled figures, small counts suppressed, no person', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'analyst');
  await page.click('.main-nav a[href="/reports/pooled"]');
  await page.waitForLoadState('load');
  const cells = await page.$$eval('table.pooled td', (tds) => tds.map((td) => td.textContent.trim()));
  assert.ok(cells.length > 0, 'the demo shares its federally funded programmes');
  for (const c of cells) {
    assert.ok(!/^[1-4]$/.test(c), `no count from 1 to 4 is shown: ${c}`);
  }
  assert.equal(await page.locator('a[href^="/participants/"]').count(), 0, 'no link to anyone');
  await inspect(page, 'reports-pooled');
  await page.selectOption('#f-programme_kind', 'miriam');
  await Promise.all([page.waitForLoadState('load'), page.click('form.search-form button[type=submit]')]);
  assert.ok(page.url().includes('programme_kind=miriam'));
  const r = await page.request.get(`${baseUrl}${await page.locator('a[data-format="ods"]').getAttribute('href')}`);
  assert.equal(r.status(), 200);
});

test('an administrator checks a set\'s wording and adds a new one, refused first', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'administrator');
  await page.goto(`${baseUrl}/admin/indicator-sets`);
  await page.click('#set-esf-plus-participants ~ details summary');
  assert.ok((await page.textContent('section:has(#set-esf-plus-participants) table')).includes('EECO01'));
  await inspect(page, 'indicator-sets');
  const set = {
    key: 'city-welfare', version: 1, funder: 'City (fictional)', source: 'Agreement 2026 (fictional)',
    title: { en: 'City agreement', nl: 'Stadsconvenant', fr: 'Convention de la ville', de: 'Stadtvertrag' },
    indicators: [{ key: 'women', code: 'C1', unit: 'participants', wording: { en: 'women reached' }, when: { fact: 'gender', in: ['female'] } }],
  };
  await page.fill('#f-definition', JSON.stringify(set));
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/admin/indicator-sets"] button[type=submit]')]);
  assert.equal(await page.getAttribute('#f-definition', 'aria-invalid'), 'true');
  await inspect(page, 'indicator-sets-refused');
  set.indicators[0].when.in = ['woman'];
  await page.fill('#f-definition', JSON.stringify(set));
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/admin/indicator-sets"] button[type=submit]')]);
  assert.ok(page.url().includes('added=city-welfare'));
  assert.equal(await page.locator('#set-city-welfare').count(), 1);
});
