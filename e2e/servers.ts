import { expect, type Locator, type Page } from '@playwright/test';
import { signIn } from './sign-in';

export const serversGrid = (page: Page) => page.getByRole('grid', { name: 'Servers' });

/** A row of the servers list by its server's name. */
export function serverRow(page: Page, name: string): Locator {
  return serversGrid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Opens the servers list (with a query such as `?q=web`), signing in on the way. */
export async function openServers(page: Page, search = '', ...who: Parameters<typeof signIn> extends [Page, ...infer Rest] ? Rest : never): Promise<void> {
  await page.goto(`/servers${search}`);
  await signIn(page, ...who);
  await expect(serversGrid(page)).toBeVisible();
}

/** Shows only this server in the list, whatever its status. */
export async function showOnlyServer(page: Page, name: string): Promise<Locator> {
  await page.getByRole('combobox', { name: 'Status' }).selectOption('');
  await page.getByRole('searchbox', { name: 'Search servers' }).fill(name);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${name}(&|$)`));
  await expect(serverRow(page, name)).toHaveCount(1);
  return serverRow(page, name);
}

/** From its row in the list to the server's page. */
export async function openServerDetail(page: Page, name: string): Promise<void> {
  await serverRow(page, name).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function openTasks(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^Tasks/ }).click();
  const drawer = page.getByRole('dialog', { name: 'Tasks' });
  await expect(drawer).toBeVisible();
  return drawer;
}
