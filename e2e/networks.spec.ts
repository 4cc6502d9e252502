import { expect, type Page, test } from '@playwright/test';
import { type NetworkList, networkListSchema, type NetworkPortList, networkPortListSchema } from '../src/domain/api';
import { scrollToEnd, walkList } from './lists';
import { signIn } from './sign-in';

// The e2e cloud has 2 000 networks over two projects, about half of them the demo project's
// (e2e/playwright.config.ts); the demo's `private` network has the ports of its 5 000 servers.

async function openNetworks(page: Page, search = ''): Promise<void> {
  await page.goto(`/networks${search}`);
  await signIn(page);
  await expect(page.getByRole('grid', { name: 'Networks' })).toBeVisible();
}

/** A page of the list as the BFF serves it, fetched with the signed-in browser's cookie. */
async function apiPage(page: Page, query: string): Promise<NetworkList> {
  const res = await page.request.get(`/api/networks?${query}`);
  expect(res.status()).toBe(200);
  return networkListSchema.parse(await res.json());
}

async function apiPorts(page: Page, networkId: string): Promise<NetworkPortList> {
  const res = await page.request.get(`/api/networks/${networkId}/ports?limit=50`);
  expect(res.status()).toBe(200);
  return networkPortListSchema.parse(await res.json());
}

test('scrolls to the end of the networks with fewer than 100 rows in the DOM', async ({ page }) => {
  test.setTimeout(120_000);
  await openNetworks(page);
  const most = await scrollToEnd(page, 'Networks', 'networks');
  expect(most).toBeLessThan(100);

  // Ask the BFF for the whole list: the screen must say its size and show its last network.
  const grid = page.getByRole('grid', { name: 'Networks' });
  const allLoaded = page.getByText(/^All [\d,\s]+ networks loaded$/);
  const { items } = await walkList(page, '/api/networks', networkListSchema);
  const total = items.length;
  const lastName = items.at(-1)?.name;
  expect(total).toBeGreaterThan(800);
  await expect(allLoaded).toHaveText(`All ${total.toLocaleString('en-US')} networks loaded`);
  await expect(grid).toHaveAttribute('aria-rowcount', String(total + 1));
  // The last page came after the last End: go there once more.
  await page.keyboard.press('End');
  await expect(grid.getByRole('row').last()).toHaveAttribute('aria-rowindex', String(total + 1));
  await expect(grid.getByRole('row').last()).toContainText(lastName ?? 'unknown');
  expect(await grid.getByRole('row').count()).toBeLessThan(100);
});

test('finds a network on page 5 by the CIDR of its subnet', async ({ page }) => {
  await openNetworks(page);
  let list = await apiPage(page, 'limit=100');
  for (let i = 1; i < 5 && list.next; i++) list = await apiPage(page, `limit=100&marker=${encodeURIComponent(list.next)}`);
  const target = list.items.find((n) => n.subnets.some((s) => s.cidr?.includes('.')));
  const cidr = target?.subnets.find((s) => s.cidr?.includes('.'))?.cidr ?? '';
  expect(cidr).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);

  await page.getByRole('searchbox', { name: 'Search networks' }).fill(cidr);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(cidr).replaceAll('.', '\\.')}`));
  await expect(page.getByText(`Networks with a subnet of exactly ${cidr}.`)).toBeVisible();
  const rows = page.getByRole('grid', { name: 'Networks' }).getByRole('row');
  await expect(rows).toHaveCount(2); // the header and the one network
  await expect(rows.nth(1)).toContainText(target?.name ?? 'unknown');
  await expect(rows.nth(1)).toContainText(cidr);

  // The URL keeps the view.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search networks' })).toHaveValue(cidr);
  await expect(page.getByRole('grid', { name: 'Networks' }).getByRole('row')).toHaveCount(2);
});

test('opens a network, follows a port to its server, and comes back through the server’s address', async ({ page }) => {
  await openNetworks(page, '?q=private');
  const [privateNet] = (await apiPage(page, 'q=private&limit=10')).items.filter((n) => n.name === 'private');
  if (!privateNet) throw new Error('the demo project has no private network');
  await page.getByRole('grid', { name: 'Networks' }).getByRole('link', { name: 'private', exact: true }).click();
  await expect(page).toHaveURL(`/networks/${privateNet.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'private' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Subnets' })).toContainText(privateNet.subnets[0]?.cidr ?? 'unknown');

  // The first server port the BFF lists is among the first rows on screen (ports are in id order).
  const port = (await apiPorts(page, privateNet.id)).items.find((p) => p.server && !p.server.deleted && p.server.name);
  if (!port?.server?.name) throw new Error('no server port on the first page');
  const ports = page.getByRole('grid', { name: 'Ports' });
  const row = ports.getByRole('row', { name: new RegExp(port.id) });
  await expect(row).toContainText('Server');
  await row.getByRole('link', { name: port.server.name }).click();

  await expect(page).toHaveURL(`/servers/${port.server.id}`);
  await expect(page.getByRole('heading', { level: 1, name: port.server.name })).toBeVisible();
  const group = page.getByRole('region', { name: 'Addresses' }).getByRole('table', { name: 'Network private' });
  await expect(group).toContainText(port.fixedIps[0]?.ipAddress ?? 'unknown');
  await group.getByRole('link', { name: 'private' }).click();

  await expect(page).toHaveURL(`/networks/${privateNet.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'private' })).toBeVisible();
});
