import { expect, type Page } from '@playwright/test';

/** Signs in through the login page, as a user does, and waits for the shell. */
export async function signIn(page: Page, username = 'demo', password = username, { domain, project }: { domain?: string; project?: string | undefined } = {}): Promise<void> {
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByLabel('Password').fill(password);
  if (domain) await page.getByRole('textbox', { name: 'Domain' }).fill(domain);
  if (project) await page.getByRole('textbox', { name: /^Project/ }).fill(project);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: new RegExp(`^Account menu for ${username}, project ${project ?? ''}`) })).toBeVisible();
}
