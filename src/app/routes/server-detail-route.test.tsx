import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { showcase } from '../../lib/testing/demo-servers';
import { bff, server } from '../../lib/testing/msw-server';
import type { Server } from '../../simulator/core/compute/model';
import { projectIds } from '../../simulator/core/seed';
import { currentUrl, renderApp, signIn } from '../testing/render-app';

async function openDetail(id: string, query = '') {
  const app = renderApp(`/servers/${id}${query}`);
  await signIn(app.user);
  return app;
}

describe('the server detail', () => {
  it('shows an ERROR server’s fault, its facts and its action log with expandable events', async () => {
    const broken = showcase()[2] as Server; // failed after launch
    const { user } = await openDetail(broken.id);
    expect(await screen.findByRole('heading', { level: 1, name: broken.name })).toBeInTheDocument();

    const fault = screen.getByRole('region', { name: 'Fault' });
    expect(fault).toHaveTextContent('Instance failed to spawn: libvirtError: internal error: qemu unexpectedly closed the monitor');
    expect(fault).toHaveTextContent('Code 500');
    expect(within(fault).getByText(/\d{4}/, { selector: 'time' })).toHaveAttribute('dateTime', expect.stringMatching(/Z$/));

    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(summary).toHaveTextContent('StatusError');
    expect(summary).toHaveTextContent('Availability zonenova');

    const flavor = bff().cloud.compute.flavors.get(broken.flavorId);
    const sizes = screen.getByRole('region', { name: 'Flavor and image' });
    expect(sizes).toHaveTextContent(`Flavor${flavor?.name}`);
    expect(sizes).toHaveTextContent(`vCPUs${flavor?.vcpus}`);
    expect(screen.getByRole('region', { name: 'Security groups' })).toHaveTextContent('default');

    const log = screen.getByRole('region', { name: 'Action log' });
    expect(within(log).getByRole('heading', { level: 3, name: 'Create' })).toBeInTheDocument();
    const toggle = within(log).getByRole('button', { name: 'Events of create (1)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(log).queryByText('compute__do_build_and_run_instance')).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(log).getByText('compute__do_build_and_run_instance')).toBeInTheDocument();
    await user.click(toggle);
    expect(within(log).queryByText('compute__do_build_and_run_instance')).not.toBeInTheDocument();
  });

  it('shows the failed build of a server that never launched', async () => {
    const neverLaunched = showcase()[1] as Server;
    const { user } = await openDetail(neverLaunched.id);
    const fault = await screen.findByRole('region', { name: 'Fault' });
    expect(fault).toHaveTextContent('No valid host was found');
    const log = screen.getByRole('region', { name: 'Action log' });
    expect(log).toHaveTextContent('Failed');
    await user.click(within(log).getByRole('button', { name: /^Events of create/ }));
    expect(log).toHaveTextContent('Error');
    expect(screen.getByRole('region', { name: 'Summary' })).toHaveTextContent('Host IDNo host');
    expect(screen.getByRole('region', { name: 'Addresses' })).toHaveTextContent('No addresses');
  });

  it('groups addresses by network with copy buttons, and lists metadata and volumes', async () => {
    const withFloating = [...bff().cloud.network.floatingIps.values()]
      .map((fip) => ({ fip, port: bff().cloud.network.ports.get(fip.portId ?? '') }))
      .map(({ fip, port }) => ({ fip, server: bff().cloud.compute.servers.get(port?.deviceId ?? '') }))
      .find(({ server: s }) => s?.projectId === projectIds.demo);
    if (!withFloating?.server) throw new Error('the seed has no demo server with a floating IP');
    const target = withFloating.server;
    target.metadata = { owner: 'payments', 'cost-centre': '42' };
    const { user } = await openDetail(target.id);

    const addresses = await screen.findByRole('region', { name: 'Addresses' });
    const table = within(addresses).getByRole('table', { name: 'Network private' });
    const floating = within(table).getByRole('row', { name: new RegExp(withFloating.fip.floatingIpAddress.replaceAll('.', '\\.')) });
    expect(floating).toHaveTextContent('floating');
    expect(floating).toHaveTextContent('IPv4');
    expect(floating).toHaveTextContent(/[0-9a-f]{2}(:[0-9a-f]{2}){5}/);
    await user.click(within(floating).getByRole('button', { name: `Copy ${withFloating.fip.floatingIpAddress}` }));
    await expect(navigator.clipboard.readText()).resolves.toBe(withFloating.fip.floatingIpAddress);

    const metadata = within(screen.getByRole('region', { name: 'Metadata' })).getByRole('table');
    expect(within(metadata).getByRole('rowheader', { name: 'owner' })).toBeInTheDocument();
    expect(within(metadata).getByRole('row', { name: 'cost-centre 42' })).toBeInTheDocument();
  });

  it('copies the server id', async () => {
    const target = showcase()[0] as Server;
    const { user } = await openDetail(target.id);
    await user.click(await screen.findByRole('button', { name: 'Copy ID' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(target.id);
    expect(screen.getByText('Copied')).toBeInTheDocument();
  });

  it('shows the lock and its reason', async () => {
    const locked = showcase()[8] as Server;
    await openDetail(locked.id);
    expect(await screen.findByRole('region', { name: 'Summary' })).toHaveTextContent('LockedYes: Locked by the operations team during an incident');
    expect(screen.getByRole('img', { name: 'Locked: Locked by the operations team during an incident' })).toBeInTheDocument();
  });

  it('loads the console log in its tab, and refreshes it', async () => {
    const target = showcase()[0] as Server;
    let calls = 0;
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.endsWith('/console')) calls += 1;
    });
    const { user, router } = await openDetail(target.id);
    const tab = await screen.findByRole('tab', { name: 'Console log' });
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    expect(calls).toBe(0);

    await user.click(tab);
    expect(tab).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(currentUrl(router)).toBe(`/servers/${target.id}?tab=console`));
    const output = await screen.findByRole('region', { name: 'Console output' });
    expect(output).toHaveTextContent(/login:$/);
    expect(screen.getByRole('tabpanel', { name: 'Console log' })).toContainElement(output);
    expect(calls).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(calls).toBe(2));

    // Arrow keys move between the tabs.
    act(() => screen.getByRole('tab', { name: 'Console log' }).focus());
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveFocus();
    expect(await screen.findByRole('region', { name: 'Summary' })).toBeInTheDocument();
  });

  it('opens on the console tab from its URL', async () => {
    const target = showcase()[0] as Server;
    await openDetail(target.id, '?tab=console');
    expect(await screen.findByRole('region', { name: 'Console output' })).toHaveTextContent('login:');
  });

  it('says when the server no longer exists, with a way back to the list', async () => {
    const { user, router } = await openDetail('00000000-0000-4000-8000-000000000000');
    expect(await screen.findByRole('heading', { level: 1, name: 'This server no longer exists' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Back to the servers' }));
    expect(await screen.findByRole('grid', { name: 'Servers' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/servers');
  });

  it('shows other failures with a retry', async () => {
    const target = showcase()[0] as Server;
    let down = true;
    server.use(
      http.get('*/api/servers/:id', () =>
        down ? HttpResponse.json({ error: { code: 'upstream.unavailable', message: 'Compute is down', params: { service: 'compute' } } }, { status: 503 }) : undefined,
      ),
    );
    const { user } = await openDetail(target.id);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The server could not be loaded'));
    expect(screen.getByRole('alert')).toHaveTextContent('The compute service (Nova) cannot be reached. Try again in a moment.');
    down = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: target.name })).toBeInTheDocument();
  });

  it('comes back by itself once Nova answers again, saying meanwhile when it tries next', async () => {
    const target = showcase()[0] as Server;
    let down = true;
    server.use(
      http.get('*/api/servers/:id', () =>
        down ? HttpResponse.json({ error: { code: 'upstream.unavailable', message: 'Compute is down', params: { service: 'compute' } } }, { status: 503 }) : undefined,
      ),
    );
    const app = renderApp(`/servers/${target.id}`);
    await signIn(app.user);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The server could not be loaded'));
    expect(screen.getByRole('alert')).toHaveTextContent('Retrying in 2 s');
    down = false;
    expect(await screen.findByRole('heading', { level: 1, name: target.name }, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('goes back to the list as the user left it', async () => {
    const app = renderApp('/servers?sort=name&dir=asc');
    await signIn(app.user);
    const grid = await screen.findByRole('grid', { name: 'Servers' });
    const [, first] = within(grid).getAllByRole('row');
    if (!first) throw new Error('no rows');
    const name = within(first).getByRole('link').textContent ?? '';
    // A click anywhere on the row opens it.
    await app.user.click(within(first).getAllByRole('gridcell')[2] as HTMLElement);
    expect(await screen.findByRole('heading', { level: 1, name })).toBeInTheDocument();
    await app.user.click(screen.getByRole('link', { name: /All servers/ }));
    const again = await screen.findByRole('grid', { name: 'Servers' });
    expect(currentUrl(app.router)).toBe('/servers?sort=name&dir=asc');

    // The name's link does the same.
    await app.user.click(within(again).getByRole('link', { name }));
    expect(await screen.findByRole('heading', { level: 1, name })).toBeInTheDocument();
    await app.user.click(screen.getByRole('link', { name: /All servers/ }));
    await screen.findByRole('grid', { name: 'Servers' });
    expect(currentUrl(app.router)).toBe('/servers?sort=name&dir=asc');
  });
});
