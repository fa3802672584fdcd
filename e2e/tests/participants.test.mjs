// The participant file in a real browser: search, a new file with the
// duplicate warning, intake with an eligibility override, the file, its edit
// form, the journal, at phone and desktop width with axe on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, inspect, launch, loginAs, newPage, screenshots, submit,
} from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// axe and no sideways scroll at both widths, then screenshots.
test('search finds a participant by another spelling, without and with script', async () => {
  const page = await newPage(browser, { locale: 'nl-BE' });
  await loginAs(page, 'coordinator');
  await page.goto(`${baseUrl}/participants`);
  await inspect(page, 'coordinator-participants-list');
  // The demo has "El Fictioui"; typed as one word it is found all the same.
  await page.fill('#f-q', 'elfictioui');
  await page.waitForFunction(() => document.querySelectorAll('.person-list a').length > 0
    && [...document.querySelectorAll('.person-list a')].every((a) => a.textContent.includes('El Fictioui')), null, { timeout: 10_000 });
  assert.match(page.url(), /q=elfictioui/, 'the search is in the address, so back and reload keep it');
  await inspect(page, 'coordinator-participants-search');
  await page.context().close();
});

test('intake: a duplicate warning, then an eligibility override with a justification', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'casemanager');
  await page.goto(`${baseUrl}/participants/new`);
  await inspect(page, 'casemanager-participant-new');
  // Errors first: nothing is saved, every field says what is wrong.
  await page.fill('#f-phone', '12');
  await submit(page, 'form[action="/participants/new"] button[type=submit]');
  assert.equal(await page.getAttribute('#f-first_name', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#f-phone', 'aria-invalid'), 'true');
  await inspect(page, 'casemanager-participant-new-errors');
  // A demo name in another spelling: possibly the same person.
  await page.fill('#f-first_name', 'Amina');
  await page.fill('#f-last_name', 'Voorbeelt');
  await page.fill('#f-phone', '');
  await page.selectOption('#f-programme_id', { label: 'Sociale activering nieuwkomers' });
  await submit(page, 'form[action="/participants/new"] button[type=submit]');
  const warning = await page.textContent('#dup-heading');
  assert.ok(warning.length > 0);
  await inspect(page, 'casemanager-participant-duplicates');
  await page.check('#f-distinct');
  await submit(page, 'form[action="/participants/new"] button[type=submit]');
  assert.match(page.url(), /\/trajectories\/[^/]+\/intake$/);
  // Nothing is known yet: the rules are unknown, admitting needs a justification.
  assert.ok(await page.locator('.finding.unknown').count() > 0);
  await page.fill('#f-motivation', 'Wants to meet other mothers (fictional).');
  await page.selectOption('#f-outcome', 'admitted');
  await submit(page, 'form[action$="/intake"] button[type=submit]');
  assert.equal(await page.getAttribute('#f-justification', 'aria-invalid'), 'true');
  await inspect(page, 'casemanager-intake-override');
  await page.fill('#f-justification', 'Team meeting: admitted while her papers are checked (fictional).');
  await page.selectOption('#f-outcome', 'admitted');
  await submit(page, 'form[action$="/intake"] button[type=submit]');
  assert.equal(await page.locator('#f-outcome').count(), 0, 'decided: no decision form any more');
  await inspect(page, 'casemanager-intake-decided');
  await page.context().close();
});

test('the file, its edit form and the journal', async () => {
  const page = await newPage(browser, { locale: 'fr-BE' });
  await loginAs(page, 'casemanager');
  await page.goto(`${baseUrl}/participants`);
  const href = await page.getAttribute('.person-list a', 'href');
  await page.goto(baseUrl + href);
  await inspect(page, 'casemanager-participant-file');
  // A contact from a home visit, with an interpreter.
  await page.click('#journal summary');
  await page.selectOption('#f-mode', 'home_visit');
  await page.fill('#f-duration_minutes', '45');
  await page.check('#d-housing');
  await page.check('#f-interpreter');
  await page.fill('#f-body', 'Visite à domicile fictive : discussion sur le logement.');
  await submit(page, 'form[action$="/journal"] button[type=submit]');
  assert.ok((await page.textContent('.journal')).includes('Visite à domicile fictive'));
  await page.goto(baseUrl + href + '/edit');
  await inspect(page, 'casemanager-participant-edit');
  await page.fill('#f-national_number', '12345678901');
  await submit(page, 'form[action$="/edit"] button[type=submit]');
  assert.equal(await page.getAttribute('#f-national_number', 'aria-invalid'), 'true');
  await inspect(page, 'casemanager-participant-edit-errors');
  await page.context().close();
});

test('the guidance plan, an evaluation and its print view', async () => {
  const page = await newPage(browser, { locale: 'nl-BE' });
  await loginAs(page, 'coordinator');
  // An active participant of the demo has a plan with goals and evaluations.
  await page.goto(`${baseUrl}/participants?status=active`);
  const href = await page.getAttribute('.person-list a', 'href');
  await page.goto(baseUrl + href);
  const plan = await page.getAttribute('a[href$="/plan"]', 'href');
  await page.goto(baseUrl + plan);
  await inspect(page, 'coordinator-plan');
  await page.click('#goals-heading ~ details summary');
  await page.selectOption('#f-goal_domain', 'housing');
  await page.fill('#f-goal_wording', 'Een eigen woning met een tuintje (fictief).');
  await submit(page, 'form:has(input[name=part][value=goal]) button[type=submit]');
  assert.ok((await page.textContent('#goals-heading + ol')).includes('tuintje'));
  await page.click('#evaluations-heading ~ details summary');
  await page.fill('#f-evaluation_note', 'Evaluatie tijdens een wandeling (fictief).');
  await submit(page, 'form:has(input[name=part][value=evaluation]) button[type=submit]');
  assert.ok((await page.textContent('#evaluations-heading ~ ul.journal')).includes('wandeling'));
  await page.goto(baseUrl + plan + '/print');
  await inspect(page, 'coordinator-plan-print');
  await page.context().close();
});

test('a programme adapted from its template', async () => {
  const page = await newPage(browser, { locale: 'de-BE' });
  await loginAs(page, 'administrator');
  await page.goto(`${baseUrl}/admin/programmes`);
  const href = await page.getAttribute('.person-list a', 'href');
  await page.goto(baseUrl + href);
  await inspect(page, 'administrator-programme-edit');
  await page.fill('#f-min_group_size', '99');
  await submit(page, 'form[action^="/admin/programmes/"] button[type=submit]');
  assert.equal(await page.getAttribute('#f-min_group_size', 'aria-invalid'), 'true');
  await inspect(page, 'administrator-programme-edit-errors');
  await page.context().close();
});
