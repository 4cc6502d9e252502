import { expect, type Page, test } from '@playwright/test';
import { type ServerList, serverListSchema } from '../src/domain/api';
import { scrollToEnd, walkList } from './lists';
import { openServers } from './servers';

// The e2e cloud has 10 000 servers, 5 000 of them in the demo project (e2e/playwright.config.ts).

/** A page of the list as the BFF serves it, fetched with the signed-in browser's cookie. */
async function apiPage(page: Page, query: string): Promise<ServerList> {
  const res = await page.request.get(`/api/servers?${query}`);
  expect(res.status()).toBe(200);
  return serverListSchema.parse(await res.json());
}

test('scrolls to the end of 5 000 servers with fewer than 100 rows in the DOM', async ({ page }) => {
  test.setTimeout(180_000);
  await openServers(page);
  const most = await scrollToEnd(page, 'Servers', 'servers');
  expect(most).toBeLessThan(100);

  // Ask the BFF for the whole list: the screen must say its size and show its last server.
  const grid = page.getByRole('grid', { name: 'Servers' });
  const { items } = await walkList(page, '/api/servers', serverListSchema);
  const total = items.length;
  const lastName = items.at(-1)?.name;
  expect(total).toBeGreaterThan(4900);
  await expect(page.getByText(/^All [\d,\s]+ servers loaded$/)).toHaveText(`All ${total.toLocaleString('en-US')} servers loaded`);
  await expect(grid).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(grid.getByRole('row').last()).toContainText(lastName ?? 'unknown');
});

test('finds a server on page 40 by its IPv4 address', async ({ page }) => {
  await openServers(page);
  let list = await apiPage(page, 'limit=100');
  for (let i = 1; i < 40 && list.next; i++) list = await apiPage(page, `limit=100&marker=${encodeURIComponent(list.next)}`);
  const target = list.items.find((s) => s.addresses.some((n) => n.addresses.some((a) => a.version === 4 && a.type === 'fixed')));
  const ip = target?.addresses.flatMap((n) => n.addresses).find((a) => a.version === 4 && a.type === 'fixed')?.addr ?? '';

  await page.getByRole('searchbox', { name: 'Search servers' }).fill(ip);
  await expect(page).toHaveURL(new RegExp(`q=${ip.replaceAll('.', '\\.')}`));
  const rows = page.getByRole('grid', { name: 'Servers' }).getByRole('row');
  await expect(rows).toHaveCount(2); // the header and the one server
  await expect(rows.nth(1)).toContainText(target?.name ?? 'unknown');
});

test('finds servers by the start of a UUID, and the URL keeps the view', async ({ page }) => {
  await openServers(page);
  const [first] = (await apiPage(page, 'limit=1&sort=name&dir=asc')).items;
  const prefix = first?.id.slice(0, 8) ?? '';
  await page.getByRole('searchbox', { name: 'Search servers' }).fill(prefix);
  await expect(page.getByRole('grid', { name: 'Servers' }).getByRole('row', { name: new RegExp(first?.name ?? 'x') })).toBeVisible();

  await page.getByRole('combobox', { name: 'Status' }).selectOption('ACTIVE');
  const url = page.url();
  expect(url).toMatch(/q=/);
  expect(url).toMatch(/status=ACTIVE/);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search servers' })).toHaveValue(prefix);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('ACTIVE');
});

test('the detail of a server in ERROR shows its fault and its action log', async ({ page }) => {
  await openServers(page, '?status=ERROR');
  const row = page.getByRole('grid', { name: 'Servers' }).getByRole('row').nth(1);
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/servers\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { name: 'Fault' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Action log' })).toBeVisible();
  await expect(page.getByText(/create/i).first()).toBeVisible();
});
