import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { byId, gather, localPager, MarkerVanished, neutronPager } from './pager';

const rows = Array.from({ length: 30 }, (_, i) => ({ id: `id-${String(i).padStart(2, '0')}`, n: i }));

describe('gather', () => {
  it('stops at the row that fills the page and goes on right after it', async () => {
    const pager = localPager(async () => [...rows], byId);
    const odd = (r: { n: number }) => r.n % 2 === 1;
    const first = await gather(pager, [], 3, { keep: odd, pageSize: 10 });
    expect(first.items.map((r) => r.n)).toEqual([1, 3, 5]);
    expect(first.position).toEqual({ m: ['id-05', 'id-04', 'id-03'] });
    const second = await gather(pager, first.position?.m ?? [], 3, { keep: odd, pageSize: 10 });
    expect(second.items.map((r) => r.n)).toEqual([7, 9, 11]);
  });

  it('reads at most five upstream pages, then hands back a position to go on from', async () => {
    let pages = 0;
    const pager = localPager(async () => [...rows], byId);
    const counting = { page: (marker: string | undefined, limit: number) => ((pages += 1), pager.page(marker, limit)) };
    const found = await gather(counting, [], 10, { keep: (r) => r.n >= 28, pageSize: 2 });
    expect(pages).toBe(5);
    expect(found).toEqual({ items: [], position: { m: ['id-09', 'id-08', 'id-07'] } });
  });

  it('falls back to an earlier remembered id when the newest vanished, and to the first page when all did', async () => {
    const pager = localPager(async () => rows.filter((r) => r.n !== 9), byId);
    expect((await gather(pager, ['id-09', 'id-08'], 2)).items.map((r) => r.n)).toEqual([10, 11]);
    expect((await gather(pager, ['gone-1', 'gone-2'], 2)).items.map((r) => r.n)).toEqual([0, 1]);
  });

  it('ends the list when the last page is exactly full', async () => {
    const pager = localPager(async () => rows.slice(0, 4), byId);
    expect(await gather(pager, [], 4)).toMatchObject({ position: null });
  });
});

describe('neutronPager', () => {
  it('asks for one row more than the page and says more only when it came', async () => {
    const asked: Array<string | undefined> = [];
    const pager = neutronPager(
      async (q) => {
        asked.push(q.limit as string);
        const limit = Number(q.limit);
        return { rows: rows.slice(0, limit), next: true };
      },
      {},
      'not-found',
    );
    expect(await pager.page(undefined, 5)).toMatchObject({ more: true, items: rows.slice(0, 5) });
    expect(asked).toEqual(['6']);
  });

  it('turns Neutron’s 404 for the marker, or a marker the subnets pager ignored, into MarkerVanished', async () => {
    const notFound = neutronPager(
      async () => {
        throw new AppError(404, 'network.not_found', 'gone');
      },
      {},
      'not-found',
    );
    await expect(notFound.page('id-03', 5)).rejects.toBeInstanceOf(MarkerVanished);
    await expect(notFound.page(undefined, 5)).rejects.toBeInstanceOf(AppError);
    const ignored = neutronPager(async () => ({ rows: rows.slice(0, 3), next: false }), {}, 'ignored');
    await expect(ignored.page('id-10', 5)).rejects.toBeInstanceOf(MarkerVanished);
  });
});
