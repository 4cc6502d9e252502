// Every server action the dashboard offers, sent through the BFF to the target's Nova and
// followed as a task to its end, on servers this file creates and deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActionBody, actionResponseSchema, apiPaths, errorBodySchema, serverDetailSchema, type ServerDetail, type Task } from '../domain/api';
import type { ActionId } from '../domain/compute';
import { openSuite, type Suite, taskOutcome } from './suite';
import { type BootChoices, bootChoices, createActiveServers, deleteServers, testServerName } from './test-servers';

let suite: Suite;
let choices: BootChoices;
/** One server per chain of actions, so the chains run side by side. */
let power: string;
let sizes: string;
let refusals: string;

beforeAll(async () => {
  suite = await openSuite({ seed: { servers: 40, networks: 6, seed: 3 } });
  choices = await bootChoices(suite.client);
  const prefix = testServerName('actions');
  [power = '', sizes = '', refusals = ''] = await createActiveServers(suite.client, choices, [`${prefix}-power`, `${prefix}-sizes`, `${prefix}-refusals`]);
});
afterAll(async () => {
  if (power) await deleteServers(suite.client, [power, sizes, refusals]);
  await suite?.close();
});

function act<A extends ActionId>(serverId: string, action: A, body?: ActionBody<A>) {
  return suite.post(apiPaths.serverAction(serverId, action), body ?? {});
}

async function detail(serverId: string): Promise<ServerDetail> {
  return serverDetailSchema.parse((await suite.get(apiPaths.server(serverId))).body);
}

/** Sends the action, expects Nova to take it, and waits for its task to succeed. */
async function run<A extends ActionId>(serverId: string, action: A, body?: ActionBody<A>): Promise<{ task: Task; adminPass?: string | undefined }> {
  const res = await act(serverId, action, body);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(202);
  const accepted = actionResponseSchema.parse(res.body);
  expect(accepted.task).toMatchObject({ serverId, action, state: 'running' });
  const ended = await taskOutcome(suite, accepted.task);
  expect(ended, `${action} on ${ended.serverName}: ${ended.message ?? ""}`).toMatchObject({ state: 'succeeded', progress: 100 });
  return { task: ended, adminPass: accepted.adminPass };
}

const availability = (server: ServerDetail, action: ActionId) => server.actions.find((a) => a.id === action);

describe('actions run as tasks to their end', () => {
  it.concurrent('hard reboot, stop and start, rescue and unrescue, lock and unlock', async () => {
    await run(power, 'hard-reboot');
    expect(await detail(power)).toMatchObject({ status: 'ACTIVE', taskState: null });

    await run(power, 'stop');
    const stopped = await detail(power);
    expect(stopped).toMatchObject({ status: 'SHUTOFF', powerState: 'shut down' });
    expect(availability(stopped, 'start')).toEqual({ id: 'start', enabled: true });
    await run(power, 'start');
    expect(await detail(power)).toMatchObject({ status: 'ACTIVE', powerState: 'running' });

    const rescue = await run(power, 'rescue', { password: 'Rescue-me-1' });
    expect(rescue.adminPass).toBe('Rescue-me-1');
    expect(JSON.stringify(rescue.task)).not.toContain('Rescue-me-1');
    const rescued = await detail(power);
    expect(rescued.status).toBe('RESCUE');
    expect(availability(rescued, 'unrescue')).toEqual({ id: 'unrescue', enabled: true });
    await run(power, 'unrescue');
    expect((await detail(power)).status).toBe('ACTIVE');

    await run(power, 'lock', { reason: 'contract suite' });
    const locked = await detail(power);
    expect(locked).toMatchObject({ locked: true, lockedReason: 'contract suite' });
    expect(availability(locked, 'stop')).toEqual({ id: 'stop', enabled: false, reason: 'The server is locked: unlock it first.' });
    await run(power, 'unlock');
    expect(await detail(power)).toMatchObject({ locked: false, lockedReason: null });
  });

  it.concurrent('resize then confirm, resize then revert', async () => {
    const [second, third] = choices.resizeTo;
    await run(sizes, 'resize', { flavorId: second.id });
    const resized = await detail(sizes);
    expect(resized).toMatchObject({ status: 'VERIFY_RESIZE', flavor: { name: second.name } });
    expect(availability(resized, 'confirm-resize')).toEqual({ id: 'confirm-resize', enabled: true });
    await run(sizes, 'confirm-resize');
    expect(await detail(sizes)).toMatchObject({ status: 'ACTIVE', flavor: { name: second.name } });

    await run(sizes, 'resize', { flavorId: third.id });
    expect(await detail(sizes)).toMatchObject({ status: 'VERIFY_RESIZE', flavor: { name: third.name } });
    await run(sizes, 'revert-resize');
    expect(await detail(sizes)).toMatchObject({ status: 'ACTIVE', flavor: { name: second.name } });
  });
});

describe('Nova’s refusals, in words', () => {
  it('a 409 for an action the state does not allow, with Nova’s text', async () => {
    const res = await act(refusals, 'start');
    expect(res.status).toBe(409);
    expect(errorBodySchema.parse(res.body).error).toMatchObject({
      code: 'server.conflict',
      detail: `Cannot 'start' instance ${refusals} while it is in vm_state active`,
    });
  });

  it('a 400 for resizing to the flavor it has', async () => {
    const res = await act(refusals, 'resize', { flavorId: choices.flavors[0]?.id ?? '' });
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(res.body).error.detail).toBe('When resizing, instances must change flavor!');
  });

  it('a 404 for an unknown server or action, and a 400 for a bad body', async () => {
    expect((await act('00000000-0000-4000-8000-000000000000', 'reboot')).status).toBe(404);
    expect((await suite.post(apiPaths.serverAction(refusals, 'explode'))).status).toBe(404);
    const res = await suite.post(apiPaths.serverAction(refusals, 'resize'), {});
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(res.body).error.message).toContain('flavorId');
    expect((await suite.post(apiPaths.serverAction(refusals, 'reboot'), { surprise: true })).status).toBe(400);
  });
});
