import type { InfiniteData } from '@tanstack/react-query';
import type { ServerList, ServerSummary } from '../../../domain/api';

/**
 * Folds servers changed by anyone (from `GET /api/servers/changes`) into the loaded pages of a
 * list: a changed row takes its new values in place, a DELETED one goes. Servers the list has not
 * loaded are left out: where they belong depends on the search and sort, which the next fetch
 * knows. A change older than the row (a list fetched after the change) is ignored. Returns the
 * same object when nothing changed, so nothing re-renders.
 */
export function mergeServerChanges(
  data: InfiniteData<ServerList, unknown>,
  changes: readonly ServerSummary[],
): InfiniteData<ServerList, unknown> {
  if (changes.length === 0) return data;
  const byId = new Map<string, ServerSummary>();
  for (const change of changes) {
    const seen = byId.get(change.id);
    if (!seen || !isOlder(change, seen)) byId.set(change.id, change);
  }

  let changed = false;
  const pages = data.pages.map((page) => {
    let pageChanged = false;
    const items: ServerSummary[] = [];
    for (const item of page.items) {
      const change = byId.get(item.id);
      if (!change || change === item || isOlder(change, item)) {
        items.push(item);
        continue;
      }
      pageChanged = true;
      if (change.status !== 'DELETED') items.push(change);
    }
    if (!pageChanged) return page;
    changed = true;
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

function isOlder(a: ServerSummary, b: ServerSummary): boolean {
  const at = Date.parse(a.updated);
  const bt = Date.parse(b.updated);
  return Number.isFinite(at) && Number.isFinite(bt) && at < bt;
}
