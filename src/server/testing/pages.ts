/** A page of any of the BFF's lists: its rows and the cursor of the next page. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/**
 * Walks a list from its first page to its last, the way the SPA's infinite scroll does, and gives
 * every row and every page. Stops after `maxPages` so a cursor that never ends fails the test.
 */
export async function collectPages<P extends Page<unknown>>(
  read: (marker: string | undefined) => Promise<P>,
  maxPages = 200,
): Promise<{ items: Array<P['items'][number]>; pages: P[] }> {
  const items: Array<P['items'][number]> = [];
  const pages: P[] = [];
  let marker: string | undefined;
  do {
    const page = await read(marker);
    items.push(...page.items);
    pages.push(page);
    marker = page.next ?? undefined;
  } while (marker && pages.length < maxPages);
  if (marker) throw new Error(`the list did not end within ${maxPages} pages`);
  return { items, pages };
}
