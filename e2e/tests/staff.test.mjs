// Signed-in flows per role: every page in the navigation is accessible at
// phone and desktop width, role navigation is right, keyboard-only login.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ROLES, DEMO_PASSWORD, WIDTHS, assertNoHorizontalScroll, baseUrl, checkA11y, launch, loginAs, navLinks, newPage, screenshots,
} from '../lib/helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const EXPECTED_NAV = {
  administrator: ['/dashboard', '/network/partners', '/admin/users', '/admin/sessions', '/outcomes/instruments', '/admin/programmes', '/admin/indicator-sets', '/admin/calendar', '/admin/messages', '/audit', '/account'],
  coordinator: ['/dashboard', '/participants', '/groups', '/week', '/data-problems', '/outcomes', '/network/partners', '/reports', '/admin/programmes', '/admin/indicator-sets', '/admin/calendar', '/admin/messages', '/audit', '/account'],
  casemanager: ['/dashboard', '/participants', '/groups', '/week', '/data-problems', '/outcomes', '/network/partners', '/account'],
  facilitator: ['/dashboard', '/groups', '/week', '/network/partners', '/account'],
  analyst: ['/dashboard', '/reports/pooled', '/network/signals/pooled', '/account'],
};

for (const role of Object.keys(ROLES)) {
  test(`${role}: every page of the navigation is accessible`, async () => {
    const page = await newPage(browser, { locale: 'nl-BE' });
    await loginAs(page, role);
    const links = await navLinks(page);
    assert.deepEqual(links, EXPECTED_NAV[role]);
    const visit = [...links];
    if (links.includes('/participants')) {
      await page.goto(`${baseUrl}/participants`);
      const first = await page.getAttribute('.person-list a', 'href');
      visit.push(first);
    }
    for (const path of visit) {
      for (const width of Object.values(WIDTHS)) {
        await page.setViewportSize({ width, height: 900 });
        const response = await page.goto(baseUrl + path);
        assert.equal(response.status(), 200, path);
        await checkA11y(page, `${role} ${path} ${width}px`);
        await assertNoHorizontalScroll(page, `${role} ${path} ${width}px`);
      }
      const name = path === visit[visit.length - 1] && path.startsWith('/participants/') ? 'participant' : path.replaceAll('/', '-').replace(/^-/, '');
      await screenshots(page, `${role}-${name}`);
    }
    await page.context().close();
  });
}

test('a form with errors stays accessible and names the fields', async () => {
  const page = await newPage(browser, { locale: 'nl-BE' });
  await loginAs(page, 'administrator');
  await page.goto(`${baseUrl}/admin/users`);
  await page.fill('#user-email', 'geen-adres');
  await page.fill('#user-password', 'kort');
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/admin/users"] button[type=submit]')]);
  assert.equal(await page.getAttribute('#user-email', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#user-name-error'), /verplicht/);
  await checkA11y(page, 'users form with errors');
  await screenshots(page, 'administrator-users-errors');
  await page.context().close();
});

test('keyboard only: log in and log out', async () => {
  const page = await newPage(browser, { locale: 'en' });
  await page.goto(`${baseUrl}/login`);
  await page.focus('#login');
  await page.keyboard.type(ROLES.coordinator);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await Promise.all([page.waitForURL(`${baseUrl}/dashboard`), page.keyboard.press('Enter')]);
  // Reach the logout button by tabbing, then press it.
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('action') === '/logout')) && guard++ < 30) {
    await page.keyboard.press('Tab');
  }
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.keyboard.press('Enter')]);
  const r = await page.goto(`${baseUrl}/dashboard`);
  assert.equal(new URL(r.url()).pathname, '/login', 'the session ended on the server');
  await page.context().close();
});

test('a wrong password gets one clear, accessible message', async () => {
  const page = await newPage(browser, { locale: 'fr-BE' });
  await page.goto(`${baseUrl}/login`);
  await page.fill('#login', ROLES.facilitator);
  await page.fill('#password', 'pas le bon mot de passe');
  await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
  assert.match(await page.textContent('[role=alert]'), /ne correspondent à aucun compte actif/);
  await checkA11y(page, 'login failure');
  await page.context().close();
});

test('two-step set-up shows a scannable QR code and stays accessible', async () => {
  // Starting the set-up without confirming it changes nothing for later logins.
  const page = await newPage(browser, { locale: 'nl-BE' });
  await loginAs(page, 'casemanager');
  await page.goto(`${baseUrl}/account`);
  await Promise.all([page.waitForURL(`${baseUrl}/account/totp`), page.click('form[action="/account/totp/start"] button')]);
  for (const width of Object.values(WIDTHS)) {
    await page.setViewportSize({ width, height: 900 });
    const qr = page.locator('figure.qr svg[role=img]');
    assert.equal(await qr.count(), 1);
    const box = await qr.boundingBox();
    assert.ok(box.width >= 150 && Math.abs(box.width - box.height) < 1, `a square of scannable size: ${JSON.stringify(box)}`);
    await checkA11y(page, `totp set-up ${width}px`);
    await assertNoHorizontalScroll(page, `totp set-up ${width}px`);
  }
  await screenshots(page, 'casemanager-totp-setup');
  await page.context().close();
});

test('a forgotten password: the administrator hands over a temporary one, she chooses her own', async () => {
  // Runs last in this file: it changes casemanager2's password.
  const admin = await newPage(browser, { locale: 'nl-BE' });
  await loginAs(admin, 'administrator');
  await admin.goto(`${baseUrl}/admin/users`);
  const row = admin.locator('tr', { hasText: 'casemanager2@demostad.example' });
  // The users page asks first, on a page of its own; cancelling changes nothing.
  await Promise.all([admin.waitForURL(/\/confirm\/reset-password$/), row.locator('a[href$="/confirm/reset-password"]').click()]);
  await checkA11y(admin, 'confirm temporary password');
  await assertNoHorizontalScroll(admin, 'confirm temporary password');
  await screenshots(admin, 'administrator-confirm-reset-password');
  await Promise.all([admin.waitForURL(`${baseUrl}/admin/users`), admin.click('main a.button.secondary')]);
  await Promise.all([admin.waitForURL(/\/confirm\/reset-password$/), row.locator('a[href$="/confirm/reset-password"]').click()]);
  await Promise.all([admin.waitForLoadState('load'), admin.click('form[action$="/reset-password"] button')]);
  const temporary = (await admin.textContent('code.secret')).trim();
  assert.match(temporary, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await checkA11y(admin, 'temporary password');
  await screenshots(admin, 'administrator-temporary-password');
  await admin.context().close();

  const page = await newPage(browser, { locale: 'nl-BE' });
  await page.goto(`${baseUrl}/login`);
  await page.fill('#login', 'casemanager2@demostad.example');
  await page.fill('#password', temporary);
  await Promise.all([page.waitForURL(`${baseUrl}/account/new-password`), page.click('main button[type=submit]')]);
  await checkA11y(page, 'new password');
  await page.fill('#new-password', temporary);
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/account/new-password"] button')]);
  assert.equal(await page.getAttribute('#new-password', 'aria-invalid'), 'true');
  await checkA11y(page, 'new password refused');
  await assertNoHorizontalScroll(page, 'new password refused');
  await screenshots(page, 'casemanager-new-password-error');
  await page.fill('#new-password', 'quiet harbour lantern 58');
  await Promise.all([page.waitForURL(`${baseUrl}/dashboard`), page.click('form[action="/account/new-password"] button')]);
  await page.context().close();
});
