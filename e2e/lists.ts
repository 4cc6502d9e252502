import { expect, type Page } from '@playwright/test';
import type { z } from 'zod';

/** Presses End on a list's grid until it says everything is loaded; returns the most rows seen in the DOM. */
export async function scrollToEnd(page: Page, grid: string, plural: string): Promise<number> {
  const table = page.getByRole('grid', { name: grid });
  await table.focus();
  const allLoaded = page.getByText(new RegExp(`^All [\\d,\\s]+ ${plural} loaded$`));
  let most = 0;
  while (!(await allLoaded.isVisible())) {
    await page.keyboard.press('End');
    most = Math.max(most, await table.getByRole('row').count());
    await page.waitForTimeout(50);
  }
  return Math.max(most, await table.getByRole('row').count());
}

/** Walks a whole BFF list with the signed-in browser's cookie: how many items, and the last one. */
export async function walkList<T extends { items: Array<{ name: string }>; next: string | null }>(
  page: Page,
  path: string,
  schema: z.ZodType<T>,
): Promise<{ total: number; lastName: string | undefined }> {
  let total = 0;
  let lastName: string | undefined;
  let marker: string | null = null;
  do {
    const res = await page.request.get(`${path}?limit=200${marker ? `&marker=${encodeURIComponent(marker)}` : ''}`);
    expect(res.status()).toBe(200);
    const page_: T = schema.parse(await res.json());
    total += page_.items.length;
    lastName = page_.items.at(-1)?.name ?? lastName;
    marker = page_.next;
  } while (marker);
  return { total, lastName };
}
