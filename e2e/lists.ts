import { expect, type Page } from '@playwright/test';
import type { z } from 'zod/mini';

/**
 * Presses End on a list's grid until it says everything is loaded, or until it has loaded at
 * least `stopAt` rows; returns the most rows seen in the DOM.
 */
export async function scrollToEnd(page: Page, grid: string, plural: string, stopAt = Infinity): Promise<number> {
  const table = page.getByRole('grid', { name: grid });
  await table.focus();
  const allLoaded = page.getByText(new RegExp(`^All [\\d,\\s]+ ${plural} loaded$`));
  const someLoaded = page.getByText(new RegExp(`^[\\d,\\s]+ ${plural} loaded, more load as you scroll$`));
  const loaded = async () => Number((await someLoaded.allTextContents())[0]?.replace(/ .*/, '').replaceAll(',', '') ?? 0);
  let most = 0;
  while (!(await allLoaded.isVisible()) && (await loaded()) < stopAt) {
    await page.keyboard.press('End');
    most = Math.max(most, await table.getByRole('row').count());
    await page.waitForTimeout(50);
  }
  return Math.max(most, await table.getByRole('row').count());
}

/** Walks a whole BFF list with the signed-in browser's cookie: every item, and how many pages it took. */
export async function walkList<T extends { items: Array<{ id: string; name: string }>; next: string | null }>(
  page: Page,
  path: string,
  schema: z.ZodMiniType<T>,
  limit = 200,
): Promise<{ items: T['items']; pages: number }> {
  const items: T['items'] = [];
  let pages = 0;
  let marker: string | null = null;
  do {
    const res = await page.request.get(`${path}?limit=${limit}${marker ? `&marker=${encodeURIComponent(marker)}` : ''}`);
    expect(res.status()).toBe(200);
    const page_: T = schema.parse(await res.json());
    items.push(...page_.items);
    pages += 1;
    marker = page_.next;
  } while (marker);
  return { items, pages };
}
