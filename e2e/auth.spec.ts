import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

async function signIn(page: Page, username = 'demo', password = username) {
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

function userMenu(page: Page, username = 'demo') {
  return page.getByRole('button', { name: new RegExp(username) });
}

test('a demo user signs in, sees the shell with the project, stays signed in on reload, and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await signIn(page);

  await expect(page).toHaveURL(/\/servers$/);
  await expect(page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Servers' })).toHaveAttribute('aria-current', 'page');
  await userMenu(page).click();
  const menu = page.getByRole('menu');
  await expect(menu).toContainText('demo');
  await expect(menu).toContainText('RegionOne');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page).toHaveURL(/\/servers$/);
  await expect(userMenu(page)).toBeVisible();

  await userMenu(page).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/tasks');
  await expect(page).toHaveURL(/\/login\?next=%2Ftasks$/);
});

test('a deep link typed while signed out comes back after sign-in', async ({ page }) => {
  await page.goto('/networks?q=web');
  await expect(page).toHaveURL(/\/login\?next=/);
  await signIn(page);
  await expect(page).toHaveURL(/\/networks\?q=web$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Networks' })).toBeVisible();
});

test('a wrong password gets one clear message', async ({ page }) => {
  await page.goto('/login');
  await signIn(page, 'demo', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText(/The username, password or domain is not correct\./);
  await expect(page).toHaveURL(/\/login/);
});

test('the browser never holds the Keystone token', async ({ page }) => {
  const bodies: string[] = [];
  page.on('response', async (res) => {
    const headers = JSON.stringify(await res.allHeaders());
    const body = await res.text().catch(() => '');
    bodies.push(headers, body);
  });
  await page.goto('/login');
  await signIn(page, 'admin');
  await expect(userMenu(page, 'admin')).toBeVisible();
  await page.reload();
  await expect(userMenu(page, 'admin')).toBeVisible();

  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  // The simulator mints Fernet-shaped tokens (as Keystone does): none may reach the browser.
  expect(bodies.join('\n')).not.toMatch(/gAAAAA[\w-]{20,}/);
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['stackdeck_session', true, 'Strict']]);
});

test('axe finds no violations on the login page and the shell', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await signIn(page);
  await expect(userMenu(page)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await userMenu(page).click();
  await expect(page.getByRole('menu')).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
