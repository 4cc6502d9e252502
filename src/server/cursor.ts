import { z } from 'zod';
import { AppError } from './errors';

/**
 * A list position the browser passes back verbatim. It holds, per upstream source of the list,
 * the last few ids seen (newest first), so a marker deleted between two pages (Nova answers 400,
 * Neutron 404) falls back to the one before it; `null` marks a source that is done. It is bound
 * to the query it was made for, and never holds an upstream URL.
 */
const stateSchema = z.object({
  v: z.literal(1),
  /** The query this cursor belongs to. */
  q: z.string().max(1024),
  s: z.array(z.object({ m: z.array(z.string().max(128)).max(3) }).nullable()).min(1).max(4),
});
export type SourcePosition = { m: string[] } | null;

/** How many ids a cursor remembers for each source. */
export const rememberedIds = 3;

export function encodeCursor(queryKey: string, sources: SourcePosition[]): string {
  return Buffer.from(JSON.stringify({ v: 1, q: queryKey, s: sources })).toString('base64url');
}

export function decodeCursor(raw: string, queryKey: string): SourcePosition[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = stateSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.q !== queryKey) {
    throw new AppError(400, 'cursor.invalid', 'This list position is no longer valid. Reload the list.');
  }
  return parsed.data.s;
}

/** The ids to remember after a page: its last ids, newest first, then the older ones. */
export function advance(previous: string[], pageIds: readonly string[]): string[] {
  return [...pageIds.slice(-rememberedIds).reverse(), ...previous].slice(0, rememberedIds);
}

/**
 * A search the upstream cannot answer exactly is a bounded scan: at most this many upstream pages
 * per request, then the answer says `partial: true` with a cursor to go on (architecture.md).
 */
export const maxScanPages = 5;

/**
 * One page of a marker-paged upstream list, after the newest remembered id that still exists. A
 * marker that vanished between pages (`vanished` recognises the upstream's answer: Nova's 400,
 * Neutron's 404) falls back to the id remembered before it, and when none is left to the first
 * page (the SPA de-duplicates by id). `base` is what the page's ids are remembered on top of: the
 * remembered ids from the one used on.
 */
export async function pageAfterMarkers<P>(
  markers: readonly string[],
  fetch: (marker: string | undefined) => Promise<P>,
  vanished: (error: unknown) => boolean,
): Promise<{ page: P; base: string[] }> {
  for (let i = 0; i < markers.length; i++) {
    try {
      return { page: await fetch(markers[i]), base: markers.slice(i) };
    } catch (error) {
      if (vanished(error)) continue;
      throw error;
    }
  }
  return { page: await fetch(undefined), base: [] };
}
