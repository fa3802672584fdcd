// Every seed programme (../shared/seeds) from start to finish in a real
// browser, with axe at phone and desktop width on every page visited: a
// woman referred by the OCMW's social service, her intake and eligibility,
// a guidance plan, her place in a group, a session and its attendance
// (with childcare for her young child where the programme has it), her
// life-domain measurements at the start and the end, the closing of her
// trajectory, and the funder's report that counts her, down to her name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl, inspect, launch, loginAs, newPage, submit,
} from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The server's day (its clock decides "today"), as yyyy-mm-dd.
async function serverToday(page) {
  const r = await page.request.get(`${baseUrl}/healthz`);
  const date = r.headers().date ? new Date(r.headers().date) : new Date();
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(date);
}

/// Ten measured life domains, all at `value` (0-10).
async function measure(page, file, moment, value) {
  await page.goto(`${baseUrl}${file}/outcomes/enter?instrument=traject-life-domains&moment=${moment}&respondent=staff`);
  const names = await page.$$eval('fieldset.choice-field input[type=radio]', (is) => [...new Set(is.map((i) => i.name))]);
  assert.ok(names.length >= 10);
  for (const name of names) await page.check(`input[name="${name}"][value="${value}"]`);
  await submit(page, 'form.instrument-form button[type=submit]');
  assert.match(page.url(), /saved=1/);
}

/// One seed programme, from referral to the report.
async function journey(seed) {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'coordinator');
  const today = await serverToday(page);
  const year = today.slice(0, 4);
  const last = `${seed.last} ${Date.now() % 100000} (fictional)`;

  // 1. Referral by the OCMW's social service: a new file for the programme.
  await page.goto(`${baseUrl}/participants/new`);
  await page.fill('#f-first_name', seed.first);
  await page.fill('#f-last_name', last);
  await page.fill('#f-birth_date', '1991-04-12');
  await page.selectOption('#f-gender', 'woman');
  await page.selectOption('#f-programme_id', { label: seed.programme });
  await page.selectOption('#f-referral_source', 'ocmw_service');
  await submit(page, 'form[action="/participants/new"] button[type=submit]');
  if (await page.locator('#f-distinct').count()) {
    await page.check('#f-distinct');
    await submit(page, 'form[action="/participants/new"] button[type=submit]');
  }
  assert.match(page.url(), /\/trajectories\/[^/]+\/intake$/, `${seed.code}: on to the intake`);
  const trajectory = page.url().match(/trajectories\/([^/]+)\/intake/)[1];
  const file = (await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href'))))
    .find((h) => /^\/participants\/[0-9a-f-]{36}$/.test(h || ''));
  assert.ok(file, 'the intake links to her file');
  await inspect(page, `seed-${seed.code}-intake`);

  // 2. Intake and eligibility: what is not known yet is decided with a reason.
  await page.fill('#f-motivation', seed.motivation);
  await page.selectOption('#f-outcome', 'admitted');
  await submit(page, 'form[action$="/intake"] button[type=submit]');
  if (await page.locator('#f-justification[aria-invalid="true"]').count()) {
    await page.fill('#f-justification', 'Admitted after the team meeting; her papers follow (fictional).');
    await page.selectOption('#f-outcome', 'admitted');
    await submit(page, 'form[action$="/intake"] button[type=submit]');
  }
  assert.equal(await page.locator('#f-outcome').count(), 0, `${seed.code}: decided`);

  // 3. A guidance plan with a goal on a life domain.
  await page.goto(`${baseUrl}/trajectories/${trajectory}/plan`);
  await page.fill('#f-starts_on', today);
  await page.fill('#f-ends_on', `${Number(year) + 1}${today.slice(4)}`);
  await submit(page, 'form:has(input[name=part][value=header]) button[type=submit]');
  await page.click('#goals-heading ~ details summary');
  await page.selectOption('#f-goal_domain', seed.domain);
  await page.fill('#f-goal_wording', seed.goal);
  await submit(page, 'form:has(input[name=part][value=goal]) button[type=submit]');
  assert.ok((await page.textContent('#goals-heading + ol')).includes(seed.goal));
  await inspect(page, `seed-${seed.code}-plan`);

  // 4. Her children; a place in a group of the programme.
  await page.goto(baseUrl + file);
  if (seed.childcare) {
    await page.click('details:has(#f-child_first_name) > summary');
    await page.fill('#f-child_first_name', 'Lina');
    await page.fill('#f-child_birth_date', `${Number(year) - 4}-02-01`);
    await submit(page, 'form[action$="/children"] button[type=submit]');
  }
  // A group with room: the button says how many of how many.
  const places = await page.$$eval('form:has(#place-heading) button[type=submit]', (bs) => bs.map((b) => {
    const m = b.textContent.match(/\((\d+)\/(\d+)\)/);
    return m ? Number(m[2]) - Number(m[1]) : 0;
  }));
  const free = places.findIndex((n) => n > 0);
  assert.ok(free >= 0, `${seed.code}: a group with room`);
  await submit(page, `form:has(#place-heading) button[type=submit] >> nth=${free}`);
  const group = (await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href'))))
    .find((h) => /^\/groups\/[0-9a-f-]{36}$/.test(h || ''));
  assert.ok(group, `${seed.code}: she is a member of a group`);
  await inspect(page, `seed-${seed.code}-file`);

  // 5. Childcare beside the group, where the programme has it.
  if (seed.childcare) {
    await page.goto(`${baseUrl}/groups/new`);
    await page.fill('#f-name', `Childcare ${seed.code} (fictional)`);
    await page.selectOption('#f-programme_id', { label: seed.programme });
    await page.selectOption('#f-group_kind', 'childcare');
    await page.selectOption('#f-parent_id', group.split('/').pop());
    if (!(await page.inputValue('#f-min_size'))) await page.fill('#f-min_size', '1');
    if (!(await page.inputValue('#f-max_size'))) await page.fill('#f-max_size', '10');
    await submit(page, 'form[action="/groups"] button[type=submit]');
    assert.match(page.url(), /\/groups\/[0-9a-f-]{36}/);
  }

  // 6. A session today and its attendance: she is there.
  await page.goto(baseUrl + group);
  await page.fill('#f-on', today);
  await page.fill('#f-session_start', '09:30');
  await page.fill('#f-session_end', '12:30');
  await page.selectOption('#f-single_kind', seed.sessionKind);
  await submit(page, 'form[action$="/sessions"][aria-labelledby="single-heading"] button[type=submit]');
  if (await page.locator('input[name=keep]').count()) {
    await page.check('input[name=keep]');
    await submit(page, 'form[action$="/sessions"][aria-labelledby="single-heading"] button[type=submit]');
  }
  await page.goto(baseUrl + group);
  const attendance = await page.$$eval('a[href$="/attendance"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(attendance.length > 0, `${seed.code}: a session to take attendance of`);
  await page.goto(baseUrl + attendance[attendance.length - 1]);
  await page.click('#all-present');
  await page.click('#attendance button[type=submit]');
  await page.waitForFunction(() => document.getElementById('sync-status').dataset.state === 'sent', null, { timeout: 10_000 });
  await inspect(page, `seed-${seed.code}-attendance`);

  // 7. Life-domain measurements at the start and at the end.
  await measure(page, file, 'intake', 3);
  await measure(page, file, 'end', 7);

  // 8. Closing: her trajectory completed.
  await page.goto(baseUrl + file);
  await submit(page, `form[action="/trajectories/${trajectory}/transition"]:has(input[value=complete]) button[type=submit]`);
  assert.ok((await page.textContent('main')).length > 0);

  // 9. The funder's report counts her: the figure's drill-down names her.
  await page.goto(`${baseUrl}/reports`);
  const programme = await page.$eval('#f-programme', (s, label) => [...s.options].find((o) => o.text === label).value, seed.programme);
  for (const [set, indicator] of seed.counted) {
    await page.goto(`${baseUrl}/reports?programme=${programme}&set=${set}&year=${year}`);
    const link = page.locator(`tr[data-indicator="${indicator}"] td.figure a`);
    assert.equal(await link.count(), 1, `${seed.code}: ${set} ${indicator} counts someone`);
    await submit(page, `tr[data-indicator="${indicator}"] td.figure a`);
    const names = await page.$$eval('#drill li', (lis) => lis.map((li) => li.textContent));
    assert.ok(names.some((n) => n.includes(last)), `${seed.code}: ${set} ${indicator} counts her`);
  }
  await inspect(page, `seed-${seed.code}-report`);
  await page.context().close();
}

test('000 confidence workshop: from referral to the activity report', async () => {
  await journey({
    code: '000', programme: 'Workshop Zelfvertrouwen', first: 'Nadia', last: 'Zelfbeeld',
    motivation: 'Wants to find work again and feel stronger (fictional).',
    domain: 'self_image', goal: 'Speak up in a job interview (fictional).', sessionKind: 'psychosocial',
    childcare: false,
    counted: [['programme-activity', 'participants'], ['programme-activity', 'attended'], ['programme-activity', 'closures']],
  });
});

test('001 conversation workshops: with childcare for her young child', async () => {
  await journey({
    code: '001', programme: 'Praatgroep voor moeders', first: 'Sara', last: 'Praatgroep',
    motivation: 'Wants to talk with other mothers (fictional).',
    domain: 'parenting', goal: 'Calmer evenings with the children (fictional).', sessionKind: 'psychosocial',
    childcare: true,
    counted: [['programme-activity', 'participants'], ['programme-activity', 'children_childcare']],
  });
});

test('002 key to work: counted in the ESF+ indicators', async () => {
  await journey({
    code: '002', programme: 'Sleutel naar werk of opleiding', first: 'Hanna', last: 'Sleutel',
    motivation: 'Wants training as a care assistant (fictional).',
    domain: 'work', goal: 'Start a training course (fictional).', sessionKind: 'informative',
    childcare: false,
    counted: [['esf-plus-participants', 'total'], ['programme-activity', 'closures']],
  });
});

test('003 AMIF social activation: counted as supported, in a civic orientation session', async () => {
  await journey({
    code: '003', programme: 'Sociale activering nieuwkomers', first: 'Aster', last: 'Nieuwkomer',
    motivation: 'Wants to know the city and practise Dutch (fictional).',
    domain: 'language', goal: 'Reach A2 in Dutch (fictional).', sessionKind: 'informative',
    childcare: false,
    counted: [['amif-integration', 'supported'], ['amif-integration', 'civic_orientation']],
  });
});

test('004 Miriam: women reached and progress on the life domains', async () => {
  await journey({
    code: '004', programme: 'Miriam', first: 'Mira', last: 'Casemanagement',
    motivation: 'Wants a home of her own and rest (fictional).',
    domain: 'housing', goal: 'A social rental home (fictional).', sessionKind: 'psychosocial',
    childcare: true,
    counted: [['miriam', 'women_reached'], ['miriam', 'progress_two_domains'], ['miriam', 'leavers']],
  });
});
