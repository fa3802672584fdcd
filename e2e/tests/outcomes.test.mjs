// Outcomes in a real browser, with axe at phone and desktop width: she
// answers the life-domain questionnaire on her phone by tapping pictograms
// only; two participants answer one after another on a shared tablet; her
// radar chart with its table; a programme's results page; the instruments
// with a paper form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  WIDTHS, baseUrl, inspect, launch, loginAs, newPage, submit,
} from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// A new link to her page (not sent); returns its address.
async function newLink(staff, fileUrl) {
  await staff.goto(`${fileUrl}#messages`);
  await staff.uncheck('form[action$="/links"] input[name=send]');
  await submit(staff, 'form[action$="/links"]:has(input[value=page]) button[type=submit]');
  return staff.inputValue('#link-url');
}

test('she answers the life-domain questionnaire on her phone with pictograms only', async () => {
  const staff = await newPage(browser, { locale: 'en' });
  await loginAs(staff, 'casemanager');
  // Her dashboard lists questionnaires to take; find one she answers herself.
  const due = await staff.$$eval('#measurements-due ~ ul a', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  assert.ok(due.length > 0, 'the demo casemanager has questionnaires to take');
  const her = await newPage(browser, { width: WIDTHS.phone, locale: 'fr-BE' });
  let found = null;
  for (const outcomes of due) {
    const file = outcomes.replace(/\/outcomes$/, '');
    const link = await newLink(staff, `${baseUrl}${file}`);
    await her.goto(link);
    const button = her.locator('.own-surveys button', { hasText: /Levensdomeinen|Domaines de vie|Lebensbereiche|Life domains/ });
    if (await button.count() > 0) {
      found = { file, link, button };
      break;
    }
  }
  assert.ok(found, 'one of them has the life-domain questionnaire due on her page');
  await inspect(her, 'her-page-with-questions');
  await submit(her, '.own-surveys button:has-text("Domaines de vie"), .own-surveys button:has-text("Levensdomeinen"), .own-surveys button:has-text("Life domains"), .own-surveys button:has-text("Lebensbereiche")');
  // One question per screen: tap the happiest face each time.
  let screens = 0;
  while (await her.locator('.own-option .own-pictogram').count() > 0) {
    screens += 1;
    if (screens === 1) await inspect(her, 'her-question');
    const progress = await her.locator('.own-progress').innerText();
    assert.match(progress, new RegExp(`${screens} / 11`));
    await submit(her, '.own-option:has(.own-pictogram:text-is("😊")) >> nth=-1');
    assert.ok(screens <= 11, 'no more questions than the instrument has');
  }
  assert.equal(screens, 11);
  await inspect(her, 'her-answers-done');
  await submit(her, 'form[action$="/done"] button');
  assert.match(await her.locator('.own-notice').innerText(), /Merci/);
  // Handed in: on her results, her answers at the top of the scale.
  await staff.goto(`${baseUrl}${found.file}/outcomes`);
  const table = staff.locator('.outcome-section', { hasText: /Life domains|Domaines de vie|Levensdomeinen|Lebensbereiche/ }).first();
  assert.match(await table.innerText(), /on her page|sur sa page|op haar pagina|auf ihrer Seite/);
});

test('two participants in a row on a shared tablet', async () => {
  const staff = await newPage(browser, { locale: 'nl-BE' });
  await loginAs(staff, 'facilitator');
  await staff.goto(`${baseUrl}/week`);
  const sessions = await staff.$$eval('a[href$="/attendance"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(sessions.length > 0, 'the facilitator has sessions');
  await staff.goto(`${baseUrl}${sessions[0]}`);
  await staff.selectOption('#f-kiosk-instrument', 'traject-session-feedback');
  await submit(staff, 'form[action$="/kiosk"] button');
  await inspect(staff, 'kiosk-started');
  const link = (await staff.locator('code.link-once').innerText()).trim();
  assert.match(link, /\/k\/[0-9a-f]{64}$/);
  // The tablet: nobody signed in on it.
  const tablet = await newPage(browser, { width: 800, locale: 'nl-BE' });
  for (const person of [1, 2]) {
    await tablet.goto(link);
    if (person === 1) await inspect(tablet, 'kiosk-start');
    await submit(tablet, 'form[action$="/turns"] button');
    let screens = 0;
    while (await tablet.locator('.own-option .own-pictogram').count() > 0) {
      screens += 1;
      // Nobody sees the answers of the one before.
      assert.equal(await tablet.locator('.own-option[aria-pressed="true"]').count(), 0);
      if (person === 1 && screens === 1) await inspect(tablet, 'kiosk-question');
      await submit(tablet, `.own-option >> nth=${person === 1 ? 0 : -1}`);
    }
    // A free text last, optional: skipped.
    while (await tablet.locator('button[name=skip]').count() > 0) {
      await submit(tablet, 'button[name=skip]');
    }
    await submit(tablet, 'form[action*="/done"] button');
    assert.match(await tablet.locator('.own-notice').innerText(), /Dank/);
  }
  // The tablet is closed: the link works no more.
  await staff.goto(`${baseUrl}${sessions[0]}`);
  await staff.goto(link.replace(/.*\/k\//, `${baseUrl}/k/`));
  await submit(staff, 'form[action$="/kiosk/close"] button').catch(() => {});
});

test('her radar chart and its table, printable', async () => {
  const staff = await newPage(browser, { locale: 'en' });
  await loginAs(staff, 'coordinator');
  await staff.goto(`${baseUrl}/participants`);
  const files = await staff.$$eval('main a[href^="/participants/"]', (as) => [...new Set(as
    .map((a) => a.getAttribute('href'))
    .filter((h) => /^\/participants\/[0-9a-f-]{36}$/.test(h)))]);
  let shown = false;
  for (const file of files) {
    await staff.goto(`${baseUrl}${file}/outcomes`);
    if (await staff.locator('svg.radar .radar-last').count() > 0) { shown = true; break; }
  }
  assert.ok(shown, 'a demo participant has life domains at two moments');
  const section = staff.locator('.outcome-section:has(svg.radar)').first();
  assert.ok((await section.locator('svg.radar title').textContent()).length > 0, 'the chart is named');
  assert.equal(await section.locator('table tbody tr').count(), 11, 'the table holds every domain');
  await inspect(staff, 'outcomes-person');
  // Her casemanager's rating, typed in: every scale at once.
  const file = new URL(staff.url()).pathname;
  await staff.goto(`${baseUrl}${file}/enter?instrument=traject-life-domains&moment=extra&respondent=staff`);
  await inspect(staff, 'outcomes-enter');
  const names = await staff.$$eval('fieldset.choice-field input[type=radio]', (is) => [...new Set(is.map((i) => i.name))]);
  assert.equal(names.length, 11);
  for (const name of names) await staff.check(`input[name="${name}"][value="6"]`);
  await submit(staff, 'form.instrument-form button[type=submit]');
  assert.match(staff.url(), /saved=1/);
  assert.ok(await staff.locator('.outcome-section').count() >= 2, 'her rating beside her own answers');
});

test("a programme's results and the questionnaires", async () => {
  const staff = await newPage(browser, { locale: 'fr-BE' });
  await loginAs(staff, 'coordinator');
  await staff.goto(`${baseUrl}/outcomes`);
  const miriam = await staff.$eval('#f-programme', (s) => [...s.options].find((o) => o.text === 'Miriam').value);
  await staff.selectOption('#f-programme', miriam);
  await submit(staff, '.filter-form button');
  assert.match(await staff.locator('#headline').innerText(), /\d+ %/);
  assert.ok(await staff.locator('table.data-table tbody tr').count() > 5);
  await inspect(staff, 'outcomes-programme');
  await staff.goto(`${baseUrl}/outcomes/testimonials?audience=funders`);
  await inspect(staff, 'testimonials');
  await staff.goto(`${baseUrl}/admin/programmes/${miriam}/measurements`);
  assert.ok(await staff.locator('input[name=plan]:checked').count() >= 4, "Miriam's plan");
  await inspect(staff, 'measurements-plan');
  await staff.goto(`${baseUrl}/outcomes/instruments`);
  await inspect(staff, 'instruments');
  await staff.goto(`${baseUrl}/outcomes/instruments/traject-life-domains/paper?lang=de`);
  assert.match(await staff.locator('h1').innerText(), /Lebensbereiche/);
  await inspect(staff, 'instrument-paper');
});
