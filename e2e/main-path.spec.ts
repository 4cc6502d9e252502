import { expect, type Page, test } from '@playwright/test';
import { apiPaths, serverListSchema, serverSummarySchema, sessionSummarySchema } from '../src/domain/api';
import { type CloudClient, connect, type Credentials, realTargetFrom } from '../src/contract/target';
import { type BootChoices, bootChoices, createActiveServers, deleteServers, testServerName } from '../src/contract/test-servers';
import { type CloudConfig, simulatorCloudConfig } from '../src/server/plugins/config';
import { scrollToEnd, walkList } from './lists';
import { openServerDetail, openServers, openTasks, serversGrid, showOnlyServer } from './servers';

// What a user does first and most, on whichever cloud `npm start` serves: the simulator in
// `npm test` (e2e/playwright.config.ts), a real OpenStack in `npm run test:real`
// (e2e/playwright.real.config.ts). The servers it acts on are its own, booted before and deleted
// after; a real cloud's other servers are only ever listed.

test.describe.configure({ mode: 'serial' });

/** The simulator's Keystone when the config gives it, else the real cloud of STACKDECK_TEST_CLOUD. */
function cloudOfThisRun(): { cloud: CloudConfig; credentials: Credentials } {
  const simulator = process.env.E2E_SIMULATOR_AUTH_URL;
  if (simulator) return { cloud: simulatorCloudConfig(simulator), credentials: { username: 'demo', password: 'demo', domain: 'Default', project: 'demo' } };
  const real = realTargetFrom(process.env);
  if (!real) throw new Error('The main path needs E2E_SIMULATOR_AUTH_URL (e2e/playwright.config.ts) or STACKDECK_TEST_CLOUD (npm run test:real)');
  return real;
}

const { cloud, credentials } = cloudOfThisRun();
const slow = { timeout: 60_000 };
const lockReason = 'e2e main path';

let client: CloudClient;
let choices: BootChoices;
/** One server for power, rescue and lock; one for the two resizes. */
const names = { main: testServerName('main'), resize: testServerName('resize') };
let ids: { main: string; resize: string };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  client = await connect(cloud, credentials);
  choices = await bootChoices(client);
  const [main = '', resize = ''] = await createActiveServers(client, choices, [names.main, names.resize]);
  ids = { main, resize };
});

test.afterAll(async () => {
  test.setTimeout(180_000);
  if (!client) return;
  // By name, not by `ids`: a boot that failed before every server was ACTIVE left no ids behind.
  const found = await Promise.all(
    Object.values(names).map(async (name) => {
      const reply = await client.call<{ servers?: Array<{ id: string }> }>('compute', `/servers?name=${encodeURIComponent(`^${name}$`)}`);
      return (reply.body.servers ?? []).map((s) => s.id);
    }),
  );
  await deleteServers(client, [...new Set(found.flat())]);
});

async function signedIn(page: Page, search = ''): Promise<void> {
  await openServers(page, search, credentials.username, credentials.password, { domain: credentials.domain, project: credentials.project });
}

/** Presses an action of the server's page once the server allows it (a task that just ended may still be settling). */
async function act(page: Page, name: string, label: string): Promise<void> {
  const button = page.getByRole('group', { name: `Actions on ${name}` }).getByRole('button', { name: label, exact: true });
  await expect(button).not.toHaveAttribute('aria-disabled', 'true', slow);
  await button.click();
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText(`Status${status}`, slow);
}

/** The server's page, through the list and a search by its name. */
async function openServer(page: Page, name: string): Promise<void> {
  await signedIn(page, `?q=${encodeURIComponent(name)}`);
  await showOnlyServer(page, name);
  await openServerDetail(page, name);
}

test('signs in and scrolls the servers over several pages, or to the end of a smaller cloud', async ({ page }) => {
  test.setTimeout(120_000);
  await signedIn(page);
  const most = await scrollToEnd(page, 'Servers', 'servers', 300);
  expect(most).toBeLessThan(100);
  const allLoaded = page.getByText(/^All [\d,\s]+ servers loaded$/);
  if (await allLoaded.isVisible()) {
    // A cloud smaller than three of the SPA's pages (others may add servers meanwhile): walk it
    // in pages of 10 through the BFF's cursors instead.
    const { items, pages } = await walkList(page, apiPaths.servers, serverListSchema, 10);
    expect(pages).toBeGreaterThan(1);
    expect(items.map((s) => s.id)).toEqual(expect.arrayContaining(Object.values(ids)));
  } else {
    await expect(page.getByText(/^[\d,\s]+ servers loaded, more load as you scroll$/)).toBeVisible();
  }
});

test('finds the test server by its IP address, its UUID and its name', async ({ page }) => {
  await signedIn(page);
  const res = await page.request.get(apiPaths.server(ids.main));
  expect(res.status()).toBe(200);
  const server = serverSummarySchema.parse(await res.json());
  const ip = server.addresses.flatMap((n) => n.addresses).find((a) => a.type === 'fixed')?.addr;
  if (!ip) throw new Error(`${names.main} has no fixed address (booted on network ${choices.networkId ?? 'none'})`);

  const search = page.getByRole('searchbox', { name: 'Search servers' });
  for (const q of [ip, ids.main, names.main]) {
    await search.fill(q);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(q).replaceAll('.', '\\.')}(&|$)`));
    const rows = serversGrid(page).getByRole('row');
    await expect(rows).toHaveCount(2); // the header and the one server
    await expect(rows.nth(1).getByRole('link', { name: names.main, exact: true })).toBeVisible();
  }
});

test('hard-reboots the server and watches its task to the end', async ({ page }) => {
  test.setTimeout(90_000);
  await openServer(page, names.main);
  await act(page, names.main, 'Hard reboot');
  await page.getByRole('dialog', { name: `Hard reboot ${names.main}?` }).getByRole('button', { name: 'Hard reboot' }).click();
  await expect(page.getByText(`Hard reboot of ${names.main} finished`, { exact: true })).toBeVisible(slow);
  await expectStatus(page, 'Active');

  const task = (await openTasks(page)).getByRole('listitem', { name: `Hard reboot of ${names.main}`, exact: true });
  await expect(task).toContainText('Succeeded');
  await expect(task.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
});

test('stops and starts the server', async ({ page }) => {
  test.setTimeout(90_000);
  await openServer(page, names.main);
  await act(page, names.main, 'Stop');
  await page.getByRole('dialog', { name: `Stop ${names.main}?` }).getByRole('button', { name: 'Stop' }).click();
  await expectStatus(page, 'Shut off');
  await act(page, names.main, 'Start');
  await expectStatus(page, 'Active');
});

test('rescues and unrescues the server', async ({ page }) => {
  test.setTimeout(90_000);
  await openServer(page, names.main);
  await act(page, names.main, 'Rescue');
  const dialog = page.getByRole('dialog', { name: `Rescue ${names.main}?` });
  await dialog.getByRole('button', { name: 'Rescue' }).click();
  await expect(dialog.getByRole('group', { name: 'Rescue password' })).toContainText('it will not be shown again', slow);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expectStatus(page, 'Rescue mode');
  await act(page, names.main, 'Unrescue');
  await expectStatus(page, 'Active');
});

test('locks the server, which then refuses a stop, and unlocks it', async ({ page }) => {
  test.setTimeout(90_000);
  await openServer(page, names.main);
  await act(page, names.main, 'Lock');
  const dialog = page.getByRole('dialog', { name: `Lock ${names.main}?` });
  await dialog.getByRole('textbox', { name: /^Reason/ }).fill(lockReason);
  await dialog.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText(`LockedYes: ${lockReason}`, slow);
  const stop = page.getByRole('group', { name: `Actions on ${names.main}` }).getByRole('button', { name: 'Stop', exact: true });
  await expect(stop).toHaveAttribute('aria-disabled', 'true');
  await expect(stop).toHaveAccessibleDescription(/locked/i);

  await act(page, names.main, 'Unlock');
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('LockedNo', slow);
  await expect(stop).not.toHaveAttribute('aria-disabled', 'true');
});

async function resize(page: Page, flavor: string): Promise<void> {
  await act(page, names.resize, 'Resize');
  const dialog = page.getByRole('dialog', { name: `Resize ${names.resize}` });
  await dialog.getByRole('group', { name: 'New flavor' }).getByRole('radio', { name: flavor }).check();
  await expect(dialog.getByRole('region', { name: 'What changes' })).toContainText(/left|no quota limit|frees|no change/);
  await dialog.getByRole('button', { name: 'Resize', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Needs confirmation' })).toBeVisible(slow);
}

test('resizes the other server and confirms, then resizes it again and reverts', async ({ page }) => {
  test.setTimeout(180_000);
  const [kept, tried] = choices.resizeTo;
  await openServer(page, names.resize);
  const flavor = page.getByRole('region', { name: 'Flavor and image' });

  await resize(page, kept.name);
  await page.getByRole('region', { name: 'Needs confirmation' }).getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('region', { name: 'Needs confirmation' })).toBeHidden(slow);
  await expectStatus(page, 'Active');
  await expect(flavor).toContainText(`Flavor${kept.name}`);

  await resize(page, tried.name);
  await expect(flavor).toContainText(`Flavor${tried.name}`);
  await page.getByRole('region', { name: 'Needs confirmation' }).getByRole('button', { name: 'Revert' }).click();
  await page.getByRole('dialog', { name: `Revert resize ${names.resize}?` }).getByRole('button', { name: 'Revert resize' }).click();
  await expect(page.getByRole('region', { name: 'Needs confirmation' })).toBeHidden(slow);
  await expectStatus(page, 'Active');
  await expect(flavor).toContainText(`Flavor${kept.name}`, slow);

  const drawer = await openTasks(page);
  await expect(drawer.getByRole('listitem', { name: `Confirm resize of ${names.resize}`, exact: true })).toContainText('Succeeded');
  await expect(drawer.getByRole('listitem', { name: `Revert resize of ${names.resize}`, exact: true })).toContainText('Succeeded', slow);
});

test('lists the networks, opens the test server’s network and its ports', async ({ page }) => {
  await openServer(page, names.main);
  const addresses = page.getByRole('region', { name: 'Addresses' });
  const networkLink = addresses.getByRole('link').first();
  const network = (await networkLink.textContent()) ?? '';
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Networks' }).click();
  const networks = page.getByRole('grid', { name: 'Networks' });
  await expect(networks.getByRole('row').nth(1)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search networks' }).fill(network);
  await networks.getByRole('link', { name: network, exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: network })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Subnets' }).getByRole('row')).not.toHaveCount(0);
  const ports = page.getByRole('grid', { name: 'Ports' });
  await expect(ports.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByText(/[\d,]+ ports? loaded/)).toBeVisible();
});

test('switches to the user’s other project, where the test servers are not', async ({ page }) => {
  await signedIn(page);
  const session = sessionSummarySchema.parse(await (await page.request.get(apiPaths.session)).json());
  const other = session.projects.find((p) => p.id !== session.project.id);
  test.skip(!other, `${credentials.username} has one project`);
  if (!other) return;

  // From the account menu, without signing out: the session moves, the page goes to the servers.
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitemradio', { name: other.name, exact: true }).click();
  await expect(page.getByRole('button', { name: `Account menu for ${credentials.username}, project ${other.name}` })).toBeVisible();
  await expect(page).toHaveURL(/\/servers$/);
  await page.goto(`/servers?q=${encodeURIComponent(names.main)}`);
  await expect(page.getByText('No servers match', { exact: false })).toBeVisible();
});
