import { expect, test } from '@playwright/test';
import { setFaults } from './faults';
import { openServers, serversGrid } from './servers';

test.afterEach(async ({ request }) => setFaults(request, {}));

test('the servers list comes back by itself once Nova does, without a click', async ({ page, request }) => {
  test.setTimeout(90_000);
  await openServers(page);
  await expect(serversGrid(page).getByRole('row').nth(1)).toBeVisible();

  await setFaults(request, { compute: { outage: true } });
  await page.reload();
  const failure = page.getByRole('alert').filter({ hasText: 'The servers could not be loaded' });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('The compute service (Nova) cannot be reached');
  await expect(failure.getByText(/^Retrying in \d+ s$/)).toBeVisible();
  await expect(failure.getByRole('button', { name: 'Retry' })).toBeVisible();

  await setFaults(request, {});
  // The next try is at most 30 s away (the backoff's ceiling), however long the outage was seen.
  await expect(serversGrid(page).getByRole('row').nth(1)).toBeVisible({ timeout: 35_000 });
  await expect(failure).toBeHidden();
});
