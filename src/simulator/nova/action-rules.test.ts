// The rules around the actions over real HTTP: locks and roles, resize's and rescue's checks,
// snapshots in Glance, the console, DELETE, request ids, and injected failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armFailure, findAction } from '../core/compute/actions';
import { PowerState } from '../core/compute/model';
import { settleImages } from '../core/image/model';
import { type ActionSession, startActionSession } from './testing/action-session';

let s: ActionSession;
beforeAll(async () => {
  s = await startActionSession();
  Object.assign(s.sim.cloud.compute.quota, { cores: -1, ramMb: -1 });
});
afterAll(() => s.sim.close());

const conflict = (message: string) => ({ conflictingRequest: { code: 409, message } });
const badRequest = (message: string) => ({ badRequest: { code: 400, message } });
const forbidden = (message: string) => ({ forbidden: { code: 403, message } });
const actionsOf = (id: string) => s.sim.cloud.compute.actions.get(id) ?? [];

describe('locks and roles', () => {
  it('refuses a locked server to its owner before looking at its state, and lets an admin through', async () => {
    const server = s.addServer({ vmState: 'stopped', powerState: PowerState.SHUTDOWN, locked: true, lockedBy: 'owner' });
    expect((await s.action(server.id, { reboot: { type: 'SOFT' } })).body).toEqual(conflict(`Instance ${server.id} is locked`));
    expect((await s.action(server.id, { reboot: { type: 'SOFT' } }, { token: s.admin })).body).toEqual(conflict(`Cannot 'reboot' instance ${server.id} while it is in vm_state stopped`));
    expect((await s.action(server.id, { 'os-start': null }, { token: s.admin })).status).toBe(202);
  });

  it('lets a snapshot through a lock', async () => {
    const server = s.addServer({ locked: true, lockedBy: 'owner' });
    expect((await s.action(server.id, { createImage: { name: 'while-locked' } })).status).toBe(202);
  });

  it('refuses the owner’s unlock of an admin’s lock, and records who locked without showing it', async () => {
    const server = s.addServer();
    expect((await s.action(server.id, { lock: null }, { token: s.admin })).status).toBe(202);
    expect(server.lockedBy).toBe('admin');
    const shown = (await s.get<{ server: Record<string, unknown> }>(`/servers/${server.id}`, { mv: '2.100' })).body.server;
    expect([shown.locked, 'locked_by' in shown]).toEqual([true, false]);
    expect((await s.action(server.id, { unlock: null })).body).toEqual(forbidden("Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed."));
    expect((await s.action(server.id, { unlock: null }, { token: s.admin })).status).toBe(202);
    expect([server.locked, server.lockedBy]).toEqual([false, null]);
  });

  it('keeps a reason from 2.73, ignores the body before, and does nothing on an owner’s second lock', async () => {
    const server = s.addServer();
    expect((await s.action(server.id, { lock: { locked_reason: 'ignored' } }, { mv: '2.72' })).status).toBe(202);
    expect([server.lockedBy, server.lockedReason]).toEqual(['owner', null]);
    const before = actionsOf(server.id).length;
    expect((await s.action(server.id, { lock: { locked_reason: 'again' } }, { mv: '2.73' })).status).toBe(202);
    expect([server.lockedReason, actionsOf(server.id).length]).toEqual([null, before]);

    const other = s.addServer();
    await s.action(other.id, { lock: { locked_reason: 'Change freeze' } }, { mv: '2.73' });
    expect(other.lockedReason).toBe('Change freeze');
    expect((await s.action(other.id, { lock: { locked_reason: '' } }, { mv: '2.73' })).body).toEqual(badRequest("Invalid input for field/attribute locked_reason. Value: . '' should be non-empty"));
    await s.action(other.id, { unlock: null });
    expect(other.lockedReason).toBeNull();
  });

  it('refuses every action to a reader-only user with the action’s policy', async () => {
    const server = s.addServer();
    expect((await s.action(server.id, { 'os-stop': null }, { token: s.reader })).body).toEqual(forbidden("Policy doesn't allow os_compute_api:servers:stop to be performed."));
    expect((await s.remove(server.id, { token: s.reader })).body).toEqual(forbidden("Policy doesn't allow os_compute_api:servers:delete to be performed."));
  });
});

describe('resize checks', () => {
  it('answers Nova’s 400s for the same, an unknown and a too small flavor', async () => {
    const server = s.addServer({ flavorId: '3' });
    expect((await s.action(server.id, { resize: { flavorRef: '3' } })).body).toEqual(badRequest('When resizing, instances must change flavor!'));
    expect((await s.action(server.id, { resize: { flavorRef: '99' } })).body).toEqual(badRequest('Flavor 99 could not be found.'));
    // The image Nova recorded at boot needs at least the boot flavor's 40 GB.
    expect((await s.action(server.id, { resize: { flavorRef: '2' } })).body).toEqual(
      badRequest("Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is 21474836480 bytes, minimum size is 42949672960 bytes."),
    );
    // A volume-backed server has no local disk to shrink.
    const volume = s.addServer({ flavorId: '3', imageId: '' });
    expect((await s.action(volume.id, { resize: { flavorRef: '2' } })).status).toBe(202);
  });

  it('answers 403 with Nova’s quota message when the growth does not fit', async () => {
    const { quota } = s.sim.cloud.compute;
    const server = s.addServer({ flavorId: '2' });
    try {
      quota.cores = 0;
      quota.ramMb = 1;
      const reply = await s.action(server.id, { resize: { flavorRef: '4' } });
      const used = (await s.get<{ limits: { absolute: Record<string, number> } }>('/limits')).body.limits.absolute;
      expect(reply.body).toEqual(forbidden(`Quota exceeded for cores, ram: Requested 3, 6144, but already used ${used.totalCoresUsed}, ${used.totalRAMUsed} of 0, 1 cores, ram`));
    } finally {
      Object.assign(quota, { cores: -1, ramMb: -1 });
    }
  });
});

describe('rescue checks', () => {
  it('refuses an unknown rescue image and a volume-backed server', async () => {
    const server = s.addServer();
    const unknown = crypto.randomUUID();
    expect((await s.action(server.id, { rescue: { rescue_image_ref: unknown } })).body).toEqual(badRequest(`Requested rescue image '${unknown}' is not supported`));
    const volume = s.addServer({ imageId: '' });
    expect((await s.action(volume.id, { rescue: null })).body).toEqual(badRequest(`Instance ${volume.id} cannot be rescued: Cannot rescue a volume-backed instance`));
  });
});

describe('createImage', () => {
  it('creates a private snapshot in Glance, saving until the task ends', async () => {
    const server = s.addServer();
    const reply = await s.action(server.id, { createImage: { name: 'nightly', metadata: { purpose: 'backup' } } }, { mv: '2.45' });
    const imageId = reply.body?.image_id as string;
    const image = s.sim.cloud.images.images.get(imageId);
    expect(image).toMatchObject({ name: 'nightly', status: 'saving', visibility: 'private', owner: server.projectId });
    expect(image?.properties).toMatchObject({ image_type: 'snapshot', instance_uuid: server.id, purpose: 'backup' });

    const states = [];
    for (const ms of [1_000, 1_000, 1_000, 3_000]) states.push((await s.after(ms, server.id))['OS-EXT-STS:task_state']);
    expect(states).toEqual(['image_snapshot', 'image_pending_upload', 'image_uploading', null]);
    settleImages(s.sim.cloud.images, s.clock.now());
    expect(image?.status).toBe('active');
    expect(image?.size).toBeGreaterThan(0);
  });

  it('points at the image with a Location header before 2.45', async () => {
    const reply = await s.action(s.addServer().id, { createImage: { name: 'old-style' } }, { mv: '2.44' });
    expect([reply.status, reply.body]).toEqual([202, null]);
    expect(reply.headers.get('location')).toMatch(new RegExp(`^${s.sim.endpoints.image}/v2/images/[0-9a-f-]{36}$`));
  });
});

describe('os-getConsoleOutput', () => {
  it('answers the same boot log every time, tailed by length as Nova’s _tail_log does', async () => {
    const server = s.addServer();
    const whole = (await s.action(server.id, { 'os-getConsoleOutput': {} })).body?.output as string;
    expect(whole).toContain(`Set hostname to <${server.name}>`);
    expect((await s.action(server.id, { 'os-getConsoleOutput': {} })).body?.output).toBe(whole);
    const lines = whole.split('\n');
    expect((await s.action(server.id, { 'os-getConsoleOutput': { length: 3 } })).body?.output).toBe(lines.slice(-3).join('\n'));
    expect((await s.action(server.id, { 'os-getConsoleOutput': { length: '0' } })).body?.output).toBe('');
    expect((await s.action(server.id, { 'os-getConsoleOutput': { length: -1 } })).body?.output).toBe(lines.slice(1).join('\n'));
  });

  it('is not ready without a host', async () => {
    const server = s.addServer({ vmState: 'error', host: null, launchedAt: null });
    expect((await s.action(server.id, { 'os-getConsoleOutput': {} })).body).toEqual(conflict(`Instance ${server.id} is not ready`));
  });
});

describe('DELETE /servers/{id}', () => {
  it('deletes in any state: deleting, DELETED for a moment, then the ports are gone and the server is not found', async () => {
    const server = s.addServer({ vmState: 'error', taskState: 'rebooting_hard', launchedAt: null });
    const reply = await s.remove(server.id);
    expect([reply.status, reply.body]).toEqual([204, null]);
    expect((await s.get(`/servers/${server.id}`)).body).toMatchObject({ server: { status: 'ERROR', 'OS-EXT-STS:task_state': 'deleting' } });
    expect(await s.after(500, server.id)).toMatchObject({ status: 'DELETED', 'OS-EXT-STS:vm_state': 'deleted', 'OS-EXT-STS:task_state': null });
    await s.after(100, server.id);
    expect((await s.get(`/servers/${server.id}`)).status).toBe(404);
    expect([server.vmState, server.deletedAt !== null]).toEqual(['deleted', true]);
    expect([...s.sim.cloud.network.ports.values()].some((port) => port.deviceId === server.id)).toBe(false);
  });

  it('checks the lock, which an admin skips', async () => {
    const server = s.addServer({ locked: true, lockedBy: 'owner' });
    expect((await s.remove(server.id)).body).toEqual(conflict(`Instance ${server.id} is locked`));
    expect((await s.remove(server.id, { token: s.admin })).status).toBe(204);
  });
});

describe('instance actions recorded by the actions', () => {
  it('records each request under the response’s x-openstack-request-id, with its events', async () => {
    const server = s.addServer();
    const reply = await s.action(server.id, { 'os-stop': null });
    const requestId = reply.headers.get('x-openstack-request-id') as string;
    const record = findAction(s.sim.cloud.compute, server.id, requestId);
    expect(record).toMatchObject({ action: 'stop', userId: '21b0133220154b70b3efaa67058c8a33', projectId: server.projectId, message: null });
    expect(record?.events.map((e) => [e.event, e.result])).toEqual([['compute_stop_instance', null]]);
    await s.after(3_000, server.id);
    expect(record?.events.map((e) => [e.event, e.result])).toEqual([['compute_stop_instance', 'Success']]);

    const lock = await s.action(server.id, { lock: null });
    expect(findAction(s.sim.cloud.compute, server.id, lock.headers.get('x-openstack-request-id') as string)?.events.map((e) => [e.event, e.result])).toEqual([['api_lock', 'Success']]);
  });
});

describe('a task cut short', () => {
  it('ends the events of a soft reboot that a hard reboot overtakes as failed', async () => {
    const server = s.addServer();
    const soft = await s.action(server.id, { reboot: { type: 'SOFT' } });
    await s.after(1_500, server.id);
    expect(server.taskState).toBe('reboot_pending');
    expect((await s.action(server.id, { reboot: { type: 'HARD' } })).status).toBe(202);
    expect(server.taskState).toBe('rebooting_hard');
    const first = findAction(s.sim.cloud.compute, server.id, soft.headers.get('x-openstack-request-id') as string);
    expect([first?.message, first?.events.map((e) => e.result)]).toEqual(['Error', ['Error']]);
    expect((await s.after(4_000, server.id)).status).toBe('ACTIVE');
  });
});

describe('failure injection', () => {
  it('fails a resize midway: ERROR with a fault, a failed event, the action marked Error', async () => {
    const server = s.addServer();
    armFailure(server, 'resize', 'No valid host was found.');
    const reply = await s.action(server.id, { resize: { flavorRef: '3' } });
    expect(reply.status).toBe(202);
    const failed = await s.after(8_000, server.id);
    expect([failed.status, failed['OS-EXT-STS:task_state'], failed.flavor]).toEqual(['ERROR', null, expect.objectContaining({ vcpus: 1 })]);
    expect(failed.fault).toMatchObject({ code: 500, message: 'No valid host was found.' });
    const record = findAction(s.sim.cloud.compute, server.id, reply.headers.get('x-openstack-request-id') as string);
    expect(record?.message).toBe('Error');
    expect(record?.events.find((e) => e.event === 'compute_resize_instance')).toMatchObject({ result: 'Error', traceback: expect.stringContaining('No valid host was found.') });
    expect(record?.events.some((e) => e.event === 'compute_finish_resize')).toBe(false);
    expect(server.metadata).toEqual({});
  });

  it('leaves a server as it was when its snapshot fails, and deletes the image', async () => {
    const server = s.addServer();
    armFailure(server, 'createImage');
    const imageId = (await s.action(server.id, { createImage: { name: 'doomed' } }, { mv: '2.45' })).body?.image_id as string;
    const after = await s.after(8_000, server.id);
    expect([after.status, after['OS-EXT-STS:task_state']]).toEqual(['ACTIVE', null]);
    expect(s.sim.cloud.images.images.has(imageId)).toBe(false);
  });

  it('brings a failed soft reboot back to active, and fires once', async () => {
    const server = s.addServer();
    armFailure(server, '*');
    await s.action(server.id, { reboot: { type: 'SOFT' } });
    expect((await s.after(8_000, server.id)).status).toBe('ACTIVE');
    expect(actionsOf(server.id).at(-1)?.message).toBe('Error');
    await s.action(server.id, { reboot: { type: 'SOFT' } });
    await s.after(8_000, server.id);
    expect(actionsOf(server.id).at(-1)?.message).toBeNull();
  });
});
