import { expect, test } from '@playwright/test';
import { apiPaths, sessionSummarySchema } from '../src/domain/api';
import { openServers, serversGrid } from './servers';

// The simulated cloud's two regions share one set of services (src/simulator/core/seed.ts): the
// servers list looks the same in both, and the region shows in the header and the session.

test('switches region from the account menu and lands on the servers list of that region', async ({ page }) => {
  await openServers(page);
  const account = page.getByRole('button', { name: /^Account menu for demo, project demo, region / });
  await expect(account).toHaveAccessibleName('Account menu for demo, project demo, region RegionOne');

  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Networks' }).click();
  await expect(page).toHaveURL(/\/networks$/);
  await account.click();
  const regions = page.getByRole('menu').getByRole('group', { name: 'Region' });
  await expect(regions.getByRole('menuitemradio', { name: 'RegionOne' })).toHaveAttribute('aria-checked', 'true');
  await regions.getByRole('menuitemradio', { name: 'RegionTwo' }).click();

  await expect(account).toHaveAccessibleName('Account menu for demo, project demo, region RegionTwo');
  await expect(account).toContainText('Project demo, region RegionTwo');
  await expect(page).toHaveURL(/\/servers$/);
  await expect(serversGrid(page).getByRole('row').nth(1)).toBeVisible();
  const session = sessionSummarySchema.parse(await (await page.request.get(apiPaths.session)).json());
  expect(session).toMatchObject({ project: { name: 'demo' }, region: 'RegionTwo', regions: ['RegionOne', 'RegionTwo'] });

  await account.click();
  await expect(page.getByRole('menuitemradio', { name: 'RegionTwo' })).toHaveAttribute('aria-checked', 'true');
});
