// Reaching her, in a real browser: her own page behind a personal link, on a
// phone, in two of traject's languages and in Arabic (right to left), with
// axe; "I can't come" ending as an excused absence her casemanager sees on
// her dashboard; the administrator's page for texts in further languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  WIDTHS, baseUrl, inspect, launch, loginAs, newPage, submit,
} from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Sets the language of her messages and page on her file.
async function setLanguage(staff, fileUrl, code) {
  await staff.goto(`${fileUrl}#messages`);
  await staff.fill('#f-message_language', code);
  await submit(staff, 'form[action$="/message-language"] button[type=submit]');
}

/// Makes a new link to her page (not sent) and returns its address.
async function newLink(staff, fileUrl) {
  await staff.goto(`${fileUrl}#messages`);
  await staff.uncheck('form[action$="/links"] input[name=send]');
  await submit(staff, 'form[action$="/links"]:has(input[value=page]) button[type=submit]');
  return staff.inputValue('#link-url');
}

test('her page in her language, right to left in Arabic, and "I can\'t come" reaches her casemanager', async () => {
  const staff = await newPage(browser, { locale: 'en' });
  await loginAs(staff, 'casemanager');
  // The casemanager's people, from her dashboard: one with a coming session.
  const files = await staff.$$eval('main a[href^="/participants/"]', (as) => [...new Set(as
    .map((a) => a.getAttribute('href').split('#')[0])
    .filter((h) => /^\/participants\/[0-9a-f-]{36}$/.test(h)))]);
  assert.ok(files.length > 0, 'the demo casemanager has people');
  const her = await newPage(browser, { width: WIDTHS.phone, locale: 'nl-BE' });
  let fileUrl;
  let link;
  for (const file of files.slice(0, 15)) {
    await setLanguage(staff, `${baseUrl}${file}`, 'en');
    link = await newLink(staff, `${baseUrl}${file}`);
    await her.goto(link);
    if (await her.locator('.own-session a.own-button').count() > 0) {
      fileUrl = `${baseUrl}${file}`;
      break;
    }
  }
  assert.ok(fileUrl, 'one of her people has a coming session');
  // The page where the link was made: the QR code to print.
  assert.ok(await staff.isVisible('figure.qr svg'));
  await inspect(staff, 'casemanager-link-created');

  // English, then French: her language, not the phone's.
  assert.equal(await her.getAttribute('html', 'lang'), 'en');
  assert.equal(await her.getAttribute('html', 'dir'), 'ltr');
  assert.match(await her.textContent('h1'), /Hello/);
  await inspect(her, 'participant-page-en');
  await setLanguage(staff, fileUrl, 'fr');
  await her.reload();
  assert.equal(await her.getAttribute('html', 'lang'), 'fr');
  assert.match(await her.textContent('.own-session a.own-button'), /Je ne peux pas venir/);
  await inspect(her, 'participant-page-fr');

  // Arabic, with the administrator's texts: right to left.
  await setLanguage(staff, fileUrl, 'ar');
  await her.reload();
  assert.equal(await her.getAttribute('html', 'lang'), 'ar');
  assert.equal(await her.getAttribute('html', 'dir'), 'rtl');
  await inspect(her, 'participant-page-ar');

  // "I can't come": the reasons, one tap each.
  await her.setViewportSize({ width: WIDTHS.phone, height: 900 });
  await submit(her, '.own-session a.own-button >> nth=0');
  assert.ok(her.url().includes('/absence/'));
  await inspect(her, 'participant-absence-ar');
  await her.setViewportSize({ width: WIDTHS.phone, height: 900 });
  await submit(her, 'button[name=reason][value=sick_child]');
  assert.ok(await her.isVisible('.own-notice'), 'she is thanked');
  assert.ok(await her.isVisible('.own-reported'), 'the session shows her answer');

  // Her casemanager sees it on her dashboard.
  await staff.goto(`${baseUrl}/dashboard`);
  const card = staff.locator('#reported-absences').locator('..');
  assert.ok(await card.isVisible(), 'the card of reported absences');
  const path = new URL(fileUrl).pathname;
  assert.ok(await card.locator(`a[href="${path}"]`).count() > 0, 'she is on it');
  // Her attestation with the QR code for her phone's calendar, to print.
  await staff.goto(`${fileUrl}/hours`);
  await submit(staff, '.plan-calendar-form button[type=submit]');
  assert.ok(await staff.isVisible('figure.print-qr svg'));
  await inspect(staff, 'casemanager-attestation-calendar-qr');
  await staff.context().close();

  // A link that does not open (revoked, expired or guessed): one plain page.
  await her.goto(`${baseUrl}/p/${'0'.repeat(64)}`);
  assert.ok((await her.textContent('h1')).length > 0);
  await inspect(her, 'participant-link-gone');
  await her.context().close();
});

test('an administrator writes the texts of a further language', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await loginAs(page, 'administrator');
  await page.goto(`${baseUrl}/admin/messages?language=ar`);
  assert.equal(await page.getAttribute('textarea[name=page-cant-come]', 'dir'), 'rtl');
  await inspect(page, 'administrator-messages');
  await page.fill('textarea[name=msg-cancelled]', '{name} {place}');
  await submit(page, 'form[action="/admin/messages/texts"] button[type=submit]');
  assert.ok(await page.isVisible('#e-msg-cancelled'), 'the placeholder it cannot fill is named');
  await inspect(page, 'administrator-messages-error');
  await page.context().close();
});
