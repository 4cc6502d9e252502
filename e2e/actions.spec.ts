import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { openServerDetail, openServers, openTasks, serverRow as row, serversGrid as grid, showOnlyServer } from './servers';

// Server actions and their tasks against `npm start` (the simulator's fast profile: every action
// ends within about 8 s). Tests share one cloud, so each finds its own server in the UI, by a
// name prefix of the seed and a status, and reads its name from the list.

const slow = { timeout: 30_000 };

/**
 * The first server of a search that is active, unlocked and not on the biggest flavor (so that it
 * can still grow), read off the list.
 */
async function pickActive(page: Page, prefix: string): Promise<string> {
  await openServers(page, `?status=ACTIVE&q=${encodeURIComponent(prefix)}&sort=name`);
  const candidates = grid(page)
    .getByRole('row')
    .filter({ hasText: 'Active' })
    .filter({ hasNot: page.getByRole('img', { name: /^Locked/ }) })
    .filter({ hasNotText: 'm1.xlarge' });
  await expect(candidates.first()).toBeVisible();
  const name = await candidates.first().getByRole('link').textContent();
  if (!name) throw new Error(`no active server matches ${prefix}`);
  return name;
}

async function progressOf(item: Locator): Promise<number> {
  return Number(await item.getByRole('progressbar').getAttribute('aria-valuenow'));
}

test('reboots a server from its row: the row goes REBOOT → ACTIVE and the task succeeds', async ({ page }) => {
  test.setTimeout(90_000);
  const name = await pickActive(page, 'web-dev');
  const target = await showOnlyServer(page, name);
  await target.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menu', { name: `Actions for ${name}` }).getByRole('menuitem', { name: 'Reboot', exact: true }).click();

  await expect(target.getByRole('gridcell').nth(2)).toHaveText(/^Reboot/, slow);
  await expect(target.getByRole('gridcell').nth(2)).toHaveText('Active', slow);
  await expect(page.getByText(`Reboot of ${name} finished`, { exact: true })).toBeVisible(slow);

  const drawer = await openTasks(page);
  const task = drawer.getByRole('listitem', { name: `Reboot of ${name}`, exact: true });
  await expect(task).toContainText('Succeeded');
  await expect(task.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(task.getByRole('link', { name })).toHaveAttribute('href', /\/servers\/[0-9a-f-]+$/);
});

test('shows the rescue password once, copyable, and never again', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = await pickActive(page, 'bastion-qa');
  await showOnlyServer(page, name);
  await openServerDetail(page, name);

  await page.getByRole('button', { name: 'Rescue', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Rescue ${name}?` });
  await dialog.getByRole('button', { name: 'Rescue' }).click();
  const secret = dialog.getByRole('group', { name: 'Rescue password' });
  await expect(secret).toContainText('it will not be shown again');
  const password = (await secret.locator('code').textContent()) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(8);
  await secret.getByRole('button', { name: 'Copy the rescue password' }).click();
  await expect(secret).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(password)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('StatusRescue mode', slow);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(password)).toHaveCount(0);
  expect(await page.content()).not.toContain(password);
});

test('stops a mixed selection: only the servers that can stop are sent, each with its result', async ({ page }) => {
  test.setTimeout(90_000);
  // Highest vm_state first: suspended, stopped, …; active ones come last.
  await openServers(page, '?q=api-qa&sort=status&dir=desc');
  const first = grid(page).getByRole('row').nth(1);
  const refusedName = (await first.getByRole('link').textContent()) ?? '';
  await expect(first.getByRole('gridcell').nth(2)).not.toHaveText('Active');
  await first.getByRole('checkbox').check();

  await grid(page).focus();
  await page.keyboard.press('End');
  const active = grid(page)
    .getByRole('row')
    .filter({ hasText: 'Active' })
    .filter({ hasNot: page.getByRole('img', { name: /^Locked/ }) });
  await expect(active.nth(1)).toBeVisible();
  await expect(page.getByText(/servers loaded/)).not.toContainText('loading more');
  const stopNames = [(await active.nth(0).getByRole('link').textContent()) ?? '', (await active.nth(1).getByRole('link').textContent()) ?? ''];
  for (const name of stopNames) await row(page, name).getByRole('checkbox').check();

  const bar = page.getByRole('region', { name: 'Selected servers' });
  await expect(bar).toContainText('3 servers selected');
  await bar.getByRole('button', { name: 'Actions for the selected servers' }).click();
  await page.getByRole('menuitem', { name: 'Stop', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: 'Stop: 3 selected servers' });
  await expect(dialog.getByRole('region', { name: 'Left out (1)' })).toContainText(new RegExp(`${refusedName}: \\S.+`));
  const allowed = dialog.getByRole('region', { name: /Will get “Stop” \(2\)/ });
  for (const name of stopNames) await expect(allowed.getByRole('listitem', { name })).toBeVisible();

  await dialog.getByRole('button', { name: 'Stop 2 servers' }).click();
  await expect(dialog.getByText('2 of 2 answered: 2 accepted, 0 refused.')).toBeVisible(slow);
  const results = dialog.getByRole('region', { name: /Results/ });
  for (const name of stopNames) {
    await expect(results.getByRole('listitem', { name }).getByRole('link', { name: 'View task' })).toHaveAttribute('href', /\/tasks\?task=/);
  }
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(bar).toBeHidden();
  for (const name of stopNames) await expect(row(page, name).getByRole('gridcell').nth(2)).toHaveText('Shut off', slow);
});

test('announces why an action is not possible, as the button’s description and in a tooltip', async ({ page }) => {
  test.setTimeout(60_000);
  await openServers(page, '?status=SHUTOFF&sort=name');
  const first = grid(page)
    .getByRole('row')
    .filter({ hasText: 'Shut off' })
    .filter({ hasNot: page.getByRole('img', { name: /^Locked/ }) })
    .first();
  const name = (await first.getByRole('link').textContent()) ?? '';
  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  const reboot = page.getByRole('group', { name: `Actions on ${name}` }).getByRole('button', { name: 'Reboot', exact: true });
  await expect(reboot).toHaveAttribute('aria-disabled', 'true');
  await expect(reboot).toHaveAccessibleDescription('Reboot is not possible while the server is shut off.');
  await reboot.focus();
  await expect(reboot).toBeFocused();
  await expect(page.getByRole('tooltip')).toHaveText('Reboot is not possible while the server is shut off.');
  await expect(page.getByRole('group', { name: `Actions on ${name}` }).getByRole('button', { name: 'Start' })).not.toHaveAttribute('aria-disabled');
});

test('keeps a resize’s task and its progress over a reload, and shows it in a second tab on the one shared stream', async ({ page, context }) => {
  test.setTimeout(120_000);
  const streams: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/tasks/stream') streams.push(request.url());
  });
  const name = await pickActive(page, 'batch-prod');
  await showOnlyServer(page, name);
  await openServerDetail(page, name);
  await page.getByRole('group', { name: `Actions on ${name}` }).getByRole('button', { name: 'Resize', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Resize ${name}` });
  await dialog.getByRole('group', { name: 'New flavor' }).getByRole('radio', { disabled: false }).first().check();
  await dialog.getByRole('button', { name: 'Resize', exact: true }).click();
  await expect(dialog).toBeHidden();

  let drawer = await openTasks(page);
  let task = drawer.getByRole('listitem', { name: `Resize of ${name}`, exact: true });
  await expect.poll(() => progressOf(task), slow).toBeGreaterThan(0);
  const before = await progressOf(task);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  drawer = await openTasks(page);
  task = drawer.getByRole('listitem', { name: `Resize of ${name}`, exact: true });
  await expect(task).toBeVisible();
  expect(await progressOf(task)).toBeGreaterThanOrEqual(before);
  const streamsBefore = streams.length;

  const second = await context.newPage();
  await second.goto('/tasks');
  const elsewhere = second.getByRole('listitem', { name: `Resize of ${name}`, exact: true });
  await expect(elsewhere).toBeVisible();
  // The first tab holds the browser's one event stream; the second hears it over BroadcastChannel.
  await expect(elsewhere).toContainText('Waiting for confirmation', slow);
  await expect(task).toContainText('Succeeded', slow);
  expect(streams.length).toBe(streamsBefore);
});

test('axe finds no violations in the list with a selection and a row menu, a server’s actions, a dialog and the tasks drawer', async ({ page }) => {
  test.setTimeout(60_000);
  const axe = async () => (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  const name = await pickActive(page, 'worker-qa');
  await grid(page).getByRole('row').nth(1).getByRole('checkbox').check();
  await expect(page.getByRole('region', { name: 'Selected servers' })).toBeVisible();
  expect(await axe()).toEqual([]);
  await row(page, name).getByRole('button', { name: `Actions for ${name}` }).click();
  await expect(page.getByRole('menu', { name: `Actions for ${name}` })).toBeVisible();
  expect(await axe()).toEqual([]);
  await page.keyboard.press('Escape');

  await showOnlyServer(page, name);
  await openServerDetail(page, name);
  expect(await axe()).toEqual([]);
  await page.getByRole('group', { name: `Actions on ${name}` }).getByRole('button', { name: 'Resize', exact: true }).click();
  await expect(page.getByRole('dialog', { name: `Resize ${name}` }).getByRole('group', { name: 'New flavor' })).toBeVisible();
  expect(await axe()).toEqual([]);
  await page.keyboard.press('Escape');
  await openTasks(page);
  expect(await axe()).toEqual([]);
});
