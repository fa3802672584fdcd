// Group work in a real browser: the groups list and a group, planning a
// series with the dates it skips, the attendance screen on a phone (taps
// counted), the same screen offline and back online, the facilitator's week
// and the school calendar, with axe at phone and desktop width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  WIDTHS, baseUrl, inspect, launch, loginAs, newPage, screenshots, submit,
} from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a coordinator plans a series and sees what it skips and why', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'coordinator');
  await page.goto(`${baseUrl}/groups`);
  await inspect(page, 'coordinator-groups');
  await Promise.all([page.waitForLoadState('load'), page.click('.person-list a >> nth=0')]);
  await inspect(page, 'coordinator-group');
  const groupUrl = page.url();
  // Mondays over Christmas and carnival (Flemish calendar).
  await page.selectOption('#f-rhythm', 'weekly');
  await page.fill('#f-first', '2026-12-14');
  await page.fill('#f-last', '2027-03-29');
  await page.fill('#f-start', '09:30');
  await page.fill('#f-end', '12:00');
  await page.fill('#f-theme', 'Fictional test series');
  await submit(page, 'form[action$="/series/preview"] button[type=submit]');
  const skipped = await page.$$eval('tr.skipped td:last-child', (cells) => cells.map((c) => c.textContent));
  assert.ok(skipped.length >= 3, `expected skipped dates, got ${skipped.length}`);
  // The coordinator reads Dutch (her own choice wins over the browser's).
  assert.ok(skipped.some((t) => t.includes('kerstvakantie')), skipped.join(' | '));
  assert.ok(skipped.some((t) => t.includes('krokusvakantie')), skipped.join(' | '));
  await inspect(page, 'coordinator-series-preview');
  const planned = await page.$$eval('tbody tr:not(.skipped)', (rows) => rows.length);
  // Dates that double-book the room or a facilitator are marked; saving
  // them takes a deliberate tick.
  if (await page.isVisible('input[name=keep]')) {
    await submit(page, 'form[action$="/series"] button[type=submit]');
    assert.ok(await page.isVisible('input[name=keep]'), 'nothing saved without the tick');
    await page.check('input[name=keep]');
  }
  await submit(page, 'form[action$="/series"] button[type=submit]');
  assert.ok(page.url().startsWith(groupUrl.split('#')[0]));
  const themed = await page.$$eval('#sessions li', (items) => items.filter((i) => i.textContent.includes('Fictional test series')).length);
  assert.equal(themed, planned, 'every planned date is saved, no skipped one');
  // One session on a public holiday (11 November 2027): warned, then kept on purpose.
  await page.fill('#f-on', '2027-11-11');
  await page.fill('#f-single_theme', 'Fictional holiday outing');
  await submit(page, 'form[action$="/sessions"] button[type=submit]');
  assert.ok((await page.textContent('.notice[role=alert]')).length > 0, 'the conflict is shown');
  await inspect(page, 'coordinator-session-conflict');
  await page.check('input[name=keep]');
  await submit(page, 'form[action$="/sessions"] button[type=submit]');
  const kept = await page.$$eval('#sessions li', (items) => items.filter((i) => i.textContent.includes('Fictional holiday outing')).length);
  assert.equal(kept, 1);
  await page.context().close();
});

/// The first session on the facilitator's week with members, opened.
async function openAttendance(page) {
  await page.goto(`${baseUrl}/week`);
  const links = await page.$$eval('.card a.button', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length > 0, 'the demo facilitator has sessions this week');
  return links;
}

test('attendance on a phone: everyone present, two exceptions, save — four taps', async () => {
  const page = await newPage(browser, { locale: 'nl-BE' });
  await loginAs(page, 'facilitator');
  await page.setViewportSize({ width: WIDTHS.phone ?? 360, height: 800 });
  const links = await openAttendance(page);
  await inspect(page, 'facilitator-week');
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${baseUrl}${links[0]}`);
  const rows = await page.$$('.attendance-row');
  assert.ok(rows.length >= 2, 'a group with members');
  let taps = 0;
  await page.click('#all-present'); taps += 1;
  await page.click('.attendance-row >> nth=0 >> input[value="absent"]'); taps += 1;
  await page.click('.attendance-row >> nth=1 >> input[value="late"]'); taps += 1;
  await page.click('#attendance button[type=submit]'); taps += 1;
  await page.waitForFunction(() => document.getElementById('sync-status').dataset.state === 'sent', null, { timeout: 10_000 });
  assert.equal(taps, 4);
  await inspect(page, 'facilitator-attendance');
  // Saved on the server: a reload shows the marks.
  await page.reload();
  const marks = await page.$$eval('.attendance-row input:checked', (inputs) => inputs.map((i) => i.value));
  assert.equal(marks.length, rows.length);
  assert.equal(marks[0], 'absent');
  assert.equal(marks[1], 'late');
  assert.ok(marks.slice(2).every((m) => m === 'present'));
  await page.context().close();
});

test('attendance offline: kept on the phone, sent once when the connection returns', async () => {
  const context = await browser.newContext({ locale: 'en', viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await loginAs(page, 'facilitator');
  const links = await openAttendance(page);
  const url = `${baseUrl}${links[links.length - 1]}`;
  await page.goto(url);
  const session = url.split('/sessions/')[1].split('/')[0];
  let puts = 0;
  page.on('request', (r) => { if (r.method() === 'PUT' && r.url().includes('/attendance')) puts += 1; });
  await context.setOffline(true);
  // Marks that differ from what the server holds (an earlier test may have
  // marked this session): an excuse with its reason, and an absence.
  await page.click('#all-present');
  await page.click('.attendance-row >> nth=0 >> input[value="excused"]');
  await page.selectOption('.attendance-row >> nth=0 >> select', 'sick_child');
  await page.click('.attendance-row >> nth=1 >> input[value="absent"]');
  await page.click('#attendance button[type=submit]');
  await page.waitForFunction(() => document.getElementById('sync-status').dataset.state === 'offline');
  const queued = await page.evaluate((s) => JSON.parse(localStorage.getItem(`traject-attendance-${s}`) || '[]').length, session);
  assert.ok(queued >= 2, 'the marks wait on the phone');
  await screenshots(page, 'facilitator-attendance-offline');
  await context.setOffline(false);
  await page.waitForFunction(() => document.getElementById('sync-status').dataset.state === 'sent', null, { timeout: 10_000 });
  const left = await page.evaluate((s) => JSON.parse(localStorage.getItem(`traject-attendance-${s}`) || '[]').length, session);
  assert.equal(left, 0, 'nothing left to send');
  // A second "online" (a flaky connection) sends nothing again.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.waitForTimeout(300);
  assert.equal(puts, 1, 'the marks travelled once');
  const answer = await page.request.get(`${baseUrl}/api/v1/sessions/${session}/attendance`);
  assert.equal(answer.status(), 200);
  const lines = await answer.json();
  assert.equal(lines[0].mark, 'excused');
  assert.equal(lines[0].reason, 'sick_child');
  assert.equal(lines[1].mark, 'absent');
  await context.close();
});

test('the facilitator sees her groups but no participant file', async () => {
  const page = await newPage(browser, { locale: 'fr' });
  await loginAs(page, 'facilitator');
  await page.goto(`${baseUrl}/groups`);
  await inspect(page, 'facilitator-groups');
  await Promise.all([page.waitForLoadState('load'), page.click('.person-list a >> nth=0')]);
  assert.equal(await page.$$eval('main a[href^="/participants/"]', (a) => a.length), 0, 'no link to a file');
  await inspect(page, 'facilitator-group');
  await page.context().close();
});

test('the school calendar: Community, school hours, the holidays it knows', async () => {
  const page = await newPage(browser, { locale: 'de' });
  await loginAs(page, 'administrator');
  await page.goto(`${baseUrl}/admin/calendar`);
  await inspect(page, 'administrator-calendar');
  // A broken file is refused with a field-level error and changes nothing.
  await page.fill('#f-school_years', '{"community":"german","years":[{"school_year":"2026","first_day":"2026-08-31","periods":[]}]}');
  await submit(page, 'form:has(#f-school_years) button[type=submit]');
  assert.equal(await page.getAttribute('#f-school_years', 'aria-invalid'), 'true');
  await inspect(page, 'administrator-calendar-error');
  await page.context().close();
});

test('the childcare list of a month and her hours with the attestation', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'facilitator');
  await page.goto(`${baseUrl}/groups`);
  await Promise.all([page.waitForLoadState('load'), page.click('.person-list a >> nth=0')]);
  await Promise.all([page.waitForLoadState('load'), page.click('a[href$="/childcare"]')]);
  assert.ok((await page.$$('tbody tr')).length > 0, 'the members have children');
  await inspect(page, 'facilitator-childcare');
  await page.context().close();

  const cm = await newPage(browser, { locale: 'en' });
  await loginAs(cm, 'coordinator');
  await cm.goto(`${baseUrl}/groups`);
  await Promise.all([cm.waitForLoadState('load'), cm.click('.person-list a >> nth=0')]);
  // A member's file, then her hours.
  const member = await cm.$eval('#members-heading ~ ul .person span', (s) => s.textContent.trim());
  await cm.goto(`${baseUrl}/participants?q=${encodeURIComponent(member.split(' ')[0])}`);
  await Promise.all([cm.waitForLoadState('load'), cm.click('.person-list a >> nth=0')]);
  await Promise.all([cm.waitForLoadState('load'), cm.click('a[href$="/hours"]')]);
  assert.ok((await cm.textContent('.attestation')).length > 0);
  await inspect(cm, 'coordinator-hours-attestation');
  await cm.context().close();
});

test('the practice bank: a practice added, chosen for a session, and the session moved', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'casemanager');
  await page.goto(`${baseUrl}/practices`);
  await inspect(page, 'practice-bank');
  await page.fill('#f-title', 'Fictional walk to the library');
  await page.selectOption('#f-life_domain', 'social');
  await page.fill('#f-minutes', '90');
  await page.fill('#f-method', 'Walk together, get a library card, read one picture book aloud.');
  await submit(page, 'form[action="/practices"] button[type=submit]');
  assert.match(page.url(), /\/practices\/[^/]+$/);
  await inspect(page, 'practice-edit');
  // A bad duration is refused with the field named, and nothing changes.
  await page.fill('#f-minutes', '0');
  await submit(page, 'form.stack button[type=submit]');
  assert.ok(await page.isVisible('#e-minutes'));
  // Chosen for one session, whose theme it gives.
  await page.goto(`${baseUrl}/groups`);
  await Promise.all([page.waitForLoadState('load'), page.click('.person-list a >> nth=0')]);
  const groupUrl = page.url().split('#')[0];
  const practiceId = await page.$eval('#f-single_practice_id option:text("Fictional walk to the library")', (o) => o.value);
  await page.selectOption('#f-single_practice_id', practiceId);
  await page.fill('#f-on', '2027-06-08');
  await page.fill('#f-session_start', '09:00');
  await page.fill('#f-session_end', '11:00');
  await submit(page, 'form[action$="/sessions"] button[type=submit]');
  if (await page.isVisible('input[name=keep]')) {
    await page.check('input[name=keep]');
    await submit(page, 'form[action$="/sessions"] button[type=submit]');
  }
  const item = page.locator('#sessions li', { hasText: 'Fictional walk to the library' });
  assert.equal(await item.count(), 1);
  // Moved two days later: the same session, on its new day.
  await Promise.all([page.waitForLoadState('load'), item.locator('a[href$="/edit"]').click()]);
  await inspect(page, 'session-edit');
  await page.fill('#f-on', '2027-06-10');
  await submit(page, 'form.stack button[type=submit]');
  if (await page.isVisible('input[name=keep]')) {
    await page.check('input[name=keep]');
    await submit(page, 'form.stack button[type=submit]');
  }
  assert.ok(page.url().startsWith(groupUrl));
  const moved = page.locator('#sessions li', { hasText: 'Fictional walk to the library' });
  assert.equal(await moved.count(), 1, 'moved, not copied');
  assert.match(await moved.textContent(), /10/);
  await page.context().close();
});
