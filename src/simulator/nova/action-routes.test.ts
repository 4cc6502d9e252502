// POST /servers/{id}/action over real HTTP: request bodies, then every action's answer, its first
// task_state right after the POST, its steps on the virtual clock and its final state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerState, type Server } from '../core/compute/model';
import { type ActionSession, startActionSession } from './testing/action-session';

let s: ActionSession;
beforeAll(async () => {
  s = await startActionSession();
  // Tests add servers to the demo project freely; the quota has its own tests.
  Object.assign(s.sim.cloud.compute.quota, { cores: -1, ramMb: -1 });
});
afterAll(() => s.sim.close());

const fault = (key: string, code: number, message: string) => ({ [key]: { code, message } });
const badRequest = (message: string) => fault('badRequest', 400, message);

describe('reading the body, before the server is looked up', () => {
  const cases: Array<[string, unknown, number, Record<string, unknown>]> = [
    ['not JSON', '{"reboot":', 400, badRequest('Malformed request body')],
    ['two keys', { pause: null, unpause: null }, 400, badRequest('Malformed request body')],
    ['no key', {}, 400, badRequest('Malformed request body')],
    ['a one-item list', [1], 404, fault('itemNotFound', 404, 'The resource could not be found.')],
    ['an unknown action', { explode: null }, 400, badRequest('There is no such action: explode')],
    ['a reboot without type', { reboot: {} }, 400, badRequest("Invalid input for field/attribute reboot. Value: {}. 'type' is a required property")],
    ['a reboot of a bad type', { reboot: { type: 'soft-ish' } }, 400, badRequest("Invalid input for field/attribute type. Value: soft-ish. 'soft-ish' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']")],
    ['a reboot that is not an object', { reboot: null }, 400, badRequest("Invalid input for field/attribute reboot. Value: None. None is not of type 'object'")],
    ['a resize with an extra key', { resize: { flavorRef: '3', fast: true } }, 400, badRequest("Invalid input for field/attribute resize. Value: {'flavorRef': '3', 'fast': True}. Additional properties are not allowed ('fast' was unexpected)")],
    ['an empty flavorRef', { resize: { flavorRef: '' } }, 400, badRequest("Invalid input for field/attribute flavorRef. Value: . '' should be non-empty")],
    ['a snapshot name with a leading space', { createImage: { name: ' snap' } }, 400, badRequest("An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.")],
    ['a bad metadata key', { createImage: { name: 'snap', metadata: { 'a/b': 'c' } } }, 400, badRequest("Invalid input for field/attribute metadata. Value: {'a/b': 'c'}. 'a/b' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'")],
    ['a rescue image that is no uuid', { rescue: { rescue_image_ref: 'cirros' } }, 400, badRequest("Invalid input for field/attribute rescue_image_ref. Value: cirros. 'cirros' is not a 'uuid'")],
    ['a console length under -1', { 'os-getConsoleOutput': { length: -5 } }, 400, badRequest('Invalid input for field/attribute length. Value: -5. -5 is less than the minimum of -1')],
  ];

  it.each(cases)('%s', async (_name, body, status, expected) => {
    const reply = await s.action(crypto.randomUUID(), body, { mv: '2.100' });
    expect(reply.status).toBe(status);
    expect(reply.body).toEqual(expected);
  });

  it('then 404 for a server that does not exist or is another project’s', async () => {
    const missing = crypto.randomUUID();
    expect((await s.action(missing, { pause: null })).body).toEqual(fault('itemNotFound', 404, `Instance ${missing} could not be found.`));
    const foreign = s.addServer({ projectId: '0259c06b1ade452ba77db5083e49e4a8' });
    expect((await s.action(foreign.id, { pause: null })).status).toBe(404);
    // Start and stop look the mapping up first: only an id that never was a server is worded so.
    expect((await s.action(missing, { 'os-stop': null })).body).toEqual(fault('itemNotFound', 404, `Instance ${missing} has no mapping to a cell.`));
    expect((await s.action(foreign.id, { 'os-start': null })).body).toEqual(fault('itemNotFound', 404, `Instance ${foreign.id} could not be found.`));
  });

  it('answers under the legacy /v2.1/{project_id} URL too', async () => {
    const server = s.addServer();
    const response = await fetch(`${s.compute}/${server.projectId}/servers/${server.id}/action`, {
      method: 'POST',
      headers: { 'x-auth-token': s.member, 'content-type': 'application/json' },
      body: JSON.stringify({ pause: null }),
    });
    expect(response.status).toBe(202);
  });

  it('refuses a content type Nova does not read, and takes none or text/plain as JSON', async () => {
    const server = s.addServer();
    const xml = await s.action(server.id, '<pause/>', { headers: { 'content-type': 'application/xml' } });
    expect(xml.body).toEqual(fault('badMediaType', 415, 'Unsupported Content-Type'));
    expect((await s.action(server.id, '{"pause": null}', { headers: { 'content-type': 'text/plain' } })).status).toBe(202);
  });
});

interface Row {
  body: unknown;
  from: Partial<Server>;
  status: number;
  /** task_state and status right after the POST. */
  first: [string | null, string];
  /** vm_state, power_state and status once the task is over. */
  final: [string, number, string];
}

const { RUNNING, SHUTDOWN, PAUSED, SUSPENDED } = PowerState;
const stopped: Partial<Server> = { vmState: 'stopped', powerState: SHUTDOWN };
const resized: Partial<Server> = { vmState: 'resized', flavorId: '3', oldFlavorId: '2' };

const rows: Record<string, Row> = {
  'soft reboot': { body: { reboot: { type: 'SOFT' } }, from: {}, status: 202, first: ['rebooting', 'REBOOT'], final: ['active', RUNNING, 'ACTIVE'] },
  'hard reboot of a stopped server': { body: { reboot: { type: 'hard' } }, from: stopped, status: 202, first: ['rebooting_hard', 'SHUTOFF'], final: ['active', RUNNING, 'ACTIVE'] },
  'os-stop': { body: { 'os-stop': null }, from: {}, status: 202, first: ['powering-off', 'ACTIVE'], final: ['stopped', SHUTDOWN, 'SHUTOFF'] },
  'os-start': { body: { 'os-start': null }, from: stopped, status: 202, first: ['powering-on', 'SHUTOFF'], final: ['active', RUNNING, 'ACTIVE'] },
  pause: { body: { pause: null }, from: {}, status: 202, first: ['pausing', 'ACTIVE'], final: ['paused', PAUSED, 'PAUSED'] },
  unpause: { body: { unpause: null }, from: { vmState: 'paused', powerState: PAUSED }, status: 202, first: ['unpausing', 'PAUSED'], final: ['active', RUNNING, 'ACTIVE'] },
  suspend: { body: { suspend: null }, from: {}, status: 202, first: ['suspending', 'ACTIVE'], final: ['suspended', SUSPENDED, 'SUSPENDED'] },
  resume: { body: { resume: null }, from: { vmState: 'suspended', powerState: SUSPENDED }, status: 202, first: ['resuming', 'SUSPENDED'], final: ['active', RUNNING, 'ACTIVE'] },
  rescue: { body: { rescue: null }, from: stopped, status: 200, first: ['rescuing', 'SHUTOFF'], final: ['rescued', RUNNING, 'RESCUE'] },
  unrescue: { body: { unrescue: null }, from: { vmState: 'rescued' }, status: 202, first: ['unrescuing', 'RESCUE'], final: ['active', RUNNING, 'ACTIVE'] },
  resize: { body: { resize: { flavorRef: '3' } }, from: {}, status: 202, first: ['resize_prep', 'RESIZE'], final: ['resized', RUNNING, 'VERIFY_RESIZE'] },
  'resize of a stopped server': { body: { resize: { flavorRef: 3 } }, from: stopped, status: 202, first: ['resize_prep', 'RESIZE'], final: ['resized', SHUTDOWN, 'VERIFY_RESIZE'] },
  confirmResize: { body: { confirmResize: null }, from: resized, status: 204, first: [null, 'VERIFY_RESIZE'], final: ['active', RUNNING, 'ACTIVE'] },
  revertResize: { body: { revertResize: null }, from: resized, status: 202, first: ['resize_reverting', 'REVERT_RESIZE'], final: ['active', RUNNING, 'ACTIVE'] },
  'revertResize of a server resized while stopped': { body: { revertResize: null }, from: { ...resized, powerState: SHUTDOWN }, status: 202, first: ['resize_reverting', 'REVERT_RESIZE'], final: ['stopped', SHUTDOWN, 'SHUTOFF'] },
  createImage: { body: { createImage: { name: 'snap' } }, from: {}, status: 202, first: ['image_snapshot_pending', 'ACTIVE'], final: ['active', RUNNING, 'ACTIVE'] },
  rebuild: { body: { rebuild: { imageRef: 'IMAGE' } }, from: {}, status: 202, first: ['rebuilding', 'REBUILD'], final: ['active', RUNNING, 'ACTIVE'] },
  'rebuild of a stopped server': { body: { rebuild: { imageRef: 'IMAGE' } }, from: stopped, status: 202, first: ['rebuilding', 'REBUILD'], final: ['stopped', SHUTDOWN, 'SHUTOFF'] },
};

describe('each action', () => {
  it.each(Object.entries(rows))('%s', async (_name, row) => {
    const server = s.addServer(row.from);
    const body = JSON.parse(JSON.stringify(row.body).replace('IMAGE', server.imageId));
    const reply = await s.action(server.id, body, { mv: '2.100' });
    expect(reply.status).toBe(row.status);

    const now = await s.after(0, server.id);
    expect([now['OS-EXT-STS:task_state'], now.status]).toEqual(row.first);
    // The `fast` profile ends every task within a few seconds of wall time.
    const done = await s.after(8_000, server.id);
    expect([done['OS-EXT-STS:vm_state'], done['OS-EXT-STS:power_state'], done.status, done['OS-EXT-STS:task_state']]).toEqual([...row.final, null]);
  });

  it('answers 202 with no body, 204 for confirmResize, 200 with the password for rescue', async () => {
    const reboot = await s.action(s.addServer().id, { reboot: { type: 'SOFT' } });
    expect([reboot.status, reboot.body]).toEqual([202, null]);
    const confirm = await s.action(s.addServer(resized).id, { confirmResize: null });
    expect([confirm.status, confirm.body]).toEqual([204, null]);
    const rescue = await s.action(s.addServer().id, { rescue: { adminPass: 'MySecretPass' } });
    expect([rescue.status, rescue.body]).toEqual([200, { adminPass: 'MySecretPass' }]);
    const generated = await s.action(s.addServer().id, { rescue: null });
    expect(generated.body?.adminPass).toMatch(/^[2-9A-HJ-NP-Za-km-z]{12}$/);
  });

  it('rebuilds a stopped server running, saves it active with no task, then powers it off', async () => {
    const server = s.addServer(stopped);
    await s.action(server.id, { rebuild: { imageRef: server.imageId } });
    const seen: unknown[][] = [];
    for (const ms of [1_000, 1_000, 3_000, 500, 2_000]) {
      const now = await s.after(ms, server.id);
      seen.push([now.status, now['OS-EXT-STS:task_state']]);
    }
    expect(seen).toEqual([
      ['REBUILD', 'rebuild_block_device_mapping'],
      ['REBUILD', 'rebuild_spawning'],
      ['ACTIVE', null],
      ['ACTIVE', 'powering-off'],
      ['SHUTOFF', null],
    ]);
  });

  it('steps a resize through Nova’s task states and keeps the old flavor until confirmed', async () => {
    const server = s.addServer();
    await s.action(server.id, { resize: { flavorRef: '3' } });
    const seen = [server.taskState];
    for (const ms of [1_000, 2_000, 1_000, 2_000]) seen.push((await s.after(ms, server.id))['OS-EXT-STS:task_state'] as string | null);
    expect(seen).toEqual(['resize_prep', 'resize_migrating', 'resize_migrated', 'resize_finish', null]);
    expect([server.flavorId, server.oldFlavorId]).toEqual(['3', '2']);
    expect(server.progress).toBe(0); // libvirt leaves progress alone in the default profile

    expect((await s.action(server.id, { confirmResize: null })).status).toBe(204);
    expect(server.oldFlavorId).toBeNull();
    // The migration is `confirming` now: a second confirm finds nothing to confirm.
    expect((await s.action(server.id, { confirmResize: null })).body).toEqual(badRequest('Instance has not been resized.'));
    expect((await s.after(2_000, server.id))['OS-EXT-STS:vm_state']).toBe('active');
  });

  it('gives the old flavor back on revert', async () => {
    const server = s.addServer(resized);
    await s.action(server.id, { revertResize: null });
    await s.after(4_000, server.id);
    expect([server.flavorId, server.oldFlavorId]).toEqual(['2', null]);
  });

  it('answers a rebuild with the server, its new password and a Location', async () => {
    const server = s.addServer();
    const reply = await s.action(server.id, { rebuild: { imageRef: server.imageId, name: 'rebuilt', adminPass: 'p4ss' } }, { mv: '2.100' });
    const body = reply.body?.server as Record<string, unknown>;
    expect([body.id, body.name, body.status, body.adminPass, body.user_data]).toEqual([server.id, 'rebuilt', 'REBUILD', 'p4ss', null]);
    expect(reply.headers.get('location')).toBe(`${s.compute}/servers/${server.id}`);
    await s.after(10_000, server.id);
    const before = (await s.action(server.id, { rebuild: { imageRef: server.imageId } }, { mv: '2.56' })).body?.server as Record<string, unknown>;
    expect('user_data' in before).toBe(false);
  });

  it('writes the ports’ status from the power state', async () => {
    const server = s.addServer();
    await s.action(server.id, { 'os-stop': null });
    await s.after(3_000, server.id);
    const ports = [...s.sim.cloud.network.ports.values()].filter((port) => port.deviceId === server.id);
    expect(ports.map((port) => port.status)).toEqual(['DOWN']);
  });
});

describe('profiles', () => {
  it('takes minutes in the realistic profile, and moves progress in the progress profile', async () => {
    const cloud = s.sim.cloud;
    try {
      cloud.computeProfile = 'realistic';
      const slow = s.addServer();
      await s.action(slow.id, { resize: { flavorRef: '3' } });
      expect((await s.after(60_000, slow.id))['OS-EXT-STS:task_state']).toBe('resize_migrating');
      expect((await s.after(120_000, slow.id))['OS-EXT-STS:task_state']).toBeNull();

      cloud.computeProfile = 'progress';
      const moving = s.addServer();
      await s.action(moving.id, { createImage: { name: 'big' } });
      const progress: number[] = [];
      for (let i = 0; i < 5; i++) progress.push((await s.after(50_000, moving.id)).progress as number);
      expect(progress.at(-1)).toBe(100);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(new Set(progress).size).toBe(progress.length);
    } finally {
      cloud.computeProfile = 'fast';
    }
  });
});
