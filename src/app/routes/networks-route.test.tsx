import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { bff, resetBff, server } from '../../lib/testing/msw-server';
import { createCloud } from '../../simulator/core/cloud';
import type { Network, Subnet } from '../../simulator/core/network/model';
import { projectIds } from '../../simulator/core/seed';
import { currentUrl, openGrid, renderApp, signIn } from '../testing/render-app';

/** What a demo member may see, in the list's default order (name, ties by id). */
function visibleNetworks(): Network[] {
  return [...bff().cloud.network.networks.values()]
    .filter((n) => n.projectId === projectIds.demo || n.shared || n.external)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
}

const subnetsOf = (network: Network): Subnet[] => [...bff().cloud.network.subnets.values()].filter((s) => s.networkId === network.id);

const openNetworks = (path = '/networks') => openGrid(path, 'Networks');

const dataRows = (grid: HTMLElement) => within(grid).getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');
const rowNames = (grid: HTMLElement) => dataRows(grid).map((row) => within(row).getAllByRole('gridcell')[0]?.textContent ?? '');
const searchBox = () => screen.getByRole('searchbox', { name: 'Search networks' });
const allLoaded = (n: number) => `All ${n} network${n === 1 ? '' : 's'} loaded`;

describe('the networks list', () => {
  it('shows the networks the project can use, with subnets, sharing, status, admin state and project', async () => {
    const { grid } = await openNetworks();
    const networks = visibleNetworks();
    expect(screen.getByRole('heading', { level: 1, name: 'Networks' })).toBeInTheDocument();
    expect(screen.getByText(`All ${networks.length} networks loaded`)).toBeInTheDocument();
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Subnets', 'Shared', 'External', 'Status', 'Admin state', 'Project']);
    expect(rowNames(grid)).toEqual(networks.slice(0, rowNames(grid).length).map((n) => n.name));

    const privateNet = networks.find((n) => n.name === 'private') as Network;
    const row = within(grid).getByRole('row', { name: /^private / });
    expect(within(row).getByRole('link', { name: 'private' })).toHaveAttribute('href', `/networks/${privateNet.id}`);
    const cells = within(row).getAllByRole('gridcell').map((c) => c.textContent);
    expect(cells.slice(1)).toEqual(['10.10.0.0/16fd00:1::/64', 'No', 'No', 'Active', 'Up', 'demo']);

    const publicRow = within(grid).getByRole('row', { name: /^public / });
    const publicCells = within(publicRow).getAllByRole('gridcell').map((c) => c.textContent);
    expect(publicCells.slice(1, 4)).toEqual(['203.0.113.0/242001:db8:ffff::/64', 'Yes', 'Yes']);
    // Another project's network: its id, not a name the session does not know.
    expect(publicCells[6]).toBe(`${projectIds.admin.slice(0, 8)}…`);
  });

  it('searches by name as the user types, in the URL, and says that it matched parts of names', async () => {
    resetBff(createCloud({ seed: { servers: 20, networks: 120, projects: 1 } }));
    const { user, router, grid } = await openNetworks();
    await user.type(searchBox(), 'PROD');
    await waitFor(() => expect(currentUrl(router)).toBe('/networks?q=PROD'));
    const expected = visibleNetworks().filter((n) => n.name.includes('prod'));
    expect(expected.length).toBeGreaterThan(1);
    await screen.findByText(allLoaded(expected.length));
    const shown = rowNames(grid);
    expect(shown).toEqual(expected.slice(0, shown.length).map((n) => n.name));
    expect(screen.getByText(/^Names that contain “PROD”, any case\. Neutron matches whole names only/)).toBeInTheDocument();
  });

  it('finds the network of a CIDR, and of an address inside one', async () => {
    const { user, router } = await openNetworks();
    const target = visibleNetworks().find((n) => n.name.startsWith('frontend-')) ?? (visibleNetworks()[0] as Network);
    const v4 = subnetsOf(target).find((s) => s.ipVersion === 4) as Subnet;

    await user.type(searchBox(), v4.cidr);
    await waitFor(() => expect(currentUrl(router)).toBe(`/networks?q=${encodeURIComponent(v4.cidr)}`));
    await screen.findByText('All 1 network loaded');
    expect(screen.getByText(`Networks with a subnet of exactly ${v4.cidr}.`)).toBeInTheDocument();
    const grid = screen.getByRole('grid', { name: 'Networks' });
    expect(rowNames(grid)).toEqual([target.name]);

    const address = v4.cidr.replace(/0\/\d+$/, '42');
    await user.clear(searchBox());
    await user.type(searchBox(), address);
    await screen.findByText(`Networks with a subnet that contains ${address}.`);
    await waitFor(() => expect(rowNames(screen.getByRole('grid', { name: 'Networks' }))).toEqual([target.name]));
  });

  it('filters by shared, external and status, all in the URL', async () => {
    const { user, router } = await openNetworks();
    // The route's loader starts each new view's first page, so the URL follows a change a moment later.
    const urlBecomes = (url: string) => waitFor(() => expect(currentUrl(router)).toBe(url));
    await user.selectOptions(screen.getByRole('combobox', { name: 'External' }), 'Yes');
    await urlBecomes('/networks?external=true');
    await screen.findByText('All 1 network loaded');
    expect(rowNames(screen.getByRole('grid', { name: 'Networks' }))).toEqual(['public']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'External' }), 'No');
    await urlBecomes('/networks?external=false');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Shared' }), 'No');
    await urlBecomes('/networks?shared=false&external=false');
    const own = visibleNetworks().filter((n) => !n.shared && !n.external);
    await screen.findByText(allLoaded(own.length));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Down');
    await urlBecomes('/networks?shared=false&external=false&status=DOWN');
    expect(await screen.findByRole('heading', { name: 'No networks match' })).toBeInTheDocument();
    expect(screen.getByText('Nothing matches among the networks not shared, not external and with the status Down.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await urlBecomes('/networks');
    await screen.findByText(allLoaded(visibleNetworks().length));
  });

  it('keeps two filters changed before the list re-renders, as on a loaded machine', async () => {
    const { router } = await openNetworks();
    // Both in one turn: the second change is made while the page still shows the URL before the first.
    act(() => {
      fireEvent.change(screen.getByRole('combobox', { name: 'External' }), { target: { value: 'false' } });
      fireEvent.change(screen.getByRole('combobox', { name: 'Shared' }), { target: { value: 'false' } });
    });
    await waitFor(() => expect(currentUrl(router)).toBe('/networks?shared=false&external=false'));
    await screen.findByText(allLoaded(visibleNetworks().filter((n) => !n.shared && !n.external).length));
    expect(screen.getByRole('combobox', { name: 'External' })).toHaveValue('false');
  });

  it('says when nothing matches and offers to clear the search', async () => {
    const { user, router } = await openNetworks('/networks?shared=true');
    await user.type(searchBox(), 'no-such-network');
    expect(await screen.findByRole('heading', { name: 'No networks match' })).toBeInTheDocument();
    expect(screen.getByText('Nothing matches “no-such-network” among the networks shared.')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/networks?shared=true&q=no-such-network');

    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByRole('grid', { name: 'Networks' })).toBeInTheDocument();
    expect(searchBox()).toHaveValue('');
    await waitFor(() => expect(currentUrl(router)).toBe('/networks'));
  });

  it('says when a partial-name search has scanned only part of the networks, and searches further', async () => {
    resetBff(createCloud({ seed: { servers: 20, networks: 1200, projects: 1 } }));
    const { user } = await openNetworks();
    await user.type(searchBox(), 'dmz-qa');
    expect(await screen.findByText('Searched part of the networks so far. Keep scrolling to search further.')).toBeInTheDocument();
    expect(screen.getByText(/^Names that contain “dmz-qa”/)).toBeInTheDocument();
    const expected = visibleNetworks().filter((n) => n.name.includes('dmz-qa'));
    // More pages come as the list scrolls (or with the button), until the scan is done.
    for (let i = 0; i < 10 && screen.queryByText(/^All \d+ networks? loaded$/) === null; i++) {
      const further = await screen.findByRole('button', { name: 'Search further' });
      await user.click(further);
      await waitFor(() => expect(screen.queryByText(/loading more/)).not.toBeInTheDocument());
    }
    await screen.findByText(allLoaded(expected.length));
    expect(screen.queryByText(/Searched part of the networks/)).not.toBeInTheDocument();
    expect(rowNames(screen.getByRole('grid', { name: 'Networks' })).every((name) => name.includes('dmz-qa'))).toBe(true);
  });

  it('sorts by name and status, server-side, with aria-sort', async () => {
    const { user, router, grid } = await openNetworks();
    expect(within(grid).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(grid).getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/networks?sort=name&dir=desc'));
    await waitFor(() => expect(rowNames(screen.getByRole('grid', { name: 'Networks' }))[0]).toBe(visibleNetworks().at(-1)?.name));
    await user.click(within(screen.getByRole('grid', { name: 'Networks' })).getByRole('button', { name: 'Status' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/networks?sort=status&dir=asc'));
  });

  it('shows the same view after a reload of its URL', async () => {
    const { grid } = await openNetworks('/networks?q=prod&shared=false&sort=name&dir=desc');
    expect(searchBox()).toHaveValue('prod');
    expect(screen.getByRole('combobox', { name: 'Shared' })).toHaveValue('false');
    expect(screen.getByRole('combobox', { name: 'External' })).toHaveValue('');
    const names = rowNames(grid);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('prod'))).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('loads the next page as the user scrolls near the end, and keeps the DOM small', async () => {
    resetBff(createCloud({ seed: { servers: 20, networks: 400, projects: 1 } }));
    const total = visibleNetworks().length;
    expect(total).toBeGreaterThan(300);
    const { grid } = await openNetworks();
    expect(screen.getByText('100 networks loaded, more load as you scroll')).toBeInTheDocument();
    grid.scrollTop = 52 * 85;
    fireEvent.scroll(grid);
    await screen.findByText('200 networks loaded, more load as you scroll');
    expect(dataRows(grid).length).toBeLessThan(60);
  });

  it('opens a network with the keyboard, and its back link returns to the list as it was', async () => {
    const { grid, user, router } = await openNetworks('/networks?q=private');
    const target = visibleNetworks().find((n) => n.name === 'private') as Network;
    act(() => grid.focus());
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'private' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe(`/networks/${target.id}`);
    await user.click(screen.getByRole('link', { name: /All networks/ }));
    await screen.findByRole('grid', { name: 'Networks' });
    expect(currentUrl(router)).toBe('/networks?q=private');
  });

  it('shows an error with a retry', async () => {
    let down = true;
    server.use(
      http.get('*/api/networks', () =>
        down
          ? HttpResponse.json({ error: { code: 'upstream.unavailable', message: 'Neutron is down', params: { service: 'network' }, requestId: 'req-net' } }, { status: 503 })
          : undefined,
      ),
    );
    const { user } = renderApp('/networks');
    await signIn(user);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The networks could not be loaded'));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The network service (Neutron) cannot be reached. Try again in a moment.');
    expect(alert).toHaveTextContent('req-net');
    down = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('grid', { name: 'Networks' })).toBeInTheDocument();
  });
});
