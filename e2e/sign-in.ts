import { expect, type Page } from '@playwright/test';

/** Signs in through the login page, as a user does, and waits for the shell. */
export async function signIn(page: Page, username = 'demo', password = username): Promise<void> {
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: new RegExp(username) })).toBeVisible();
}
