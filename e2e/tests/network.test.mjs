// The network in a real browser, with axe at phone and desktop width:
// finding a partner by life domain and language on a phone; a referral
// made from a step of her plan, her details refused without consent; a
// signal recorded (a name in it refused); a team meeting that reviews a
// group, its decision on the owner's dashboard; the learning log; every
// referral to follow up on a page of its own; the new-partner form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  WIDTHS, baseUrl, inspect, launch, loginAs, newPage, submit,
} from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('on a phone: a partner found by life domain and language', async () => {
  const page = await newPage(browser, { width: WIDTHS.phone, locale: 'fr-BE' });
  await loginAs(page, 'casemanager');
  await page.goto(`${baseUrl}/network/partners`);
  await inspect(page, 'network-map');
  await page.selectOption('#f-domain', 'housing');
  await page.selectOption('#f-speaks', 'ar');
  await submit(page, 'form[role=search] button[type=submit]');
  const names = await page.$$eval('.partner-list h2', (hs) => hs.map((h) => h.textContent.trim()));
  assert.ok(names.includes('Huurdersbond Demo (fictief)'), names.join(', '));
  assert.ok(!names.includes('Woonwinkel Demostad (fictief)'), 'it speaks no Arabic');
  await inspect(page, 'network-map-found');
  await submit(page, '.partner-list a:text("Huurdersbond Demo (fictief)")');
  assert.match(await page.locator('dl.facts').innerText(), /Online formulier/);
  assert.ok(await page.locator('a[href^="tel:"]').count() > 0, 'one tap to call');
  await inspect(page, 'network-partner');
});

test('a referral from a step of her plan; her details not shared without consent', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'casemanager');
  // Her people: the first with a plan that has an open step.
  const people = await page.$$eval('#my-people ~ ul a', (as) => as.map((a) => a.getAttribute('href')));
  let plan = null;
  for (const file of people) {
    await page.goto(`${baseUrl}${file}`);
    const plans = await page.$$eval('a[href$="/plan"]', (as) => as.map((a) => a.getAttribute('href')));
    for (const p of plans) {
      await page.goto(`${baseUrl}${p}`);
      if (await page.locator('a[href*="/referrals?step="]').count() > 0) { plan = p; break; }
    }
    if (plan) break;
  }
  assert.ok(plan, 'a demo plan with an open step');
  const step = await page.locator('#steps-heading ~ ul li').filter({ has: page.locator('a[href*="/referrals?step="]') }).first();
  const stepText = (await step.locator('p').first().innerText()).trim();
  await submit(page, 'a[href*="/referrals?step="] >> nth=0');
  assert.equal(await page.locator('#new-referral form[method=post] .hint').count(), 1, 'it says it comes from her plan');
  await inspect(page, 'network-referrals');
  // The partner: one of the map's own (the step's domain may narrow the list).
  const options = await page.$$eval('#f-partner_id option', (os) => os.map((o) => ({ v: o.value, t: o.textContent })).filter((o) => o.v));
  if (options.length === 0) {
    await page.selectOption('#f-domain', '');
    await submit(page, 'form.search-form button');
  }
  const choice = await page.$$eval('#f-partner_id option', (os) => os.map((o) => ({ v: o.value, t: o.textContent.trim() })).filter((o) => o.v)[0]);
  await page.selectOption('#f-partner_id', choice.v);
  assert.ok((await page.inputValue('#f-reason')).length > 0, 'the reason comes from the step');
  await page.check('input[name=sent]');
  await submit(page, '#new-referral form[method=post] button[type=submit]');
  const card = page.locator('.journal li', { hasText: choice.t }).first();
  assert.equal(await card.getAttribute('data-status'), 'sent');
  // Move it on: on a waiting list.
  await card.locator('summary').click();
  await card.locator('select[name=status]').selectOption('waiting_list');
  await Promise.all([page.waitForLoadState('load'), card.locator('form[action$="/status"] button').click()]);
  assert.equal(await page.locator('.journal li', { hasText: choice.t }).first().getAttribute('data-status'), 'waiting_list');
  // Her details for the partner: she gave no consent for this one.
  const share = page.locator('.journal li', { hasText: choice.t }).first().locator('form[action$="/share"] button');
  if (!(await page.locator('.journal li', { hasText: choice.t }).first().innerText()).includes('shared')) {
    await Promise.all([page.waitForLoadState('load'), share.click()]);
    const alert = page.locator('.form-error[role=alert]');
    if (await alert.count() > 0) {
      assert.match(await alert.innerText(), new RegExp(choice.t.replace(/[()]/g, '.')));
      await inspect(page, 'network-referral-no-consent');
    } else {
      // A consent from the demo: the sheet with her details.
      assert.ok(await page.locator('dl.facts').count() > 0);
    }
  }
  assert.ok(stepText.length > 0);
});

test('a signal recorded, a name in it refused', async () => {
  const page = await newPage(browser, { locale: 'nl-BE' });
  await loginAs(page, 'casemanager');
  await page.goto(`${baseUrl}/network/signals`);
  await inspect(page, 'network-signals');
  await submit(page, 'a[href="/network/signals/new"]');
  await page.selectOption('#f-category', 'unreachable');
  await page.selectOption('#f-domain', 'mobility');
  await page.fill('#f-concerns', 'Busverbinding naar het opleidingscentrum (test)');
  // Tick the first participant and name her in the description: refused.
  const first = page.locator('input[name=participant_ids]').first();
  await first.check();
  const label = (await first.locator('xpath=..').innerText()).trim();
  await page.fill('#f-description', `${label.split(' ')[0]} kan er niet geraken voor 9 uur`);
  await submit(page, 'form[action^="/network/signals"] button[type=submit]');
  assert.ok(await page.locator('#e-description').count() > 0, 'the description is refused');
  await inspect(page, 'network-signal-error');
  await page.fill('#f-description', 'Geen bus voor 9 uur: de opleiding is niet haalbaar met kinderen naar school.');
  await page.fill('#f-affected', '4');
  await submit(page, 'form[action^="/network/signals"] button[type=submit]');
  assert.equal(await page.locator('.notice[role=status]').count(), 1);
  const line = page.locator('.journal li', { hasText: 'Busverbinding naar het opleidingscentrum (test)' });
  assert.match(await line.innerText(), /\b4\b/);
  const csv = await page.request.get(`${baseUrl}/network/signals/export.csv`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /Busverbinding naar het opleidingscentrum \(test\)/);
});

test('a team meeting reviews a group; the decision lands on the dashboard', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'coordinator');
  await page.goto(`${baseUrl}/network/meetings`);
  await inspect(page, 'network-meetings');
  await submit(page, 'a[href="/network/meetings/new"]');
  await page.fill('#f-title', 'Team meeting (browser test)');
  const group = await page.$$eval('#f-group_id option', (os) => os.map((o) => o.value).filter(Boolean)[0]);
  await page.selectOption('#f-group_id', group);
  await page.fill('#decision_0', 'Ask about childcare places (browser test)');
  // The demo casemanager who signs in below.
  const owner = await page.$$eval('#owner_0 option', (os) => os.find((o) => o.textContent.includes('Camille Exemple')).value);
  await page.selectOption('#owner_0', owner);
  await inspect(page, 'network-meeting-new');
  await submit(page, 'form[action="/network/meetings"] button[type=submit]');
  assert.match(await page.locator('h1').innerText(), /Team meeting \(browser test\)/);
  const review = page.locator('#review li');
  assert.ok(await review.count() > 0, 'the group\'s participants, one by one');
  const first = review.first();
  const name = (await first.locator('h3').innerText()).trim();
  assert.ok((await first.locator('p.muted').innerText()).length > 0, 'her phase, attendance and open steps');
  await first.locator('textarea').fill('Going well; more rest needed (browser test).');
  await Promise.all([page.waitForLoadState('load'), first.locator('button').click()]);
  await inspect(page, 'network-meeting');
  // Filed in her journal.
  await submit(page, `#review a:text("${name}")`);
  assert.match(await page.locator('#journal').innerText(), /Going well; more rest needed \(browser test\)\./);
  // The owner sees the decision on her dashboard.
  const cm = await newPage(browser, { locale: 'en' });
  await loginAs(cm, 'casemanager');
  const mine = cm.locator('#my-decisions ~ ul li', { hasText: 'Ask about childcare places (browser test)' });
  if (await mine.count() > 0) {
    await Promise.all([cm.waitForLoadState('load'), mine.locator('button').click()]);
    assert.equal(await cm.locator('#my-decisions ~ ul li', { hasText: 'Ask about childcare places (browser test)' }).count(), 0);
  } else {
    assert.fail('the decision is on the owner\'s dashboard');
  }
});

test('the learning log with hours per person; the follow-up time of referrals', async () => {
  const page = await newPage(browser, { locale: 'de-BE' });
  await loginAs(page, 'coordinator');
  await page.goto(`${baseUrl}/network/partners`);
  await page.fill('#f-follow_up_days', '30');
  await submit(page, 'form[action="/network/follow-up"] button');
  assert.equal(await page.inputValue('#f-follow_up_days'), '30');
  assert.equal(await page.locator('#follow-up .notice[role=status]').count(), 1);
  await inspect(page, 'network-map-coordinator');
  await page.goto(`${baseUrl}/network/learning`);
  await page.locator('details summary').first().click();
  await inspect(page, 'network-learning');
  assert.ok(await page.locator('#hours-heading ~ div table tbody tr').count() > 0, 'hours per person');
});

test('every referral to follow up, from the network tabs; a new partner form', async () => {
  const page = await newPage(browser, { locale: 'nl-BE' });
  await loginAs(page, 'coordinator');
  await page.goto(`${baseUrl}/network/partners`);
  await submit(page, 'nav.tabs a[href="/network/follow-ups"]');
  const lines = page.locator('ul.person-list li');
  assert.ok(await lines.count() > 0, 'the demo has referrals to follow up');
  await inspect(page, 'network-follow-ups');
  // A line leads to her referrals, where the follow-up is recorded.
  await submit(page, 'ul.person-list li a >> nth=0');
  assert.match(page.url(), /\/participants\/[^/]+\/referrals$/);
  await page.goto(`${baseUrl}/network/partners/new`);
  await inspect(page, 'network-partner-new');
});
