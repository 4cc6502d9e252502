import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { serverListSchema, type ServerList } from '../../domain/api';
import { demoServers, showcase } from '../../lib/testing/demo-servers';
import { bff, resetBff, server } from '../../lib/testing/msw-server';
import { createCloud } from '../../simulator/core/cloud';
import type { Server } from '../../simulator/core/compute/model';
import { currentUrl, openGrid, renderApp, signIn } from '../testing/render-app';

const openServers = (path = '/servers') => openGrid(path, 'Servers');

const dataRows = (grid: HTMLElement) => within(grid).getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');
/** A row's cell under a column header (the first column holds the row's checkbox). */
const cellOf = (grid: HTMLElement, row: HTMLElement, header: string) => {
  const index = within(grid).getAllByRole('columnheader').findIndex((h) => h.textContent === header);
  return within(row).getAllByRole('gridcell')[index];
};
const rowNames = (grid: HTMLElement) => dataRows(grid).map((row) => cellOf(grid, row, 'Name')?.textContent ?? '');
const searchBox = () => screen.getByRole('searchbox', { name: 'Search servers' });

/** A cloud with enough demo servers for three pages of 100. */
function bigCloud() {
  return resetBff(createCloud({ seed: { servers: 700 } }));
}

describe('the servers list', () => {
  it('shows the project’s servers from the simulator, with status, addresses, flavor, image and age', async () => {
    const { grid } = await openServers();
    const servers = demoServers();
    expect(screen.getByRole('heading', { level: 1, name: 'Servers' })).toBeInTheDocument();
    expect(screen.getByText(`All ${servers.length} servers loaded`)).toBeInTheDocument();
    expect(grid).toHaveAttribute('aria-rowcount', String(servers.length + 1));
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['', 'Name', 'Status', 'Addresses', 'Flavor', 'Image', 'Created', 'Actions']);
    expect(within(grid).getByRole('checkbox', { name: 'Select all loaded servers' })).not.toBeChecked();

    const newest = servers[0] as Server;
    const first = dataRows(grid)[0] as HTMLElement;
    expect(first).toHaveAttribute('aria-rowindex', '2');
    expect(within(first).getByRole('link', { name: newest.name })).toHaveAttribute('href', `/servers/${newest.id}`);
    const flavor = bff().cloud.compute.flavors.get(newest.flavorId);
    expect(first).toHaveTextContent(flavor?.name ?? '');
    expect(first.querySelector('time')).toHaveAttribute('dateTime', `${new Date(newest.createdAt).toISOString().slice(0, 19)}Z`);
    // The created column reads in words and keeps the exact time in its title.
    expect(first.querySelector('time')?.getAttribute('title')).toMatch(/\d{4}/);
  });

  it('words the statuses, the lock and a volume-booted image', async () => {
    const [stopped, , broken, resized, , , , lockedOwner, lockedAdmin] = showcase() as Server[];
    const row = async (name: string) => {
      await act(() => fireEvent.change(searchBox(), { target: { value: name } }));
      const grid = await screen.findByRole('grid', { name: 'Servers' });
      await waitFor(() => expect(rowNames(grid)).toEqual([name]));
      return dataRows(grid)[0] as HTMLElement;
    };
    await openServers();
    expect(await row(resized?.name ?? '')).toHaveTextContent('Needs confirmation');
    expect(await row(stopped?.name ?? '')).toHaveTextContent('Shut off');
    expect(await row(broken?.name ?? '')).toHaveTextContent('Error');
    const locked = await row(lockedAdmin?.name ?? '');
    expect(within(locked).getByRole('img', { name: 'Locked: Locked by the operations team during an incident' })).toBeInTheDocument();
    const ownerLocked = await row(lockedOwner?.name ?? '');
    expect(within(ownerLocked).getByRole('img', { name: /^Locked/ })).toBeInTheDocument();

    const fromVolume = demoServers().find((s) => s.imageId === '');
    if (fromVolume) expect(await row(fromVolume.name)).toHaveTextContent('Volume');
  });

  it('shows the task in progress in the badge', async () => {
    const target = demoServers()[0] as Server;
    target.vmState = 'active';
    target.taskState = 'resize_migrating';
    const { grid } = await openServers();
    expect(dataRows(grid)[0]).toHaveTextContent('Resizing · migrating');
  });

  it('loads the next page as the user scrolls near the end, and keeps the DOM small', async () => {
    bigCloud();
    const total = demoServers().length;
    expect(total).toBeGreaterThan(200);
    const { grid } = await openServers();
    expect(screen.getByText('100 servers loaded, more load as you scroll')).toBeInTheDocument();
    expect(grid).toHaveAttribute('aria-rowcount', '-1');

    grid.scrollTop = 52 * 85;
    fireEvent.scroll(grid);
    await screen.findByText('200 servers loaded, more load as you scroll');
    expect(dataRows(grid).length).toBeLessThan(60);

    grid.scrollTop = 52 * 185;
    fireEvent.scroll(grid);
    await screen.findByText(`All ${total} servers loaded`);
    expect(grid).toHaveAttribute('aria-rowcount', String(total + 1));
  });

  it('opens the detail with the keyboard: ArrowDown, then Enter', async () => {
    const { grid, user, router } = await openServers();
    const second = demoServers()[1] as Server;
    act(() => grid.focus());
    await user.keyboard('{ArrowDown}');
    expect(document.getElementById(grid.getAttribute('aria-activedescendant') ?? '')).toHaveAttribute('aria-rowindex', '3');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: second.name })).toBeInTheDocument();
    expect(currentUrl(router)).toBe(`/servers/${second.id}`);
  });

  it('loads more when End takes the active row near the end, and shows rows repeated after a cursor fell back once', async () => {
    bigCloud();
    const total = demoServers().length;
    const { grid, user } = await openServers();
    // The last ids the cursor remembers vanish: the next page starts over from the top.
    for (const s of demoServers().slice(97, 100)) bff().cloud.compute.servers.delete(s.id);

    act(() => grid.focus());
    const count = () => screen.getByText(/servers loaded/).textContent ?? '';
    for (let i = 0; i < 6 && !count().startsWith('All'); i++) {
      const before = count();
      await user.keyboard('{End}');
      await waitFor(() => {
        expect(count()).not.toBe(before);
        expect(count()).not.toMatch(/loading more/);
      });
    }
    // Every server once: the ones loaded before they were deleted, and all the others.
    await screen.findByText(`All ${total} servers loaded`);
    const names = rowNames(grid);
    expect(new Set(names).size).toBe(names.length);
  });

  it('searches as the user types, in the URL', async () => {
    const { user, router, grid } = await openServers();
    await user.type(searchBox(), 'web');
    await waitFor(() => expect(currentUrl(router)).toBe('/servers?q=web'));
    await waitFor(() => expect(rowNames(grid).every((name) => name.includes('web'))).toBe(true));
    const expected = demoServers().filter((s) => s.name.includes('web'));
    await screen.findByText(`All ${expected.length} servers loaded`);
  });

  it('cancels the request of a search the user has typed past', async () => {
    const { user } = await openServers();
    let slow: Request | undefined;
    server.use(
      http.get('*/api/servers', ({ request }) => {
        if (new URL(request.url).searchParams.get('q') !== 'slow') return undefined;
        slow = request;
        return new Promise<Response>(() => {});
      }),
    );
    await user.type(searchBox(), 'slow');
    await waitFor(() => expect(slow).toBeDefined());
    expect(slow?.signal.aborted).toBe(false);
    await user.type(searchBox(), 'er');
    await waitFor(() => expect(slow?.signal.aborted).toBe(true));
    expect(await screen.findByRole('heading', { name: 'No servers match' })).toBeInTheDocument();
    expect(screen.getByText('Nothing matches “slower”.')).toBeInTheDocument();
  });

  it('says when nothing matches and offers to clear the search', async () => {
    const { user, router } = await openServers();
    await user.type(searchBox(), 'no-such-server');
    expect(await screen.findByRole('heading', { name: 'No servers match' })).toBeInTheDocument();
    expect(screen.getByText('Nothing matches “no-such-server”.')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/servers?q=no-such-server');

    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByRole('grid', { name: 'Servers' })).toBeInTheDocument();
    expect(searchBox()).toHaveValue('');
    expect(currentUrl(router)).toBe('/servers');
  });

  it('filters by status', async () => {
    const { user, router } = await openServers();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Error');
    expect(currentUrl(router)).toBe('/servers?status=ERROR');
    const errors = demoServers().filter((s) => s.vmState === 'error');
    await screen.findByText(`All ${errors.length} servers loaded`);
    const grid = screen.getByRole('grid', { name: 'Servers' });
    expect(dataRows(grid).every((row) => cellOf(grid, row, 'Status')?.textContent === 'Error')).toBe(true);
  });

  it('sorts by a column header, server-side, with aria-sort', async () => {
    const { user, router, grid } = await openServers();
    expect(within(grid).getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(grid).getByRole('button', { name: 'Name' }));
    expect(currentUrl(router)).toBe('/servers?sort=name&dir=asc');
    const byName = demoServers()
      .map((s) => s.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    await waitFor(() => expect(rowNames(screen.getByRole('grid', { name: 'Servers' }))[0]).toBe(byName[0]));
    const sorted = screen.getByRole('grid', { name: 'Servers' });
    expect(within(sorted).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    expect(within(sorted).getByRole('columnheader', { name: 'Created' })).not.toHaveAttribute('aria-sort');

    await user.click(within(sorted).getByRole('button', { name: 'Name' }));
    expect(currentUrl(router)).toBe('/servers?sort=name&dir=desc');
    await waitFor(() => expect(rowNames(screen.getByRole('grid', { name: 'Servers' }))[0]).toBe(byName.at(-1)));
  });

  it('shows the same view after a reload of its URL', async () => {
    const { grid } = await openServers('/servers?q=db&status=ACTIVE&sort=name&dir=desc');
    expect(searchBox()).toHaveValue('db');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('ACTIVE');
    expect(within(grid).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
    const names = rowNames(grid);
    expect(names.every((n) => n.includes('db'))).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('focuses the search box on /, but not while typing elsewhere', async () => {
    const { user } = await openServers();
    const status = screen.getByRole('combobox', { name: 'Status' });
    act(() => status.focus());
    await user.keyboard('/');
    expect(searchBox()).not.toHaveFocus();
    act(() => screen.getByRole('grid', { name: 'Servers' }).focus());
    await user.keyboard('/');
    expect(searchBox()).toHaveFocus();
    expect(searchBox()).toHaveValue('');
  });

  it('says when a search covered only part of the servers', async () => {
    const { user } = await openServers();
    server.use(
      http.get('*/api/servers', ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        const body: ServerList = marker ? { items: [], next: null } : { items: [], next: 'go-on', partial: true };
        return HttpResponse.json(serverListSchema.parse(body));
      }),
    );
    await user.type(searchBox(), 'deadbeef');
    expect(await screen.findByText('Searched part of the servers so far. Keep scrolling to search further.')).toBeInTheDocument();
    expect(screen.getByText('Nothing matches “deadbeef” in the servers searched so far.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Search further' }));
    expect(await screen.findByText('Nothing matches “deadbeef”.')).toBeInTheDocument();
    expect(screen.queryByText(/Searched part of the servers/)).not.toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    let down = true;
    const { user } = renderApp('/servers');
    server.use(
      http.get('*/api/servers', () =>
        down
          ? HttpResponse.json(
              { error: { code: 'upstream.unavailable', message: 'The compute service (Nova) cannot be reached.', params: { service: 'compute' }, requestId: 'req-down' } },
              { status: 503 },
            )
          : undefined,
      ),
    );
    await signIn(user);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The servers could not be loaded'));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The compute service (Nova) cannot be reached. Try again in a moment.');
    expect(alert).toHaveTextContent('req-down');
    down = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('grid', { name: 'Servers' })).toBeInTheDocument();
  });

  it('merges servers changed or deleted elsewhere when the tab comes back', async () => {
    const { grid } = await openServers();
    const [gone, renamed] = demoServers() as [Server, Server];
    const now = Date.now();
    gone.deletedAt = now;
    gone.vmState = 'deleted';
    gone.updatedAt = now;
    renamed.name = 'renamed-by-a-colleague';
    renamed.updatedAt = now + 1000;

    act(() => {
      window.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(rowNames(grid)).toContain('renamed-by-a-colleague'));
    expect(rowNames(grid)).not.toContain(gone.name);
    expect(screen.getByText(`All ${demoServers().length} servers loaded`)).toBeInTheDocument();
  });
});
