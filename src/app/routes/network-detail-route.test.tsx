import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { bff, server } from '../../lib/testing/msw-server';
import type { Network, Port } from '../../simulator/core/network/model';
import { projectIds } from '../../simulator/core/seed';
import { currentUrl, renderApp, signIn } from '../testing/render-app';

const portsOf = (network: Network): Port[] => [...bff().cloud.network.ports.values()].filter((p) => p.networkId === network.id && p.projectId === projectIds.demo);
const isCompute = (port: Port) => port.deviceOwner.startsWith('compute:');

/** A demo network with a DHCP port and a few servers' ports: all its rows fit on screen. */
function smallNetwork(): { network: Network; ports: Port[] } {
  const found = [...bff().cloud.network.networks.values()]
    .filter((n) => n.projectId === projectIds.demo && n.name !== 'private')
    .map((network) => ({ network, ports: portsOf(network) }))
    .find(({ ports }) => ports.some(isCompute) && ports.length <= 12);
  if (!found) throw new Error('the seed has no small demo network with servers on it');
  return found;
}

const privateNetwork = () => [...bff().cloud.network.networks.values()].find((n) => n.projectId === projectIds.demo && n.name === 'private') as Network;
const serverOf = (port: Port) => bff().cloud.compute.servers.get(port.deviceId);

async function openNetwork(id: string) {
  const app = renderApp(`/networks/${id}`);
  await signIn(app.user);
  return app;
}

const portRow = (grid: HTMLElement, port: Port) => within(grid).getByRole('row', { name: new RegExp(port.id) });

describe('the network detail', () => {
  it('shows the summary, the subnets and the ports, with their owners in words and their servers', async () => {
    const { network, ports } = smallNetwork();
    await openNetwork(network.id);
    expect(await screen.findByRole('heading', { level: 1, name: network.name })).toBeInTheDocument();

    const summary = screen.getByRole('region', { name: 'Summary' });
    for (const fact of ['StatusActive', 'Admin stateUp', 'SharedNo', 'ExternalNo', 'MTU1450 bytes', 'Port securityEnabled', 'Availability zonesnova', `Projectdemo ${projectIds.demo}`, 'TagsNone']) {
      expect(summary).toHaveTextContent(fact);
    }
    expect(within(summary).getAllByText(/\d{4}/, { selector: 'time' })).toHaveLength(2);

    const subnets = within(screen.getByRole('region', { name: 'Subnets' })).getByRole('table', { name: 'Subnets' });
    expect(within(subnets).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Name',
      'CIDR',
      'IP version',
      'Gateway',
      'Allocation pools',
      'DHCP',
      'DNS servers',
      'Host routes',
    ]);
    const v4 = [...bff().cloud.network.subnets.values()].find((s) => s.networkId === network.id && s.ipVersion === 4);
    const v4Row = within(subnets).getByRole('row', { name: new RegExp(`^${network.name}-v4`) });
    const pool = v4?.allocationPools[0];
    for (const text of [v4?.cidr, 'IPv4', v4?.gatewayIp, `${pool?.start} – ${pool?.end}`, 'Enabled', '9.9.9.9', 'None']) expect(v4Row).toHaveTextContent(text ?? 'missing');

    const grid = await screen.findByRole('grid', { name: 'Ports' });
    await screen.findByText(`All ${ports.length} ports loaded`);
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Port', 'Attached to', 'Fixed IPs', 'MAC address', 'Status']);
    const dhcp = ports.find((p) => p.deviceOwner === 'network:dhcp') as Port;
    const dhcpRow = portRow(grid, dhcp);
    expect(dhcpRow).toHaveTextContent('DHCP');
    expect(dhcpRow).toHaveTextContent(dhcp.macAddress);
    expect(dhcpRow).toHaveTextContent(dhcp.fixedIps[0]?.ipAddress ?? 'missing');
    expect(within(dhcpRow).queryByRole('link')).not.toBeInTheDocument();

    const compute = ports.find(isCompute) as Port;
    const computeRow = portRow(grid, compute);
    expect(computeRow).toHaveTextContent('Server');
    expect(within(computeRow).getByRole('link', { name: serverOf(compute)?.name })).toHaveAttribute('href', `/servers/${compute.deviceId}`);
  });

  it('follows a port to its server, whose address group links back to the network', async () => {
    const { network, ports } = smallNetwork();
    const compute = ports.find(isCompute) as Port;
    const target = serverOf(compute);
    const { user, router } = await openNetwork(network.id);
    const grid = await screen.findByRole('grid', { name: 'Ports' });
    await user.click(within(portRow(grid, compute)).getByRole('link', { name: target?.name }));

    expect(await screen.findByRole('heading', { level: 1, name: target?.name })).toBeInTheDocument();
    expect(currentUrl(router)).toBe(`/servers/${target?.id}`);
    const addresses = screen.getByRole('region', { name: 'Addresses' });
    const group = within(addresses).getByRole('table', { name: `Network ${network.name}` });
    await user.click(within(group).getByRole('link', { name: network.name }));

    expect(await screen.findByRole('heading', { level: 1, name: network.name })).toBeInTheDocument();
    expect(currentUrl(router)).toBe(`/networks/${network.id}`);
  });

  it('opens a port’s server with a click anywhere on its row', async () => {
    const { network, ports } = smallNetwork();
    const compute = ports.find(isCompute) as Port;
    const { user, router } = await openNetwork(network.id);
    const grid = await screen.findByRole('grid', { name: 'Ports' });
    await screen.findByText(`All ${ports.length} ports loaded`);
    await user.click(within(portRow(grid, compute)).getAllByRole('gridcell')[2] as HTMLElement);
    await waitFor(() => expect(currentUrl(router)).toBe(`/servers/${compute.deviceId}`));
  });

  it('says “deleted server” for a port whose server is gone', async () => {
    const { network, ports } = smallNetwork();
    const compute = ports.find(isCompute) as Port;
    const gone = serverOf(compute);
    if (!gone) throw new Error('no server');
    gone.deletedAt = Date.now();
    gone.vmState = 'deleted';
    await openNetwork(network.id);
    const grid = await screen.findByRole('grid', { name: 'Ports' });
    await screen.findByText(`All ${ports.length} ports loaded`);
    const row = portRow(grid, compute);
    expect(row).toHaveTextContent('deleted server');
    expect(within(row).queryByRole('link')).not.toBeInTheDocument();
  });

  it('loads the ports of a busy network page by page as they scroll', async () => {
    const network = privateNetwork();
    const total = portsOf(network).length;
    expect(total).toBeGreaterThan(50);
    await openNetwork(network.id);
    const grid = await screen.findByRole('grid', { name: 'Ports' });
    expect(await screen.findByText('50 ports loaded, more load as you scroll')).toBeInTheDocument();
    grid.scrollTop = 52 * 40;
    fireEvent.scroll(grid);
    await screen.findByText(total > 100 ? '100 ports loaded, more load as you scroll' : `All ${total} ports loaded`);
    expect(within(grid).getAllByRole('row').length).toBeLessThan(60);
  });

  it('says in words when the network is gone or another project’s, with a way back', async () => {
    const foreign = [...bff().cloud.network.networks.values()].find((n) => n.projectId !== projectIds.demo && !n.shared && !n.external) as Network;
    const { user, router } = await openNetwork(foreign.id);
    expect(await screen.findByRole('heading', { level: 1, name: 'Network not found' })).toBeInTheDocument();
    expect(screen.getByText('This network no longer exists, or it belongs to another project.')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Back to the networks' }));
    expect(await screen.findByRole('grid', { name: 'Networks' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/networks');
  });

  it('shows other failures with a retry', async () => {
    const network = privateNetwork();
    let down = true;
    server.use(
      http.get('*/api/networks/:id', () =>
        down ? HttpResponse.json({ error: { code: 'upstream.unavailable', message: 'Neutron is down', params: { service: 'network' } } }, { status: 503 }) : undefined,
      ),
    );
    const { user } = await openNetwork(network.id);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The network could not be loaded'));
    expect(screen.getByRole('alert')).toHaveTextContent('The network service (Neutron) cannot be reached. Try again in a moment.');
    down = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'private' })).toBeInTheDocument();
  });
});
