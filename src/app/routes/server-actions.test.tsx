import { act, screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { demoServers, showcase } from '../../lib/testing/demo-servers';
import { bff, resetBff, server } from '../../lib/testing/msw-server';
import { createClock, type VirtualClock } from '../../simulator/core/clock';
import { createCloud } from '../../simulator/core/cloud';
import type { Server } from '../../simulator/core/compute/model';
import { currentUrl, openGrid, renderApp, signIn } from '../testing/render-app';

function runningServer(skip: Server[] = []): Server {
  const found = demoServers().find((s) => s.vmState === 'active' && s.taskState === null && !s.locked && s.launchedAt !== null && s.host !== null && !skip.includes(s));
  if (!found) throw new Error('no running demo server');
  return found;
}

function virtualCloud(): VirtualClock {
  const clock = createClock({ virtual: true });
  resetBff(createCloud({ clock }));
  return clock;
}

async function openDetail(target: Server) {
  const app = renderApp(`/servers/${target.id}`);
  await signIn(app.user);
  await screen.findByRole('heading', { level: 1, name: target.name });
  return app;
}

const openList = (path = '/servers') => openGrid(path, 'Servers');

const rowOf = (grid: HTMLElement, name: string) => {
  const link = within(grid).getByRole('link', { name });
  const row = link.closest('[role="row"]');
  if (!(row instanceof HTMLElement)) throw new Error(`no row for ${name}`);
  return row;
};

async function openRowMenu(user: ReturnType<typeof renderApp>['user'], grid: HTMLElement, name: string) {
  await user.click(within(rowOf(grid, name)).getByRole('button', { name: `Actions for ${name}` }));
  return within(await screen.findByRole('menu', { name: `Actions for ${name}` }));
}

const posted = () => bff().tasks.posts.filter((p) => p.status !== 403);

/** Waits until this tab holds the task event stream (the simulated BFF sends on it). */
const streamOpen = () => waitFor(() => expect(bff().tasks.streams()).toBe(1));

afterEach(() => {
  server.events.removeAllListeners();
});

describe('server actions', () => {
  it('keeps an impossible action focusable, with its reason as its description and a tooltip', async () => {
    const stopped = showcase()[0] as Server;
    const { user } = await openDetail(stopped);
    const actions = screen.getByRole('group', { name: `Actions on ${stopped.name}` });
    const reboot = within(actions).getByRole('button', { name: 'Reboot' });
    expect(reboot).toHaveAttribute('aria-disabled', 'true');
    expect(reboot).not.toBeDisabled();
    expect(reboot).toHaveAccessibleDescription('Reboot is not possible while the server is shut off.');

    await user.hover(reboot);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Reboot is not possible while the server is shut off.');
    await user.click(reboot);
    act(() => reboot.focus());
    expect(reboot).toHaveFocus();
    expect(posted()).toEqual([]);

    const start = within(actions).getByRole('button', { name: 'Start' });
    expect(start).not.toHaveAttribute('aria-disabled');
    expect(start).not.toHaveAccessibleDescription();
  });

  it('says why in the row menu too, and names a locked server’s reason', async () => {
    const lockedAdmin = showcase()[8] as Server;
    const { user, grid } = await openList(`/servers?q=${lockedAdmin.name}`);
    await waitFor(() => expect(within(grid).getAllByRole('link', { name: lockedAdmin.name })).toHaveLength(1));
    const menu = await openRowMenu(user, grid, lockedAdmin.name);
    const stop = menu.getByRole('menuitem', { name: 'Stop' });
    expect(stop).toHaveAttribute('aria-disabled', 'true');
    expect(stop).toHaveAccessibleDescription('The server is locked: unlock it first.');
    await user.click(stop);
    expect(posted()).toEqual([]);
    // A snapshot does not check the lock (Nova says so).
    expect(menu.getByRole('menuitem', { name: 'Create snapshot' })).not.toHaveAttribute('aria-disabled');
  });

  it('asks before a disruptive action in a dialog that names the server, and gives focus back', async () => {
    const target = runningServer();
    const { user } = await openDetail(target);
    const stop = screen.getByRole('button', { name: 'Stop' });
    await user.click(stop);
    const dialog = await screen.findByRole('dialog', { name: `Stop ${target.name}?` });
    expect(dialog).toHaveAccessibleDescription(`${target.name} is asked to shut down, then powered off. It keeps its disk and addresses, and stays off until you start it.`);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(stop).toHaveFocus();
    expect(posted()).toEqual([]);

    await user.click(stop);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(stop).toHaveFocus();
    expect(posted().map((p) => [p.serverId, p.action, p.status])).toEqual([[target.id, 'stop', 202]]);
    expect(await screen.findByText(`Stop of ${target.name} started.`)).toBeInTheDocument();
    // The row is read again at once: the server is shutting down, and every action waits for it.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start' })).toHaveAccessibleDescription('Wait until the stop you started has finished.'));
  });

  it('resizes: the current flavor is not offered, smaller disks cannot be picked and say why, and the quota headroom shows', async () => {
    const target = runningServer();
    const flavors = bff().cloud.compute.flavors;
    target.flavorId = '3'; // m1.medium: 2 vCPUs, 4 GB, 40 GB disk
    const { user } = await openDetail(target);
    await user.click(screen.getByRole('button', { name: 'Resize' }));
    const dialog = await screen.findByRole('dialog', { name: `Resize ${target.name}` });
    expect(dialog).toHaveAccessibleDescription(/Now m1\.medium \(2 vCPUs, 4 GB RAM, 40 GB disk\)/);
    const group = await within(dialog).findByRole('group', { name: 'New flavor' });
    const names = within(group).getAllByRole('radio').map((r) => r.closest('label')?.querySelector('.font-medium')?.textContent);
    expect(names).not.toContain('m1.medium');
    expect(names).toContain('m1.large');

    const small = within(group).getByRole('radio', { name: /^m1\.small/ });
    expect(small).toBeDisabled();
    expect(small).toHaveAccessibleDescription(/Its 20 GB disk is smaller than the current 40 GB: Nova cannot shrink a disk\./);
    const c1 = within(group).getByRole('radio', { name: /^c1\.compute/ });
    expect(c1).toBeEnabled(); // 40 GB: the same disk is fine

    const submit = within(dialog).getByRole('button', { name: 'Resize' });
    expect(submit).toHaveAccessibleDescription('Pick a new flavor first.');
    await user.click(within(group).getByRole('radio', { name: /^m1\.large/ }));
    const changes = within(dialog).getByRole('region', { name: 'What changes' });
    const usage = demoServers().reduce((sum, s) => sum + (flavors.get(s.flavorId)?.vcpus ?? 0), 0);
    const max = bff().cloud.compute.quota.cores;
    expect(changes).toHaveTextContent(`vCPUs2 → 4(uses 2 more vCPUs — ${max - usage} of ${max} left)`);
    expect(changes).toHaveTextContent(/RAM4 GB → 8 GB\(uses 4 GB more RAM — [\d.]+ GB of [\d.]+ GB left\)/);
    expect(changes).toHaveTextContent('Disk40 GB → 80 GB');
    expect(submit).not.toHaveAttribute('aria-disabled');

    await user.click(submit);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posted().map((p) => [p.action, p.body])).toEqual([['resize', { flavorId: '4' }]]);
  });

  it('says when the quota has no room for a bigger flavor, before asking Nova', async () => {
    const target = runningServer();
    target.flavorId = '1';
    bff().cloud.compute.quota.cores = 1;
    const { user } = await openDetail(target);
    await user.click(screen.getByRole('button', { name: 'Resize' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(await within(dialog).findByRole('radio', { name: /^m1\.large/ }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The project’s quota has no room for this flavor.');
    const submit = within(dialog).getByRole('button', { name: 'Resize' });
    expect(submit).toHaveAccessibleDescription('The project’s quota has no room for this flavor.');
    await user.click(submit);
    expect(posted()).toEqual([]);
  });

  it('shows the rescue password once, copyable, and keeps it nowhere', async () => {
    const target = runningServer();
    const { user, queryClient } = await openDetail(target);
    const rescue = screen.getByRole('button', { name: 'Rescue' });
    await user.click(rescue);
    const dialog = await screen.findByRole('dialog', { name: `Rescue ${target.name}?` });
    expect(within(dialog).getByRole('combobox', { name: 'Rescue image' })).toHaveValue('');
    expect(within(dialog).getByRole('textbox', { name: /Rescue password/ })).toHaveValue('');
    await user.click(within(dialog).getByRole('button', { name: 'Rescue' }));

    const secret = await within(dialog).findByRole('group', { name: 'Rescue password' });
    const password = secret.querySelector('code')?.textContent ?? '';
    expect(password.length).toBeGreaterThanOrEqual(8);
    expect(secret).toHaveTextContent('it will not be shown again');
    expect(within(secret).getByRole('button', { name: 'Copy the rescue password' })).toBeInTheDocument();

    // Not in any cache: queries, mutations, nor the tasks.
    const cached = JSON.stringify([queryClient.getQueryCache().getAll().map((q) => q.state.data), queryClient.getMutationCache().getAll().map((m) => m.state.data)]);
    expect(cached).not.toContain(password);

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByText(password)).not.toBeInTheDocument();
    expect(rescue).toHaveFocus();
  });

  it('locks with a reason, snapshots with a default name, and asks for the name before a rebuild wipes the disk', async () => {
    const target = runningServer();
    const { user } = await openDetail(target);
    await user.click(screen.getByRole('button', { name: 'Create snapshot' }));
    const snapshot = await screen.findByRole('dialog', { name: `Create a snapshot of ${target.name}` });
    expect((within(snapshot).getByRole('textbox', { name: 'Snapshot name' }) as HTMLInputElement).value).toMatch(new RegExp(`^${target.name}-snapshot-\\d{4}-\\d{2}-\\d{2}$`));
    await user.click(within(snapshot).getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Rebuild' }));
    const rebuild = await screen.findByRole('dialog', { name: `Rebuild ${target.name}?` });
    expect(rebuild).toHaveAccessibleDescription(expect.stringContaining(`Rebuilding wipes ${target.name}’s disk: everything on it is lost`));
    const submit = within(rebuild).getByRole('button', { name: 'Rebuild' });
    expect(submit).toHaveAccessibleDescription(`Type ${target.name} to confirm.`);
    await user.click(submit);
    expect(posted()).toEqual([]);
    await user.type(within(rebuild).getByRole('textbox', { name: `Type ${target.name} to confirm` }), target.name);
    expect(submit).not.toHaveAttribute('aria-disabled');
    await user.click(within(rebuild).getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Lock' }));
    const lock = await screen.findByRole('dialog', { name: `Lock ${target.name}?` });
    await user.type(within(lock).getByRole('textbox', { name: /Reason/ }), 'Change freeze');
    await user.click(within(lock).getByRole('button', { name: 'Lock' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posted().map((p) => [p.action, p.body])).toEqual([['lock', { reason: 'Change freeze' }]]);
  });

  it('marks a resize waiting for confirmation in its row, with Confirm and Revert right there', async () => {
    const resized = showcase()[3] as Server;
    const { user, grid } = await openList(`/servers?q=${resized.name}`);
    await waitFor(() => expect(within(grid).getAllByRole('link', { name: resized.name })).toHaveLength(1));
    const row = rowOf(grid, resized.name);
    expect(row).toHaveTextContent('Needs confirmation');
    expect(within(row).getByRole('button', { name: `Revert the resize of ${resized.name}` })).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: `Confirm the resize of ${resized.name}` }));
    await waitFor(() => expect(posted().map((p) => [p.serverId, p.action, p.status])).toEqual([[resized.id, 'confirm-resize', 202]]));
  });

  it('refreshes the row and says so when the server changed before Nova could act', async () => {
    const target = runningServer();
    const { user, grid } = await openList(`/servers?q=${target.name}`);
    await waitFor(() => expect(within(grid).getAllByRole('link', { name: target.name })).toHaveLength(1));
    expect(rowOf(grid, target.name)).toHaveTextContent('Active');
    // Someone else stops it: the row still says active.
    target.vmState = 'stopped';
    target.powerState = 4;
    target.updatedAt = Date.now();

    const menu = await openRowMenu(user, grid, target.name);
    await user.click(menu.getByRole('menuitem', { name: 'Reboot' }));
    const toast = await screen.findByText(`Reboot of ${target.name} was not started`);
    const notice = toast.closest('li') as HTMLElement;
    expect(notice).toHaveTextContent('The server changed state before Nova could do this.');
    expect(notice).toHaveTextContent(/Nova: Cannot 'reboot' instance .* while it is in vm_state stopped/);
    await waitFor(() => expect(rowOf(grid, target.name)).toHaveTextContent('Shut off'));
    expect(posted().map((p) => p.status)).toEqual([409]);
  });
});

describe('bulk actions', () => {
  it('lists who can take the action and why the others cannot, sends only the allowed ones, and shows each result', async () => {
    const { user, grid } = await openList();
    const [stopped] = showcase() as [Server];
    const running = demoServers().filter((s) => s.vmState === 'active' && !s.locked && s.host !== null).slice(0, 2) as [Server, Server];
    const chosen = [stopped, ...running];
    // Reach the rows by name: search for each would reset the selection, so tick them in the full list.
    for (const s of chosen) await user.click(within(grid).getByRole('checkbox', { name: `Select ${s.name}` }));
    const bar = screen.getByRole('region', { name: 'Selected servers' });
    expect(bar).toHaveTextContent('3 servers selected');

    await user.click(within(bar).getByRole('button', { name: 'Actions for the selected servers' }));
    const stopItem = await screen.findByRole('menuitem', { name: 'Stop' });
    expect(stopItem).toHaveAccessibleDescription('2 of 3 can take it');
    await user.click(stopItem);

    const dialog = await screen.findByRole('dialog', { name: 'Stop: 3 selected servers' });
    expect(dialog).toHaveAccessibleDescription(/2 of 3 can take it/);
    const allowed = within(dialog).getByRole('region', { name: /Will get “Stop” \(2\)/ });
    expect(within(allowed).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual(running.map((s) => s.name));
    const left = within(dialog).getByRole('region', { name: 'Left out (1)' });
    expect(left).toHaveTextContent(`${stopped.name}: Stop is not possible while the server is shut off.`);

    // Nova refuses one of them: it was paused behind the list's back.
    const [first, second] = running;
    second.vmState = 'paused';
    await user.click(within(dialog).getByRole('button', { name: 'Stop 2 servers' }));
    await within(dialog).findByText('2 of 2 answered: 1 accepted, 1 refused.');
    expect(posted().map((p) => [p.serverId, p.action]).sort()).toEqual(running.map((s) => [s.id, 'stop']).sort());
    const results = within(dialog).getByRole('region', { name: /Results/ });
    const accepted = within(results).getByRole('listitem', { name: first.name });
    const task = bff().tasks.list().find((t) => t.serverId === first.id);
    expect(within(accepted).getByRole('link', { name: 'View task' })).toHaveAttribute('href', `/tasks?task=${task?.id}`);
    expect(within(results).getByRole('listitem', { name: second.name })).toHaveTextContent(/Refused: The server changed state before Nova could do this\.Nova: Cannot 'stop' instance .* while it is in vm_state paused/);

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Selected servers' })).not.toBeInTheDocument());
  });

  it('selects a range with shift-click and everything loaded with the header box, and sends at most 4 requests at a time', async () => {
    const { user, grid, router } = await openList('/servers?status=ACTIVE');
    let inFlight = 0;
    let most = 0;
    server.use(
      http.post('*/api/servers/:id/actions/:action', async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await delay(40);
        inFlight -= 1;
        return undefined; // on to the simulated BFF
      }),
    );
    const names = within(grid)
      .getAllByRole('link')
      .map((a) => a.textContent ?? '');
    await user.click(within(grid).getByRole('checkbox', { name: `Select ${names[0]}` }));
    await user.keyboard('{Shift>}');
    await user.click(within(grid).getByRole('checkbox', { name: `Select ${names[6]}` }));
    await user.keyboard('{/Shift}');
    expect(screen.getByRole('region', { name: 'Selected servers' })).toHaveTextContent('7 servers selected');
    expect(within(grid).getByRole('checkbox', { name: `Select ${names[3]}` })).toBeChecked();
    expect(within(grid).getByRole('checkbox', { name: 'Select all loaded servers' })).toHaveProperty('indeterminate', true);

    await user.click(screen.getByRole('button', { name: 'Actions for the selected servers' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Suspend' }));
    const dialog = await screen.findByRole('dialog');
    const eligible = within(within(dialog).getByRole('region', { name: /Will get/ })).getAllByRole('listitem').length;
    expect(eligible).toBeGreaterThan(4);
    await user.click(within(dialog).getByRole('button', { name: new RegExp(`^Suspend ${eligible} servers$`) }));
    await within(dialog).findByText(new RegExp(`^${eligible} of ${eligible} answered`));
    expect(posted().filter((p) => p.action === 'suspend')).toHaveLength(eligible);
    expect(most).toBe(4);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    const all = within(grid).getByRole('checkbox', { name: 'Select all loaded servers' });
    await user.click(all);
    expect(all).toBeChecked();
    const loaded = /All (\d+) servers loaded/.exec(screen.getByText(/servers loaded/).textContent ?? '')?.[1];
    expect(screen.getByRole('region', { name: 'Selected servers' })).toHaveTextContent(`${loaded} servers selected`);
    await user.click(all);
    expect(screen.queryByRole('region', { name: 'Selected servers' })).not.toBeInTheDocument();
    expect(currentUrl(router)).toBe('/servers?status=ACTIVE');
  });

  it('selects the active row with Space', async () => {
    const { user, grid } = await openList();
    act(() => grid.focus());
    await user.keyboard('{ArrowDown}{ArrowDown} ');
    const active = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '') as HTMLElement;
    expect(active).toHaveAttribute('aria-selected', 'true');
    expect(within(active).getByRole('checkbox')).toBeChecked();
    expect(screen.getByRole('region', { name: 'Selected servers' })).toHaveTextContent('1 server selected');
  });
});

describe('tasks', () => {
  it('patches the row’s status from a task event, without fetching the list or the server again', async () => {
    const clock = virtualCloud();
    const target = runningServer();
    const { grid } = await openList(`/servers?q=${target.name}`);
    await waitFor(() => expect(within(grid).getAllByRole('link', { name: target.name })).toHaveLength(1));
    await streamOpen();
    // Another tab of this session reboots it.
    const response = await fetch(`http://localhost:3000/api/servers/${target.id}/actions/reboot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'stackdeck' },
      body: '{}',
    });
    expect(response.status).toBe(202);
    const reads: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'GET' && new URL(request.url).pathname.startsWith('/api/servers')) reads.push(request.url);
    });

    clock.advance(1_500);
    bff().tasks.tick();
    await waitFor(() => expect(rowOf(grid, target.name)).toHaveTextContent('Rebooting'));
    clock.advance(10_000);
    bff().tasks.tick();
    await waitFor(() => expect(rowOf(grid, target.name)).toHaveTextContent('Active'));
    expect(await screen.findByText(`Reboot of ${target.name} finished`)).toBeInTheDocument();
    expect(reads).toEqual([]);
  });

  it('lists running tasks first in the drawer with a progress bar, and counts them on its button', async () => {
    const clock = virtualCloud();
    const [done, busy] = [runningServer(), runningServer([runningServer()])];
    const { user } = await openDetail(done);
    await streamOpen();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    clock.advance(10_000);
    bff().tasks.tick();
    await screen.findByText(`Pause of ${done.name} finished`);

    await act(() => fetch(`http://localhost:3000/api/servers/${busy.id}/actions/reboot`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'stackdeck' }, body: '{}' }));
    clock.advance(1_500);
    bff().tasks.tick();
    const button = await screen.findByRole('button', { name: 'Tasks, 1 running' });
    await user.click(button);
    const drawer = await screen.findByRole('dialog', { name: 'Tasks' });
    const items = within(drawer).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('aria-labelledby') && within(li).getAllByRole('heading')[0]?.textContent)).toEqual([`Reboot of ${busy.name}`, `Pause of ${done.name}`]);
    const [running, finished] = items as [HTMLElement, HTMLElement];
    const bar = within(running).getByRole('progressbar', { name: `Progress of the reboot of ${busy.name}` });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(running).toHaveTextContent('Running');
    expect(running).toHaveTextContent(/Running for\s*\d+ s/);
    expect(within(finished).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    expect(finished).toHaveTextContent('Succeeded');
    expect(within(running).getByRole('link', { name: busy.name })).toHaveAttribute('href', `/servers/${busy.id}`);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(button).toHaveFocus();
  });

  it('says in the drawer that a running task waits for its service, and stops saying it when the service answers', async () => {
    const clock = virtualCloud();
    const target = runningServer();
    const { user } = await openDetail(target);
    await streamOpen();
    await user.click(screen.getByRole('button', { name: 'Reboot' }));
    clock.advance(1_500);
    bff().tasks.tick();
    await user.click(await screen.findByRole('button', { name: 'Tasks, 1 running' }));
    const drawer = await screen.findByRole('dialog', { name: 'Tasks' });
    const item = within(drawer).getByRole('listitem', { name: `Reboot of ${target.name}` });
    const status = within(item).getByRole('status');
    expect(status).toHaveTextContent(/^$/);

    const [task] = bff().tasks.list();
    if (!task) throw new Error('no task');
    const message = 'The compute service (Nova) cannot be reached; still trying.';
    // What the BFF's tracker sends when its poll of Nova fails (src/server/routes/actions.test.ts).
    act(() => bff().tasks.push({ task: { ...task, waiting: { service: 'compute', message } } }));
    await waitFor(() => expect(status).toHaveTextContent(message));
    expect(item).toHaveTextContent(task.step);
    expect(item).toHaveTextContent('Running');
    expect(within(item).getByRole('progressbar')).toHaveAttribute('aria-valuetext', expect.stringContaining(message));

    act(() => bff().tasks.push({ task }));
    await waitFor(() => expect(status).toHaveTextContent(/^$/));
  });

  it('says why a task failed and tries it again', async () => {
    const clock = virtualCloud();
    const target = runningServer();
    target.metadata['simulator:fail'] = 'stop';
    target.metadata['simulator:fail-message'] = 'The guest refused to shut down';
    const { user } = await openDetail(target);
    await streamOpen();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    clock.advance(30_000);
    bff().tasks.tick();
    const toast = (await screen.findByText(`Stop of ${target.name} failed`)).closest('li') as HTMLElement;
    expect(toast).toHaveTextContent('The guest refused to shut down');

    await user.click(screen.getByRole('button', { name: /^Tasks/ }));
    const drawer = await screen.findByRole('dialog', { name: 'Tasks' });
    const failed = within(drawer).getByRole('listitem', { name: `Stop of ${target.name}` });
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('Why: The guest refused to shut down');
    await user.click(within(failed).getByRole('button', { name: 'Try again' }));
    expect(await within(failed).findByText('Started again: the new task is at the top of the list.')).toBeInTheDocument();
    expect(posted().map((p) => [p.action, p.status])).toEqual([
      ['stop', 202],
      ['stop', 202],
    ]);
    await waitFor(() => expect(within(drawer).getAllByRole('listitem')[0]).toHaveTextContent('Running'));
  });

  it('shows the same tasks after a reload, on the tasks page', async () => {
    const target = runningServer();
    const first = await openDetail(target);
    await first.user.click(screen.getByRole('button', { name: 'Reboot' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    first.unmount();

    // A reload: a new app, the same session at the BFF.
    const { router } = renderApp('/tasks');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tasks' })).toBeInTheDocument();
    const item = await screen.findByRole('listitem', { name: `Reboot of ${target.name}` });
    expect(within(item).getByRole('progressbar')).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/tasks');
  });
});
